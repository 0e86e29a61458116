import { describe, expect, it } from 'vitest';
import type { PartnershipType, RevenueCategory } from '../../src/program/catalog.schema.js';
import {
  basisCents,
  monthlyAverageCents,
  nextTier,
  previousTier,
  thresholdCents,
  tierFor,
  tierIndex,
} from '../../src/program/tiers.js';
import { catalog, cents } from './support.js';

describe('tiers', () => {
  it.each<[PartnershipType, string, string]>([
    ['ambassador', '0', 'Starter'],
    ['ambassador', '499.99', 'Starter'],
    ['ambassador', '500', 'Access'],
    ['ambassador', '999.99', 'Access'],
    ['ambassador', '1 000', 'Business'],
    ['ambassador', '9 999.99', 'Business'],
    ['ambassador', '10 000', 'Premium'],
    ['ambassador', '250 000', 'Premium'],
    ['operator', '0', 'Starter'],
    ['operator', '999.99', 'Starter'],
    ['operator', '1 000', 'Access'],
    ['operator', '1 999', 'Access'],
    ['operator', '1 999.99', 'Access'],
    ['operator', '2 000', 'Business'],
    ['operator', '19 999.99', 'Business'],
    ['operator', '20 000', 'Premium'],
  ])('an %s billing %s € a month is %s', (type, euros, tier) => {
    expect(tierFor(catalog, type, cents(euros)).code).toBe(tier.toLowerCase());
  });

  it('a partner with a negative average (credit notes) is at the lowest tier', () => {
    expect(tierFor(catalog, 'operator', -5000).code).toBe('starter');
  });

  it.each<[string, PartnershipType, string]>([
    ['starter', 'ambassador', '0'],
    ['access', 'ambassador', '500'],
    ['business', 'ambassador', '1 000'],
    ['premium', 'ambassador', '10 000'],
    ['starter', 'operator', '0'],
    ['access', 'operator', '1 000'],
    ['business', 'operator', '2 000'],
    ['premium', 'operator', '20 000'],
  ])('%s starts at the %s threshold of %s €', (tier, type, euros) => {
    expect(thresholdCents(catalog, tier, type)).toBe(cents(euros));
  });

  it('thresholds come from the catalog, not from the code', () => {
    const tiers = catalog.tiers.map((t) =>
      t.code === 'access' ? { ...t, minMonthlyEur: { ambassador: 600, operator: 1200 } } : t,
    );
    const changed = { ...catalog, tiers };
    expect(tierFor(changed, 'ambassador', cents('599.99')).code).toBe('starter');
    expect(tierFor(changed, 'ambassador', cents('600')).code).toBe('access');
  });

  it('orders the tiers from starter to premium', () => {
    expect(['starter', 'access', 'business', 'premium'].map((t) => tierIndex(catalog, t))).toEqual([
      0, 1, 2, 3,
    ]);
    expect(nextTier(catalog, 'access')?.code).toBe('business');
    expect(nextTier(catalog, 'premium')).toBeUndefined();
    expect(previousTier(catalog, 'access')?.code).toBe('starter');
    expect(previousTier(catalog, 'starter')).toBeUndefined();
  });

  it('rejects an unknown tier code', () => {
    expect(() => tierIndex(catalog, 'gold')).toThrow('unknown tier gold');
  });

  it('an average in whole cents never crosses a threshold the exact average does not reach', () => {
    const sixMonthsJustBelow = cents('500') * 6 - 1;
    expect(monthlyAverageCents(sixMonthsJustBelow, 6)).toBe(cents('499.99'));
    expect(tierFor(catalog, 'ambassador', monthlyAverageCents(sixMonthsJustBelow, 6)).code).toBe('starter');
  });
});

describe('the revenue that counts', () => {
  const month = (category: RevenueCategory) => [{ category, amountCents: cents('700') }];

  it.each<[PartnershipType, RevenueCategory, boolean]>([
    ['ambassador', 'recurring', true],
    ['ambassador', 'one_off', false],
    ['ambassador', 'access_fees', false],
    ['ambassador', 'minutes', false],
    ['operator', 'recurring', true],
    ['operator', 'one_off', true],
    ['operator', 'access_fees', false],
    ['operator', 'minutes', false],
  ])('for an %s, %s revenue counts: %s', (type, category, counts) => {
    expect(basisCents(catalog, type, month(category))).toBe(counts ? cents('700') : 0);
  });

  it('an ambassador billing 400 € recurring and 5 000 € of minutes is Starter', () => {
    const lines = [
      { category: 'recurring' as const, amountCents: cents('400') },
      { category: 'minutes' as const, amountCents: cents('5 000') },
    ];
    expect(tierFor(catalog, 'ambassador', basisCents(catalog, 'ambassador', lines)).code).toBe('starter');
  });

  it('an operator billing 1 500 € recurring and 600 € one-off is Business', () => {
    const lines = [
      { category: 'recurring' as const, amountCents: cents('1 500') },
      { category: 'one_off' as const, amountCents: cents('600') },
      { category: 'access_fees' as const, amountCents: cents('3 000') },
    ];
    expect(tierFor(catalog, 'operator', basisCents(catalog, 'operator', lines)).code).toBe('business');
  });
});
