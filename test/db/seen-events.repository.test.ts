import { describe, expect, it } from 'vitest';
import {
  createAssistantThreadsRepository,
  THREAD_MEMORY_MS,
} from '../../src/db/repositories/assistant-threads.repository.js';
import {
  createSeenEventsRepository,
  SEEN_EVENT_TTL_MS,
} from '../../src/db/repositories/seen-events.repository.js';
import { seenEvents } from '../../src/db/schema.js';
import { BACKENDS } from '../support/databases.js';
import { useRepositoryDatabase } from './support.js';

const NOW = new Date('2026-03-20T10:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe.each(BACKENDS)('seen events and assistant threads repositories on %s', (backend) => {
  const db = useRepositoryDatabase(backend);

  it('says an event is new once, then a retry of it is not, until it expires', async () => {
    const repo = createSeenEventsRepository(db());
    expect(await repo.firstSight('EvSEEN1', NOW)).toBe(true);
    expect(await repo.firstSight('EvSEEN1', later(60_000))).toBe(false);
    // Another repository on the same database (another instance) sees it too.
    expect(await createSeenEventsRepository(db()).firstSight('EvSEEN1', later(120_000))).toBe(false);
    expect(await repo.firstSight('EvSEEN2', later(1))).toBe(true);
    // Expired ids are forgotten (and deleted).
    expect(await repo.firstSight('EvSEEN1', later(SEEN_EVENT_TTL_MS + 2))).toBe(true);
    const ids = (await db().select().from(seenEvents)).map((r) => r.eventId).sort();
    expect(ids).toEqual(['EvSEEN1']);
  });

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
});
