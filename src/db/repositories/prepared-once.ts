import { eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { batchCalls } from '../batch-calls.js';
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

/**
 * `select * from table where column = value` on a unique column: the row, if any. Alone, the query is
 * prepared once per database handle; the lookups that arrive while one is in flight go together in one
 * `where column in (...)` (batchCalls): under load a round trip serves every request of the moment.
 */
export function preparedRowWhere<Table extends PgTable>(table: Table, column: AnyPgColumn, name: string) {
  type Row = Table['$inferSelect'];
  const key = Object.entries(getTableColumns(table)).find(([, c]) => c === column)?.[0];
  if (!key) throw new Error(`${name}: the column is not one of the table's`);
  // drizzle cannot type a select from a generic table: the row is the table's (see rows-of-partners.ts).
  const one = preparedOnce((db) =>
    db
      .select()
      .from(table as PgTable)
      .where(eq(column, sql.placeholder('value')))
      .prepare(name),
  );
  const batched = preparedOnce((db) =>
    batchCalls(async (values: unknown[]): Promise<(Row | undefined)[]> => {
      if (values.length === 1) return [(await one(db).execute({ value: values[0] }))[0] as Row | undefined];
      const rows = (await db
        .select()
        .from(table as PgTable)
        .where(inArray(column, [...new Set(values)]))) as Record<string, unknown>[];
      const byKey = new Map(rows.map((row) => [row[key], row]));
      // A row of its own for each caller, even one asking for the same key as another.
      return values.map((value) => {
        const row = byKey.get(value);
        return row && ({ ...row } as Row);
      });
    }),
  );
  return (db: Db, value: unknown): Promise<Row | undefined> => batched(db)(value);
}
