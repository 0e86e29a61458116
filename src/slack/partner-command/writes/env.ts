import type { Db } from '../../../db/client.js';
import {
  createPartnersRepository,
  type PartnersRepository,
} from '../../../db/repositories/partners.repository.js';
import { createLocaleCache, createLocaleResolver, type UsersInfoClient } from '../../../i18n/locale.js';
import { loadCatalog } from '../../../program/catalog.load.js';
import type { Catalog, Locale } from '../../../program/catalog.schema.js';
import { type IsoDate, localDate } from '../../../program/dates.js';
import type { ListenerDeps } from '../../listeners/deps.js';
import { viewContext } from '../../views/context.js';
import { type WriteViewContext, writeViewContext } from '../../views/write-replies.view.js';
import type { PartnerCommandDeps } from '../types.js';

/** users.info gets at most this long to tell a user's locale (the config's LOCALE otherwise). */
export const WRITE_LOCALE_TIMEOUT_MS = 500;

/** What the write-side listeners (buttons, modals, App Home) share: one catalog, one locale cache. */
export interface WriteEnv {
  deps: ListenerDeps;
  db: Db;
  catalog: Catalog;
  partners: PartnersRepository;
  /** The /partner core, to render a card again (sharing it). */
  core: PartnerCommandDeps;
  locale(client: UsersInfoClient, userId: string): Promise<Locale>;
  today(): IsoDate;
  context(locale: Locale): WriteViewContext;
}

const envs = new WeakMap<ListenerDeps, WriteEnv>();

/** The write side's environment for these listener deps (built once, then shared by every listener). */
export function writeEnv(deps: ListenerDeps, catalog?: Catalog): WriteEnv {
  const existing = envs.get(deps);
  if (existing) return existing;
  const programCatalog = catalog ?? loadCatalog(deps.config.CATALOG_PATH);
  const today = () => localDate(deps.now(), deps.config.PROGRAM_TIMEZONE);
  const locales = createLocaleResolver({
    cache: createLocaleCache(),
    fallback: deps.config.LOCALE,
    timeoutMs: WRITE_LOCALE_TIMEOUT_MS,
  });
  const env: WriteEnv = {
    deps,
    db: deps.database.db,
    catalog: programCatalog,
    partners: createPartnersRepository(deps.database.db),
    core: {
      db: deps.database.db,
      catalog: programCatalog,
      config: deps.config,
      now: deps.now,
      onError: (error) => deps.logger.error('/partner failed', error),
    },
    locale: (client, userId) => locales(client, userId),
    today,
    context: (locale) => writeViewContext(viewContext(programCatalog, locale, today())),
  };
  envs.set(deps, env);
  return env;
}
