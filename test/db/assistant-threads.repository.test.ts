import { describe, expect, it } from 'vitest';
import {
  createAssistantThreadsRepository,
  THREAD_MEMORY_MS,
} from '../../src/db/repositories/assistant-threads.repository.js';
import { BACKENDS } from '../support/databases.js';
import { useRepositoryDatabase } from './support.js';

const NOW = new Date('2026-03-20T10:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe.each(BACKENDS)('assistant threads repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);

  it("remembers a thread's last question and its partner, and forgets quiet threads", async () => {
    const repo = createAssistantThreadsRepository(db());
    expect(await repo.recall('C1', '1.000100', NOW)).toBeUndefined();
    await repo.remember('C1', '1.000100', { intent: 'status', partnerId: 'acme' }, NOW);
    await repo.remember('C1', '1.000100', { intent: 'benefits', partnerId: 'acme' }, later(1_000));
    await repo.remember('C1', '2.000100', { intent: 'list', partnerId: undefined }, later(1_000));
    expect(await repo.recall('C1', '1.000100', later(2_000))).toEqual({
      intent: 'benefits',
      partnerId: 'acme',
    });
    expect(await repo.recall('C1', '2.000100', later(2_000))).toEqual({
      intent: 'list',
      partnerId: undefined,
    });
    expect(await repo.recall('C1', '1.000100', later(THREAD_MEMORY_MS + 2_000))).toBeUndefined();
  });

  it('remembers the part of a card asked about, and forgets it when the next question asks the whole', async () => {
    const repo = createAssistantThreadsRepository(db());
    const turn = { intent: 'obligations', partnerId: 'acme' };
    await repo.remember('C1', '3.000100', { ...turn, focus: 'trainings' }, NOW);
    expect(await repo.recall('C1', '3.000100', later(1_000))).toEqual({ ...turn, focus: 'trainings' });
    await repo.remember('C1', '3.000100', turn, later(1_000));
    expect((await repo.recall('C1', '3.000100', later(2_000)))?.focus).toBeUndefined();
  });
});
