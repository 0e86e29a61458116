import { eq, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client.js';

/**
 * A query built once per database handle and reused: drizzle builds a query's SQL anew on every call,
 * which was a tenth of a status request's CPU. For the queries every request asks (who is asking, which
 * partner); a transaction's handle gets its own, dropped with it.
 */
export function preparedOnce<Query>(build: (db: Db) => Query): (db: Db) => Query {
  const built = new WeakMap<Db, Query>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}

/** `select * from table where column = value`, prepared once per database handle: the row, if any. */
export function preparedRowWhere<Table extends PgTable>(table: Table, column: AnyPgColumn, name: string) {
  // drizzle cannot type a select from a generic table: the row is the table's (see rows-of-partners.ts).
  const query = preparedOnce((db) =>
    db
      .select()
      .from(table as PgTable)
      .where(eq(column, sql.placeholder('value')))
      .prepare(name),
  );
  return async (db: Db, value: unknown): Promise<Table['$inferSelect'] | undefined> => {
    const [row] = await query(db).execute({ value });
    return row as Table['$inferSelect'] | undefined;
  };
}
