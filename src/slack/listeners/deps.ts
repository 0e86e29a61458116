import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import type { Logger } from '../logger.js';

/** What every listener gets; main.ts and test/support/slack-app.ts build it. */
export interface BaseListenerDeps {
  config: Config;
  database: Database;
  logger: Logger;
  /** The clock; listeners never read Date.now() themselves. */
  now: () => Date;
}

/**
 * What listeners receive. Add services here as they land (listeners call services, never repositories or
 * SQL directly); when a field is added, build it in main.ts and in the harness's `buildDeps` default.
 */
export interface ListenerDeps extends BaseListenerDeps {}
