import type { Db } from '../../../db/client.js';
import type { PartnersRepository } from '../../../db/repositories/partners.repository.js';
import type { UsersInfoClient } from '../../../i18n/locale.js';
import type { Catalog, Locale } from '../../../program/catalog.schema.js';
import { type IsoDate, localDate } from '../../../program/dates.js';
import type { ListenerDeps } from '../../listeners/deps.js';
import { viewContext } from '../../views/context.js';
import { type WriteViewContext, writeViewContext } from '../../views/write-replies.view.js';
import type { PartnerCommandDeps } from '../types.js';

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

/** The write side's environment, assembled from the listeners' shared dependencies. */
export function writeEnv(deps: ListenerDeps): WriteEnv {
  const today = () => localDate(deps.now(), deps.config.PROGRAM_TIMEZONE);
  return {
    deps,
    db: deps.database.db,
    catalog: deps.catalog,
    partners: deps.partners,
    core: deps.command,
    locale: (client, userId) => deps.locales(client, userId),
    today,
    context: (locale) => writeViewContext(viewContext(deps.catalog, locale, today())),
  };
}
