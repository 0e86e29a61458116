import type { App } from '@slack/bolt';
import { afterEach, beforeEach } from 'vitest';
import { type Config, loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { createDeps, type Deps } from '../../src/deps.js';
import { createLogger, type LogRecord } from '../../src/logger.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import type { Catalog } from '../../src/program/catalog.schema.js';
import type { ReadinessCheck } from '../../src/readiness.js';
import { createSlackApp, type SlackApp } from '../../src/slack/app.js';
import { createListenerDeps, type ListenerDeps, registerListeners } from '../../src/slack/listeners/index.js';
import type { ReceiverLimits, WebRoutes } from '../../src/slack/receiver.js';
import type { DroppableTestDatabase } from './database-hooks.js';
import { type Backend, createTestDatabase } from './databases.js';
import { type FakeSlack, startFakeSlack } from './fake-slack.js';
import {
  type BlockActionsInput,
  blockActions,
  prepareSlackRequest,
  type SignOptions,
  type SlackHttpResponse,
  type SlackRequest,
  type SlashCommandInput,
  sendSlackRequest,
  slashCommand,
} from './slack-requests.js';

export const TEST_BOT_TOKEN = 'xoxb-1111-2222-testbottokenvalue';
export const TEST_SIGNING_SECRET = 'e3b0c44298fc1c149afbf4c8996fb924';

export interface StartTestSlackAppOptions {
  /** A migrated test database (test/support/databases.ts); the caller closes it. */
  database: Database;
  /** Listener registration; the real registerListeners by default. */
  register?: (app: App, deps: ListenerDeps) => void;
  /** The program catalog; the default one unless given. */
  catalog?: Catalog;
  /** Extra environment variables, on top of the test tokens and the fake Slack URL. */
  env?: Record<string, string>;
  /** Reuse a fake Slack (then the caller closes it); otherwise one is started and closed by stop(). */
  fakeSlack?: FakeSlack;
  now?: () => Date;
  /** Also print log records (they are always captured in `logs`). */
  printLogs?: boolean;
  drainTimeoutMs?: number;
  webApiTimeoutMs?: number;
  /** Overrides the HTTP receiver's limits (body size, timeouts, connections). */
  receiverLimits?: Partial<ReceiverLimits>;
  /** What /readyz answers (src/readiness.ts); a database ping by default. */
  ready?: ReadinessCheck;
  /** The receiver's monotonic clock stamping arrivals (src/slack/request-timing.ts). */
  requestClock?: () => number;
  /** Pages served beside Slack's endpoint (src/web), built from the app's deps. */
  web?: (deps: Deps) => WebRoutes | undefined;
}

export interface CommandResult {
  response: SlackHttpResponse;
  /** The ack's JSON body, or undefined when the ack was empty. */
  ack: Record<string, unknown> | undefined;
  /** The response_url id used: fakeSlack.responsesTo(responseId), fakeSlack.waitForResponses(1, { id }). */
  responseId: string;
}

export interface TestSlackApp {
  /** http://127.0.0.1:<port> */
  url: string;
  /** POST endpoint for Slack requests. */
  eventsUrl: string;
  fakeSlack: FakeSlack;
  config: Config;
  deps: ListenerDeps;
  slackApp: SlackApp;
  signingSecret: string;
  /** Every log record, already redacted, in order. */
  logs: LogRecord[];
  /** Signs (unless told otherwise) and posts a request to /slack/events. */
  send(request: SlackRequest, options?: Partial<SignOptions>): Promise<SlackHttpResponse>;
  /** Shorthand: `/partner <text>` with a fresh response_url on the fake Slack. */
  command(text: string, input?: SlashCommandInput): Promise<CommandResult>;
  /**
   * Shorthand: a click on a button (block_actions) with a fresh response_url on the fake Slack, whose id
   * it returns with the HTTP response (the ack is not checked).
   */
  click(
    action: Omit<BlockActionsInput, 'responseUrl'>,
  ): Promise<{ response: SlackHttpResponse; responseId: string }>;
  /** The body of the first message posted to that response_url, once it is there. */
  responseTo(responseId: string): Promise<Record<string, unknown>>;
  /** Prepares a signed request without sending it (to send the very same bytes twice). */
  prepare(request: SlackRequest, options?: Partial<SignOptions>): ReturnType<typeof prepareSlackRequest>;
  /**
   * Resolves once Bolt has finished with every request it took, listeners included: events and actions
   * are acknowledged before their listeners end, so a test that only waits for its ack can end while its
   * listener still calls Slack. Call it before fakeSlack.reset() so that no late call of one test is
   * recorded as the next one's. Throws if work is still running after `timeoutMs`.
   */
  settle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** Counts Bolt's runs of processEvent (from before the ack to after the last listener). */
function trackProcessing(app: App) {
  let running = 0;
  const idle: (() => void)[] = [];
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    running += 1;
    try {
      return await processEvent(event);
    } finally {
      running -= 1;
      if (running === 0) for (const resolve of idle.splice(0)) resolve();
    }
  };
  return {
    async settled(timeoutMs: number): Promise<void> {
      if (running === 0) return;
      let timer: NodeJS.Timeout | undefined;
      const done = new Promise<void>((resolve) => idle.push(resolve));
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${running} Slack request(s) still being processed after ${timeoutMs} ms`)),
          timeoutMs,
        );
      });
      try {
        await Promise.race([done, late]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Starts the real app in HTTP mode on a free port, talking to a fake Slack. */
export async function startTestSlackApp(options: StartTestSlackAppOptions): Promise<TestSlackApp> {
  const ownsFake = options.fakeSlack === undefined;
  const fakeSlack = options.fakeSlack ?? (await startFakeSlack());
  const config = loadConfig({
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: fakeSlack.apiUrl,
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const logs: LogRecord[] = [];
  const logger = createLogger({
    level: config.LOG_LEVEL,
    secrets: [config.SLACK_BOT_TOKEN, config.SLACK_SIGNING_SECRET, config.SLACK_APP_TOKEN],
    sink: (record) => {
      logs.push(record);
      if (options.printLogs) console.log(`${record.level} [${record.name}] ${record.message}`);
    },
  });
  const base = createDeps({
    config,
    database: options.database,
    catalog: options.catalog ?? loadCatalog(config.CATALOG_PATH),
    logger,
    now: options.now ?? (() => new Date()),
  });
  const deps = createListenerDeps(base);
  // The app remembers each user's locale and guest status from users.info; once the fake Slack is reset
  // (its users with it), fresh memos, so that no test depends on which users the tests before it asked
  // about.
  let { locales, knownLocale, outsiders } = deps;
  deps.locales = (client, userId) => locales(client, userId);
  deps.knownLocale = (userId) => knownLocale(userId);
  deps.outsiders = (client, userIds) => outsiders(client, userIds);
  const forgetOnReset = fakeSlack.onReset(() => {
    ({ locales, knownLocale, outsiders } = createListenerDeps(base));
  });
  const register = options.register ?? registerListeners;
  let processing: ReturnType<typeof trackProcessing> | undefined;
  const slackApp = createSlackApp({
    config,
    database: options.database,
    logger,
    register: (app) => {
      processing = trackProcessing(app);
      register(app, deps);
    },
    port: 0,
    host: '127.0.0.1',
    drainTimeoutMs: options.drainTimeoutMs ?? 2_000,
    webApiTimeoutMs: options.webApiTimeoutMs ?? 1_000,
    receiverLimits: options.receiverLimits,
    ready: options.ready,
    requestClock: options.requestClock,
    ...(options.web ? { web: options.web(base) } : {}),
    knownLocale: (userId) => deps.knownLocale(userId),
  });
  try {
    await slackApp.start();
  } catch (error) {
    forgetOnReset();
    if (ownsFake) await fakeSlack.close();
    throw error;
  }
  const url = `http://127.0.0.1:${slackApp.port}`;
  const eventsUrl = `${url}/slack/events`;
  const signOptions = (extra?: Partial<SignOptions>): SignOptions => ({
    signingSecret: TEST_SIGNING_SECRET,
    ...extra,
  });
  let stopped = false;

  return {
    url,
    eventsUrl,
    fakeSlack,
    config,
    deps,
    slackApp,
    signingSecret: TEST_SIGNING_SECRET,
    logs,
    send: (request, extra) => sendSlackRequest(eventsUrl, request, signOptions(extra)),
    prepare: (request, extra) => prepareSlackRequest(request, signOptions(extra)),
    async command(text, input = {}) {
      const responseId = `cmd-${Math.random().toString(36).slice(2, 10)}`;
      const response = await sendSlackRequest(
        eventsUrl,
        slashCommand({ text, responseUrl: fakeSlack.responseUrl(responseId), ...input }),
        signOptions(),
      );
      const ack = response.text === '' ? undefined : response.json();
      return { response, ack, responseId };
    },
    async click(action) {
      const responseId = `click-${Math.random().toString(36).slice(2, 10)}`;
      const request = blockActions({ ...action, responseUrl: fakeSlack.responseUrl(responseId) });
      return { response: await sendSlackRequest(eventsUrl, request, signOptions()), responseId };
    },
    async responseTo(responseId) {
      const [posted] = await fakeSlack.waitForResponses(1, { id: responseId });
      return posted!.body as Record<string, unknown>;
    },
    settle: (timeoutMs = 5_000) => processing?.settled(timeoutMs) ?? Promise.resolve(),
    async stop() {
      if (stopped) return;
      stopped = true;
      forgetOnReset();
      await slackApp.stop();
      if (ownsFake) await fakeSlack.close();
    },
  };
}

export interface SlackAppEnv {
  t: DroppableTestDatabase;
  app: TestSlackApp;
}

/**
 * The hooks of a describe block whose every test gets a fresh database on `backend` and the real app on
 * it (with `options`), stopped and dropped after it; `use` receives them before each test
 * (`(env) => ({ t, app } = env)`).
 */
export function useTestSlackApp(
  backend: Backend,
  options: Omit<StartTestSlackAppOptions, 'database'>,
  use: (env: SlackAppEnv) => void,
): void {
  let env: Partial<SlackAppEnv> = {};
  beforeEach(async () => {
    const t = await createTestDatabase(backend);
    env = { t };
    env.app = await startTestSlackApp({ ...options, database: t });
    use(env as SlackAppEnv);
  });
  afterEach(async () => {
    await env.app?.stop();
    await env.t?.drop();
    env = {};
  });
}
