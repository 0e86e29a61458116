import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { type Backend, createTestDatabase } from '../support/databases.js';

/** Every table a repository test writes to, emptied before each test. */
const TABLES = [
  'audit_log',
  'checklist_items',
  'training_completions',
  'revenue_lines',
  'tier_history',
  'contacts',
  'partners',
  'staff',
];

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
