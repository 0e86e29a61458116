import { and, isNull, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.js';

/**
 * Writes `set` on the rows `where` picks whose column `once` is still null: a value written once is
 * kept, and of two writes at once only one changes anything. True when a row changed now.
 */
export async function setOnce<Table extends PgTable>(
  db: Db,
  table: Table,
  once: keyof Table['$inferSelect'] & string,
  set: Partial<Table['$inferInsert']>,
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
