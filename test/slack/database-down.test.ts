import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { DEMO_USERS } from '../../src/demo/demo-data.js';
import { commandMessages } from '../../src/i18n/commands.js';
import { handlePartnerCommand, type Reply, withDeadline } from '../../src/slack/partner-command/index.js';
import { REPLY_DEADLINE_MS } from '../../src/slack/request-timing.js';
import { unavailableView } from '../../src/slack/views/refusal.view.js';
import { commandDeps } from '../support/command-deps.js';
import { BACKENDS, type TestDatabase } from '../support/databases.js';
import { createDemoDatabase, type DemoDatabase, useDemoSlackApp } from '../support/demo.js';
import { startTestSlackApp, type TestSlackApp } from '../support/slack-app.js';
import { openThroughProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { catalog, TODAY } from './views.fixtures.js';

const NOW = new Date(`${TODAY}T10:00:00Z`);
const UNAVAILABLE = commandMessages.en.unavailable;

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});
afterEach(() => {
  expect(unhandled).toEqual([]);
});

/** What the Bolt listener does: the core within the deadline, else "temporarily unavailable". */
async function answerWithin(database: Pick<Database, 'db'>, userId: string, text: string): Promise<Reply> {
  return withDeadline(
    handlePartnerCommand(commandDeps(database.db, catalog, { now: () => NOW }), {
      userId,
      text,
      locale: 'en',
    }),
    REPLY_DEADLINE_MS,
    () => unavailableView('en'),
  );
}

describe('with the embedded database closed', () => {
  let database: DemoDatabase;
  let t: TestSlackApp;
  useDemoSlackApp(TODAY, NOW, (app) => ({ database, t } = app));

  it('answers before it closes, then says the service is temporarily unavailable, through the core and over HTTP', async () => {
    expect((await t.command('tier acme', { userId: DEMO_USERS.manager })).ack).toMatchObject({
      text: 'Acme Télécom is Business Partner',
    });
    await database.close();
    expect((await answerWithin(database, DEMO_USERS.manager, 'tier acme')).text).toBe(UNAVAILABLE);
    const http = await t.command('status acme', { userId: DEMO_USERS.manager });
    expect(http.response.status).toBe(200);
    expect(http.ack).toMatchObject({ response_type: 'ephemeral', text: UNAVAILABLE });
    expect(JSON.stringify(http.ack)).not.toMatch(/Error|at .*\.ts/);
    // help needs the database too (who is asking decides what help lists): unavailable, not a crash.
    expect((await t.command('help', { userId: DEMO_USERS.manager })).ack).toMatchObject({
      text: UNAVAILABLE,
    });
  });
});

describe.skipIf(!BACKENDS.includes('postgres'))('with PostgreSQL cut off behind a proxy', () => {
  let target: TestDatabase & { drop(): Promise<void> };
  let proxy: TcpProxy;
  let database: Database;
  let t: TestSlackApp;

  beforeAll(async () => {
    target = await createDemoDatabase(TODAY, 'postgres');
    ({ proxy, database } = await openThroughProxy(target));
    t = await startTestSlackApp({ database, now: () => NOW });
  });
  afterAll(async () => {
    await t?.stop();
    await database?.close().catch(() => {});
    await proxy?.close();
    await target?.drop();
  });
  beforeEach(async () => {
    await proxy.restore();
    // Back to normal before each case: the database answers again.
    await vi.waitFor(
      async () =>
        expect((await answerWithin(database, DEMO_USERS.manager, 'tier acme')).text).toContain('Acme'),
      { timeout: 10_000, interval: 200 },
    );
  });

  /**
   * While the database is out, the core and the HTTP listener both answer "temporarily unavailable" (the
   * core's own deadline: nothing else can give that text); once it is back, the same command answers.
   */
  async function unavailableThenRecovers(
    ask: { core: [string, string]; http: [string, string] },
    recovered: { ask: [string, string]; text: string },
  ) {
    const core = await answerWithin(database, ...ask.core);
    expect(core.text).toBe(UNAVAILABLE);
    const http = await t.command(ask.http[1], { userId: ask.http[0] });
    expect(http.response.status).toBe(200);
    expect(http.ack).toMatchObject({ response_type: 'ephemeral', text: UNAVAILABLE });
    await proxy.restore();
    await vi.waitFor(
      async () =>
        expect((await t.command(recovered.ask[1], { userId: recovered.ask[0] })).ack).toMatchObject({
          text: recovered.text,
        }),
      { timeout: 10_000, interval: 250 },
    );
  }

  it('answers "temporarily unavailable" when the server stops answering mid-connection, then recovers', async () => {
    proxy.freeze();
    const started = Date.now();
    await unavailableThenRecovers(
      { core: [DEMO_USERS.manager, 'tier acme'], http: [DEMO_USERS.manager, 'tier acme'] },
      { ask: [DEMO_USERS.manager, 'tier acme'], text: 'Acme Télécom is Business Partner' },
    );
    // Not before the deadline: it waited for the database as long as it may.
    expect(Date.now() - started).toBeGreaterThanOrEqual(REPLY_DEADLINE_MS - 50);
    // Logged, by whichever came first: the deadline, or the pool giving up on a new connection (1 s here).
    expect(
      t.logs.some(
        (l) =>
          (l.level === 'warn' && l.message.includes('answered "temporarily unavailable"')) ||
          (l.level === 'error' && l.message.startsWith('/partner failed')),
      ),
    ).toBe(true);
  });

  it('answers "temporarily unavailable" while the server accepts but never answers, then recovers', async () => {
    proxy.blackhole();
    await unavailableThenRecovers(
      { core: [DEMO_USERS.manager, 'tier acme'], http: [DEMO_USERS.manager, 'status acme'] },
      { ask: [DEMO_USERS.manager, 'tier acme'], text: 'Acme Télécom is Business Partner' },
    );
  });

  it('answers "temporarily unavailable" at once while the server refuses connections, then answers again', async () => {
    await proxy.refuse();
    await unavailableThenRecovers(
      { core: [DEMO_USERS.contact, 'obligations'], http: [DEMO_USERS.admin, 'list'] },
      { ask: [DEMO_USERS.admin, 'list'], text: 'All partners: 12 partners' },
    );
    const errors = t.logs.filter((l) => l.level === 'error').map((l) => l.message);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((m) => m.startsWith('/partner failed'))).toBe(true);
  });
});
