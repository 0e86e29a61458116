import type { SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.js';

/**
 * The row of `table` that `where` picks (the first, when it picks more); undefined when there is none.
 * `forUpdate`: locked until the caller's transaction ends (SELECT … FOR UPDATE).
 */
export async function oneRow<Table extends PgTable>(
  db: Db,
  table: Table,
  where: SQL,
  options: { forUpdate?: boolean } = {},
): Promise<Table['$inferSelect'] | undefined> {
  // drizzle cannot type a select from a generic table: the row is the table's (see rows-of-partners.ts).
  const query = db
    .select()
    .from(table as PgTable)
    .where(where);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row as Table['$inferSelect'] | undefined;
}

/** The row of `table` that `where` picks, locked until the caller's transaction ends. */
export function lockedRow<Table extends PgTable>(
  db: Db,
  table: Table,
  where: SQL,
): Promise<Table['$inferSelect'] | undefined> {
  return oneRow(db, table, where, { forUpdate: true });
}
