import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import postgres from 'postgres';
import { inject } from 'vitest';
import { type Database, type Db, MIGRATIONS_FOLDER, openDatabase } from '../../src/db/client.js';
import * as schema from '../../src/db/schema.js';
import { type Backend, TEST_POSTGRES_URL, urlOfDatabase } from './backends.js';
import { buildPgliteImage } from './pglite-image.js';

export { BACKENDS, type Backend, TEST_POSTGRES_URL } from './backends.js';

/** What the global setup provided, or undefined when the run has none (another config, a bare worker). */
function provided<K extends 'pgliteImagePath' | 'postgresTemplate' | 'postgresPrefix'>(key: K) {
  try {
    return inject(key);
  } catch {
    return undefined;
  }
}

let pgliteTemplate: Promise<Blob> | undefined;

/** The image the global setup made once per run; else one made once in this worker. */
function migratedPgliteImage(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const path = provided('pgliteImagePath');
    return path ? new Blob([await readFile(path)]) : buildPgliteImage();
  })();
  return pgliteTemplate;
}

let adminClient: postgres.Sql | undefined;

/** One connection per worker to create and drop databases; it closes itself when idle. */
function admin(): postgres.Sql {
  adminClient ??= postgres(TEST_POSTGRES_URL, { max: 1, idle_timeout: 1, onnotice: () => {} });
  return adminClient;
}

/*
 * PGlite instances are reused within a worker: starting one costs more CPU (0.5 to 1 s: loading the data
 * directory into the WebAssembly file system, starting postgres) than most tests that use it. drop()
 * empties a healthy instance and keeps it for the next createTestDatabase, which then gets what a fresh
 * one holds: the migrated schema (checked), no rows, every sequence at its start, a new session (DISCARD
 * ALL). An instance is closed instead when its test closed it, left it in a transaction, changed its
 * schema, or filled it with many rows. The test that dropped it loses it: its `db` then fails as on a
 * closed database, so a late query from one test cannot land in the next one's database.
 * TEST_PGLITE_REUSE=0 gives every test a new instance.
 */
const REUSE_PGLITE = process.env.TEST_PGLITE_REUSE !== '0';
const MAX_IDLE_PGLITE = 2;
/** Above this many rows deleted, a fresh instance is cheaper than scanning the dead ones (no autovacuum). */
const MAX_ROWS_TO_REUSE = 5_000;

/** The user objects of the schema (oid >= 16384), hashed: any DDL changes it. */
const SCHEMA_FINGERPRINT = `select concat_ws('|',
  (select count(*) || ':' || coalesce(sum(hashtext(concat_ws(':', oid, relname, relkind, relnamespace, relnatts,
    relpersistence, reloptions))), 0) from pg_class where oid >= 16384),
  (select count(*) || ':' || coalesce(sum(hashtext(concat_ws(':', attrelid, attnum, attname, atttypid, atttypmod,
    attnotnull, attisdropped, attidentity, attgenerated))), 0) from pg_attribute where attrelid >= 16384),
  (select count(*) || ':' || coalesce(sum(hashtext(concat_ws(':', adrelid, adnum, adbin))), 0)
    from pg_attrdef where adrelid >= 16384),
  (select count(*) || ':' || coalesce(sum(hashtext(concat_ws(':', oid, conname, contype, conrelid, conkey, confrelid,
    confkey, convalidated, conbin))), 0) from pg_constraint where oid >= 16384),
  (select count(*) || ':' || coalesce(sum(hashtext(concat_ws(':', indexrelid, indkey, indisunique, indpred,
    indexprs))), 0) from pg_index where indexrelid >= 16384),
  (select count(*) || ':' || coalesce(sum(hashtext(concat_ws(':', oid, proname, prosrc))), 0)
    from pg_proc where oid >= 16384),
  (select count(*) || ':' || coalesce(sum(hashtext(concat_ws(':', oid, tgname, tgenabled))), 0)
    from pg_trigger where oid >= 16384),
  (select count(*) from pg_type where oid >= 16384),
  (select count(*) from pg_rewrite where oid >= 16384),
  -- pg_temp_N and pg_toast_temp_N stay once a temporary table was made; DISCARD ALL emptied them.
  (select count(*) from pg_namespace where nspname not like 'pg\\_temp\\_%' and nspname not like 'pg\\_toast\\_temp\\_%'),
  (select count(*) from pg_extension),
  (select count(*) from pg_event_trigger)
) as fingerprint`;

interface PristineDatabase {
  fingerprint: string;
  /** Empties every table but the migrations' journal and puts every sequence back at its start. */
  resetSql: string;
  /** How many rows the tables hold, in all. */
  countSql: string;
}

let pristinePglite: Promise<PristineDatabase | undefined> | undefined;
const idlePglite: PGlite[] = [];

type Query = <T>(sql: string) => Promise<T[]>;

/** What a fresh database holds, read on the first one; undefined if reuse is unsafe. */
async function describePristine(query: Query): Promise<PristineDatabase | undefined> {
  const user = `schemaname not in ('pg_catalog', 'information_schema') and schemaname <> 'drizzle'`;
  const [fingerprint] = await query<{ fingerprint: string }>(SCHEMA_FINGERPRINT);
  const tables = await query<{ name: string }>(
    `select format('%I.%I', schemaname, tablename) as name from pg_tables where ${user} order by 1`,
  );
  const sequences = await query<{ name: string; start: string }>(
    `select format('%I.%I', schemaname, sequencename) as name, start_value::text as start
       from pg_sequences where ${user} order by 1`,
  );
  if (tables.length === 0) return undefined;
  // Rows the migrations put in would be lost: then every test gets a fresh database.
  const countSql = `select (${tables.map((t) => `(select count(*) from ${t.name})`).join(' + ')})::int as n`;
  const [count] = await query<{ n: number }>(countSql);
  if (count!.n > 0) return undefined;
  return {
    fingerprint: fingerprint!.fingerprint,
    countSql,
    // DELETE, not TRUNCATE: on tables this small it is ten times cheaper (no new files). The foreign keys
    // are not checked meanwhile (replica role), so the order does not matter.
    resetSql: [
      'set session_replication_role = replica;',
      ...tables.map((t) => `delete from ${t.name};`),
      ...sequences.map((s) => `select setval('${s.name}', ${s.start}, false);`),
      'reset session_replication_role;',
    ].join('\n'),
  };
}

async function takePglite(): Promise<PGlite> {
  const idle = idlePglite.pop();
  if (idle) return idle;
  const client = await PGlite.create({ loadDataDir: await migratedPgliteImage() });
  // Described before any test writes to it (only the worker's first instance waits for this).
  if (REUSE_PGLITE) {
    pristinePglite ??= describePristine(async <T>(sql: string) => (await client.query<T>(sql)).rows).catch(
      () => undefined,
    );
    await pristinePglite;
  }
  return client;
}

/** Empties the instance for the next test; false when it cannot be made as good as new. */
async function resetForReuse(client: PGlite): Promise<boolean> {
  const pristine = REUSE_PGLITE ? await pristinePglite : undefined;
  if (!pristine || client.closed || client.isInTransaction() || idlePglite.length >= MAX_IDLE_PGLITE)
    return false;
  try {
    const results = await client.exec(pristine.resetSql);
    const deleted = results.reduce((sum, r) => sum + (r.command === 'DELETE' ? (r.rowCount ?? 0) : 0), 0);
    if (deleted > MAX_ROWS_TO_REUSE) return false;
    // Not in the same exec: DISCARD ALL refuses to run in a transaction block.
    await client.exec('discard all');
    const { rows } = await client.query<{ fingerprint: string }>(SCHEMA_FINGERPRINT);
    return rows[0]?.fingerprint === pristine.fingerprint;
  } catch {
    return false;
  }
}

/** A test's hold on an instance: once dropped or closed, every use of it fails as on a closed database. */
function leasePglite(real: PGlite) {
  let released = false;
  const client = new Proxy(real, {
    get(target, property) {
      if (property === 'closed') return released || target.closed;
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (released) throw new Error('PGlite is closed (this test database was dropped)');
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    client,
    async close() {
      if (released) return;
      released = true;
      if (!real.closed) await real.close();
    },
    async drop() {
      if (released) return;
      released = true;
      if (real.closed) return;
      if (await resetForReuse(real)) idlePglite.push(real);
      else await real.close();
    },
  };
}

export interface TestDatabase extends Database {
  /** A connection string for this database (postgres only), for child processes. */
  url?: string;
}

/** Another client (a second instance's pool) on the same PostgreSQL test database; the caller closes it. */
export function openSecondClient(target: TestDatabase): Promise<Database> {
  return openDatabase({ databaseUrl: target.url, dataDir: '', maxConnections: 4 });
}

/** A fresh, migrated, empty database on the given backend. Close it with `drop()`. */
export async function createTestDatabase(
  backend: Backend,
): Promise<TestDatabase & { drop(): Promise<void> }> {
  if (backend === 'pglite') {
    const lease = leasePglite(await takePglite());
    const db = drizzlePglite({ client: lease.client, schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      migrate: () =>
        migratePglite(drizzlePglite({ client: lease.client, schema }), {
          migrationsFolder: MIGRATIONS_FOLDER,
        }),
      ping: async () => {
        await lease.client.query('select 1');
      },
      close: () => lease.close(),
      drop: () => lease.drop(),
    };
  }
  const name = idlePostgres.pop() ?? (await createPostgresDatabase());
  const url = urlOfDatabase(name);
  const database = await openDatabase({ databaseUrl: url, dataDir: '', maxConnections: 4 });
  let closed = false;
  return {
    ...database,
    url,
    close: async () => {
      if (!closed) await database.close();
      closed = true;
    },
    drop: async () => {
      if (!closed) await database.close();
      closed = true;
      if (await resetPostgresForReuse(name)) idlePostgres.push(name);
      else await admin().unsafe(`drop database if exists ${name} with (force)`);
    },
  };
}

/*
 * PostgreSQL databases are reused within a worker too: CREATE DATABASE … TEMPLATE costs about half a second,
 * emptying a small database a few milliseconds. drop() closes the test's connections, then empties the
 * database (as for PGlite) if nothing else is connected to it and its schema is as migrated, and keeps it
 * for the next test; otherwise it drops it. The test that dropped it cannot reach it any more: its pool is
 * closed. What a worker keeps when it ends is dropped by the global setup's teardown (same prefix).
 * TEST_POSTGRES_REUSE=0 gives every test a new database.
 */
const REUSE_POSTGRES = process.env.TEST_POSTGRES_REUSE !== '0';
const MAX_IDLE_POSTGRES = 2;
const idlePostgres: string[] = [];
let pristinePostgres: Promise<PristineDatabase | undefined> | undefined;

/** A new database: a clone of the run's migrated template when there is one, else migrated here. */
async function createPostgresDatabase(): Promise<string> {
  const template = provided('postgresTemplate');
  const name = `${provided('postgresPrefix') ?? 'pb_test_'}${randomBytes(6).toString('hex')}`;
  await admin().unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`);
  if (!template) {
    const database = await openDatabase({ databaseUrl: urlOfDatabase(name), dataDir: '', maxConnections: 1 });
    try {
      await database.migrate();
    } catch (error) {
      await admin().unsafe(`drop database if exists ${name} with (force)`);
      throw error;
    } finally {
      await database.close();
    }
  }
  if (REUSE_POSTGRES) {
    // Described before any test writes to it (only the worker's first database waits for this).
    pristinePostgres ??= withConnection(name, describePristine).catch(() => undefined);
    await pristinePostgres;
  }
  return name;
}

async function withConnection<T>(name: string, use: (query: Query) => Promise<T>): Promise<T> {
  const sql = postgres(urlOfDatabase(name), { max: 1, onnotice: () => {} });
  try {
    return await use(async <R>(text: string) => (await sql.unsafe(text)) as unknown as R[]);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Empties the database for the next test; false when it cannot be made as good as new. */
async function resetPostgresForReuse(name: string): Promise<boolean> {
  const pristine = REUSE_POSTGRES ? await pristinePostgres : undefined;
  if (!pristine || idlePostgres.length >= MAX_IDLE_POSTGRES) return false;
  try {
    return await withConnection(name, async (query) => {
      // A child process or a connection the test opened itself would see the next test's rows.
      const [others] = await query<{ n: number }>(
        'select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      if (others!.n > 0) return false;
      const [rows] = await query<{ n: number }>(pristine.countSql);
      if (rows!.n > MAX_ROWS_TO_REUSE) return false;
      await query(pristine.resetSql);
      const [after] = await query<{ fingerprint: string }>(SCHEMA_FINGERPRINT);
      return after?.fingerprint === pristine.fingerprint;
    });
  } catch {
    return false;
  }
}
