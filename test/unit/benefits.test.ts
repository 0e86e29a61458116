import { describe, expect, it } from 'vitest';
import { benefitsAddedBy, benefitsInForce } from '../../src/program/benefits.js';
import { previousTier } from '../../src/program/tiers.js';
import { bizBoosterNotes } from '../../src/slack/views/benefits.view.js';
import { viewContext } from '../../src/slack/views/context.js';
import { catalog } from './support.js';

/** PROGRAM.md section 5, row by row (the deck’s words with French typography: a narrow no-break space before ":"). */
const SECTION_5: [string, string, string][] = [
  ['starter', 'welcome-pack', 'Pack Bienvenue\u202f: Flyers, guide partenaire'],
  ['starter', 'vendor-presentation', 'Présentation Dstny'],
  ['starter', 'webinars-trainings', 'Programme Webinars & Formations'],
  ['starter', 'wiki', 'Wiki Dstny'],
  ['starter', 'dedicated-team', 'Equipe dédiée Accompagnement'],
  ['starter', 'first-customer-cycles', 'Accompagnement 3 premiers cycles Clients'],
  ['starter', 'starter-packs', 'Accès aux Starter Packs'],
  ['starter', 'escalation-grid', 'Accès Grille Escalade'],
  ['starter', 'experts-zen-help', 'Accès Base Experts Zen pour aide sur installation'],
  ['access', 'bizbooster-150', 'Promo BizBooster disponible 3 mois – réduction de 150€ sur une commande'],
  ['access', 'sales-rep', 'Commercial dédié'],
  ['access', 'challenges', 'Accès aux Challenges Dstny'],
  ['access', 'promos', 'Accès aux promos Dstny'],
  ['business', 'events-support', 'Accompagnement sur vos activités événementielles'],
  ['business', 'partner-days', 'Invitation aux Journées Partenaires'],
  ['business', 'leads', 'Accès aux Leads Dstny'],
  ['business', 'experts-zen-listing', 'Référencement Experts Zen'],
  ['business', 'business-diploma', 'Diplômes Partenaire Business'],
  ['business', 'business-offers', 'Accès à des offres préférentielles Business'],
  ['premium', 'bizbooster-500', 'Promo BizBooster disponible 3 mois – réduction de 500€ sur une commande'],
  ['premium', 'free-training', 'Formation gratuite pour 1 personne par an'],
  ['premium', 'kpis', 'Indicateurs de performance détaillés'],
  ['premium', 'monthly-tech-review', 'Point technique mensuel'],
  ['premium', 'partners-club', 'Invitation Club Partenaires'],
  ['premium', 'premium-diploma', 'Diplôme Partenaire Premium'],
  ['premium', 'premium-trophy', 'Trophée Partenaire Premium'],
  ['premium', 'premium-offers', 'Accès à des offres préférentielles Premium'],
];

const SUPERSEDED_AT_PREMIUM = new Set(['bizbooster-150', 'business-diploma', 'business-offers']);
const TIERS = ['starter', 'access', 'business', 'premium'];
const ENTERED = '2026-01-01';
const allEntered = Object.fromEntries(TIERS.map((t) => [t, ENTERED]));

function codesInForce(tier: string, today = ENTERED): string[] {
  return benefitsInForce(catalog, { tier, entries: allEntered }, today).map((b) => b.benefit.code);
}

describe('benefits', () => {
  it('the catalog lists exactly the benefits of PROGRAM.md, in its order', () => {
    expect(catalog.benefits.map((b) => b.code)).toEqual(SECTION_5.map(([, code]) => code));
  });

  it.each(SECTION_5)('%s lists %s: "%s"', (tier, code, fr) => {
    const benefit = catalog.benefits.find((b) => b.code === code);
    expect(benefit?.tier).toBe(tier);
    expect(benefit?.label.fr).toBe(fr);
    expect(codesInForce(tier)).toContain(code);
    const below = previousTier(catalog, tier);
    if (below) expect(codesInForce(below.code)).not.toContain(code);
  });

  it.each(SECTION_5)('%s keeps %s at every higher tier unless superseded', (tier, code) => {
    for (const higher of TIERS.slice(TIERS.indexOf(tier))) {
      const superseded = higher === 'premium' && SUPERSEDED_AT_PREMIUM.has(code);
      expect(codesInForce(higher).includes(code)).toBe(!superseded);
    }
  });

  it.each([
    ['starter', 9],
    ['access', 13],
    ['business', 19],
    ['premium', 24],
  ])('a %s partner holds %i benefits', (tier, count) => {
    expect(codesInForce(tier)).toHaveLength(count);
  });

  it.each(TIERS)('every tier has a dedicated support team: %s', (tier) => {
    expect(codesInForce(tier)).toContain('dedicated-team');
  });

  it.each([
    ['bizbooster-500', 'bizbooster-150'],
    ['premium-diploma', 'business-diploma'],
    ['premium-offers', 'business-offers'],
  ])('a Premium partner is shown %s instead of %s', (replacing, replaced) => {
    expect(codesInForce('premium')).toContain(replacing);
    expect(codesInForce('premium')).not.toContain(replaced);
  });

  describe('BizBooster, available 3 months from entering the tier', () => {
    const access = { tier: 'access', entries: { starter: '2025-02-10', access: '2026-07-01' } };
    const bizbooster150 = (today: string) =>
      benefitsInForce(catalog, access, today).find((b) => b.benefit.code === 'bizbooster-150');

    it('is active the day the partner enters Access', () => {
      expect(bizbooster150('2026-07-01')).toMatchObject({ status: 'active', expiresOn: '2026-10-01' });
    });

    it('is still active on the last day of the third month', () => {
      expect(bizbooster150('2026-09-30')?.status).toBe('active');
    });

    it('its last day is the day before the same date three months later, and that is the day shown', () => {
      expect(bizbooster150('2026-07-01')).toMatchObject({ lastDay: '2026-09-30', expiresOn: '2026-10-01' });
      const notes = (today: string) =>
        bizBoosterNotes(viewContext(catalog, 'en', today), benefitsInForce(catalog, access, today));
      expect(notes('2026-08-15')).toEqual(['BizBooster until 30 Sept 2026']);
      expect(notes('2026-10-01')).toEqual(['BizBooster expired on 1 Oct 2026']);
    });

    it('entering a tier on the 31st, the last day is the day before the clamped date', () => {
      const fromDec = { tier: 'access', entries: { starter: '2025-02-10', access: '2025-11-30' } };
      const b = benefitsInForce(catalog, fromDec, '2026-02-27').find(
        (x) => x.benefit.code === 'bizbooster-150',
      );
      expect(b).toMatchObject({ status: 'active', lastDay: '2026-02-27', expiresOn: '2026-02-28' });
    });

    it('is expired 3 months after entering the tier', () => {
      expect(bizbooster150('2026-10-01')?.status).toBe('expired');
      expect(bizbooster150('2027-03-15')?.status).toBe('expired');
    });

    it('the Premium one runs from entering Premium, not from entering Access', () => {
      const premium = {
        tier: 'premium',
        entries: {
          starter: '2024-01-01',
          access: '2024-07-01',
          business: '2025-01-01',
          premium: '2026-01-01',
        },
      };
      const inForce = benefitsInForce(catalog, premium, '2026-02-15');
      expect(inForce.find((b) => b.benefit.code === 'bizbooster-500')).toMatchObject({
        status: 'active',
        expiresOn: '2026-04-01',
      });
      expect(inForce.find((b) => b.benefit.code === 'bizbooster-150')).toBeUndefined();
    });

    it('other benefits never expire', () => {
      const others = benefitsInForce(catalog, access, '2030-01-01').filter(
        (b) => b.benefit.code !== 'bizbooster-150',
      );
      expect(others.every((b) => b.status === 'active' && b.expiresOn === undefined)).toBe(true);
    });
  });

  describe('what a promotion adds', () => {
    const added = (from: string, to: string) => benefitsAddedBy(catalog, from, to).map((b) => b.code);

    it('Starter to Access adds the BizBooster 150, a sales rep, challenges and promos', () => {
      expect(added('starter', 'access')).toEqual(['bizbooster-150', 'sales-rep', 'challenges', 'promos']);
    });

    it('Business to Premium adds the Premium benefits', () => {
      expect(added('business', 'premium')).toEqual([
        'bizbooster-500',
        'free-training',
        'kpis',
        'monthly-tech-review',
        'partners-club',
        'premium-diploma',
        'premium-trophy',
        'premium-offers',
      ]);
    });

    it('Access to Premium adds the Business benefits not superseded and the Premium ones', () => {
      expect(added('access', 'premium')).toEqual([
        'events-support',
        'partner-days',
        'leads',
        'experts-zen-listing',
        ...added('business', 'premium'),
      ]);
    });

    it('moving down adds nothing', () => {
      expect(added('premium', 'access')).toEqual([]);
    });
  });
});
