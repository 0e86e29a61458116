import { describe, expect, it } from 'vitest';
import { tierEntryDates } from '../../src/program/tier-entries.js';
import { catalog } from './support.js';

describe('the day a partner entered each tier', () => {
  it('without history, every tier up to the current one dates from the join date', () => {
    expect(tierEntryDates(catalog, { joinedOn: '2025-02-10', tier: 'business', history: [] })).toEqual({
      starter: '2025-02-10',
      access: '2025-02-10',
      business: '2025-02-10',
    });
  });

  it('a partner promoted step by step entered each tier on its promotion', () => {
    const history = [
      { effectiveOn: '2026-01-01', tier: 'business' },
      { effectiveOn: '2025-07-01', tier: 'access' },
    ];
    expect(tierEntryDates(catalog, { joinedOn: '2025-02-10', tier: 'business', history })).toEqual({
      starter: '2025-02-10',
      access: '2025-07-01',
      business: '2026-01-01',
    });
  });

  it('a partner that dropped a tier and came back re-entered it on its return', () => {
    const history = [
      { effectiveOn: '2024-07-01', tier: 'access' },
      { effectiveOn: '2025-01-01', tier: 'business' },
      { effectiveOn: '2025-07-01', tier: 'access' },
      { effectiveOn: '2026-01-01', tier: 'business' },
    ];
    expect(tierEntryDates(catalog, { joinedOn: '2024-03-01', tier: 'business', history })).toEqual({
      starter: '2024-03-01',
      access: '2024-07-01',
      business: '2026-01-01',
    });
  });

  it('falling back to Starter resets the entry into Access', () => {
    const history = [
      { effectiveOn: '2024-07-01', tier: 'access' },
      { effectiveOn: '2025-01-01', tier: 'starter' },
      { effectiveOn: '2025-07-01', tier: 'access' },
    ];
    expect(tierEntryDates(catalog, { joinedOn: '2024-03-01', tier: 'access', history }).access).toBe(
      '2025-07-01',
    );
  });

  it('an evaluation that keeps the tier does not reset its entry date', () => {
    const history = [
      { effectiveOn: '2025-07-01', tier: 'access' },
      { effectiveOn: '2026-01-01', tier: 'access' },
    ];
    expect(tierEntryDates(catalog, { joinedOn: '2025-02-10', tier: 'access', history }).access).toBe(
      '2025-07-01',
    );
  });

  it('a partner imported with a tier holds it and every lower one from the import', () => {
    const history = [{ effectiveOn: '2025-05-01', tier: 'business' }];
    expect(tierEntryDates(catalog, { joinedOn: '2025-05-01', tier: 'business', history })).toEqual({
      starter: '2025-05-01',
      access: '2025-05-01',
      business: '2025-05-01',
    });
  });

  it('before its first recorded change a partner is at that change’s previous tier when known', () => {
    const history = [{ effectiveOn: '2025-07-01', tier: 'business', previousTier: 'access' }];
    expect(tierEntryDates(catalog, { joinedOn: '2025-02-10', tier: 'business', history })).toEqual({
      starter: '2025-02-10',
      access: '2025-02-10',
      business: '2025-07-01',
    });
  });

  it('a demoted partner keeps only the tiers it still holds', () => {
    const history = [
      { effectiveOn: '2025-07-01', tier: 'business' },
      { effectiveOn: '2026-01-01', tier: 'access' },
    ];
    expect(tierEntryDates(catalog, { joinedOn: '2025-02-10', tier: 'access', history })).toEqual({
      starter: '2025-02-10',
      access: '2025-07-01',
    });
  });
});
