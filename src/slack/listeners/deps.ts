import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import {
  createPartnersRepository,
  type PartnersRepository,
} from '../../db/repositories/partners.repository.js';
import { createUserLocalesRepository } from '../../db/repositories/user-locales.repository.js';
import { createLocaleCache, createLocaleResolver, type LocaleResolver } from '../../i18n/locale.js';
import type { Logger } from '../../logger.js';
import type { Catalog } from '../../program/catalog.schema.js';
import type { PartnerCommandDeps } from '../partner-command/types.js';

/** users.info gets at most this long to tell a user's locale (the config's LOCALE otherwise). */
export const LOCALE_TIMEOUT_MS = 500;

/** What the composition root (main.ts, the test harness) hands to the listeners. */
export interface BaseListenerDeps {
  config: Config;
  database: Database;
  catalog: Catalog;
  logger: Logger;
  /** The clock; listeners never read Date.now() themselves. */
  now: () => Date;
}

/** What every listener gets: the base plus the pieces they share, built once. */
export interface ListenerDeps extends BaseListenerDeps {
  /** The asker's locale from Slack, one cache for every surface. */
  locales: LocaleResolver;
  /** The /partner core, for the command, its buttons, sharing and App Home. */
  command: PartnerCommandDeps;
  partners: PartnersRepository;
}

export function createListenerDeps(base: BaseListenerDeps): ListenerDeps {
  const partners = createPartnersRepository(base.database.db);
  const userLocales = createUserLocalesRepository(base.database.db);
  return {
    ...base,
    locales: createLocaleResolver({
      cache: createLocaleCache(),
      fallback: base.config.LOCALE,
      timeoutMs: LOCALE_TIMEOUT_MS,
      // Remembered off the reply's path, for the scheduled direct messages.
      onLearned: (userId, locale) =>
        void userLocales
          .remember(userId, locale)
          .catch((error: unknown) => base.logger.warn('could not remember a user language', error)),
    }),
    command: {
      db: base.database.db,
      catalog: base.catalog,
      config: base.config,
      now: base.now,
      onError: (error) => base.logger.error('/partner failed', error),
      partners,
    },
    partners,
  };
}
