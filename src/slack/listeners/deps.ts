import type { PartnerIndex } from '../../assistant/partner-index.js';
import { createUserLocalesRepository } from '../../db/repositories/user-locales.repository.js';
import type { Deps } from '../../deps.js';
import {
  createLocaleCache,
  createLocaleResolver,
  type LocaleResolver,
  type UsersInfoClient,
} from '../../i18n/locale.js';
import type { Locale } from '../../program/catalog.schema.js';
import { type AnyOutsider, rememberedOutsiders } from '../../services/channel-state.service.js';
import { type ChannelAudienceResolver, defaultChannelAudience } from '../assistant/audience.js';
import { cachedPartnerIndex } from '../assistant/partner-index-cache.js';
import { viewContext } from '../views/context.js';
import { type WriteViewContext, writeViewContext } from '../views/write-replies.view.js';
import { createWorkLimiter, type WorkLimiter } from '../work-limiter.js';

/** users.info gets at most this long to tell a user's locale (the config's LOCALE otherwise). */
export const LOCALE_TIMEOUT_MS = 500;

/** What every listener gets: the program's dependencies plus the asker's locale from Slack. */
export interface ListenerDeps extends Deps {
  /** One cache for every surface. */
  locales: LocaleResolver;
  /** Who reads a channel, for the assistant's answers (the default until shared channels are known). */
  audience: ChannelAudienceResolver;
  /** Tells the outbox dispatcher a message is waiting (answers go out at once, at Slack's pace). */
  wakeOutbox: () => void;
  /** The partners' names, indexed for the assistant (rebuilt at most once a minute). */
  partnerIndex: () => Promise<PartnerIndex>;
  /** The user's locale if already known, else LOCALE, at once (for a reply that cannot wait: "busy"). */
  knownLocale: (userId: string) => Locale;
  /** Bounds the /partner answers computed at once (load shedding: the rest wait, or are told "busy"). */
  partnerWork: WorkLimiter;
  /** Whether any of a channel's members is a guest, users.info's answers remembered (Share, the assistant). */
  outsiders: AnyOutsider;
}

/**
 * /partner answers at once: more than the database pool (10 connections) only queues inside it, and over
 * 2 cores each answer would just come later. Up to 1 000 wait their turn, each only as long as it could
 * still be answered within Slack's 3 s (src/slack/listeners/commands/partner.command.ts).
 */
export const PARTNER_WORK_LIMITS = { maxConcurrent: 8, maxWaiting: 1_000 };

export interface ListenerOptions {
  wakeOutbox?: () => void;
}

export function createListenerDeps(deps: Deps, options: ListenerOptions = {}): ListenerDeps {
  const userLocales = createUserLocalesRepository(deps.db);
  const cache = createLocaleCache();
  return {
    ...deps,
    audience: defaultChannelAudience(deps.partners),
    wakeOutbox: options.wakeOutbox ?? (() => {}),
    partnerIndex: cachedPartnerIndex(deps.partners),
    knownLocale: (userId) => cache.get(userId) ?? deps.config.LOCALE,
    partnerWork: createWorkLimiter(PARTNER_WORK_LIMITS),
    outsiders: rememberedOutsiders(),
    locales: createLocaleResolver({
      cache,
      fallback: deps.config.LOCALE,
      timeoutMs: LOCALE_TIMEOUT_MS,
      // Remembered off the reply's path, for the scheduled direct messages.
      onLearned: (userId, locale) =>
        void userLocales
          .remember(userId, locale)
          .catch((error: unknown) => deps.logger.warn('could not remember a user language', error)),
    }),
  };
}

/** Catalog, locale, today and the write-side messages, for the write views. */
export function writeContext(deps: Pick<Deps, 'catalog' | 'today'>, locale: Locale): WriteViewContext {
  return writeViewContext(viewContext(deps.catalog, locale, deps.today()));
}

/** The language of the user who clicked (see locales), and the write views' context in it. */
export async function userWriteContext(
  deps: ListenerDeps,
  client: UsersInfoClient,
  userId: string,
): Promise<{ locale: Locale; ctx: WriteViewContext }> {
  const locale = await deps.locales(client, userId);
  return { locale, ctx: writeContext(deps, locale) };
}
