import { App, type webApi } from '@slack/bolt';
import { type Config, slackMode } from '../config.js';
import type { Database } from '../db/client.js';
import { createLogger, type Logger, redactingLogger } from '../logger.js';
import { createInFlight } from './in-flight.js';
import { SlackHttpReceiver, SocketReceiver } from './receiver.js';
import { createMemoryReplayStore, createRequestVerifier, type ReplayStore } from './request-verification.js';

export const DEFAULT_WEB_API_TIMEOUT_MS = 5_000;

/**
 * Web API settings for a bot that must answer within Slack's 3 s: the client's defaults (no timeout,
 * 10 retries over 30 minutes, a 429 pausing the whole queue) would let a slow Slack stall every reply.
 * Worst case per call: 3 attempts of timeoutMs plus under 2 s of backoff. A 429 is thrown at once
 * (WebAPIRateLimitedError, with retryAfter) for the caller to handle; scheduled posting belongs to the
 * outbox dispatcher, which honours Retry-After off the request path.
 */
export function webApiClientOptions(
  config: Pick<Config, 'SLACK_API_URL'>,
  timeoutMs = DEFAULT_WEB_API_TIMEOUT_MS,
): webApi.WebClientOptions {
  return {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    timeout: timeoutMs,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1_000, randomize: true },
    rejectRateLimitedCalls: true,
    // Bolt posts respond() to response_url with this fetch, outside the Web API client's timeout.
    fetch: fetchWithTimeout(timeoutMs),
  };
}

function fetchWithTimeout(timeoutMs: number): webApi.FetchFunction {
  return (url, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(url, { ...(init as RequestInit), signal });
  };
}

export interface SlackAppOptions {
  config: Config;
  /** Only `ping` is used here (for /healthz); listeners get the database through `register`. */
  database: Pick<Database, 'ping'>;
  /** Wrapped so tokens and the signing secret are redacted; defaults to stderr at config.LOG_LEVEL. */
  logger?: Logger;
  /** Registers the listeners, e.g. `(app) => registerListeners(app, deps)`. */
  register: (app: App) => void;
  /** Overrides config.PORT (0 picks a free port). */
  port?: number;
  host?: string;
  /** Defaults to an in-memory store: one instance only (see ReplayStore). */
  replayStore?: ReplayStore;
  /** Clock for request verification, in ms since the epoch. */
  now?: () => number;
  drainTimeoutMs?: number;
  webApiTimeoutMs?: number;
}

export interface SlackApp {
  readonly app: App;
  readonly mode: 'http' | 'socket';
  /** The redacting logger Bolt and the listeners use. */
  readonly logger: Logger;
  /** Bound port of the HTTP server (events + /healthz in HTTP mode, /healthz in Socket Mode), once started. */
  readonly port: number | undefined;
  /** Checks the bot token once (auth.test), then starts taking requests. */
  start(): Promise<void>;
  /** Stops taking requests and waits for in-flight ones and their listeners; then close the database. */
  stop(): Promise<void>;
}

/*
 * Shutdown order for src/main.ts on SIGTERM/SIGINT:
 *   1. stop the scheduled jobs (no new job run starts);
 *   2. await slackApp.stop()  - refuses new requests (HTTP 503 / Socket Mode events left unacked for Slack
 *      to redeliver), lets in-flight requests and listeners finish (drainTimeoutMs, 10 s by default);
 *   3. await database.close() - only now, since listeners finishing in step 2 still use it;
 *   4. exit. A second signal may force-exit.
 */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config } = options;
  const mode = slackMode(config);
  if (mode === 'none' || !config.SLACK_BOT_TOKEN) {
    throw new Error(
      'Slack is not configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET or SLACK_APP_TOKEN',
    );
  }
  const secrets = [config.SLACK_BOT_TOKEN, config.SLACK_SIGNING_SECRET, config.SLACK_APP_TOKEN];
  const logger = options.logger
    ? redactingLogger(options.logger, secrets)
    : createLogger({ level: config.LOG_LEVEL, secrets, name: 'slack' });
  const inFlight = createInFlight();
  const clientOptions = webApiClientOptions(config, options.webApiTimeoutMs);
  const port = options.port ?? config.PORT;

  let receiver: SlackHttpReceiver | SocketReceiver;
  if (mode === 'socket') {
    receiver = new SocketReceiver({
      appToken: config.SLACK_APP_TOKEN!,
      logger,
      ping: () => options.database.ping(),
      inFlight,
      port,
      host: options.host,
      drainTimeoutMs: options.drainTimeoutMs,
      clientOptions,
    });
  } else {
    if (!config.SLACK_SIGNING_SECRET) throw new Error('SLACK_SIGNING_SECRET is required in HTTP mode');
    const now = options.now ?? Date.now;
    receiver = new SlackHttpReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET,
      logger,
      verify: createRequestVerifier({
        signingSecret: config.SLACK_SIGNING_SECRET,
        replayStore: options.replayStore ?? createMemoryReplayStore({ now }),
        now,
      }),
      ping: () => options.database.ping(),
      inFlight,
      port,
      host: options.host,
      drainTimeoutMs: options.drainTimeoutMs,
    });
  }

  const app = new App({
    token: config.SLACK_BOT_TOKEN,
    receiver,
    logger,
    // Bolt resets the logger's level to its own default unless told the same level.
    logLevel: logger.getLevel(),
    clientOptions,
    // auth.test runs once, in start() (app.init), instead of in the constructor where a failure would be
    // an unhandled rejection cached for every later request.
    deferInitialization: true,
  });

  // Counts every listener run so stop() can wait for work that continues after ack().
  app.use(async ({ next }) => {
    if (mode === 'socket' && inFlight.draining) {
      logger.info('Shutting down: event left unacknowledged for Slack to redeliver');
      return;
    }
    await inFlight.run(next);
  });
  options.register(app);

  let started = false;
  return {
    app,
    mode,
    logger,
    get port() {
      return receiver.port;
    },
    async start() {
      await app.init();
      await app.start();
      started = true;
      logger.info(`Slack app started in ${mode === 'http' ? 'HTTP' : 'Socket'} mode`);
    },
    async stop() {
      if (!started) return;
      started = false;
      await app.stop();
      logger.info('Slack app stopped');
    },
  };
}
