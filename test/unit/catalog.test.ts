import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  CatalogError,
  DEFAULT_CATALOG_PATH,
  loadCatalog,
  parseCatalog,
} from '../../src/program/catalog.load.js';
import { problemsThrownBy } from '../support/problems.js';

// biome-ignore lint/suspicious/noExplicitAny: the raw YAML is mutated freely to break it
type Raw = any;
const raw = (): Raw => parse(readFileSync(DEFAULT_CATALOG_PATH, 'utf8'));

function problems(mutate: (data: Raw) => void): string[] {
  const data = raw();
  mutate(data);
  return problemsThrownBy(
    () => parseCatalog(data, 'broken.yml'),
    CatalogError,
    'the broken catalog was accepted',
  );
}

describe('the catalog’s English', () => {
  it('spells “program” as the rest of the English does, never “programme”', () => {
    const english: string[] = [];
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v))
          k === 'en' && typeof x === 'string' ? english.push(x) : collect(x);
    };
    collect(raw());
    expect(english.length).toBeGreaterThan(50);
    expect(english.filter((t) => /programme/i.test(t))).toEqual([]);
    expect(english).toContain('Webinars & trainings program');
  });
});

describe('the program catalog', () => {
  it('loads and validates', () => {
    const catalog = loadCatalog();
    expect(catalog.tiers.map((t) => t.code)).toEqual(['starter', 'access', 'business', 'premium']);
  });

  it.each<[string, (data: Raw) => void, string]>([
    [
      'a benefit with an unknown tier',
      (d) => {
        d.benefits[3].tier = 'gold';
      },
      'benefits.3.tier: unknown tier gold',
    ],
    [
      'thresholds not increasing',
      (d) => {
        d.tiers[2].minMonthlyEur.operator = 1000;
      },
      'tiers.2.minMonthlyEur: thresholds must increase',
    ],
    [
      'a lowest tier not starting at 0',
      (d) => {
        d.tiers[0].minMonthlyEur.ambassador = 1;
      },
      'tiers.0.minMonthlyEur',
    ],
    [
      'a missing fr label',
      (d) => {
        delete d.benefits[0].label.fr;
      },
      'benefits.0.label.fr',
    ],
    [
      'an empty en label',
      (d) => {
        d.tiers[1].label.en = '';
      },
      'tiers.1.label.en',
    ],
    [
      'an obligation with an unknown tier',
      (d) => {
        d.obligations[0].tier = 'gold';
      },
      'obligations.0.tier: unknown tier gold',
    ],
    [
      'a profile obligation without a profile',
      (d) => {
        delete d.obligations[10].profile;
      },
      'obligations.10.profile',
    ],
    [
      'a duplicate benefit code',
      (d) => {
        d.benefits[1].code = d.benefits[0].code;
      },
      'benefits.1.code: duplicate',
    ],
    [
      'a supersession of an unknown benefit',
      (d) => {
        d.benefits[19].supersedes = 'bizbooster-0';
      },
      'benefits.19.supersedes: unknown benefit',
    ],
    [
      'an unknown qualifying tier',
      (d) => {
        d.expertsZen.qualifyingTiers = ['gold'];
      },
      'expertsZen.qualifyingTiers.0',
    ],
    [
      'an unknown revenue category',
      (d) => {
        d.partnershipTypes[0].basis.categories = ['tips'];
      },
      'partnershipTypes.0.basis.categories.0',
    ],
    [
      'a negative reminder cadence',
      (d) => {
        d.reminders.overdueEveryDays = -7;
      },
      'reminders.overdueEveryDays',
    ],
  ])('rejects %s, naming the bad field', (_what, mutate, expected) => {
    expect(problems(mutate).some((p) => p.startsWith(expected.split(':')[0]!) && p.includes(expected))).toBe(
      true,
    );
  });

  it('lists every problem of the same kind at once', () => {
    const shape = problems((d) => {
      delete d.benefits[0].label.fr;
      d.tiers[1].label.en = '';
    });
    expect(shape).toHaveLength(2);
    const references = problems((d) => {
      d.benefits[3].tier = 'gold';
      d.obligations[0].tier = 'gold';
    });
    expect(references).toHaveLength(2);
  });

  it('names the file when it cannot be read', () => {
    expect(() => loadCatalog('/nonexistent/catalog.yml')).toThrow(
      /catalog\.yml is invalid[\s\S]*cannot read the file/,
    );
  });
});
