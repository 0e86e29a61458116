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
