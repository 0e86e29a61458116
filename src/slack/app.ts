import { App, type webApi } from '@slack/bolt';
import { type Config, slackMode } from '../config.js';
import type { Database } from '../db/client.js';
import { createLogger, type Logger, redactingLogger } from '../logger.js';
import type { Locale } from '../program/locales.js';
import type { ReadinessCheck } from '../readiness.js';
import { dedupeEvents } from './event-dedupe.js';
import { createInFlight } from './in-flight.js';
import { pingReadiness } from './probes.js';
import { type ReceiverLimits, SlackHttpReceiver, SocketReceiver, type WebRoutes } from './receiver.js';
import {
  checkInstallation,
  createHeaderVerifier,
  createMemoryReplayStore,
  createRequestVerifier,
  describeRefusal,
  type Installation,
  type ReplayStore,
} from './request-verification.js';
import { createSharedReplayStore } from './shared-replay-store.js';
import { busyView } from './views/refusal.view.js';

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

/**
 * Our app and installation, asked of Slack once at start, so that every request can be checked against
 * them (request-verification.ts, checkInstallation):
 * - auth.test gives the workspace (`team_id`), its org (`enterprise_id`) and whether the installation is
 *   org-wide (`is_enterprise_install`), plus the bot's `bot_id` (https://docs.slack.dev/reference/methods/auth.test).
 *   Its documented answer has no app id (the SDK's type lists an optional `app_id`, undocumented: not
 *   relied on);
 * - the app id is SLACK_APP_ID when set, else bots.info on that bot id, whose `app_id` is documented for
 *   exactly this ("Use the app_id field to identify whether a bot belongs to your Slack app",
 *   https://docs.slack.dev/reference/methods/bots.info; it needs users:read, which the manifest has).
 *   When both are there they must agree: a bot token of another app is a configuration error.
 * The app id is never taken from a request: that would accept whatever app a forged request names.
 */
export async function resolveInstallation(
  client: webApi.WebClient,
  configuredAppId: string | undefined,
  logger: Logger,
): Promise<Installation> {
  const auth = await client.auth.test();
  const teamId = auth.team_id || undefined;
  const enterpriseId = auth.enterprise_id || undefined;
  const isEnterpriseInstall = auth.is_enterprise_install === true;
  let botsAppId: string | undefined;
  if (auth.bot_id) {
    try {
      botsAppId = (await client.bots.info({ bot: auth.bot_id })).bot?.app_id || undefined;
    } catch (error) {
      if (!configuredAppId) {
        throw new Error(
          'Could not read our app id from bots.info (it needs the users:read scope): set SLACK_APP_ID',
          { cause: error },
        );
      }
      logger.warn(`bots.info failed, using SLACK_APP_ID unchecked: ${String(error)}`);
    }
  }
  if (configuredAppId && botsAppId && configuredAppId !== botsAppId) {
    throw new Error(`SLACK_APP_ID is ${configuredAppId} but the bot token belongs to app ${botsAppId}`);
  }
  const appId = configuredAppId ?? botsAppId;
  if (!appId) throw new Error('Slack did not say which app the bot token belongs to: set SLACK_APP_ID');
  if (!isEnterpriseInstall && !teamId) throw new Error('auth.test named no workspace for the bot token');
  if (isEnterpriseInstall && !enterpriseId) throw new Error('auth.test named no org for an org-wide install');
  return { appId, teamId: isEnterpriseInstall ? undefined : teamId, enterpriseId, isEnterpriseInstall };
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
  /** `ping` for /readyz (unless `ready` is given), `db` for replays and event retries; listeners get theirs through `register`. */
  database: Pick<Database, 'ping'> & Partial<Pick<Database, 'db'>>;
  /** What GET /readyz answers (src/readiness.ts); by default whether the database answers a ping. */
  ready?: ReadinessCheck;
  /** Wrapped so tokens and the signing secret are redacted; defaults to stderr at config.LOG_LEVEL. */
  logger?: Logger;
  /** Registers the listeners, e.g. `(app) => registerListeners(app, deps)`. */
  register: (app: App) => void;
  /** Overrides config.PORT (0 picks a free port). */
  port?: number;
  host?: string;
  /**
   * Defaults to the database (createSharedReplayStore): shared by every instance, kept across restarts;
   * in memory (one process) when no `database.db` is given.
   */
  replayStore?: ReplayStore;
  /** Clock for request verification, in ms since the epoch. */
  now?: () => number;
  /** Monotonic clock stamping each request's arrival (performance.now by default), for the 3 s deadline. */
  requestClock?: () => number;
  /**
   * A user's locale if already known (the listeners' knownLocale), for the "busy" the HTTP receiver gives a
   * command too late to answer in time; config.LOCALE without it.
   */
  knownLocale?: (userId: string) => Locale;
  drainTimeoutMs?: number;
  webApiTimeoutMs?: number;
  /** Overrides the HTTP receiver's limits (body size, timeouts, connections); see DEFAULT_RECEIVER_LIMITS. */
  receiverLimits?: Partial<ReceiverLimits>;
  /** Pages served on the same port (the declaration links, src/web), outside Slack's signature check. */
  web?: WebRoutes;
}

export interface SlackApp {
  readonly app: App;
  readonly mode: 'http' | 'socket';
  /** The redacting logger Bolt and the listeners use. */
  readonly logger: Logger;
  /** Bound port of the HTTP server (events, /healthz and /readyz in HTTP mode; the probes in Socket Mode), once started. */
  readonly port: number | undefined;
  /** Our app and installation, once started: what every request must be for. */
  readonly installation: Installation | undefined;
  /**
   * Checks the bot token and learns our installation (auth.test, bots.info unless SLACK_APP_ID is set),
   * lets Bolt check the token too (its own auth.test: Bolt keeps no team id), then starts taking requests.
   */
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
  const ready = options.ready ?? pingReadiness(() => options.database.ping());
  let installation: Installation | undefined;

  let receiver: SlackHttpReceiver | SocketReceiver;
  if (mode === 'socket') {
    receiver = new SocketReceiver({
      appToken: config.SLACK_APP_TOKEN!,
      logger,
      ready,
      inFlight,
      port,
      host: options.host,
      drainTimeoutMs: options.drainTimeoutMs,
      clientOptions,
      web: options.web,
    });
  } else {
    if (!config.SLACK_SIGNING_SECRET) throw new Error('SLACK_SIGNING_SECRET is required in HTTP mode');
    const now = options.now ?? Date.now;
    receiver = new SlackHttpReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET,
      logger,
      verifyHeaders: createHeaderVerifier({ now }),
      verify: createRequestVerifier({
        signingSecret: config.SLACK_SIGNING_SECRET,
        replayStore:
          options.replayStore ??
          (options.database.db
            ? createSharedReplayStore({ db: options.database.db, logger, now })
            : createMemoryReplayStore({ now })),
        now,
      }),
      installation: () => installation,
      ready,
      inFlight,
      port,
      host: options.host,
      drainTimeoutMs: options.drainTimeoutMs,
      limits: options.receiverLimits,
      clock: options.requestClock,
      web: options.web,
      busyReply: (userId) => ({
        response_type: 'ephemeral',
        ...busyView(options.knownLocale?.(userId) ?? config.LOCALE),
      }),
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
    // Nothing reads context.conversation: Bolt's in-memory conversation store would run on every request.
    convoStore: false,
  });

  // Counts every listener run so stop() can wait for work that continues after ack().
  app.use(async ({ next }) => {
    if (mode === 'socket' && inFlight.draining) {
      logger.info('Shutting down: event left unacknowledged for Slack to redeliver');
      return;
    }
    await inFlight.run(next);
  });
  if (mode === 'socket') {
    // Over HTTP the receiver checks the installation before Bolt; over the socket it is checked here, before
    // any listener. A refused event was already acknowledged by Bolt; anything else is left unacknowledged.
    app.use(async ({ body, next }) => {
      const mine = checkInstallation(body, installation);
      if (!mine.ok) {
        logger.warn(`Refused a Socket Mode request: ${describeRefusal(mine, installation)}`);
        return;
      }
      await next();
    });
  }
  // Both transports: an event delivered again (a retry, a redelivered envelope) runs its listeners once.
  if (options.database.db) app.use(dedupeEvents({ db: options.database.db, logger }));
  options.register(app);

  let started = false;
  return {
    app,
    mode,
    logger,
    get port() {
      return receiver.port;
    },
    get installation() {
      return installation;
    },
    async start() {
      installation = await resolveInstallation(app.client, config.SLACK_APP_ID, logger);
      logger.info(
        `Installation: app ${installation.appId}, ${installation.isEnterpriseInstall ? 'org' : 'workspace'} ${installation.teamId ?? installation.enterpriseId}${installation.enterpriseId && installation.teamId ? ` (org ${installation.enterpriseId})` : ''}`,
      );
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
