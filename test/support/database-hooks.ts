import { afterEach, beforeEach } from 'vitest';
import { type Backend, createTestDatabase, type TestDatabase } from './databases.js';

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
