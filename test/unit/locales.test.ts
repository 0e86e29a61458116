import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { userLocales } from '../../src/db/schema.js';
import * as i18n from '../../src/i18n/index.js';
import {
  commandMessages,
  contactLocale,
  formatDate,
  formatList,
  formatMoney,
  localeFromSlack,
  plural,
} from '../../src/i18n/index.js';
import { localeOfCommandMessages, writeMessages, writeMessagesFor } from '../../src/i18n/writes.js';
import { isLocale, LOCALES } from '../../src/program/locales.js';
import { catalog } from './support.js';

/** Every message table i18n exports: its plain-object exports (the rest are functions). */
const tables = Object.entries(i18n as Record<string, unknown>).filter(
  (entry): entry is [string, Record<string, unknown>] => typeof entry[1] === 'object' && entry[1] !== null,
);

/** An object's nested keys, with the type of each leaf (functions and plural forms compare by shape). */
const shape = (o: unknown): unknown =>
  typeof o === 'object' && o !== null
    ? Object.fromEntries(
        Object.entries(o)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [k, shape(v)]),
      )
    : typeof o;

describe('locales', () => {
  it('finds every message table i18n exports', () => {
    expect(tables.map(([name]) => name).sort()).toEqual(
      [
        'announcementMailMessages',
        'announcementMessages',
        'assistantMessages',
        'benefitUsesMessages',
        'commandMessages',
        'consoleMessages',
        'declarationPageMessages',
        'depthModalsMessages',
        'digestMessages',
        'homeMessages',
        'importIssueMessages',
        'importNoteMessages',
        'importExportMessages',
        'jobRunMessages',
        'membershipMessages',
        'objectivesMessages',
        'operatorFeesMessages',
        'reminderMailMessages',
        'reminderMessages',
        'writeMessages',
        'writeNotifications',
        'zenDirectoryMessages',
      ].sort(),
    );
  });

  it.each(tables)('%s has exactly one entry per locale of LOCALES', (_name, table) => {
    expect(Object.keys(table).sort()).toEqual([...LOCALES].sort());
  });

  it.each(tables)('%s has the same nested keys in every locale as in French', (_name, table) => {
    for (const locale of LOCALES) expect(shape(table[locale]), locale).toEqual(shape(table.fr));
  });

  it('has /partner messages that carry their own locale, which picks the matching write messages', () => {
    for (const locale of LOCALES) {
      expect(commandMessages[locale].locale).toBe(locale);
      expect(localeOfCommandMessages(commandMessages[locale])).toBe(locale);
      expect(writeMessagesFor(commandMessages[locale])).toBe(writeMessages[locale]);
    }
  });

  it('formats dates, amounts, lists and plurals in every locale', () => {
    for (const locale of LOCALES) {
      expect(formatDate('2026-11-26', locale)).toMatch(/2026/);
      expect(formatMoney(123456, locale)).toMatch(/€/);
      expect(formatList(['a', 'b'], locale)).toMatch(/^a.+b$/);
      expect(plural(2, { one: '{n} x', other: '{n} xs' }, locale)).toBe('2 xs');
    }
  });

  it('speaks to a contact in the language Slack gave, else the import’s, else LOCALE; never the partner’s', () => {
    const slack = new Map([['UFR', 'fr' as const]]);
    expect(contactLocale({ slackUserId: 'UFR', locale: 'en' }, slack, 'en')).toBe('fr');
    expect(contactLocale({ slackUserId: 'UNEW', locale: 'fr' }, slack, 'en')).toBe('fr');
    expect(contactLocale({ slackUserId: null, locale: null }, slack, 'fr')).toBe('fr');
    expect(contactLocale(undefined, slack, 'en')).toBe('en');
  });

  it("maps Slack's locales to the bot's by language, and anything else to the fallback", () => {
    for (const locale of LOCALES) {
      expect(localeFromSlack(`${locale}-XX`, undefined)).toBe(locale);
      expect(localeFromSlack(`${locale.toUpperCase()}_XX`, undefined)).toBe(locale);
    }
    expect(localeFromSlack('fr-FR', 'en')).toBe('fr');
    expect(localeFromSlack('en-US', 'fr')).toBe('en');
    expect(localeFromSlack('xx-XX', 'en')).toBe('en');
    expect(localeFromSlack(undefined, undefined)).toBeUndefined();
  });

  it('accepts exactly LOCALES in config, the user_locales column and isLocale', () => {
    for (const locale of LOCALES) {
      expect(loadConfig({ LOCALE: locale }).LOCALE).toBe(locale);
      expect(isLocale(locale)).toBe(true);
    }
    expect(() => loadConfig({ LOCALE: 'xx' })).toThrow();
    expect(isLocale('xx')).toBe(false);
    expect(userLocales.locale.enumValues).toEqual([...LOCALES]);
  });

  it('has catalog labels in every locale', () => {
    for (const tier of catalog.tiers)
      expect(Object.keys(tier.label).sort(), tier.code).toEqual([...LOCALES].sort());
  });
});
