import { getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Db } from '../../src/db/client.js';
import * as schema from '../../src/db/schema.js';
import { type Backend, createTestDatabase } from '../support/databases.js';

/** Every table of the schema: a repository test may write to any, so all are emptied before each test. */
const TABLES = Object.values(schema as Record<string, unknown>)
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableName(table));

/**
 * One database per test file on `backend` (created in beforeAll, dropped in afterAll), emptied before
 * each test so that none depends on another's rows. Call it inside the file's `describe`.
 */
export function useRepositoryDatabase(backend: Backend): () => Db {
  let t: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(() => t?.drop());
  beforeEach(async () => {
    await t!.db.execute(sql.raw(`truncate table ${TABLES.join(', ')} restart identity cascade`));
  });
  return () => t!.db;
}
