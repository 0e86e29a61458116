import { asc, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { auditLog, contacts } from '../../src/db/schema.js';
import { contactLinkingJob } from '../../src/jobs/contact-linking.job.js';
import { instantForDay } from '../../src/jobs/cron.js';
import { runJobOccurrence } from '../../src/jobs/occurrences.js';
import { linkContacts } from '../../src/services/contact-linking.service.js';
import { jobDeps } from '../jobs/support.js';
import { type DroppableTestDatabase, useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { type FakeSlack, fakeSlackClient, startFakeSlack } from '../support/fake-slack.js';
import { givenContact, givenPartner } from '../support/rows.js';

describe.each(BACKENDS)('linking contacts known by their e-mail to Slack, on %s', (backend) => {
  let t: DroppableTestDatabase;
  let fake: FakeSlack;
  useTestDatabase(backend, (db) => (t = db));
  beforeEach(async () => {
    fake = await startFakeSlack();
    await givenPartner(t.db, { id: 'acme', type: 'ambassador' });
  });
  afterEach(async () => {
    await fake?.close();
  });

  it('records a match with its team and audits it; one not on Slack stays on e-mail; a taken user is left alone', async () => {
    await t.db.insert(contacts).values([
      { partnerId: 'acme', name: 'Found', email: 'found@acme.example' },
      { partnerId: 'acme', name: 'Nowhere', email: 'nowhere@acme.example' },
      { partnerId: 'acme', name: 'Twin', email: 'twin@acme.example' },
    ]);
    await givenContact(t.db, { partnerId: 'acme', slackUserId: 'UTAKEN', profile: 'sales' });
    fake.setUserEmail('Found@Acme.example', { id: 'UFOUND', teamId: 'T0ACME' });
    fake.setUserEmail('twin@acme.example', { id: 'UTAKEN' });
    const client = fakeSlackClient(fake);

    const report = await linkContacts(t.db, client, { actor: 'cli:test' });
    expect(report).toMatchObject({ looked: 3, notFound: 1, taken: 1, failed: 0 });
    const rows = await t.db.select().from(contacts).orderBy(asc(contacts.name));
    expect(rows.map((c) => [c.name, c.slackUserId, c.slackTeamId])).toEqual([
      ['Found', 'UFOUND', 'T0ACME'],
      ['Nowhere', null, null],
      ['Twin', null, null],
      ['UTAKEN', 'UTAKEN', null],
    ]);
    expect(await t.db.select().from(auditLog)).toEqual([
      expect.objectContaining({ actor: 'cli:test', action: 'contact.linked', partnerId: 'acme' }),
    ]);
    // Again: only the ones still unlinked are looked up, and nothing changes.
    const again = await linkContacts(t.db, client, { actor: 'cli:test' });
    expect(again).toMatchObject({ looked: 2, linked: [] });
  });

  it('runs every weekday as a job of its own', async () => {
    await t.db.insert(contacts).values({ partnerId: 'acme', name: 'Found', email: 'found@acme.example' });
    fake.setUserEmail('found@acme.example', { id: 'UFOUND' });
    const client = fakeSlackClient(fake);
    const deps = jobDeps(t.db, { slack: client });
    const outcome = await runJobOccurrence(
      deps,
      contactLinkingJob,
      instantForDay(deps.config.LINKING_CRON, 'Europe/Paris', '2026-02-16'),
    );
    expect(outcome).toMatchObject({ status: 'done', summary: { looked: 1, linked: 1 } });
    expect((await t.db.select().from(contacts))[0]?.slackUserId).toBe('UFOUND');
  });

  /**
   * Two contacts known by their e-mail, one of them on Slack, and the Web API with `before` run ahead of
   * each users.lookupByEmail (to count or watch the calls).
   */
  const twoContactsOnSlack = async (before: (email: string) => Promise<void>) => {
    await t.db.insert(contacts).values([
      { partnerId: 'acme', name: 'Found', email: 'found@acme.example' },
      { partnerId: 'acme', name: 'Other', email: 'other@acme.example' },
    ]);
    fake.setUserEmail('found@acme.example', { id: 'UFOUND' });
    const client = fakeSlackClient(fake);
    return {
      users: {
        lookupByEmail: async (args: { email: string }) => {
          await before(args.email);
          return client.users.lookupByEmail(args);
        },
      },
    };
  };
  const MONDAY = '2026-02-16';
  const linkingAt = (day: string) => instantForDay(jobDeps(t.db).config.LINKING_CRON, 'Europe/Paris', day);

  it('asks Slack once when two instances fire the same occurrence at once', async () => {
    const asked: string[] = [];
    const fire = (instanceId: string) =>
      runJobOccurrence(jobDeps(t.db, { slack, instanceId }), contactLinkingJob, linkingAt(MONDAY));
    // The second instance fires while the first is asking Slack (whatever the machine's speed).
    let second: ReturnType<typeof fire> | undefined;
    const slack = await twoContactsOnSlack(async (email) => {
      asked.push(email);
      second ??= fire('two');
      await second;
    });
    const first = await fire('one');
    expect(first).toMatchObject({ status: 'done', summary: { looked: 2, linked: 1 } });
    expect(await second).toEqual({ status: 'skipped', reason: 'busy' });
    expect(asked.sort()).toEqual(['found@acme.example', 'other@acme.example']);
  });

  it("asks Slack before the job's transaction: a slow Slack holds no transaction open", async () => {
    // While Slack is asked, the database is asked from outside the job: on PostgreSQL no connection of
    // this database may sit in a transaction; PGlite (one connection) would hold the query back until the
    // job's transaction ended, so a query that does not answer in time counts as blocked.
    const seen: unknown[] = [];
    const slack = await twoContactsOnSlack(async () => {
      const idle = t.db
        .execute(
          sql`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and state like 'idle in transaction%'`,
        )
        .then((result) => rowsOf<{ n: number }>(result)[0]?.n);
      seen.push(await Promise.race([idle, new Promise((resolve) => setTimeout(resolve, 2_000, 'blocked'))]));
    });
    const deps = jobDeps(t.db, { slack });
    const outcome = await runJobOccurrence(deps, contactLinkingJob, linkingAt(MONDAY));
    expect(seen).toEqual([0, 0]);
    expect(outcome).toMatchObject({ status: 'done', summary: { looked: 2, linked: 1, notFound: 1 } });
    // Done: the next run of that occurrence asks Slack nothing.
    await runJobOccurrence(deps, contactLinkingJob, linkingAt(MONDAY));
    expect(seen).toHaveLength(2);
  });
});
