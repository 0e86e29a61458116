/**
 * The bot's languages: the one list every locale type and check derives from (config's LOCALE, the
 * user_locales column, catalog labels, every message table in i18n/). Adding one here makes the typecheck
 * name each table and label that lacks it. Imports nothing, so program/, config, db/ and i18n/ can all use it.
 */
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

/** One value per locale, built by `make` (e.g. an Intl formatter each). */
export function byLocale<T>(make: (locale: Locale) => T): Record<Locale, T> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, make(locale)])) as Record<Locale, T>;
}
