import type { SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.js';

/**
 * The row of `table` that `where` picks, locked until the caller's transaction ends (SELECT … FOR
 * UPDATE); undefined when there is none.
 */
export async function lockedRow<Table extends PgTable>(
  db: Db,
  table: Table,
  where: SQL,
): Promise<Table['$inferSelect'] | undefined> {
  // drizzle cannot type a select from a generic table: the row is the table's (see rows-of-partners.ts).
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(where)
    .for('update');
  return row as Table['$inferSelect'] | undefined;
}
