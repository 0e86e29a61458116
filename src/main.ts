import { type Config, loadConfig, programCatalog, slackMode } from './config.js';
import { startConsole } from './console/index.js';
import { type Database, openDatabase } from './db/client.js';
import { createDeps } from './deps.js';
import { startJobs } from './jobs/index.js';
import { createLogger, type Logger } from './logger.js';
import { startDispatcher } from './outbox/index.js';
import { loadCatalog } from './program/catalog.load.js';
import type { Catalog } from './program/catalog.schema.js';
import { createReadinessCheck, within } from './readiness.js';
import { checkTeamChannel, syncPartnerChannels, teamChannelGuard } from './services/channel-state.service.js';
import { createSlackApp } from './slack/app.js';
import { createListenerDeps, registerListeners } from './slack/listeners/index.js';
import { createDeclarationRoutes } from './web/declaration.routes.js';

export interface Running {
  /** Stops in order: no new job, no new request, in-flight work finished, deliveries parked, database closed. */
  stop(): Promise<void>;
}

/** The composition root: config -> catalog -> database -> Slack app (or the local console) -> jobs. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<Running | undefined> {
  const config = loadConfig(env);
  const catalog = programCatalog(loadCatalog(config.CATALOG_PATH), config);
  const logger = createLogger({
    level: config.LOG_LEVEL,
    secrets: [
      config.SLACK_BOT_TOKEN,
      config.SLACK_SIGNING_SECRET,
      config.SLACK_APP_TOKEN,
      config.SMTP_URL,
      config.LINK_SECRET,
    ],
  });
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
  });
  try {
    await database.migrate();
    if (slackMode(config) === 'none') {
      await startConsole({ database, catalog, config, onError: (error) => logger.error(String(error)) });
      await database.close();
      return undefined;
    }
    return await startSlack({ config, catalog, database, logger });
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}

/** SIGTERM is done within 10 s whatever the database does: the work gets 7 s, closing the database 2 s. */
export const SHUTDOWN_WORK_MS = 7_000;
export const SHUTDOWN_CLOSE_MS = 2_000;

async function startSlack(deps: { config: Config; catalog: Catalog; database: Database; logger: Logger }) {
  const { config, catalog, database, logger } = deps;
  const now = () => new Date();
  const startedAt = Date.now();
  let dispatcher: ReturnType<typeof startDispatcher> | undefined;
  const base = createDeps({ config, database, catalog, logger, now });
  // The assistant's answers are queued in the outbox; the dispatcher, started below, is woken for them.
  const listenerDeps = createListenerDeps(base, { wakeOutbox: () => dispatcher?.dispatcher.wake() });
  const slackApp = createSlackApp({
    config,
    database,
    logger,
    register: (app) => registerListeners(app, listenerDeps),
    knownLocale: listenerDeps.knownLocale,
    // The pages of the declaration links in reminder e-mails (PUBLIC_URL), on the same port.
    ...(config.PUBLIC_URL ? { web: createDeclarationRoutes(base) } : {}),
    ready: createReadinessCheck({
      database,
      lastDeliveryAt: () => dispatcher?.dispatcher.lastDeliveryAt ?? startedAt,
      stallMs: config.OUTBOX_STALL_SECONDS * 1000,
    }),
    // Within the shutdown's budget, leaving time for the dispatcher and the database.
    drainTimeoutMs: SHUTDOWN_WORK_MS - 1_000,
  });
  await slackApp.start();
  // Which partner channels are shared outside the workspace, off the start's path (events keep it after).
  void syncPartnerChannels(database.db, slackApp.app.client, (channel, error) =>
    logger.warn(`conversations.info ${channel}: ${String(error)}`),
  ).catch((error: unknown) => logger.warn(`could not check the partner channels' sharing: ${String(error)}`));
  // The team channel gets every changed partner's summary: it must be internal (else they are held).
  if (config.ANNOUNCE_CHANNEL_ID)
    void checkTeamChannel(database.db, slackApp.app.client, config.ANNOUNCE_CHANNEL_ID, (m) =>
      logger.warn(m),
    ).catch((error: unknown) =>
      logger.warn(`could not check ANNOUNCE_CHANNEL_ID's sharing: ${String(error)}`),
    );
  dispatcher = startDispatcher({
    db: database.db,
    config,
    logger,
    now,
    ...(config.ANNOUNCE_CHANNEL_ID
      ? { mayPost: teamChannelGuard(database.db, slackApp.app.client, config.ANNOUNCE_CHANNEL_ID) }
      : {}),
  });
  const delivery = dispatcher;
  // Jobs write to the outbox only; the dispatcher delivers at Slack's pace.
  // The bot's own team and org: contacts of another team are external (Slack Connect).
  const installation = slackApp.installation;
  const homeTeamIds = [installation?.teamId, installation?.enterpriseId].filter((t): t is string => !!t);
  const jobs = startJobs({
    db: database.db,
    catalog,
    config,
    logger,
    now,
    homeTeamIds,
    slack: slackApp.app.client,
  });
  logger.info(`partner-bot is running (${slackApp.mode} mode, ${database.kind} database)`);

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      // No new job, no new request, no new delivery; what runs gets SHUTDOWN_WORK_MS to finish. A database
      // that stopped answering would otherwise hold every step (the tester saw 37 s and more).
      const finished = await settles(
        Promise.all([jobs.stop(), slackApp.stop(), delivery.stop()]),
        SHUTDOWN_WORK_MS,
      );
      if (!finished) logger.warn(`Stopping: work still running after ${SHUTDOWN_WORK_MS} ms was cut short`);
      if (!(await settles(database.close(), SHUTDOWN_CLOSE_MS)))
        logger.warn(`Stopping: the database did not close within ${SHUTDOWN_CLOSE_MS} ms`);
      logger.info('partner-bot stopped');
    })();
    return stopping;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      process.once(signal, () => process.exit(1));
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  return { stop };
}

/** True when `work` settles within `ms` (a rejection counts as settled: shutdown goes on either way). */
async function settles(work: Promise<unknown>, ms: number): Promise<boolean> {
  return (
    await within(
      work.catch(() => {}),
      ms,
    )
  ).ok;
}
