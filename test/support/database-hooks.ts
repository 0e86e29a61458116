import { afterEach, beforeEach } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { type Backend, createTestDatabase, openSecondClient, type TestDatabase } from './databases.js';

export type DroppableTestDatabase = TestDatabase & { drop(): Promise<void> };

/**
 * The hooks of a describe block whose every test gets a fresh database, dropped after it; `use` receives
 * it before each test (`(db) => (t = db)`).
 */
export function useTestDatabase(backend: Backend, use: (database: DroppableTestDatabase) => void): void {
  let database: DroppableTestDatabase | undefined;
  beforeEach(async () => {
    database = await createTestDatabase(backend);
    use(database);
  });
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });
}

/**
 * useTestDatabase on PostgreSQL, with a second client on the same database (another instance's pool),
 * closed after each test before the database is dropped; `use` receives both before each test
 * (`(pg) => ({ database: t, second } = pg)`).
 */
export function useSharedPostgres(
  use: (clients: { database: DroppableTestDatabase; second: Database }) => void,
): void {
  let database: DroppableTestDatabase;
  let second: Database | undefined;
  useTestDatabase('postgres', (db) => (database = db));
  beforeEach(async () => {
    second = await openSecondClient(database);
    use({ database, second });
  });
  afterEach(async () => {
    await second?.close();
    second = undefined;
  });
}
