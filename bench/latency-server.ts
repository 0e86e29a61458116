import { loadConfig } from '../src/config.js';
import { type Database, openDatabase } from '../src/db/client.js';
import { createDeps } from '../src/deps.js';
import { createLogger } from '../src/logger.js';
import { loadCatalog } from '../src/program/catalog.load.js';
import { createSlackApp } from '../src/slack/app.js';
import { createListenerDeps, registerListeners } from '../src/slack/listeners/index.js';
import { onParentMessage, tellParent } from './child.js';
import { involuntarySwitches, type RssPeak, startRssSampler } from './rss.js';
import { BARE_REPLY, BENCH_BOT_TOKEN, BENCH_SIGNING_SECRET } from './slack-load.js';

/**
 * The app under the latency bench, in a process of its own (its RSS is the app's alone):
 * - BENCH_MODE=app: the real app, built as src/main.ts builds it (createSlackApp + registerListeners) on
 *   DATABASE_URL (PostgreSQL) or BENCH_PGLITE_DIR (PGlite), in HTTP mode on 127.0.0.1;
 * - BENCH_MODE=bare: the same receiver, request verification and middleware, with one listener that
 *   acks a fixed reply and no database: the floor the transport itself costs.
 * The Web API (users.info for the locale) goes to the bench's fake Slack (SLACK_API_URL).
 */

async function start() {
  const mode = process.env.BENCH_MODE === 'bare' ? 'bare' : 'app';
  const pgliteDir = process.env.BENCH_PGLITE_DIR;
  const config = loadConfig({
    SLACK_BOT_TOKEN: BENCH_BOT_TOKEN,
    SLACK_SIGNING_SECRET: BENCH_SIGNING_SECRET,
    SLACK_API_URL: process.env.SLACK_API_URL,
    DATABASE_URL: pgliteDir ? undefined : process.env.DATABASE_URL,
    DATA_DIR: pgliteDir ?? './.data-bench',
    LOG_LEVEL: 'warn',
    PORT: '0',
  });
  const logger = createLogger({ level: config.LOG_LEVEL, name: `bench-${mode}` });
  let database: Database | undefined;
  if (mode === 'app') {
    database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
    await database.migrate();
  }
  const db = database;
  const listenerDeps =
    db &&
    createListenerDeps(
      createDeps({ config, database: db, catalog: loadCatalog(config.CATALOG_PATH), logger }),
    );
  const slackApp = createSlackApp({
    config,
    database: db ?? { ping: async () => {} },
    logger,
    host: '127.0.0.1',
    port: 0,
    ...(listenerDeps ? { knownLocale: listenerDeps.knownLocale } : {}),
    register: listenerDeps
      ? (app) => registerListeners(app, listenerDeps)
      : (app) =>
          app.command('/partner', async ({ ack }) => {
            await ack({ response_type: 'ephemeral', text: BARE_REPLY });
          }),
  });
  await slackApp.start();

  let sampler: ReturnType<typeof startRssSampler> | undefined;
  let cpuAtStart = process.cpuUsage();
  let switchesAtStart = involuntarySwitches();
  onParentMessage(async (message) => {
    switch (message.type) {
      // The measured stretch: RSS sampled, CPU time counted.
      case 'rss-start':
        sampler = startRssSampler();
        cpuAtStart = process.cpuUsage();
        switchesAtStart = involuntarySwitches();
        await tellParent({ type: 'rss-started' });
        break;
      case 'rss-stop': {
        const peak: RssPeak = sampler?.stop() ?? startRssSampler().stop();
        const cpu = process.cpuUsage(cpuAtStart);
        const switches = involuntarySwitches();
        await tellParent({
          type: 'rss',
          ...peak,
          cpuMs: (cpu.user + cpu.system) / 1000,
          ...(switches === undefined || switchesAtStart === undefined
            ? {}
            : { involuntarySwitches: switches - switchesAtStart }),
        });
        break;
      }
      // Memory right now, after a full gc when the child runs with --expose-gc (the flood bench).
      case 'memory': {
        const gc = (globalThis as { gc?: () => void }).gc;
        gc?.();
        gc?.();
        const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
        await tellParent({ type: 'memory', rss, heapUsed, external, arrayBuffers, gc: gc !== undefined });
        break;
      }
      case 'stop':
        await slackApp.stop();
        await db?.close();
        await tellParent({ type: 'stopped' });
        process.exit(0);
    }
  });
  await tellParent({ type: 'ready', port: slackApp.port ?? 0, database: db?.kind ?? 'none' });
}

start().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
