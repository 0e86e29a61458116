import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { outbox } from '../../src/db/schema.js';
import { deliverAll, queueMany, testDispatcher } from '../outbox/support.js';
import { type DroppableTestDatabase, useSharedPostgres, useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { type FakeSlackDelivery, startFakeSlackDelivery } from '../support/fake-slack-delivery.js';
import { givenStaff } from '../support/rows.js';
import { startTestSlackApp, type TestSlackApp } from '../support/slack-app.js';
import { appHomeOpened, postPrepared, slashCommand } from '../support/slack-requests.js';

const MANAGER = 'U0MGRTWO';

/** What a replay costs: the very same bytes and headers, sent again within Slack's 5 minutes. */
describe.each(BACKENDS)('replays after a restart, on %s', (backend) => {
  let database: DroppableTestDatabase;
  let fakeSlack: FakeSlack;
  let apps: TestSlackApp[] = [];
  useTestDatabase(backend, (db) => (database = db));
  beforeEach(async () => {
    await givenStaff(database.db, MANAGER, 'manager');
    fakeSlack = await startFakeSlack();
  });
  afterEach(async () => {
    for (const app of apps) await app.stop();
    apps = [];
    await fakeSlack?.close();
  });

  it('a signed command accepted before a restart is refused after it', async () => {
    const first = await startTestSlackApp({ database, fakeSlack });
    apps.push(first);
    const request = first.prepare(
      slashCommand({ text: 'help', userId: MANAGER, responseUrl: fakeSlack.responseUrl('before') }),
    );
    expect((await postPrepared(first.eventsUrl, request)).status).toBe(200);
    await first.stop();

    const restarted = await startTestSlackApp({ database, fakeSlack });
    apps.push(restarted);
    expect((await postPrepared(restarted.eventsUrl, request)).status).toBe(401);
    expect(restarted.logs.some((l) => l.message.includes('replayed'))).toBe(true);
    // A fresh request still goes through.
    expect((await restarted.command('help', { userId: MANAGER })).response.status).toBe(200);
  });
});

describe.runIf(BACKENDS.includes('postgres'))('two instances on one PostgreSQL', () => {
  let target: DroppableTestDatabase;
  let second: Database;
  let fakeSlack: FakeSlack;
  let fake: FakeSlackDelivery;
  let a: TestSlackApp;
  let b: TestSlackApp;
  useSharedPostgres((pg) => ({ database: target, second } = pg));
  beforeEach(async () => {
    await givenStaff(target.db, MANAGER, 'manager');
    fakeSlack = await startFakeSlack();
    fake = await startFakeSlackDelivery();
    a = await startTestSlackApp({ database: target, fakeSlack });
    b = await startTestSlackApp({ database: second, fakeSlack });
  });
  afterEach(async () => {
    await a?.stop();
    await b?.stop();
    await fake?.close();
    await fakeSlack?.close();
  });

  it('a signed request accepted by one instance is refused by the other', async () => {
    const command = a.prepare(
      slashCommand({ text: 'help', userId: MANAGER, responseUrl: fakeSlack.responseUrl('once') }),
    );
    expect((await postPrepared(a.eventsUrl, command)).status).toBe(200);
    expect((await postPrepared(b.eventsUrl, command)).status).toBe(401);
    await a.settle();
    expect(b.logs.some((l) => l.message.includes('replayed'))).toBe(true);
  });

  it('an Events API retry (same event_id, signed again) sent to the other instance runs its listener once', async () => {
    const event = appHomeOpened({ userId: MANAGER, eventId: 'Ev0RETRY01' });
    const signedAt = Math.floor(Date.now() / 1000);
    expect((await a.send(event, { timestamp: signedAt })).status).toBe(200);
    await a.settle();
    // Slack signs a retry anew (a later timestamp): only its event_id tells it apart.
    const retry = await b.send(event, {
      timestamp: signedAt + 1,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await b.settle();
    // A different event is handled as usual, by either instance.
    expect((await b.send(appHomeOpened({ userId: MANAGER, eventId: 'Ev0OTHER01' }))).status).toBe(200);
    await b.settle();
    const published = fakeSlack.callsTo('views.publish');
    expect(published).toHaveLength(2);
    expect(b.logs.some((l) => l.message.includes('Ev0RETRY01 already handled'))).toBe(true);
  });

  it('the workspace budget holds for both dispatchers together', async () => {
    // 2 a second, bursts of 2, each message in its own channel: only the shared budget paces them.
    const limits = { workspacePerSecond: 2, workspaceBurst: 2, perChannelIntervalMs: 0 };
    const keys = await queueMany(target.db, 'budget', 10, (i) => `C${i}`);
    const one = testDispatcher(target.db, fake, limits);
    const two = testDispatcher(second.db, fake, limits);
    await deliverAll(target.db, [one, two]);

    for (const key of keys) expect(fake.postsOf(key), key).toHaveLength(1);
    const rows = await target.db.select().from(outbox);
    expect(new Set(rows.map((r) => r.claimedBy))).toEqual(new Set([one.instanceId, two.instanceId]));
    // 2 at once, then one every 500 ms: the 10th post comes 4 s after the first at the earliest (a budget
    // per instance would let them through in 2 s). A slower machine only makes it later.
    const times = fake.posted.map((m) => m.at).sort((x, y) => x - y);
    expect(times[9]! - times[0]!).toBeGreaterThanOrEqual(4_000 - 100);
  });
});
