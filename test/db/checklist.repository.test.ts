import { describe, expect, it } from 'vitest';
import { createChecklistRepository } from '../../src/db/repositories/checklist.repository.js';
import { BACKENDS } from '../support/databases.js';
import { givenPartner } from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

describe.each(BACKENDS)('checklist repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repo = () => createChecklistRepository(db());

  it('gives the days an item was done, earliest first, for that partner and item only', async () => {
    await givenPartner(db(), { id: 'acme' });
    await givenPartner(db(), { id: 'beta' });
    await repo().insertMany([
      { partnerId: 'acme', item: 'sales-review', completedOn: '2026-02-10' },
      { partnerId: 'acme', item: 'sales-review', completedOn: '2025-11-03' },
      { partnerId: 'acme', item: 'doc-charter', completedOn: '2026-01-01' },
      { partnerId: 'beta', item: 'sales-review', completedOn: '2026-01-05' },
    ]);
    expect(await repo().completions('acme', 'sales-review')).toEqual(['2025-11-03', '2026-02-10']);
    expect(await repo().completions('acme', 'com-logo')).toEqual([]);
    expect(await repo().completions('nobody', 'sales-review')).toEqual([]);
    // A partner's whole checklist, as its record holds it: every item and day, its own only.
    const ofAcme = await repo().ofPartner('acme');
    expect(ofAcme.sort((a, b) => a.completedOn.localeCompare(b.completedOn))).toEqual([
      { item: 'sales-review', completedOn: '2025-11-03' },
      { item: 'doc-charter', completedOn: '2026-01-01' },
      { item: 'sales-review', completedOn: '2026-02-10' },
    ]);
    expect(await repo().ofPartner('nobody')).toEqual([]);
  });

  it('adds an item done once per day: the same day again is left as it was', async () => {
    await givenPartner(db(), { id: 'acme' });
    await repo().add({ partnerId: 'acme', item: 'doc-charter', completedOn: '2026-03-01' });
    await repo().add({ partnerId: 'acme', item: 'doc-charter', completedOn: '2026-03-01' });
    await repo().add({ partnerId: 'acme', item: 'doc-charter', completedOn: '2026-03-02' });
    expect(await repo().completions('acme', 'doc-charter')).toEqual(['2026-03-01', '2026-03-02']);
  });

  it('refuses an item of an unknown partner', async () => {
    await expect(
      repo().add({ partnerId: 'nobody', item: 'doc-charter', completedOn: '2026-03-01' }),
    ).rejects.toThrow();
    await repo().insertMany([]);
  });
});
