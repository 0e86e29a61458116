import { isLocale, type Locale } from '../program/locales.js';

/** Remembers each user's locale for a while; passed in, never a module-level singleton. */
export interface LocaleCache {
  get(userId: string): Locale | undefined;
  set(userId: string, locale: Locale, ttlMs?: number): void;
  readonly size: number;
}

export interface LocaleCacheOptions {
  /** How long a locale read from Slack is trusted (users rarely change it). */
  ttlMs?: number;
  /** Upper bound on remembered users; the oldest is forgotten first. */
  maxEntries?: number;
  now?: () => number;
}

export function createLocaleCache(options: LocaleCacheOptions = {}): LocaleCache {
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { locale: Locale; expiresAt: number }>();
  return {
    get size() {
      return entries.size;
    },
    get(userId) {
      const entry = entries.get(userId);
      if (!entry) return undefined;
      if (entry.expiresAt <= now()) {
        entries.delete(userId);
        return undefined;
      }
      return entry.locale;
    },
    set(userId, locale, entryTtlMs = ttlMs) {
      entries.delete(userId);
      while (entries.size >= maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      entries.set(userId, { locale, expiresAt: now() + entryTtlMs });
    },
  };
}

/** Slack's locale ('fr-FR', 'en-US', ...) as one of the bot's LOCALES (by its language), else the fallback. */
export function localeFromSlack<F extends Locale | undefined>(
  slackLocale: string | undefined | null,
  fallback: F,
): Locale | F {
  const language = slackLocale?.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(language) ? language : fallback;
}

/** The part of the Web API client this needs (a Bolt `client` fits). */
export interface UsersInfoClient {
  users: {
    info(args: { user: string; include_locale?: boolean }): Promise<{ user?: { locale?: string } }>;
  };
}

export interface LocaleResolverOptions {
  cache: LocaleCache;
  /** config.LOCALE: used when Slack does not say, fails, or is too slow. */
  fallback: Locale;
  /** Told each time Slack names a user's language as one of LOCALES (to remember it for DMs). */
  onLearned?: (userId: string, locale: Locale) => void;
  /** How long a reply may wait for users.info (the reply must leave within Slack's 3 s). */
  timeoutMs?: number;
  /** How long a failed lookup is remembered as the fallback, so a broken users.info is not retried per request. */
  failureTtlMs?: number;
}

/** The asker's locale; `client` is the request's Web API client (Bolt's `client`). */
export type LocaleResolver = (client: UsersInfoClient, userId: string) => Promise<Locale>;

/**
 * The asker's locale from Slack's users.info (include_locale), cached per user. A slow answer does not
 * hold the reply back more than `timeoutMs`: the fallback is used this time, and the answer, when it
 * comes, fills the cache for the next request.
 */
export function createLocaleResolver(options: LocaleResolverOptions): LocaleResolver {
  const timeoutMs = options.timeoutMs ?? 500;
  const failureTtlMs = options.failureTtlMs ?? 60_000;
  const pending = new Map<string, Promise<Locale>>();

  const lookup = (client: UsersInfoClient, userId: string): Promise<Locale> => {
    const existing = pending.get(userId);
    if (existing) return existing;
    const call = Promise.resolve()
      .then(() => client.users.info({ user: userId, include_locale: true }))
      .then((answer) => {
        const said = localeFromSlack(answer.user?.locale, undefined);
        if (said) options.onLearned?.(userId, said);
        const locale = said ?? options.fallback;
        options.cache.set(userId, locale);
        return locale;
      })
      .catch(() => {
        options.cache.set(userId, options.fallback, failureTtlMs);
        return options.fallback;
      })
      .finally(() => pending.delete(userId));
    pending.set(userId, call);
    return call;
  };

  return async (client, userId) => {
    const cached = options.cache.get(userId);
    if (cached) return cached;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<Locale>((resolve) => {
      timer = setTimeout(() => resolve(options.fallback), timeoutMs);
    });
    try {
      return await Promise.race([lookup(client, userId), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * A partner contact's language, in this order: the one Slack gave when it last used the bot, the import's
 * `locale`, then the fallback (LOCALE). A partner's own language is for its channel, not its people.
 */
export function contactLocale(
  contact: { slackUserId: string | null; locale: Locale | null } | undefined,
  slackLocales: ReadonlyMap<string, Locale>,
  fallback: Locale,
): Locale {
  return (
    (contact?.slackUserId ? slackLocales.get(contact.slackUserId) : undefined) ?? contact?.locale ?? fallback
  );
}
