import { describe, expect, it } from 'vitest';
import { partners } from '../../src/db/schema.js';
import { BACKENDS } from '../support/databases.js';
import { partnerRow } from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

describe.each(BACKENDS)('database on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  it('stores a partner', async () => {
    await db()
      .insert(partners)
      .values(partnerRow({ id: 'p1', name: 'Acme', type: 'operator', joinedOn: '2026-01-01' }));
    expect(await db().select().from(partners)).toHaveLength(1);
  });
});
