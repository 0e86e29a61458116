import { asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.js';
import { oneRow } from './one-row.js';

/**
 * The rows of a table kept per partner (one with a `partner_id` column), for these partners: every
 * partner's when `ids` is left out, none (and no query) for an empty list; by partner, then in `thenBy`
 * order. What the status card, the digest and the export read for many partners at once.
 */
export async function rowsOfPartners<Table extends PgTable & { partnerId: AnyPgColumn }>(
  db: Db,
  table: Table,
  ids: readonly string[] | undefined,
  ...thenBy: (AnyPgColumn | SQL)[]
): Promise<Table['$inferSelect'][]> {
  if (ids && ids.length === 0) return [];
  // drizzle cannot type a select from a generic table: the rows are the table's, as its $inferSelect says.
  const rows = await db
    .select()
    .from(table as PgTable)
    .where(ids ? inArray(table.partnerId, [...ids]) : undefined)
    .orderBy(asc(table.partnerId), ...thenBy);
  return rows as Table['$inferSelect'][];
}

/** The row of a table kept one per partner (its key is `partner_id`); undefined when the partner has none. */
export function rowOfPartner<Table extends PgTable & { partnerId: AnyPgColumn }>(
  db: Db,
  table: Table,
  partnerId: string,
): Promise<Table['$inferSelect'] | undefined> {
  return oneRow(db, table, eq(table.partnerId, partnerId));
}

/**
 * The reads and the upsert of a table kept one row per partner (its key `partner_id`, its `updated_at`
 * set on every write).
 */
export function onePerPartner<Table extends PgTable & { partnerId: AnyPgColumn; updatedAt: AnyPgColumn }>(
  db: Db,
  table: Table,
) {
  type Row = Table['$inferSelect'];
  return {
    forPartner(partnerId: string): Promise<Row | undefined> {
      return rowOfPartner(db, table, partnerId);
    },

    forPartners(ids?: readonly string[]): Promise<Row[]> {
      return rowsOfPartners(db, table, ids);
    },

    async upsert(row: Omit<Row, 'updatedAt'>, now: Date): Promise<void> {
      const { partnerId, ...rest } = row as Omit<Row, 'updatedAt'> & { partnerId: string };
      // As for the reads, drizzle cannot type an insert into a generic table.
      await db
        .insert(table as PgTable)
        .values({ ...row, updatedAt: now } as PgTable['$inferInsert'])
        .onConflictDoUpdate({ target: table.partnerId, set: { ...rest, updatedAt: now } });
    },
  };
}

/** Rows of several partners, each partner's in their order. */
export function groupByPartner<T extends { partnerId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.partnerId);
    if (list) list.push(row);
    else map.set(row.partnerId, [row]);
  }
  return map;
}
