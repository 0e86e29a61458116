import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDeps } from '../../src/deps.js';
import { createLogger, type LogRecord } from '../../src/logger.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { ACTION_IDS } from '../../src/slack/ids.js';
import { createListenerDeps, registerListeners } from '../../src/slack/listeners/index.js';
import { type DroppableTestDatabase, useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';
import { type FakeSocketMode, startFakeSocketMode } from '../support/fake-socket-mode.js';
import { givenStaff } from '../support/rows.js';
import { TEST_BOT_TOKEN } from '../support/slack-app.js';
import { appHomeOpened, blockActions, type SlackRequest, slashCommand } from '../support/slack-requests.js';

const MANAGER = 'U0MGRSOCK';

/** A request built for HTTP as Socket Mode carries it: the same fields, as a JSON payload. */
function payloadOf(request: SlackRequest): Record<string, unknown> {
  if (request.contentType === 'application/json') return JSON.parse(request.body) as Record<string, unknown>;
  const fields = Object.fromEntries(new URLSearchParams(request.body));
  return typeof fields.payload === 'string'
    ? (JSON.parse(fields.payload) as Record<string, unknown>)
    : (fields as Record<string, unknown>);
}

describe.each(BACKENDS)('Socket Mode end to end, on %s', (backend) => {
  let database: DroppableTestDatabase;
  let fakeSlack: FakeSlack;
  let socket: FakeSocketMode;
  let slackApp: SlackApp;
  let logs: LogRecord[];
  useTestDatabase(backend, (db) => (database = db));
  beforeEach(async () => {
    await givenStaff(database.db, MANAGER, 'manager');
    fakeSlack = await startFakeSlack();
    socket = await startFakeSocketMode(fakeSlack);
    const config = loadConfig({
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_APP_TOKEN: 'xapp-1-A0PARTNER-1-socketmodetesttoken',
      SLACK_API_URL: fakeSlack.apiUrl,
      LOG_LEVEL: 'info',
    });
    logs = [];
    const logger = createLogger({ level: 'info', secrets: [], sink: (record) => logs.push(record) });
    const deps = createDeps({ config, database, catalog: loadCatalog(), logger });
    slackApp = createSlackApp({
      config,
      database,
      logger,
      port: 0,
      host: '127.0.0.1',
      drainTimeoutMs: 2_000,
      webApiTimeoutMs: 1_000,
      register: (app) => registerListeners(app, createListenerDeps(deps)),
    });
    await slackApp.start();
    await socket.waitForConnections(1);
  });
  afterEach(async () => {
    await slackApp?.stop();
    await socket?.close();
    await fakeSlack?.close();
  });

  const command = async (text: string) => {
    const id = socket.send('slash_commands', payloadOf(slashCommand({ text, userId: MANAGER })));
    return (await socket.ackOf(id)).payload ?? {};
  };
  const homeOpened = (eventId: string, retryAttempt = 0) =>
    socket.send('events_api', payloadOf(appHomeOpened({ userId: MANAGER, eventId })), {
      retryAttempt,
      ...(retryAttempt > 0 ? { retryReason: 'timeout' } : {}),
    });

  it('answers commands, actions and events; after a refresh and a dropped socket nothing is lost or run twice', async () => {
    expect(await command('help')).toMatchObject({ response_type: 'ephemeral' });

    const click = socket.send(
      'interactive',
      payloadOf(blockActions({ actionId: ACTION_IDS.recordRevenue, userId: MANAGER, channelId: 'C0SOCK' })),
    );
    await socket.ackOf(click);
    await fakeSlack.waitForCalls('views.open', 1);

    await socket.ackOf(homeOpened('Ev0SOCK001'));
    await fakeSlack.waitForCalls('views.publish', 1);

    // Slack recycles the connection: the app opens a new one and carries on.
    socket.refresh();
    await socket.waitForConnections(2);
    // The event again, as Slack redelivers it (a new envelope, the same event_id): acknowledged, not run.
    await socket.ackOf(homeOpened('Ev0SOCK001', 1));
    await vi.waitFor(() =>
      expect(logs.some((l) => l.message.includes('Ev0SOCK001 already handled'))).toBe(true),
    );
    expect(await command('help')).toMatchObject({ response_type: 'ephemeral' });

    // The socket dies: the app reconnects by itself.
    socket.drop();
    await socket.waitForConnections(3);
    await socket.ackOf(homeOpened('Ev0SOCK001', 2));
    await socket.ackOf(homeOpened('Ev0SOCK002'));
    await fakeSlack.waitForCalls('views.publish', 2);
    expect(await command('help')).toMatchObject({ response_type: 'ephemeral' });

    expect(fakeSlack.callsTo('apps.connections.open').length).toBeGreaterThanOrEqual(3);
    // Every envelope acknowledged once, and the two events each published once.
    const ids = socket.acks.map((a) => a.envelope_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(8);
    const published = fakeSlack.callsTo('views.publish');
    expect(published).toHaveLength(2);
    expect(published.every((c) => c.body.user_id === MANAGER)).toBe(true);
  });
});
