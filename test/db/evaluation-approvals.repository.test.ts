import { describe, expect, it } from 'vitest';
import { createEvaluationApprovalsRepository } from '../../src/db/repositories/evaluation-approvals.repository.js';
import { transaction } from '../../src/db/transaction.js';
import { BACKENDS } from '../support/databases.js';
import { useRepositoryDatabase } from './support.js';

describe.each(BACKENDS)('evaluation approvals repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repo = () => createEvaluationApprovalsRepository(db());

  it('asks for a semester’s approval once: asking again keeps the first hold', async () => {
    await repo().request('2030-H1', 'evaluation-approval:2030-H1');
    await repo().request('2030-H1', 'another hold');

    expect(await repo().lock('2030-H1')).toMatchObject({
      semester: '2030-H1',
      status: 'pending',
      hold: 'evaluation-approval:2030-H1',
      decidedBy: null,
      decidedAt: null,
    });
  });

  it('records who approved and when', async () => {
    await repo().request('2031-H1', 'evaluation-approval:2031-H1');
    await repo().request('2031-H2', 'evaluation-approval:2031-H2');
    const at = new Date('2031-07-02T10:00:00Z');

    const approved = await transaction(db(), async (tx) => {
      const approvals = createEvaluationApprovalsRepository(tx);
      const locked = await approvals.lock('2031-H1');
      await approvals.approve('2031-H1', { by: 'UADMIN', at });
      return { before: locked?.status, after: await approvals.lock('2031-H1') };
    });

    expect(approved).toMatchObject({
      before: 'pending',
      after: { status: 'approved', decidedBy: 'UADMIN', decidedAt: at, hold: 'evaluation-approval:2031-H1' },
    });
    expect((await repo().lock('2031-H2'))?.status).toBe('pending');
  });

  it('knows nothing of a semester never asked', async () => {
    await repo().request('2030-H1', 'evaluation-approval:2030-H1');
    expect(await repo().lock('1999-H2')).toBeUndefined();
    await repo().approve('1999-H2', { by: 'UADMIN', at: new Date('2000-01-01T00:00:00Z') });
    expect(await repo().lock('1999-H2')).toBeUndefined();
  });
});
