import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories/index.js';
import { transaction } from '../../src/db/transaction.js';
import { BACKENDS } from '../support/databases.js';
import { partnerRow } from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

describe.each(BACKENDS)('repositories on a transaction, on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const partner = partnerRow({ id: 'acme', name: 'Acme' });

  it('commit together', async () => {
    await transaction(db(), async (tx) => {
      const r = createRepositories(tx);
      await r.partners.insertMany([partner]);
      await r.audit.record({ actor: 'U1', action: 'test', partnerId: 'acme', details: {} });
    });
    expect(await createRepositories(db()).partners.count()).toBe(1);
  });

  it('roll back together', async () => {
    await expect(
      transaction(db(), async (tx) => {
        const r = createRepositories(tx);
        await r.partners.insertMany([partner]);
        await r.staff.insertMany([{ slackUserId: 'U1', name: 'Alice', role: 'admin' }]);
        await r.partners.insertMany([partner]);
      }),
    ).rejects.toThrow();
    const r = createRepositories(db());
    expect(await r.partners.count()).toBe(0);
    expect(await r.staff.bySlackUserId('U1')).toBeUndefined();
  });
});
