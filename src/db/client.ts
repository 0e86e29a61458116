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
import { connectWatched } from './silent-connection.js';

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
  /**
   * PostgreSQL: the server cancels a statement running longer (statement_timeout), and a connection
   * that hears nothing for this long plus SILENCE_MARGIN_MS while a reply is due is dropped
   * (silent-connection.ts). Default DEFAULT_STATEMENT_TIMEOUT_MS; 0 turns both off.
   */
  statementTimeoutMs?: number;
}

/** A statement of this bot takes milliseconds; its longest (the evaluation at 100 000 partners) about 2 s. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;
/** The client waits this much longer than the server's statement_timeout before calling a connection dead. */
export const SILENCE_MARGIN_MS = 1_000;
/** A transaction left open by a client that stopped talking releases its locks after this long. */
export const IDLE_IN_TRANSACTION_TIMEOUT_MS = 10_000;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const databaseUrl = options.databaseUrl;
    const statementTimeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
    const client = postgres(databaseUrl, {
      max: options.maxConnections ?? 10,
      connect_timeout: options.connectTimeoutSeconds ?? 5,
      onnotice: () => {},
      ...(statementTimeoutMs > 0
        ? {
            // Startup parameters: every connection of the pool, reconnections included.
            connection: {
              statement_timeout: statementTimeoutMs,
              idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_TIMEOUT_MS,
            },
            // Not in postgres.js's types, but an option of its own (connection.js createSocket).
            socket: ({ host, port }: { host: string[]; port: number[] }) =>
              connectWatched({
                host: host[0] ?? 'localhost',
                port: port[0] ?? 5432,
                silenceMs: statementTimeoutMs + SILENCE_MARGIN_MS,
              }),
          }
        : {}),
    });
    const db = drizzlePostgres({ client: preparedByDefault(client), schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      // Migrations on a connection of their own, without the timeouts: building an index may take long.
      migrate: async () => {
        const migrator = postgres(databaseUrl, {
          max: 1,
          connect_timeout: options.connectTimeoutSeconds ?? 5,
          onnotice: () => {},
        });
        try {
          await migratePostgres(drizzlePostgres({ client: migrator, schema }), {
            migrationsFolder: MIGRATIONS_FOLDER,
          });
        } finally {
          await migrator.end({ timeout: 5 });
        }
      },
      ping: async () => {
        await client`select 1`;
      },
      // Queries still running after 2 s are cut: shutdown must end within 10 s whatever the database does.
      close: () => client.end({ timeout: 2 }),
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
