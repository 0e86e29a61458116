import type { Config } from './config.js';
import type { Database, Db } from './db/client.js';
import { createPartnersRepository, type PartnersRepository } from './db/repositories/partners.repository.js';
import type { Logger } from './logger.js';
import type { Catalog } from './program/catalog.schema.js';
import { type IsoDate, localDate } from './program/dates.js';

/**
 * What the composition root (src/main.ts; the test and bench harnesses) builds once and hands down to the
 * listeners, the jobs and the console. Nothing below builds its own.
 */
export interface Deps {
  config: Config;
  catalog: Catalog;
  logger: Logger;
  database: Database;
  db: Db;
  /** Shared across requests: its hot queries are prepared once. */
  partners: PartnersRepository;
  /** The clock; nothing below reads Date.now() for the program's day. */
  now: () => Date;
  /** Today in PROGRAM_TIMEZONE. */
  today: () => IsoDate;
}

export function createDeps(base: {
  config: Config;
  catalog: Catalog;
  logger: Logger;
  database: Database;
  now?: () => Date;
}): Deps {
  const now = base.now ?? (() => new Date());
  return {
    ...base,
    db: base.database.db,
    partners: createPartnersRepository(base.database.db),
    now,
    today: () => localDate(now(), base.config.PROGRAM_TIMEZONE),
  };
}
