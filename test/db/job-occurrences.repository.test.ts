import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createJobOccurrencesRepository } from '../../src/db/repositories/job-occurrences.repository.js';
import { jobOccurrences } from '../../src/db/schema.js';
import { transaction } from '../../src/db/transaction.js';
import { BACKENDS } from '../support/databases.js';
import { useRepositoryDatabase } from './support.js';

const at = (iso: string) => new Date(iso);

describe.each(BACKENDS)('job occurrences repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repo = () => createJobOccurrencesRepository(db());

  const occurrence = async (job: string, scheduledFor: Date) =>
    (
      await db()
        .select()
        .from(jobOccurrences)
        .where(and(eq(jobOccurrences.job, job), eq(jobOccurrences.scheduledFor, scheduledFor)))
    )[0];

  /** An occurrence running its `attempts`-th attempt on `instanceId` since `startedAt`, nothing finished. */
  const running = (attempts: number, instanceId: string, startedAt: string) => ({
    status: 'running',
    attempts,
    instanceId,
    startedAt: at(startedAt),
    finishedAt: null,
    error: null,
  });

  /** Records an occurrence of `job` scheduled for `iso`, begun and done at that instant. */
  const doneAt = async (job: string, iso: string) => {
    await repo().begin({ job, scheduledFor: at(iso), instanceId: 'i', startedAt: at(iso) });
    await repo().markDone(job, at(iso), { finishedAt: at(iso), instanceId: 'i', summary: {} });
  };

  it('records an occurrence running once, and takes a failed one up again', async () => {
    const job = 'begin-job';
    const scheduledFor = at('2026-03-02T08:00:00Z');
    await repo().begin({ job, scheduledFor, instanceId: 'i1', startedAt: at('2026-03-02T08:00:01Z') });
    expect(await occurrence(job, scheduledFor)).toMatchObject(running(1, 'i1', '2026-03-02T08:00:01Z'));

    // Running already (the unique key conflicts): left as it is.
    await repo().begin({ job, scheduledFor, instanceId: 'i2', startedAt: at('2026-03-02T08:00:02Z') });
    expect(await occurrence(job, scheduledFor)).toMatchObject({ attempts: 1, instanceId: 'i1' });

    await repo().markFailed(job, scheduledFor, { finishedAt: at('2026-03-02T08:00:03Z'), error: 'boom' });
    expect(await occurrence(job, scheduledFor)).toMatchObject({
      status: 'failed',
      error: 'boom',
      finishedAt: at('2026-03-02T08:00:03Z'),
    });

    expect(
      await repo().begin({ job, scheduledFor, instanceId: 'i3', startedAt: at('2026-03-02T09:00:00Z') }),
    ).toEqual({ owned: true, found: 'failed' });
    expect(await occurrence(job, scheduledFor)).toMatchObject(running(2, 'i3', '2026-03-02T09:00:00Z'));
  });

  it('says whether the occurrence is now this run’s and what it found, and takes over one left running before staleBefore', async () => {
    const job = 'owned-job';
    const scheduledFor = at('2026-03-02T08:00:00Z');
    const begin = (instanceId: string, startedAt: string, staleBefore?: string) =>
      repo().begin({
        job,
        scheduledFor,
        instanceId,
        startedAt: at(startedAt),
        ...(staleBefore ? { staleBefore: at(staleBefore) } : {}),
      });
    const runningElsewhere = { owned: false, found: 'running' };
    expect(await begin('i1', '2026-03-02T08:00:01Z')).toEqual({ owned: true, found: undefined });
    // Another instance at the same instant, or later while it is recent: i1's still.
    expect(await begin('i2', '2026-03-02T08:00:01Z', '2026-03-02T07:30:01Z')).toEqual(runningElsewhere);
    expect(await begin('i2', '2026-03-02T08:20:00Z', '2026-03-02T07:50:00Z')).toEqual(runningElsewhere);
    expect(await occurrence(job, scheduledFor)).toMatchObject(running(1, 'i1', '2026-03-02T08:00:01Z'));
    // Started before staleBefore and never finished (its process died): taken over.
    expect(await begin('i2', '2026-03-02T08:40:00Z', '2026-03-02T08:10:00Z')).toEqual({
      owned: true,
      found: 'running',
    });
    expect(await occurrence(job, scheduledFor)).toMatchObject(running(2, 'i2', '2026-03-02T08:40:00Z'));
    await repo().markDone(job, scheduledFor, {
      finishedAt: at('2026-03-02T08:41:00Z'),
      instanceId: 'i2',
      summary: {},
    });
    expect(await begin('i3', '2026-03-02T12:00:00Z', '2026-03-02T11:30:00Z')).toEqual({
      owned: false,
      found: 'done',
    });
  });

  it('marks an occurrence done with its summary; done, it neither fails nor starts again', async () => {
    const job = 'done-job';
    const scheduledFor = at('2026-03-03T08:00:00Z');
    await repo().begin({ job, scheduledFor, instanceId: 'i1', startedAt: scheduledFor });
    await repo().markDone(job, scheduledFor, {
      finishedAt: at('2026-03-03T08:00:05Z'),
      instanceId: 'i2',
      summary: { queued: 3 },
    });
    const done = await occurrence(job, scheduledFor);
    expect(done).toMatchObject({
      status: 'done',
      instanceId: 'i2',
      summary: { queued: 3 },
      finishedAt: at('2026-03-03T08:00:05Z'),
    });
    expect(await repo().status(job, scheduledFor)).toBe('done');

    await repo().markFailed(job, scheduledFor, { finishedAt: at('2026-03-03T09:00:00Z'), error: 'late' });
    await repo().begin({ job, scheduledFor, instanceId: 'i3', startedAt: at('2026-03-03T09:00:00Z') });
    expect(await occurrence(job, scheduledFor)).toEqual(done);
  });

  it('knows nothing of an occurrence never recorded', async () => {
    await doneAt('done-job', '2026-03-03T08:00:00Z');
    expect(await repo().status('unknown-job', at('2026-03-04T08:00:00Z'))).toBeUndefined();
    expect(await repo().status('done-job', at('2026-03-04T08:00:00Z'))).toBeUndefined();
  });

  it('finds the latest done occurrence scheduled strictly before an instant, of that job only', async () => {
    const job = 'last-job';
    const done = (iso: string) => doneAt(job, iso);
    await done('2026-03-09T08:00:00Z');
    await done('2026-03-10T08:00:00Z');
    await repo().begin({
      job,
      scheduledFor: at('2026-03-11T08:00:00Z'),
      instanceId: 'i',
      startedAt: at('2026-03-11T08:00:00Z'),
    });
    await repo().markFailed(job, at('2026-03-11T08:00:00Z'), {
      finishedAt: at('2026-03-11T08:01:00Z'),
      error: 'x',
    });
    await done('2026-03-12T08:00:00Z');
    await doneAt('other-job', '2026-03-11T12:00:00Z');

    expect(await repo().lastDoneBefore(job, at('2026-03-12T00:00:00Z'))).toEqual(at('2026-03-10T08:00:00Z'));
    expect(await repo().lastDoneBefore(job, at('2026-03-12T08:00:00Z'))).toEqual(at('2026-03-10T08:00:00Z'));
    expect(await repo().lastDoneBefore(job, at('2026-03-12T08:00:01Z'))).toEqual(at('2026-03-12T08:00:00Z'));
    expect(await repo().lastDoneBefore(job, at('2026-03-09T08:00:00Z'))).toBeUndefined();
    expect(await repo().lastDoneBefore('never-job', at('2030-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('takes the job lock in a transaction; another transaction meanwhile does not get it', async () => {
    const locks = await transaction(db(), async (tx) => {
      const first = await createJobOccurrencesRepository(tx).tryLock('lock-job');
      const again = await createJobOccurrencesRepository(tx).tryLock('lock-job');
      const otherJob = await createJobOccurrencesRepository(tx).tryLock('lock-other-job');
      // PGlite has a single connection: a second transaction would wait for this one.
      const elsewhere =
        backend === 'postgres'
          ? await transaction(db(), (other) => createJobOccurrencesRepository(other).tryLock('lock-job'))
          : undefined;
      return { first, again, otherJob, elsewhere };
    });
    expect(locks).toEqual({
      first: true,
      again: true,
      otherJob: true,
      elsewhere: backend === 'postgres' ? false : undefined,
    });
    // Released with the transaction.
    expect(await transaction(db(), (tx) => createJobOccurrencesRepository(tx).tryLock('lock-job'))).toBe(
      true,
    );
  });
});
