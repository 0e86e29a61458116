import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createAuditRepository } from '../../src/db/repositories/audit.repository.js';
import { auditLog } from '../../src/db/schema.js';
import { transaction } from '../../src/db/transaction.js';
import { BACKENDS } from '../support/databases.js';
import { useRepositoryDatabase } from './support.js';

describe.each(BACKENDS)('audit repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const entries = () => db().select().from(auditLog).orderBy(asc(auditLog.id));

  it('records entries about a partner and about none, in order', async () => {
    const audit = createAuditRepository(db());
    await audit.record({
      actor: 'U1',
      action: 'revenue.record',
      partnerId: 'acme',
      details: { amountCents: 5 },
    });
    await audit.record({ actor: 'job', action: 'evaluation.run', details: {} });
    expect(await entries()).toEqual([
      expect.objectContaining({
        actor: 'U1',
        action: 'revenue.record',
        partnerId: 'acme',
        details: { amountCents: 5 },
      }),
      expect.objectContaining({ actor: 'job', action: 'evaluation.run', partnerId: null, details: {} }),
    ]);
    expect((await entries())[0]!.at).toBeInstanceOf(Date);
  });

  it('writes nothing when its transaction rolls back', async () => {
    await expect(
      transaction(db(), async (tx) => {
        await createAuditRepository(tx).record({ actor: 'U1', action: 'x', partnerId: null, details: {} });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await entries()).toEqual([]);
  });
});
