import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partners } from '../../src/db/schema.js';
import { BACKENDS, createTestDatabase } from '../support/databases.js';

describe.each(BACKENDS)('database on %s', (backend) => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    t = await createTestDatabase(backend);
  });
  afterAll(() => t?.drop());
  it('stores a partner', async () => {
    await t.db.insert(partners).values({
      id: 'p1',
      name: 'Acme',
      searchName: 'acme',
      type: 'operator',
      joinedOn: '2026-01-01',
      tier: 'starter',
      tierSince: '2026-01-01',
    });
    expect(await t.db.select().from(partners)).toHaveLength(1);
  });
});
