import { describe, expect, it } from 'vitest';
import type { DigestCappedSection } from '../../src/db/repositories/partner-statuses.repository.js';
import { label } from '../../src/i18n/format.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import { LOCALES } from '../../src/program/locales.js';
import {
  digestLineBound,
  digestLinesShown,
  digestView,
  type ManagerDigest,
} from '../../src/slack/views/digest.view.js';

const catalog = loadCatalog();
const caps = digestLinesShown(catalog);

/** `n` lines of a section, each as short as the catalog allows in `locale` (one-letter partner names by default). */
function shortestLines(
  section: DigestCappedSection,
  locale: (typeof LOCALES)[number],
  n: number,
  partnerName = 'A',
) {
  const byLength = <T extends { label: Parameters<typeof label>[0] }>(items: readonly T[]) =>
    [...items].sort((a, b) => label(a.label, locale).length - label(b.label, locale).length)[0]!;
  const obligation = byLength(catalog.obligations).label;
  const tier = byLength(catalog.tiers).code;
  const digest: ManagerDigest = {
    manager: 'U1',
    demotions: [],
    promotions: [],
    overdue: [],
    missed: [],
    pending: [],
  };
  for (let i = 0; i < n; i++) {
    if (section === 'demotions')
      digest.demotions.push({
        partnerName,
        averageSoFarCents: 0,
        missingToKeepCents: 0,
        tier,
        daysLeft: 1,
        nextEvaluationOn: '2026-05-02',
      });
    if (section === 'promotions')
      digest.promotions.push({
        partnerName,
        nextTier: tier,
        missingCents: 0,
        thresholdCents: 0,
        daysLeft: 1,
      });
    if (section === 'overdue')
      digest.overdue.push({
        partnerName,
        obligation,
        dueOn: '2026-05-02',
        daysOverdue: 1,
        contact: undefined,
      });
    if (section === 'missed')
      digest.missed.push({ partnerName, obligation, quarters: [{ year: 2026, number: 1 }] });
  }
  return digest;
}

describe('digest lines read per section (digestLinesShown)', () => {
  const sections = Object.keys(caps) as DigestCappedSection[];
  it.each(LOCALES.flatMap((locale) => sections.map((section) => [locale, section] as const)))(
    'in %s, %s: the first lines up to the cap render the same message as every line, even the shortest',
    (locale, section) => {
      const all = shortestLines(section, locale, caps[section] + 50);
      const read = { ...all, [section]: all[section].slice(0, caps[section]) };
      const totals = { [section]: caps[section] + 50 };
      const whole = digestView(catalog, locale, all);
      expect(digestView(catalog, locale, { ...read, totals })).toEqual(whole);
      // The cap is near what really fits: the shortest lines fill the section past half of it.
      const shown = JSON.stringify(whole.blocks).split('• ').length - 1;
      expect(shown).toBeGreaterThan(caps[section] / 2);
    },
  );

  it.each(LOCALES.flatMap((locale) => sections.map((section) => [locale, section] as const)))(
    'in %s, %s: with 30-character names, the lines within the bound in characters render the same message as every line',
    (locale, section) => {
      const bound = digestLineBound(catalog);
      const width = Math.min(bound.shortest[section] + 30, bound.longest) + 1;
      // What the repository reads: the lines whose lines before take less than the budget.
      const read = Math.min(caps[section], Math.ceil(bound.budget / width));
      expect(read).toBeLessThan(caps[section]);
      const all = shortestLines(section, locale, read + 50, 'N'.repeat(30));
      const first = { ...all, [section]: all[section].slice(0, read), totals: { [section]: read + 50 } };
      expect(digestView(catalog, locale, first)).toEqual(digestView(catalog, locale, all));
    },
  );
});
