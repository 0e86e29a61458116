import type { Db } from './client.js';

/**
 * Runs `work` in one transaction, handing it the transaction as a `Db` so repositories take either.
 * drizzle types a transaction apart from its database (the driver's HKT differs), though every query
 * builder works on both: this is the one place that says so.
 */
export function transaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}
