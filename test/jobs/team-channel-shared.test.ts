import { describe, expect, it } from 'vitest';
import { createOutboxRepository } from '../../src/db/repositories/outbox.repository.js';
import { slackChannels } from '../../src/db/schema.js';
import { evaluationJob } from '../../src/jobs/evaluation.job.js';
import { runJobOccurrence } from '../../src/jobs/occurrences.js';
import { checkTeamChannel, teamChannelGuard } from '../../src/services/channel-state.service.js';
import { teamChannelSharedHold } from '../../src/services/evaluation-approval.service.js';
import { type DeliveryEnv, testDispatcher, useDeliveryEnv } from '../outbox/support.js';
import { BACKENDS } from '../support/databases.js';
import { type FakeSlack, fakeSlackClient, startFakeSlack } from '../support/fake-slack.js';
import type { FakeSlackDelivery } from '../support/fake-slack-delivery.js';
import { givenContact, givenMonthlyRevenue, givenPartner, givenStaff } from '../support/rows.js';
import { jobDeps, outboxRows, testConfig } from './support.js';

/** The 1 July 2026 evaluation (06:00 in Paris): Acme is promoted. */
const JULY_1 = new Date('2026-07-01T04:00:00Z');

/** A loopback Slack and a client of it that does not retry, closed after `use`. */
async function withSlack(
  use: (slack: FakeSlack, client: ReturnType<typeof fakeSlackClient>) => Promise<void>,
): Promise<void> {
  const slack = await startFakeSlack();
  try {
    await use(slack, fakeSlackClient(slack));
  } finally {
    await slack.close();
  }
}

describe.each(BACKENDS)('a team channel shared with another organisation, on %s', (backend) => {
  let t: DeliveryEnv['t'];
  let fake: FakeSlackDelivery;
  useDeliveryEnv(backend, (env) => ({ t, fake } = env));

  it('is found at start: one warning line, and its sharing recorded; an internal one says nothing', async () => {
    await withSlack(async (slack, client) => {
      slack.setChannel('CTEAM', { externallyShared: true, teamIds: ['T0PROSPECT'] });
      const warnings: string[] = [];
      expect(await checkTeamChannel(t.db, client, 'CTEAM', (m) => warnings.push(m))).toBe(true);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('ANNOUNCE_CHANNEL_ID CTEAM is shared with another organisation');
      expect(await t.db.select().from(slackChannels)).toEqual([
        expect.objectContaining({ channelId: 'CTEAM', externallyShared: true }),
      ]);

      slack.setChannel('CTEAM', { externallyShared: false });
      expect(await checkTeamChannel(t.db, client, 'CTEAM', (m) => warnings.push(m))).toBe(false);
      expect(warnings).toHaveLength(1);

      // Internal, but with a partner's contact (a guest) among its members.
      await givenPartner(t.db, { id: 'acme', name: 'Acme', type: 'ambassador' });
      await givenContact(t.db, { partnerId: 'acme', slackUserId: 'UACME1' });
      slack.setChannel('CTEAM', { externallyShared: false, members: ['UMGR1', 'UACME1'] });
      expect(await checkTeamChannel(t.db, client, 'CTEAM', (m) => warnings.push(m))).toBe(false);
      expect(warnings).toHaveLength(2);
      expect(warnings[1]).toContain(
        "ANNOUNCE_CHANNEL_ID CTEAM has a partner's contact or a guest among its members",
      );
    });
  });

  it('holds the team summary instead of posting it there; the partners still get theirs', async () => {
    await givenPartner(t.db, { id: 'acme', name: 'Acme', type: 'ambassador', slackChannelId: 'CACME' });
    await givenMonthlyRevenue(t.db, 'acme', '2026-01', '2026-06', 1200);
    await t.db
      .insert(slackChannels)
      .values({ channelId: 'CTEAM', externallyShared: true, connectedTeamIds: ['T0PROSPECT'] });
    const deps = jobDeps(t.db, { config: testConfig({ ANNOUNCE_CHANNEL_ID: 'CTEAM' }) });
    expect(await runJobOccurrence(deps, evaluationJob, JULY_1)).toMatchObject({
      status: 'done',
      summary: { promotions: 1, summaryHeld: 'team channel shared outside' },
    });
    const rows = await outboxRows(t.db);
    expect(rows.map((r) => [r.channel, r.kind, r.hold])).toEqual(
      expect.arrayContaining([
        ['CTEAM', 'evaluation.summary', teamChannelSharedHold('2026-H1')],
        ['CACME', expect.any(String), null],
      ]),
    );
    await testDispatcher(t.db, fake, { perChannelIntervalMs: 0 }).drain();
    expect(fake.posted.filter((m) => m.channel === 'CTEAM')).toEqual([]);
    expect(fake.posted.filter((m) => m.channel === 'CACME')).toHaveLength(1);
  });

  it('posts the summary as before in an internal team channel', async () => {
    await givenPartner(t.db, { id: 'acme', name: 'Acme', type: 'ambassador', slackChannelId: 'CACME' });
    await givenMonthlyRevenue(t.db, 'acme', '2026-01', '2026-06', 1200);
    await t.db
      .insert(slackChannels)
      .values({ channelId: 'CTEAM', externallyShared: false, connectedTeamIds: [] });
    const deps = jobDeps(t.db, { config: testConfig({ ANNOUNCE_CHANNEL_ID: 'CTEAM' }) });
    const run = await runJobOccurrence(deps, evaluationJob, JULY_1);
    expect(run).toMatchObject({ status: 'done' });
    expect(JSON.stringify(run)).not.toContain('summaryHeld');
    await testDispatcher(t.db, fake, { perChannelIntervalMs: 0 }).drain();
    expect(fake.posted.filter((m) => m.channel === 'CTEAM')).toHaveLength(1);
  });

  describe('a guest in the team channel, asked just before posting', () => {
    /** Acme promoted on 1 July, its contact UACME1 on Slack, and the team channel internal as recorded. */
    async function evaluated() {
      await givenPartner(t.db, { id: 'acme', name: 'Acme', type: 'ambassador', slackChannelId: 'CACME' });
      await givenMonthlyRevenue(t.db, 'acme', '2026-01', '2026-06', 1200);
      await givenContact(t.db, { partnerId: 'acme', slackUserId: 'UACME1' });
      await t.db
        .insert(slackChannels)
        .values({ channelId: 'CTEAM', externallyShared: false, connectedTeamIds: [] });
      const deps = jobDeps(t.db, { config: testConfig({ ANNOUNCE_CHANNEL_ID: 'CTEAM' }) });
      expect(await runJobOccurrence(deps, evaluationJob, JULY_1)).toMatchObject({ status: 'done' });
    }
    const summaryRow = async () =>
      (await outboxRows(t.db)).find((r) => r.channel === 'CTEAM' && r.kind === 'evaluation.summary');

    it('is not posted while a partner contact is a member; posted once when retried after the contact left', async () => {
      await withSlack(async (slack, client) => {
        slack.setChannel('CTEAM', { externallyShared: false, members: ['UMGR1', 'UACME1'] });
        await evaluated();
        const mayPost = teamChannelGuard(t.db, client, 'CTEAM');
        await testDispatcher(t.db, fake, { perChannelIntervalMs: 0 }, { mayPost }).drain();
        expect(fake.posted.filter((m) => m.channel === 'CTEAM')).toEqual([]);
        expect(fake.posted.filter((m) => m.channel === 'CACME')).toHaveLength(1);
        const failed = await summaryRow();
        expect(failed).toMatchObject({ status: 'failed' });
        expect(failed?.lastError).toContain("partners' people read ANNOUNCE_CHANNEL_ID CTEAM");

        slack.setChannel('CTEAM', { externallyShared: false, members: ['UMGR1'] });
        await createOutboxRepository(t.db).retryFailed({ ids: [failed!.id], now: new Date() });
        await testDispatcher(t.db, fake, { perChannelIntervalMs: 0 }, { mayPost }).drain();
        expect(fake.posted.filter((m) => m.channel === 'CTEAM')).toHaveLength(1);
        expect(await summaryRow()).toMatchObject({ status: 'sent' });
      });
    });

    it('waits and is tried again when Slack cannot say who reads the channel', async () => {
      await withSlack(async (slack, client) => {
        slack.on('conversations.members', () => ({ ok: false, error: 'internal_error' }));
        await evaluated();
        const mayPost = teamChannelGuard(t.db, client, 'CTEAM');
        await testDispatcher(t.db, fake, { perChannelIntervalMs: 0 }, { mayPost }).drain();
        expect(fake.posted.filter((m) => m.channel === 'CTEAM')).toEqual([]);
        expect(fake.posted.filter((m) => m.channel === 'CACME')).toHaveLength(1);
        const waiting = await summaryRow();
        expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
        expect(waiting?.lastError).toContain('could not tell who reads ANNOUNCE_CHANNEL_ID CTEAM');
      });
    });

    it.each([
      ['a guest of the workspace, single-channel', 'single-channel'],
      ['a guest of the workspace, multi-channel', 'multi-channel'],
      ['a person of another organisation', 'external'],
    ] as const)('is not posted while a member is %s, though none is a contact', async (_, kind) => {
      await withSlack(async (slack, client) => {
        if (kind === 'external') slack.setExternalUser('UPROSPECT', 'T0PROSPECT');
        else slack.setGuest('UPROSPECT', kind);
        slack.setChannel('CTEAM', { externallyShared: false, members: ['UMGR1', 'UPROSPECT'] });
        await evaluated();
        await testDispatcher(
          t.db,
          fake,
          { perChannelIntervalMs: 0 },
          { mayPost: teamChannelGuard(t.db, client, 'CTEAM') },
        ).drain();
        expect(fake.posted.filter((m) => m.channel === 'CTEAM')).toEqual([]);
        expect(await summaryRow()).toMatchObject({ status: 'failed' });
        expect((await summaryRow())?.lastError).toContain('a contact or a guest is a member');
      });
    });

    it('looks up only members who are not staff, and each once while its answer is fresh', async () => {
      await withSlack(async (slack, client) => {
        await givenStaff(t.db, 'UMGR1', 'manager');
        slack.setChannel('CTEAM', { externallyShared: false, members: ['UMGR1', 'UCOLLEAGUE'] });
        await evaluated();
        const mayPost = teamChannelGuard(t.db, client, 'CTEAM');
        expect(await mayPost({ channel: 'CTEAM' })).toBeUndefined();
        expect(await mayPost({ channel: 'CTEAM' })).toBeUndefined();
        expect(slack.callsTo('users.info').map((c) => c.body.user)).toEqual(['UCOLLEAGUE']);
        // A guest joins: only the newcomer is asked about, and the channel is refused.
        slack.setGuest('UGUEST', 'single-channel');
        slack.setChannel('CTEAM', { externallyShared: false, members: ['UMGR1', 'UCOLLEAGUE', 'UGUEST'] });
        expect(await mayPost({ channel: 'CTEAM' })).toContain(
          "partners' people read ANNOUNCE_CHANNEL_ID CTEAM",
        );
        expect(slack.callsTo('users.info').map((c) => c.body.user)).toEqual(['UCOLLEAGUE', 'UGUEST']);
      });
    });

    it('waits when Slack cannot say who a member is', async () => {
      await withSlack(async (slack, client) => {
        slack.setChannel('CTEAM', { externallyShared: false, members: ['UMGR1', 'UCOLLEAGUE'] });
        slack.on('users.info', () => ({ ok: false, error: 'internal_error' }));
        await evaluated();
        await expect(teamChannelGuard(t.db, client, 'CTEAM')({ channel: 'CTEAM' })).rejects.toThrow(
          'could not tell who reads ANNOUNCE_CHANNEL_ID CTEAM',
        );
      });
    });

    it('lets the summary through to a team channel of staff alone, asking Slack for nothing else', async () => {
      await withSlack(async (slack, client) => {
        slack.setChannel('CTEAM', { externallyShared: false, members: ['UMGR1', 'UMGR2'] });
        await evaluated();
        const mayPost = teamChannelGuard(t.db, client, 'CTEAM');
        await testDispatcher(t.db, fake, { perChannelIntervalMs: 0 }, { mayPost }).drain();
        expect(fake.posted.filter((m) => m.channel === 'CTEAM')).toHaveLength(1);
        expect(fake.posted.filter((m) => m.channel === 'CACME')).toHaveLength(1);
        // The partner's own channel is not the team's: its members were never asked.
        expect(
          slack.calls.filter((c) => c.method === 'conversations.members').map((c) => c.body.channel),
        ).toEqual(['CTEAM']);
      });
    });
  });
});
