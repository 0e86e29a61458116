import type { Label } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { byLocale, type Locale } from '../program/locales.js';

export type { Locale } from '../program/locales.js';

/** The Intl locale each bot locale formats numbers and dates with (a new locale must name its own). */
const INTL: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(locale: Locale, fractionDigits: 0 | 2): Intl.NumberFormat {
  const key = `${locale}:${fractionDigits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL[locale], {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/**
 * An amount in integer cents as euros: "1 234,56 €" in French, "€1,234.56" in English (Intl's own
 * spacing: French uses non-breaking spaces, so "1 234,56 €" never wraps). Whole amounts drop the cents
 * when `wholeEuros` is 'auto' (thresholds read "10 000 €").
 */
export function formatMoney(
  cents: number,
  locale: Locale,
  options: { wholeEuros?: 'auto' | 'never' } = {},
): string {
  const whole = options.wholeEuros === 'auto' && Number.isInteger(cents / 100);
  return moneyFormat(locale, whole ? 0 : 2).format(cents / 100);
}

/** Whole euros (catalog thresholds are in euros): "10 000 €", "€10,000". */
export function formatEuros(euros: number, locale: Locale): string {
  return formatMoney(Math.round(euros * 100), locale, { wholeEuros: 'auto' });
}

const dateFormats = byLocale(
  (l) =>
    new Intl.DateTimeFormat(INTL[l], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
);

/**
 * A calendar date (YYYY-MM-DD): "26 nov. 2026" in French, "26 Nov 2026" in English. French writes the first
 * of a month "1er": "1er janv. 2027".
 */
export function formatDate(date: IsoDate, locale: Locale): string {
  const key = `${locale}${date}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    if (formattedDates.size >= MAX_FORMATTED_DATES) formattedDates.clear();
    text = formatDateNow(date, locale);
    formattedDates.set(key, text);
  }
  return text;
}

// A status card formats the same few dates (the semester's, the duties' deadlines) dozens of times, and
// Intl formatting was the largest item of its view: the texts are kept, a bounded number of them.
const MAX_FORMATTED_DATES = 4_096;
const formattedDates = new Map<string, string>();

function formatDateNow(date: IsoDate, locale: Locale): string {
  const instant = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(instant.getTime())) return date;
  if (locale !== 'fr' || instant.getUTCDate() !== 1) return dateFormats[locale].format(instant);
  return dateFormats[locale]
    .formatToParts(instant)
    .map((part) => (part.type === 'day' ? '1er' : part.value))
    .join('');
}

const monthFormats = byLocale(
  (l) => new Intl.DateTimeFormat(INTL[l], { month: 'long', year: 'numeric', timeZone: 'UTC' }),
);

const monthNameFormats = byLocale(
  (l) => new Intl.DateTimeFormat(INTL[l], { month: 'long', timeZone: 'UTC' }),
);

/**
 * A month (YYYY-MM or YYYY-MM-01): "novembre 2026", "November 2026"; with `{ year: false }` the month's
 * name alone ("novembre"), for a range within one year.
 */
export function formatMonth(month: IsoDate, locale: Locale, options: { year?: boolean } = {}): string {
  const instant = new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
  if (Number.isNaN(instant.getTime())) return month;
  return (options.year === false ? monthNameFormats : monthFormats)[locale].format(instant);
}

/**
 * The two ends of a range of months, the year said once when both share it: ["janvier", "juin 2026"]
 * (for "de janvier à juin 2026"), ["juillet 2025", "janvier 2026"] across years.
 */
export function formatMonthRange(first: IsoDate, last: IsoDate, locale: Locale): [string, string] {
  const sameYear = first.slice(0, 4) === last.slice(0, 4);
  return [formatMonth(first, locale, { year: !sameYear }), formatMonth(last, locale)];
}

/**
 * A semester's code as a user reads it: "2026-H1" is "S1 2026" in French, "H1 2026" in English. Other
 * codes (a window named by its first month, '2026-01') are left as they are.
 */
export function formatSemester(code: string, locale: Locale): string {
  const half = /^(\d{4})-H([12])$/.exec(code);
  if (!half) return code;
  return locale === 'fr' ? `S${half[2]} ${half[1]}` : `H${half[2]} ${half[1]}`;
}

/**
 * A colon after a label, as the locale writes it: "Statut\u202f: " in French (a narrow no-break space
 * before it), "Tier: " in English. `colon(locale)` is the mark with what precedes it, without the space
 * after.
 */
export function colon(locale: Locale): string {
  return locale === 'fr' ? '\u202f:' : ':';
}

// Intl objects are costly to build (a status card formats dozens of counts): one per locale, built once.
const numberFormats = byLocale((l) => new Intl.NumberFormat(INTL[l]));
const pluralRules = byLocale((l) => new Intl.PluralRules(INTL[l]));
const listFormats = byLocale((l) => new Intl.ListFormat(INTL[l], { style: 'long', type: 'conjunction' }));

export function formatNumber(n: number, locale: Locale): string {
  return numberFormats[locale].format(n);
}

export interface PluralForms {
  one: string;
  other: string;
  /** Used for 0 when given (e.g. "nothing due"). */
  zero?: string;
}

/**
 * Picks the plural form for n; `{n}` in the form is replaced by the formatted count. French counts 0 and 1
 * as singular ("0 jour"), English only 1.
 */
export function plural(n: number, forms: PluralForms, locale: Locale): string {
  const rule = pluralRules[locale].select(n);
  const form = n === 0 && forms.zero !== undefined ? forms.zero : rule === 'one' ? forms.one : forms.other;
  return form.replaceAll('{n}', formatNumber(n, locale));
}

/** "1 message", "2 messages": English nouns counted where the command line speaks English. */
export function englishCount(n: number, noun: string): string {
  return plural(n, { one: `{n} ${noun}`, other: `{n} ${noun}s` }, 'en');
}

/** A catalog label in the asker's locale (French labels are the vendor deck's exact words). */
export function label(l: Label, locale: Locale): string {
  return l[locale];
}

/** Joins items as a sentence: "a, b and c" / "a, b et c". */
export function formatList(items: string[], locale: Locale): string {
  return listFormats[locale].format(items);
}
