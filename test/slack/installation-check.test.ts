import type { App } from '@slack/bolt';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { revenueLines } from '../../src/db/schema.js';
import { type ListenerDeps, registerListeners } from '../../src/slack/listeners/index.js';
import { checkInstallation, type Installation } from '../../src/slack/request-verification.js';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { startTestSlackApp, type TestSlackApp } from '../support/slack-app.js';
import {
  appHomeOpened,
  blockActions,
  DEFAULTS,
  eventCallback,
  slashCommand,
  viewSubmission,
} from '../support/slack-requests.js';
import { CHANNELS, NOW, seedWrites, snapshot, USERS } from './writes.fixtures.js';

/**
 * Every signed request must be for our app and our installation: the app id comes from Slack at start
 * (bots.info, or SLACK_APP_ID), the workspace and org from auth.test, never from the request. A probe
 * middleware sees what Bolt dispatches, so "refused" is checked as "nothing dispatched, nothing written,
 * no Slack call".
 */

const OUR_TEAM = DEFAULTS.teamId;
const OUR_APP = DEFAULTS.apiAppId;

function probe(dispatched: unknown[]) {
  return (app: App, deps: ListenerDeps) => {
    app.use(async ({ body, next }) => {
      dispatched.push(body);
      await next();
    });
    registerListeners(app, deps);
    app.action('probe_action', async ({ ack }) => ack());
    app.view('probe_view', async ({ ack }) => ack());
  };
}

describe.each(BACKENDS)('requests for another app or installation, on %s', (backend) => {
  let database: TestDatabase & { drop(): Promise<void> };
  let t: TestSlackApp;
  const dispatched: unknown[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(backend);
    await seedWrites(database.db);
    t = await startTestSlackApp({ database, register: probe(dispatched), now: () => NOW });
  });
  afterAll(async () => {
    await t?.stop();
    await database?.drop();
  });
  beforeEach(() => {
    dispatched.length = 0;
    t.fakeSlack.reset();
    t.logs.length = 0;
  });

  const revenueOfAcmeInFebruary = async () =>
    (
      await database.db
        .select()
        .from(revenueLines)
        .where(and(eq(revenueLines.partnerId, 'acme'), eq(revenueLines.month, '2026-02-01')))
    )[0]?.amountCents;

  /** Sends a signed request that must be refused: `status`, nothing dispatched, written or called, logged. */
  async function expectRefused(request: ReturnType<typeof slashCommand>, status: number, reason: string) {
    const before = await snapshot(database.db);
    const response = await t.send(request);
    expect(response.status).toBe(status);
    // Give a wrongly dispatched listener time to show itself.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(dispatched).toEqual([]);
    expect(t.fakeSlack.calls).toEqual([]);
    expect(t.fakeSlack.responses).toEqual([]);
    expect(await snapshot(database.db)).toBe(before);
    const warnings = t.logs.filter((l) => l.level === 'warn').map((l) => l.message);
    expect(warnings.join('\n')).toContain(reason);
    // Ids only: the body (its verification token, its text) is never logged.
    expect(warnings.join('\n')).not.toContain(DEFAULTS.verificationToken);
  }

  it('learned its installation at start from auth.test and bots.info', () => {
    expect(t.slackApp.installation).toEqual({
      appId: OUR_APP,
      teamId: OUR_TEAM,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    } satisfies Installation);
  });

  // The refused writes ask for an amount no test records (4 200 €): whatever ran before, it must not appear.
  it("refuses an admin's /partner write sent with team T0EVIL, and writes nothing", async () => {
    const text = 'revenue acme 2026-02 recurring 4200';
    await expectRefused(
      slashCommand({ text, userId: USERS.admin, channelId: CHANNELS.internal, teamId: 'T0EVIL' }),
      401,
      'wrong_team: command /partner for app=A0PARTNER team_id=T0EVIL',
    );
    expect(await revenueOfAcmeInFebruary()).not.toBe(420_000);
  });

  it('refuses a command for another app, another org, or an org-wide install', async () => {
    const text = 'revenue acme 2026-02 recurring 4200';
    const as = { text, userId: USERS.admin, channelId: CHANNELS.internal };
    await expectRefused(slashCommand({ ...as, apiAppId: 'A0OTHERAPP' }), 401, 'wrong_app');
    await expectRefused(slashCommand({ ...as, enterpriseId: 'E0EVIL' }), 401, 'wrong_enterprise');
    await expectRefused(slashCommand({ ...as, isEnterpriseInstall: true }), 401, 'enterprise_install');
    expect(await revenueOfAcmeInFebruary()).not.toBe(420_000);
  });

  it('carries out the same write for our team and app', async () => {
    const { response, ack } = await t.command('revenue acme 2026-02 recurring 3100', {
      userId: USERS.admin,
      channelId: CHANNELS.internal,
    });
    expect(response.status).toBe(200);
    expect(JSON.stringify(ack)).toContain('€3,100.00');
    expect(dispatched).toHaveLength(1);
    expect(await revenueOfAcmeInFebruary()).toBe(310_000);
  });

  it('refuses interactions for another team, app or org', async () => {
    await expectRefused(blockActions({ actionId: 'probe_action', teamId: 'T0EVIL' }), 401, 'wrong_team');
    await expectRefused(blockActions({ actionId: 'probe_action', apiAppId: 'A0OTHERAPP' }), 401, 'wrong_app');
    await expectRefused(
      blockActions({ actionId: 'probe_action', enterpriseId: 'E0EVIL' }),
      401,
      'wrong_enterprise',
    );
    await expectRefused(viewSubmission({ callbackId: 'probe_view', teamId: 'T0EVIL' }), 401, 'wrong_team');
    // A modal "opened from another workspace" that names another installation.
    await expectRefused(
      viewSubmission({ callbackId: 'probe_view', teamId: 'T0EXTERNAL', appInstalledTeamId: 'T0EVIL' }),
      401,
      'wrong_team: interaction view_submission for app=A0PARTNER view.app_installed_team_id=T0EVIL',
    );
  });

  it('accepts an external user of a Slack Connect channel: their team is not the installation', async () => {
    // block_actions: team.id is the installation, user.team_id the external user's own workspace.
    const click = await t.send(
      blockActions({ actionId: 'probe_action', userId: 'U0EXTERNAL', userTeamId: 'T0EXTERNAL' }),
    );
    expect(click.status).toBe(200);
    // view_submission from a modal opened in the other workspace: team is theirs, the installation is in
    // view.app_installed_team_id.
    const submit = await t.send(
      viewSubmission({
        callbackId: 'probe_view',
        userId: 'U0EXTERNAL',
        teamId: 'T0EXTERNAL',
        userTeamId: 'T0EXTERNAL',
        appInstalledTeamId: OUR_TEAM,
        enterpriseId: 'E0THEIRORG',
      }),
    );
    expect(submit.status).toBe(200);
    expect(dispatched).toHaveLength(2);
  });

  describe('Events API', () => {
    it('acknowledges (200, so Slack does not retry) and drops events for another team or app', async () => {
      await expectRefused(appHomeOpened({ teamId: 'T0EVIL' }), 200, 'wrong_team');
      await expectRefused(
        eventCallback(
          { type: 'app_home_opened', user: USERS.admin, tab: 'home' },
          { apiAppId: 'A0OTHERAPP' },
        ),
        200,
        'wrong_app',
      );
      // Without `authorizations`, the wrapper's team_id names the installation.
      await expectRefused(
        appHomeOpened({ teamId: 'T0EVIL', withoutAuthorizations: true }),
        200,
        'wrong_team: event event_callback for app=A0PARTNER team_id=T0EVIL',
      );
    });

    it("takes the installation from authorizations[0], not the connected workspace's team_id", async () => {
      // A Slack Connect event: the wrapper's team_id is the other workspace, authorizations[0] is ours.
      const response = await t.send(appHomeOpened({ teamId: 'T0EXTERNAL', installationTeamId: OUR_TEAM }));
      expect(response.status).toBe(200);
      await t.fakeSlack.waitForCalls('views.publish');
      expect(dispatched).toHaveLength(1);
      dispatched.length = 0;
      t.fakeSlack.reset();
      // And the other way round: a wrapper naming our team does not make someone else's installation ours.
      await expectRefused(
        appHomeOpened({ teamId: OUR_TEAM, installationTeamId: 'T0EVIL' }),
        200,
        'wrong_team: event event_callback for app=A0PARTNER authorizations[0].team_id=T0EVIL',
      );
    });
  });

  it('still answers url_verification, which names no installation', async () => {
    const response = await t.send({
      contentType: 'application/json',
      body: JSON.stringify({ type: 'url_verification', token: 'x', challenge: 'c-42' }),
    });
    expect(response.json()).toEqual({ challenge: 'c-42' });
  });
});

describe('a workspace in an Enterprise Grid org', () => {
  let database: TestDatabase & { drop(): Promise<void> };
  let fakeSlack: FakeSlack;
  let t: TestSlackApp;
  const dispatched: unknown[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    fakeSlack = await startFakeSlack({ enterpriseId: 'E0DSTNY' });
    t = await startTestSlackApp({ database, fakeSlack, register: probe(dispatched) });
  });
  afterAll(async () => {
    await t?.stop();
    await fakeSlack?.close();
    await database?.drop();
  });
  beforeEach(() => {
    dispatched.length = 0;
  });

  it('records the org, and refuses a request naming another org', async () => {
    expect(t.slackApp.installation).toMatchObject({ teamId: OUR_TEAM, enterpriseId: 'E0DSTNY' });
    expect((await t.send(slashCommand({ text: 'help', enterpriseId: 'E0EVIL' }))).status).toBe(401);
    expect((await t.send(blockActions({ actionId: 'probe_action', enterpriseId: 'E0EVIL' }))).status).toBe(
      401,
    );
    expect(dispatched).toEqual([]);
    expect(t.logs.map((l) => l.message).join('\n')).toContain('wrong_enterprise');
  });

  it('accepts our org, and a payload that names no org beside our team', async () => {
    expect((await t.send(slashCommand({ text: 'help', enterpriseId: 'E0DSTNY' }))).status).toBe(200);
    expect((await t.send(blockActions({ actionId: 'probe_action', enterpriseId: 'E0DSTNY' }))).status).toBe(
      200,
    );
    expect((await t.send(blockActions({ actionId: 'probe_action' }))).status).toBe(200);
    expect(dispatched).toHaveLength(3);
  });
});

describe('the app id', () => {
  let database: TestDatabase & { drop(): Promise<void> };
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(() => database?.drop());

  async function startWith(env: Record<string, string>, fail?: (fake: FakeSlack) => void) {
    const fakeSlack = await startFakeSlack();
    fail?.(fakeSlack);
    return { fakeSlack, starting: startTestSlackApp({ database, fakeSlack, env }) };
  }

  it('comes from SLACK_APP_ID when set, checked against bots.info', async () => {
    const ok = await startWith({ SLACK_APP_ID: OUR_APP });
    const t = await ok.starting;
    expect(t.slackApp.installation?.appId).toBe(OUR_APP);
    await t.stop();
    await ok.fakeSlack.close();

    const other = await startWith({ SLACK_APP_ID: 'A0SOMEOTHER' });
    await expect(other.starting).rejects.toThrow(
      'SLACK_APP_ID is A0SOMEOTHER but the bot token belongs to app A0PARTNER',
    );
    await other.fakeSlack.close();
  });

  it('needs bots.info without SLACK_APP_ID, and does without it with SLACK_APP_ID', async () => {
    const without = await startWith({}, (fake) => fake.fail('bots.info', { error: 'missing_scope' }));
    await expect(without.starting).rejects.toThrow('set SLACK_APP_ID');
    await without.fakeSlack.close();

    const configured = await startWith({ SLACK_APP_ID: OUR_APP }, (fake) =>
      fake.fail('bots.info', { error: 'missing_scope' }),
    );
    const t = await configured.starting;
    expect(t.slackApp.installation?.appId).toBe(OUR_APP);
    expect(t.logs.map((l) => l.message).join('\n')).toContain('using SLACK_APP_ID unchecked');
    await t.stop();
    await configured.fakeSlack.close();
  });
});

describe('checkInstallation (also run on Socket Mode bodies)', () => {
  const workspace: Installation = {
    appId: 'A1',
    teamId: 'T1',
    enterpriseId: undefined,
    isEnterpriseInstall: false,
  };
  const org: Installation = { appId: 'A1', teamId: undefined, enterpriseId: 'E1', isEnterpriseInstall: true };
  const command = { command: '/partner', api_app_id: 'A1', team_id: 'T1', is_enterprise_install: 'false' };

  it('fails closed: before start, without an app id, or on a body it cannot place', () => {
    expect(checkInstallation(command, undefined)).toMatchObject({ ok: false, reason: 'not_started' });
    expect(checkInstallation({ ...command, api_app_id: undefined }, workspace)).toMatchObject({
      ok: false,
      reason: 'unidentified',
    });
    expect(checkInstallation({ hello: 'world' }, workspace)).toMatchObject({
      ok: false,
      reason: 'unidentified',
    });
    expect(checkInstallation('payload', workspace)).toMatchObject({ ok: false, reason: 'unidentified' });
    // A repeated form field (team_id=T1&team_id=T2) parses to an array: not a team id.
    expect(checkInstallation({ ...command, team_id: ['T1', 'T2'] }, workspace)).toMatchObject({
      ok: false,
      reason: 'unidentified',
    });
    expect(checkInstallation(command, workspace)).toMatchObject({ ok: true });
  });

  it('checks the org only, for an org-wide installation', () => {
    const orgCommand = { ...command, team_id: 'T7', enterprise_id: 'E1', is_enterprise_install: 'true' };
    expect(checkInstallation(orgCommand, org)).toMatchObject({ ok: true });
    expect(checkInstallation({ ...orgCommand, enterprise_id: 'E2' }, org)).toMatchObject({
      ok: false,
      reason: 'wrong_enterprise',
    });
    expect(checkInstallation({ ...orgCommand, enterprise_id: undefined }, org)).toMatchObject({
      ok: false,
      reason: 'unidentified',
    });
  });
});
