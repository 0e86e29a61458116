import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  migrate(): Promise<void>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; without it, an embedded PGlite database in dataDir. */
  databaseUrl?: string | undefined;
  /** Folder for PGlite; 'memory://' keeps it in memory. */
  dataDir: string;
  /** Seconds to wait for a PostgreSQL connection before failing. */
  connectTimeoutSeconds?: number;
  maxConnections?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      connect_timeout: options.connectTimeoutSeconds ?? 5,
      onnotice: () => {},
    });
    const db = drizzlePostgres({ client: preparedByDefault(client), schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: () =>
        migratePostgres(drizzlePostgres({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
      ping: async () => {
        await client`select 1`;
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create(options.dataDir);
  const pg = drizzlePglite({ client, schema });
  return {
    db: pg as unknown as Db,
    kind: 'pglite',
    migrate: () => migratePglite(pg, { migrationsFolder: MIGRATIONS_FOLDER }),
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
  };
}

/**
 * The postgres.js client as drizzle should see it: every query prepared.
 *
 * drizzle sends each query with `prepare: false`; postgres.js then asks the server for the parameter
 * types before every query that has parameters (Parse/Describe, wait, then Bind/Execute): two round trips
 * a query, none pipelined, and the server parses and plans each time. Prepared (postgres.js's own default:
 * statements cached per connection by their text, named on first use), a query is one round trip and
 * queries issued together are pipelined; this halved the database round trips of `/partner status` and of
 * the outbox dispatcher (bench/PERFORMANCE.md). Transactions and savepoints get the same client.
 */
function preparedByDefault(sql: postgres.Sql): postgres.Sql {
  type Callback = (inner: postgres.Sql) => unknown;
  const wrapScope =
    (open: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      const callback = args.pop() as Callback;
      return open(...args, (inner: postgres.Sql) => callback(preparedByDefault(inner)));
    };
  return new Proxy(sql, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'unsafe')
        return (query: string, params: unknown[] = [], options: Record<string, unknown> = {}) =>
          target.unsafe(query, params as postgres.ParameterOrJSON<never>[], { ...options, prepare: true });
      if (property === 'begin' || property === 'savepoint')
        return wrapScope(value as (...args: unknown[]) => unknown);
      return value;
    },
  });
}

/** Rows of a raw `db.execute()` result: postgres.js returns an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
