import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError, loadConfig, programCatalog } from '../../src/config.js';
import { CatalogError, DEFAULT_CATALOG_PATH, parseCatalog } from '../../src/program/catalog.load.js';
import type { Catalog } from '../../src/program/catalog.schema.js';
import { obligationsFor, type PartnerFacts } from '../../src/program/obligations.js';
import { semesterEvaluatedOn } from '../../src/program/semesters.js';
import { partnerAnnouncements } from '../../src/slack/views/announcements.view.js';
import { catalog } from './support.js';

/** A partner imported with its real join date, years before the program started in the bot. */
const veteran = (entries: Record<string, string>, tier = 'starter'): PartnerFacts => ({
  type: 'operator',
  operatorProgram: 'standard',
  tier,
  entries,
  contacts: [],
  trainings: [],
  checklist: [],
});

const item = (c: Catalog, facts: PartnerFacts, today: string, code: string) =>
  obligationsFor(c, facts, today).find((i) => i.obligation.code === code)!;

describe("due dates count from the later of the tier entry and the program's start (PROGRAM.md §6)", () => {
  const joined2019 = veteran({ starter: '2019-06-03' });

  it('the catalog starts the program on 1 January 2026', () => {
    expect(catalog.programStart).toBe('2026-01-01');
  });

  it('a partner that joined in 2019 owes its Starter documents 30 days after the start, not since 2019', () => {
    expect(item(catalog, joined2019, '2026-01-10', 'doc-partner-charter')).toMatchObject({
      dueOn: '2026-01-31',
      status: 'outstanding',
    });
    expect(item(catalog, joined2019, '2026-01-31', 'doc-partner-charter').status).toBe('outstanding');
    expect(item(catalog, joined2019, '2026-02-01', 'doc-partner-charter').status).toBe('overdue');
    expect(item(catalog, joined2019, '2026-01-10', 'trn-operator-webinar-1').dueOn).toBe('2026-04-01');
  });

  it('a tier entered after the start counts from the entry', () => {
    const promoted = veteran({ starter: '2019-06-03', access: '2026-07-01' }, 'access');
    expect(item(catalog, promoted, '2026-07-02', 'trn-online-admin').dueOn).toBe('2026-08-30');
    expect(item(catalog, promoted, '2026-07-02', 'doc-partner-charter').dueOn).toBe('2026-01-31');
  });

  it('PROGRAM_START (config) overrides the catalog, and only when set', () => {
    const later = programCatalog(catalog, loadConfig({ PROGRAM_START: '2026-03-01' }));
    expect(later.programStart).toBe('2026-03-01');
    expect(item(later, joined2019, '2026-03-10', 'doc-partner-charter').dueOn).toBe('2026-03-31');
    expect(programCatalog(catalog, loadConfig({}))).toBe(catalog);
    expect(programCatalog(catalog, loadConfig({ PROGRAM_START: '' }))).toBe(catalog);
  });

  it("a promotion's announcement dates the new tier's duties as the status card does", () => {
    const later = programCatalog(catalog, loadConfig({ PROGRAM_START: '2026-09-01' }));
    const promoted = veteran({ starter: '2019-06-03', access: '2026-07-01' }, 'access');
    const announced = (c: Catalog) => {
      const [message] = partnerAnnouncements(c, {
        semester: semesterEvaluatedOn(c, '2026-07-01'),
        changes: [
          {
            partnerId: 'acme',
            name: 'Acme',
            type: 'operator',
            operatorProgram: 'standard',
            slackChannelId: 'C1',
            managerSlackUserId: null,
            previousTier: 'starter',
            tier: 'access',
            averageCents: 60_000_00,
          },
        ],
        unchanged: 0,
        locale: 'en',
        announceChannel: undefined,
      });
      return JSON.stringify(message!.blocks);
    };
    // Promoted on 1 July, the program started in the bot on 1 September: due 60 days after that.
    expect(item(later, promoted, '2026-09-02', 'trn-online-admin').dueOn).toBe('2026-10-31');
    expect(announced(later)).toContain('Mandatory online training — Admin: MyDstny (due 31 Oct 2026)');
    // Started before the promotion: 60 days after it, on both.
    expect(item(catalog, promoted, '2026-07-02', 'trn-online-admin').dueOn).toBe('2026-08-30');
    expect(announced(catalog)).toContain('Mandatory online training — Admin: MyDstny (due 30 Aug 2026)');
  });

  it('PROGRAM_START must be a real date YYYY-MM-DD', () => {
    for (const bad of ['2026-02-30', '01/03/2026', '2026-3-1']) {
      expect(() => loadConfig({ PROGRAM_START: bad })).toThrow(ConfigError);
    }
  });

  it('the catalog must name the start, as a date', () => {
    const data = parse(readFileSync(DEFAULT_CATALOG_PATH, 'utf8'));
    delete data.programStart;
    expect(() => parseCatalog(data)).toThrow(CatalogError);
    data.programStart = 'soon';
    expect(() => parseCatalog(data)).toThrow(/programStart/);
  });
});

describe("the program's time zone has one source: PROGRAM_TIMEZONE", () => {
  it('defaults to Europe/Paris, and an unknown zone is refused', () => {
    expect(loadConfig({}).PROGRAM_TIMEZONE).toBe('Europe/Paris');
    expect(loadConfig({ PROGRAM_TIMEZONE: 'America/Montreal' }).PROGRAM_TIMEZONE).toBe('America/Montreal');
    try {
      loadConfig({ PROGRAM_TIMEZONE: 'Europe/Pariss' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'PROGRAM_TIMEZONE: unknown time zone (an IANA name such as Europe/Paris)',
      ]);
    }
  });

  it('the catalog holds none, and a catalog naming one is refused instead of being silently ignored', () => {
    const data = parse(readFileSync(DEFAULT_CATALOG_PATH, 'utf8'));
    expect(data.timezone).toBeUndefined();
    data.timezone = 'America/Montreal';
    try {
      parseCatalog(data, 'other.yml');
      expect.unreachable();
    } catch (error) {
      expect((error as CatalogError).problems).toEqual([
        'timezone: the time zone is set by PROGRAM_TIMEZONE (config), not by the catalog',
      ]);
    }
  });
});

describe("the digest's promotion reach is the catalog's", () => {
  it('is 20 % in the catalog, and a catalog may not set it outside 0..1', () => {
    expect(catalog.digest.promotionReach).toBe(0.2);
    const data = parse(readFileSync(DEFAULT_CATALOG_PATH, 'utf8'));
    data.digest.promotionReach = 20;
    expect(() => parseCatalog(data)).toThrow(/digest\.promotionReach/);
  });
});
