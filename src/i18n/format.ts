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

/** A calendar date (YYYY-MM-DD): "26 nov. 2026" in French, "26 Nov 2026" in English. */
export function formatDate(date: IsoDate, locale: Locale): string {
  const instant = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(instant.getTime())) return date;
  return dateFormats[locale].format(instant);
}

const monthFormats = byLocale(
  (l) => new Intl.DateTimeFormat(INTL[l], { month: 'long', year: 'numeric', timeZone: 'UTC' }),
);

/** A month (YYYY-MM or YYYY-MM-01): "novembre 2026", "November 2026". */
export function formatMonth(month: IsoDate, locale: Locale): string {
  const instant = new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
  if (Number.isNaN(instant.getTime())) return month;
  return monthFormats[locale].format(instant);
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

/** A catalog label in the asker's locale (French labels are the vendor deck's exact words). */
export function label(l: Label, locale: Locale): string {
  return l[locale];
}

/** Joins items as a sentence: "a, b and c" / "a, b et c". */
export function formatList(items: string[], locale: Locale): string {
  return listFormats[locale].format(items);
}
