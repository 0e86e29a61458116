import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import type { Logger } from '../logger.js';

/**
 * What listeners receive. Add services here as they land (listeners call services, never repositories
 * or SQL directly); main.ts and test/support/slack-app.ts build it.
 */
export interface ListenerDeps {
  config: Config;
  database: Database;
  logger: Logger;
  /** The clock; listeners never read Date.now() themselves. */
  now: () => Date;
}
