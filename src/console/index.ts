import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { DEMO_USERS } from '../demo/demo-data.js';
import { seedDemo } from '../demo/seed.js';
import { consoleMessages } from '../i18n/index.js';
import type { Catalog } from '../program/catalog.schema.js';
import { localDate } from '../program/dates.js';
import { semesterContaining } from '../program/semesters.js';
import { runConsole } from './console.js';

export { type ConsoleOptions, commandText, runConsole } from './console.js';
export { mrkdwnToText, renderBlocks, renderReply } from './render-text.js';

export interface StartConsoleOptions {
  /** A migrated database (PGlite or PostgreSQL). */
  database: Database;
  catalog: Catalog;
  config: Config;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  now?: () => Date;
  onError?: (error: unknown) => void;
}

/**
 * `partner-bot start` without Slack credentials: the demo partners go into an empty database (an existing
 * one is left as it is), then the console opens as the demo partner manager.
 */
export async function startConsole(options: StartConsoleOptions): Promise<void> {
  const { db } = options.database;
  const now = options.now ?? (() => new Date());
  const output = options.output ?? process.stdout;
  const today = localDate(now(), options.config.PROGRAM_TIMEZONE);
  const seeded = await seedDemo(
    db,
    options.catalog,
    today,
    semesterContaining(options.catalog, today).firstMonth,
  );
  output.write(`${consoleMessages[options.config.LOCALE].welcome(seeded)}\n`);
  await runConsole({
    db,
    database: options.database,
    catalog: options.catalog,
    config: options.config,
    input: options.input ?? process.stdin,
    output,
    user: DEMO_USERS.manager,
    now,
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
