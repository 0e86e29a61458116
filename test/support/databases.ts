import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import postgres from 'postgres';
import { type Database, type Db, MIGRATIONS_FOLDER, openDatabase } from '../../src/db/client.js';
import * as schema from '../../src/db/schema.js';

export type Backend = 'pglite' | 'postgres';

/** The server tests create their databases on; .ci/run makes sure one answers. */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const BACKENDS: Backend[] = (process.env.TEST_BACKENDS ?? 'pglite,postgres')
  .split(',')
  .map((b) => b.trim())
  .filter((b): b is Backend => b === 'pglite' || b === 'postgres');

let pgliteTemplate: Promise<Blob> | undefined;

/** PGlite starts slowly and migrates slowly: migrate once per worker, then clone the data directory. */
function migratedPgliteImage(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const client = await PGlite.create('memory://');
    await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    const image = await client.dumpDataDir('none');
    await client.close();
    return image;
  })();
  return pgliteTemplate;
}

export interface TestDatabase extends Database {
  /** A connection string for this database (postgres only), for child processes. */
  url?: string;
}

/** A fresh, migrated, empty database on the given backend. Close it with `drop()`. */
export async function createTestDatabase(
  backend: Backend,
): Promise<TestDatabase & { drop(): Promise<void> }> {
  if (backend === 'pglite') {
    const client = await PGlite.create({ loadDataDir: await migratedPgliteImage() });
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      migrate: () =>
        migratePglite(drizzlePglite({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER }),
      ping: async () => {
        await client.query('select 1');
      },
      close: () => client.close(),
      drop: () => (client.closed ? Promise.resolve() : client.close()),
    };
  }
  const name = `pb_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_POSTGRES_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), dataDir: '', maxConnections: 4 });
  await database.migrate();
  let closed = false;
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      if (!closed) await database.close();
      closed = true;
    },
    drop: async () => {
      if (!closed) await database.close();
      closed = true;
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
