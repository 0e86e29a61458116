import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { outbox } from '../../src/db/schema.js';
import { DEMO_USERS } from '../../src/demo/demo-data.js';
import { commandMessages } from '../../src/i18n/commands.js';
import type { Dispatcher } from '../../src/outbox/dispatcher.js';
import { createReadinessCheck } from '../../src/readiness.js';
import { allSent, message, queue, queueMany, testDispatcher } from '../outbox/support.js';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createDemoDatabase } from '../support/demo.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { type FakeSlackDelivery, startFakeSlackDelivery } from '../support/fake-slack-delivery.js';
import {
  startTestSlackApp,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  type TestSlackApp,
} from '../support/slack-app.js';
import { openThroughProxy, proxiedUrl, startTcpProxyTo, type TcpProxy } from '../support/tcp-proxy.js';

/**
 * The database goes silent (every socket stays open, every byte is dropped: the tester's TCP proxy), then
 * comes back. Connections silenced stay dead after the restore: only the app's own timeouts can notice.
 * With statement_timeout at 1.5 s a connection owing a reply is dropped after 2.5 s of silence.
 */
const STATEMENT_TIMEOUT_MS = 1_500;
const TODAY = '2026-03-16';
const UNAVAILABLE = commandMessages.en.unavailable;

describe.runIf(BACKENDS.includes('postgres'))('PostgreSQL silent, then back (TCP proxy)', () => {
  let target: TestDatabase & { drop(): Promise<void> };
  let proxy: TcpProxy;
  let database: Database;
  let fake: FakeSlackDelivery;
  let dispatcher: Dispatcher;
  let t: TestSlackApp;

  beforeAll(async () => {
    target = await createDemoDatabase(TODAY, 'postgres');
    ({ proxy, database } = await openThroughProxy(target, { statementTimeoutMs: STATEMENT_TIMEOUT_MS }));
    fake = await startFakeSlackDelivery();
    dispatcher = testDispatcher(database.db, fake, { concurrency: 3, leaseMs: 60_000 });
    t = await startTestSlackApp({
      database,
      now: () => new Date(`${TODAY}T10:00:00Z`),
      ready: createReadinessCheck({
        database,
        lastDeliveryAt: () => dispatcher.lastDeliveryAt,
        stallMs: 60_000,
      }),
    });
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await t?.stop();
    await database?.close().catch(() => {});
    await fake?.close();
    await proxy?.close();
    await target?.drop();
  });

  it('fails commands cleanly and says not ready while silent; recovers without restart: 0 lost, 0 duplicated', async () => {
    // Three channels at one message a second: delivery is under way when the database goes silent.
    const keys = await queueMany(target.db, 'silent', 24, ['C1', 'C2', 'U3']);
    dispatcher.start();
    await fake.waitFor(() => fake.posted.length >= 3, 10_000, 'the first posts');

    proxy.silence();
    const { ack } = await t.command('tier acme', { userId: DEMO_USERS.manager });
    expect(ack).toMatchObject({ response_type: 'ephemeral', text: UNAVAILABLE });
    const notReady = await fetch(`${t.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ ready: false, database: 'down' });
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    // Long enough for the dispatcher's connections to be stuck on a claim or a markSent.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const postedWhileSilent = fake.posted.length;
    expect(proxy.droppedBytes).toBeGreaterThan(0);

    await proxy.restore();
    // The app's own bound: a silent connection is dropped after statement timeout + 1 s, then the next
    // query opens a fresh one. The wait below only keeps a broken app from hanging the test.
    await vi.waitFor(
      async () => {
        expect((await t.command('tier acme', { userId: DEMO_USERS.manager })).ack).toMatchObject({
          text: 'Acme Télécom is Business Partner',
        });
        expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
      },
      { timeout: 10_000, interval: 250 },
    );
    await vi
      .waitFor(async () => expect(await allSent(target.db)).toBe(true), { timeout: 30_000, interval: 100 })
      .catch(async (error) => {
        const rows = await target.db.select().from(outbox);
        throw new Error(
          `not all sent: ${JSON.stringify(rows.filter((r) => r.status !== 'sent').map((r) => [r.dedupeKey, r.status, r.attempts, r.lastError, r.claimedBy, r.leaseUntil]))}`,
          { cause: error },
        );
      });
    expect(fake.posted.length).toBeGreaterThan(postedWhileSilent);
    for (const key of keys) expect(fake.postsOf(key), key).toHaveLength(1);
    expect(fake.posted).toHaveLength(keys.length);
    const rows = await target.db.select().from(outbox);
    for (const row of rows) expect(row.slackTs).toBe(fake.postsOf(row.dedupeKey)[0]!.ts);
  }, 60_000);
});

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe.runIf(BACKENDS.includes('postgres'))('SIGTERM while PostgreSQL is silent', () => {
  let target: TestDatabase & { drop(): Promise<void> };
  let proxy: TcpProxy;
  let slack: FakeSlack;
  let child: ChildProcess | undefined;
  beforeEach(async () => {
    target = await createTestDatabase('postgres');
    proxy = await startTcpProxyTo(target);
    slack = await startFakeSlack();
  });
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await slack?.close();
    await proxy?.close();
    await target?.drop();
  });

  it('the app stops by itself, completely, with requests, deliveries and jobs stuck on the database', async () => {
    await queue(target.db, [message('sigterm-0', 'C1')]);
    child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/entry.ts', 'start'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: proxiedUrl(target.url!, proxy.port),
        SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: '0',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d) => {
      output += String(d);
    });
    child.stderr?.on('data', (d) => {
      output += String(d);
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
      child!.once('exit', (code, signal) => resolve({ code, signal })),
    );
    await vi.waitFor(() => expect(output).toContain('partner-bot is running'), { timeout: 30_000 });
    await vi.waitFor(() => expect(slack.callsTo('chat.postMessage').length).toBe(1), { timeout: 10_000 });

    proxy.silence();
    await queueLater(target, 'sigterm-1');
    // Every part of the app now waits on a database that answers nothing.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    child.kill('SIGTERM');
    // Only so that a hung app cannot hang the suite: the app's own budget is 7 + 2 s.
    const stopGuard = setTimeout(() => child?.kill('SIGKILL'), 25_000);
    const exit = await exited;
    clearTimeout(stopGuard);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(output).toContain('partner-bot stopped');
  }, 60_000);
});

/** Queues a message directly (not through the proxy), so the child's dispatcher has a claim to make. */
async function queueLater(target: TestDatabase, key: string) {
  await queue(target.db, [message(key, 'C2')]);
}
