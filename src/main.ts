import { type Config, loadConfig, programCatalog, slackMode } from './config.js';
import { startConsole } from './console/index.js';
import { type Database, openDatabase } from './db/client.js';
import { createDeps } from './deps.js';
import { startJobs } from './jobs/index.js';
import { createLogger, type Logger } from './logger.js';
import { startDispatcher } from './outbox/index.js';
import { loadCatalog } from './program/catalog.load.js';
import type { Catalog } from './program/catalog.schema.js';
import { syncPartnerChannels } from './services/channel-state.service.js';
import { createSlackApp } from './slack/app.js';
import { createListenerDeps, registerListeners } from './slack/listeners/index.js';

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
    secrets: [config.SLACK_BOT_TOKEN, config.SLACK_SIGNING_SECRET, config.SLACK_APP_TOKEN, config.SMTP_URL],
  });
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
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

async function startSlack(deps: { config: Config; catalog: Catalog; database: Database; logger: Logger }) {
  const { config, catalog, database, logger } = deps;
  const now = () => new Date();
  const slackApp = createSlackApp({
    config,
    database,
    logger,
    register: (app) =>
      registerListeners(app, createListenerDeps(createDeps({ config, database, catalog, logger, now }))),
  });
  await slackApp.start();
  // Which partner channels are shared outside the workspace, off the start's path (events keep it after).
  void syncPartnerChannels(database.db, slackApp.app.client, (channel, error) =>
    logger.warn(`conversations.info ${channel}: ${String(error)}`),
  ).catch((error: unknown) => logger.warn(`could not check the partner channels' sharing: ${String(error)}`));
  const dispatcher = startDispatcher({ db: database.db, config, logger, now });
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
      await jobs.stop();
      await slackApp.stop();
      await dispatcher.stop();
      await database.close();
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
