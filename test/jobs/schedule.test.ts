import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Database, Db } from '../../src/db/client.js';
import { jobOccurrences, reminderLog } from '../../src/db/schema.js';
import { instantForDay, nextInstants, previousInstant } from '../../src/jobs/cron.js';
import { digestJob } from '../../src/jobs/digest.job.js';
import { evaluationJob } from '../../src/jobs/evaluation.job.js';
import { startJobs } from '../../src/jobs/index.js';
import { type JobDefinition, runJobOccurrence } from '../../src/jobs/occurrences.js';
import { remindersJob } from '../../src/jobs/reminders.job.js';
import { type DroppableTestDatabase, useSharedPostgres, useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { givenContact, givenPartner } from '../support/rows.js';
import { catalog, jobDeps, outboxRows, quietLogger, testConfig } from './support.js';

const TZ = 'Europe/Paris';
const REMINDER_CRON = '0 9 * * 1-5';

const parisTime = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);

describe('schedules across the changes to and from summer time (Europe/Paris)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reminders stay at 09:00 local time in the weeks of 29 March and 25 October 2026', () => {
    const march = nextInstants(REMINDER_CRON, TZ, new Date('2026-03-25T12:00:00Z'), 5);
    expect(march.map((d) => d.toISOString())).toEqual([
      '2026-03-26T08:00:00.000Z',
      '2026-03-27T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-03-31T07:00:00.000Z',
      '2026-04-01T07:00:00.000Z',
    ]);
    const october = nextInstants(REMINDER_CRON, TZ, new Date('2026-10-21T12:00:00Z'), 5);
    expect(october.map((d) => d.toISOString())).toEqual([
      '2026-10-22T07:00:00.000Z',
      '2026-10-23T07:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
      '2026-10-27T08:00:00.000Z',
      '2026-10-28T08:00:00.000Z',
    ]);
    for (const d of [...march, ...october]) expect(parisTime(d)).toMatch(/^(Mon|Tue|Wed|Thu|Fri) 09:00$/);
  });

  it('node-schedule fires at the same instants (nextInvocation with the clock on each side of the change)', async () => {
    const config = testConfig();
    const next = async (now: string) => {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(now) });
      const jobs = startJobs({ db: {} as Db, catalog, config, logger: quietLogger, catchUp: false });
      const invocations = jobs.nextInvocations();
      await jobs.stop();
      vi.useRealTimers();
      return Object.fromEntries(Object.entries(invocations).map(([k, v]) => [k, v?.toISOString()]));
    };
    expect(await next('2026-03-27T12:00:00Z')).toEqual({
      reminders: '2026-03-30T07:00:00.000Z',
      digest: '2026-03-30T06:00:00.000Z',
      evaluation: '2026-07-01T04:00:00.000Z',
      'status-refresh': '2026-03-27T23:05:00.000Z',
      'zen-listings': '2026-03-30T07:00:00.000Z',
    });
    expect(await next('2026-10-23T12:00:00Z')).toEqual({
      reminders: '2026-10-26T08:00:00.000Z',
      digest: '2026-10-26T07:00:00.000Z',
      evaluation: '2027-01-01T05:00:00.000Z',
      'status-refresh': '2026-10-23T22:05:00.000Z',
      'zen-listings': '2026-10-26T08:00:00.000Z',
    });
  });

  it('the catch-up finds the missed instant on either side of a change', () => {
    expect(previousInstant(REMINDER_CRON, TZ, new Date('2026-03-30T06:59:00Z'))?.toISOString()).toBe(
      '2026-03-27T08:00:00.000Z',
    );
    expect(previousInstant(REMINDER_CRON, TZ, new Date('2026-03-30T07:00:00Z'))?.toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    expect(previousInstant(REMINDER_CRON, TZ, new Date('2026-10-26T10:00:00Z'))?.toISOString()).toBe(
      '2026-10-26T08:00:00.000Z',
    );
    expect(instantForDay(REMINDER_CRON, TZ, '2026-03-27').toISOString()).toBe('2026-03-27T08:00:00.000Z');
    expect(instantForDay(REMINDER_CRON, TZ, '2026-03-30').toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(instantForDay(REMINDER_CRON, TZ, '2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('refuses a schedule that does not parse, naming the setting', () => {
    const config = testConfig({ DIGEST_CRON: 'every monday' });
    expect(() => startJobs({ db: {} as Db, catalog, config, logger: quietLogger, catchUp: false })).toThrow(
      /DIGEST_CRON "every monday" is not a valid cron expression/,
    );
  });
});

async function givenDueOnMonday2March(db: Db) {
  await givenPartner(db, {
    id: 'acme',
    type: 'ambassador',
    tier: 'access',
    joinedOn: '2026-01-01',
    tierSince: '2026-01-01',
    slackChannelId: 'CACME',
  });
  await givenContact(db, { partnerId: 'acme', slackUserId: 'UADMIN', profile: 'admin' });
}

describe.each(BACKENDS)('occurrences on %s', (backend) => {
  let t: DroppableTestDatabase;
  useTestDatabase(backend, (db) => (t = db));

  it('an occurrence missed while the app was down runs at the next start, once', async () => {
    await givenDueOnMonday2March(t.db);
    // Started at 11:30 in Paris on Monday 2 March: the 09:00 reminders, the 08:00 digest and the
    // 1 January evaluation were all missed.
    const now = () => new Date('2026-03-02T10:30:00Z');
    const config = testConfig();
    const first = startJobs({ db: t.db, catalog, config, logger: quietLogger, now, instanceId: 'first' });
    const caught = await first.caughtUp;
    await first.stop();
    expect(caught.map((c) => [c.job, c.scheduledFor.toISOString(), c.outcome.status])).toEqual([
      ['evaluation', '2026-01-01T05:00:00.000Z', 'done'],
      ['reminders', '2026-03-02T08:00:00.000Z', 'done'],
      ['digest', '2026-03-02T07:00:00.000Z', 'done'],
      ['status-refresh', '2026-03-01T23:05:00.000Z', 'done'],
      ['zen-listings', '2026-03-02T08:00:00.000Z', 'done'],
    ]);
    expect((await outboxRows(t.db)).map((r) => r.dedupeKey)).toContain('reminders:2026-03-02:UADMIN');

    const restart = startJobs({ db: t.db, catalog, config, logger: quietLogger, now, instanceId: 'second' });
    expect(await restart.caughtUp).toEqual([]);
    await restart.stop();
    const occurrences = await t.db.select().from(jobOccurrences);
    expect(occurrences.map((o) => [o.job, o.status, o.instanceId, o.attempts]).sort()).toEqual([
      ['digest', 'done', 'first', 1],
      ['evaluation', 'done', 'first', 1],
      ['reminders', 'done', 'first', 1],
      ['status-refresh', 'done', 'first', 1],
      ['zen-listings', 'done', 'first', 1],
    ]);
  });

  it('a failed occurrence is recorded with its error, rolled back, and taken up again', async () => {
    let fail = true;
    let runs = 0;
    const flaky: JobDefinition = {
      name: 'flaky',
      cronSetting: 'REMINDER_CRON',
      async run({ tx }) {
        runs += 1;
        await givenPartner(tx, { id: `p${runs}` });
        if (fail) throw new Error('Slack is not the problem here');
        return { runs };
      },
    };
    const at = new Date('2026-03-02T08:00:00Z');
    expect(await runJobOccurrence(jobDeps(t.db, { logger: quietLogger }), flaky, at)).toEqual({
      status: 'failed',
      error: 'Slack is not the problem here',
    });
    const [failed] = await t.db.select().from(jobOccurrences);
    expect(failed).toMatchObject({ status: 'failed', error: 'Slack is not the problem here' });
    fail = false;
    expect(await runJobOccurrence(jobDeps(t.db), flaky, at)).toEqual({
      status: 'done',
      summary: { runs: 2 },
    });
    const [done] = await t.db.select().from(jobOccurrences);
    expect(done).toMatchObject({ status: 'done', attempts: 2, error: null });
    // The failed run's writes were rolled back with it.
    const partners = await t.db.query.partners.findMany();
    expect(partners.map((p) => p.id)).toEqual(['p2']);
  });
  it('a job whose preparation fails is not run, is recorded failed, and is prepared again next time', async () => {
    let prepared = 0;
    const runs: unknown[] = [];
    const preparing: JobDefinition<number> = {
      name: 'preparing',
      cronSetting: 'LINKING_CRON',
      async prepare() {
        prepared += 1;
        if (prepared === 1) throw new Error('Slack did not answer');
        return prepared;
      },
      async run({ prepared: value }) {
        runs.push(value);
        return { value };
      },
    };
    const at = new Date('2026-03-02T07:30:00Z');
    expect(await runJobOccurrence(jobDeps(t.db, { logger: quietLogger }), preparing, at)).toEqual({
      status: 'failed',
      error: 'Slack did not answer',
    });
    expect(runs).toEqual([]);
    expect((await t.db.select().from(jobOccurrences))[0]).toMatchObject({ status: 'failed' });
    expect(await runJobOccurrence(jobDeps(t.db), preparing, at)).toEqual({
      status: 'done',
      summary: { value: 2 },
    });
    // Done: neither prepared nor run again.
    expect(await runJobOccurrence(jobDeps(t.db), preparing, at)).toEqual({
      status: 'skipped',
      reason: 'already-done',
    });
    expect([prepared, runs]).toEqual([2, [2]]);
  });
});

describe.runIf(BACKENDS.includes('postgres'))('two instances on one PostgreSQL', () => {
  let t: DroppableTestDatabase;
  let other: Database;
  useSharedPostgres((pg) => ({ database: t, second: other } = pg));

  it('each occurrence runs once when both instances fire it at the same instant', async () => {
    let runs = 0;
    const slow: JobDefinition = {
      name: 'slow',
      cronSetting: 'REMINDER_CRON',
      async run() {
        runs += 1;
        await new Promise((r) => setTimeout(r, 300));
        return {};
      },
    };
    const at = new Date('2026-03-02T08:00:00Z');
    const outcomes = await Promise.all([
      runJobOccurrence(jobDeps(t.db, { instanceId: 'a' }), slow, at),
      runJobOccurrence(jobDeps(other.db, { instanceId: 'b' }), slow, at),
    ]);
    expect(runs).toBe(1);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['done', 'skipped']);
    // Later on, either instance finds it done.
    expect(await runJobOccurrence(jobDeps(other.db, { instanceId: 'b' }), slow, at)).toEqual({
      status: 'skipped',
      reason: 'already-done',
    });
    expect(runs).toBe(1);
  });

  it('two schedulers starting together catch up the missed reminders once: one message per recipient', async () => {
    await givenDueOnMonday2March(t.db);
    const now = () => new Date('2026-03-02T10:30:00Z');
    const config = testConfig();
    const jobs = [remindersJob, digestJob, evaluationJob];
    const a = startJobs({ db: t.db, catalog, config, logger: quietLogger, now, instanceId: 'a', jobs });
    const b = startJobs({ db: other.db, catalog, config, logger: quietLogger, now, instanceId: 'b', jobs });
    await Promise.all([a.caughtUp, b.caughtUp]);
    await Promise.all([a.stop(), b.stop()]);

    const occurrences = await t.db.select().from(jobOccurrences);
    expect(occurrences.filter((o) => o.status === 'done')).toHaveLength(3);
    expect(occurrences.every((o) => o.attempts === 1 || o.status === 'done')).toBe(true);
    expect((await outboxRows(t.db)).map((r) => r.dedupeKey).sort()).toEqual([
      'reminders:2026-03-02:CACME',
      'reminders:2026-03-02:UADMIN',
    ]);
    expect(await t.db.select().from(reminderLog)).toHaveLength(3);
  });
});
