import { and, isNull, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.js';

/**
 * Writes `set` on the rows `where` picks whose column `once` is still null: a value written once is
 * kept, and of two writes at once only one changes anything. True when a row changed now.
 */
export async function setOnce<
  Table extends PgTable,
  Once extends keyof Table['$inferSelect'] & keyof Table['$inferInsert'] & string,
>(
  db: Db,
  table: Table,
  once: Once,
  // `set` writes `once` itself, with a value: else the row would stay open to the next write.
  set: Partial<Table['$inferInsert']> & { [K in Once]: NonNullable<Table['$inferInsert'][K]> },
  where: SQL,
): Promise<boolean> {
  // drizzle cannot type an update of a generic table: `once` and `set` are checked against it above.
  const column = (table as unknown as Record<string, AnyPgColumn>)[once]!;
  const rows = await db
    .update(table as PgTable)
    .set(set as never)
    .where(and(where, isNull(column)))
    .returning({ changed: sql<number>`1` });
  return rows.length > 0;
}
