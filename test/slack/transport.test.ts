import type { App } from '@slack/bolt';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { auditLog } from '../../src/db/schema.js';
import { commandMessages } from '../../src/i18n/commands.js';
import { type ListenerDeps, registerListeners } from '../../src/slack/listeners/index.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { startTestSlackApp, type TestSlackApp } from '../support/slack-app.js';
import { appHomeOpened, blockActions, slashCommand, viewSubmission } from '../support/slack-requests.js';

/**
 * Signed requests through the real Bolt receiver. A probe middleware sees every request Bolt dispatches and
 * leaves a trace in the database and in the fake Slack, so "refused" can be checked as "nothing happened".
 */
describe('Slack HTTP transport', () => {
  let database: TestDatabase & { drop(): Promise<void> };
  let t: TestSlackApp;
  const dispatched: unknown[] = [];

  const register = (app: App, deps: ListenerDeps) => {
    app.use(async ({ body, client, next }) => {
      dispatched.push(body);
      await deps.database.db.insert(auditLog).values({ actor: 'probe', action: 'request', details: {} });
      await client.auth.test();
      await next();
    });
    registerListeners(app, deps);
    app.action('probe_action', async ({ ack }) => ack());
    app.view('probe_view', async ({ ack }) => ack());
  };

  async function tableRowCounts(): Promise<Record<string, number>> {
    const tables = rowsOf<{ name: string }>(
      await database.db.execute(
        sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      ),
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = rowsOf<{ n: number }>(
        await database.db.execute(sql.raw(`select count(*)::int as n from "${name}"`)),
      );
      counts[name] = Number(row?.n);
    }
    return counts;
  }

  async function expectNothingHappened(before: Record<string, number>) {
    // Bolt takes a request before answering it: one wrongly dispatched has shown itself once Bolt is done.
    await t.settle();
    expect(dispatched).toEqual([]);
    expect(t.fakeSlack.calls).toEqual([]);
    expect(t.fakeSlack.responses).toEqual([]);
    expect(await tableRowCounts()).toEqual(before);
  }

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    t = await startTestSlackApp({ database, register });
  });
  afterAll(async () => {
    await t?.stop();
    await database?.drop();
  });
  // Events are acknowledged before their listeners run (app_home_opened publishes the home afterwards):
  // let every listener of the previous test finish before forgetting what the fake Slack saw.
  beforeEach(async () => {
    await t.settle();
    dispatched.length = 0;
    t.fakeSlack.reset();
  });
  afterEach(async () => {
    await t?.settle();
    t?.fakeSlack.reset();
  });

  it('checks the bot token once at start, not per request', async () => {
    // The harness reset the fake after start; the probe's own auth.test is the only call a request makes.
    await t.command('help');
    await t.command('help');
    expect(t.fakeSlack.callsTo('auth.test')).toHaveLength(2);
  });

  it('answers a signed /partner with the help, in the ack', async () => {
    const { response, ack } = await t.command('help');
    expect(response.status).toBe(200);
    expect(ack).toMatchObject({ response_type: 'ephemeral', text: commandMessages.en.help.text });
    expect(dispatched).toHaveLength(1);
    expect(await database.db.select().from(auditLog)).not.toHaveLength(0);
  });

  it('dispatches signed interactivity and events payloads to Bolt', async () => {
    for (const request of [
      blockActions({ actionId: 'probe_action', value: 'x' }),
      viewSubmission({ callbackId: 'probe_view' }),
      appHomeOpened(),
    ]) {
      const response = await t.send(request);
      expect(response.status).toBe(200);
    }
    // Events are acknowledged before their listeners run: wait for the probe to finish with all three.
    await t.fakeSlack.waitForCalls('auth.test', 3);
    expect(dispatched).toHaveLength(3);
  });

  describe('refuses with 401, and does nothing, a request that is', () => {
    let before: Record<string, number>;
    beforeEach(async () => {
      before = await tableRowCounts();
    });

    it('unsigned', async () => {
      const response = await t.send(slashCommand({ text: 'help' }), { unsigned: true });
      expect(response.status).toBe(401);
      await expectNothingHappened(before);
    });

    it('missing its timestamp', async () => {
      const response = await t.send(slashCommand({ text: 'help' }), { omitTimestamp: true });
      expect(response.status).toBe(401);
      await expectNothingHappened(before);
    });

    it('signed with another secret', async () => {
      const response = await t.send(slashCommand({ text: 'help' }), { signWith: 'not-the-signing-secret' });
      expect(response.status).toBe(401);
      await expectNothingHappened(before);
    });

    it('carrying a tampered signature', async () => {
      const response = await t.send(appHomeOpened(), { signature: `v0=${'0'.repeat(64)}` });
      expect(response.status).toBe(401);
      await expectNothingHappened(before);
    });

    it('timestamped 6 minutes ago', async () => {
      const timestamp = Math.floor(Date.now() / 1000) - 6 * 60;
      const response = await t.send(slashCommand({ text: 'help' }), { timestamp });
      expect(response.status).toBe(401);
      await expectNothingHappened(before);
    });

    it('timestamped 6 minutes in the future (which Bolt alone accepts)', async () => {
      const timestamp = Math.floor(Date.now() / 1000) + 6 * 60;
      const response = await t.send(slashCommand({ text: 'help' }), { timestamp });
      expect(response.status).toBe(401);
      await expectNothingHappened(before);
    });

    it('a replay of a request already accepted (which Bolt alone accepts)', async () => {
      const prepared = t.prepare(
        blockActions({ actionId: 'probe_action', responseUrl: t.fakeSlack.responseUrl('replay') }),
      );
      const first = await fetch(t.eventsUrl, {
        method: 'POST',
        headers: prepared.headers,
        body: prepared.body,
      });
      expect(first.status).toBe(200);
      await t.fakeSlack.waitForCalls('auth.test');
      await t.settle();
      dispatched.length = 0;
      t.fakeSlack.reset();
      const afterFirst = await tableRowCounts();

      const second = await fetch(t.eventsUrl, {
        method: 'POST',
        headers: prepared.headers,
        body: prepared.body,
      });
      expect(second.status).toBe(401);
      await expectNothingHappened(afterFirst);
    });
  });

  it("answers Slack's URL verification challenge, when signed", async () => {
    const challenge = {
      contentType: 'application/json' as const,
      body: JSON.stringify({ type: 'url_verification', token: 'x', challenge: 'c-123' }),
    };
    const response = await t.send(challenge);
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ challenge: 'c-123' });
    expect((await t.send(challenge, { unsigned: true })).status).toBe(401);
  });

  it("answers Slack's unsigned SSL check with 200 and dispatches nothing", async () => {
    const response = await t.send(
      { contentType: 'application/x-www-form-urlencoded', body: 'ssl_check=1&token=x' },
      { unsigned: true },
    );
    expect(response.status).toBe(200);
    expect(dispatched).toEqual([]);
  });

  it('answers 404 elsewhere', async () => {
    expect((await fetch(`${t.url}/slack/other`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${t.url}/slack/events`)).status).toBe(404);
  });
});

describe('/healthz and /readyz', () => {
  it('/readyz answers 200 while the database answers, 503 once it is closed; /healthz stays 200 (liveness)', async () => {
    const database = await createTestDatabase('pglite');
    const t = await startTestSlackApp({ database });
    try {
      const up = await fetch(`${t.url}/readyz`);
      expect(up.status).toBe(200);
      expect(await up.json()).toMatchObject({ status: 'ready', database: 'ok' });
      await database.close();
      const down = await fetch(`${t.url}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'not ready', database: 'down' });
      const live = await fetch(`${t.url}/healthz`);
      expect(live.status).toBe(200);
      expect(await live.json()).toEqual({ status: 'ok' });
    } finally {
      await t.stop();
      await database.drop();
    }
  });

  it('/readyz answers 503 when the database hangs (the ping never settles: only its timeout can answer)', async () => {
    const hanging = { ping: () => new Promise<void>(() => {}) };
    const database = await createTestDatabase('pglite');
    const t = await startTestSlackApp({ database: { ...database, ...hanging } });
    try {
      const response = await fetch(`${t.url}/readyz`);
      expect(response.status).toBe(503);
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    } finally {
      await t.stop();
      await database.drop();
    }
  });
});
