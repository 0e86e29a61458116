import { describe, expect, it } from 'vitest';
import {
  type BenefitUse,
  benefitUsesState,
  freeTrainingState,
  monthlyReviews,
} from '../../src/program/benefit-uses.js';
import { benefitsInForce } from '../../src/program/benefits.js';
import { catalog } from './support.js';

const use = (u: Partial<BenefitUse> & Pick<BenefitUse, 'benefit' | 'period'>): BenefitUse => ({
  usedOn: '2026-04-02',
  reference: 'ref',
  contactId: null,
  ...u,
});
/** A Premium partner that entered Access in 2025, and Premium on 1 January 2026. */
const entries = {
  starter: '2024-01-15',
  access: '2025-01-01',
  business: '2025-07-01',
  premium: '2026-01-01',
};
const stateOn = (today: string, uses: BenefitUse[], tier = 'premium') =>
  benefitUsesState(
    catalog,
    { benefits: benefitsInForce(catalog, { tier, entries }, today), entries, uses },
    today,
  );

describe('BizBooster, once per tier entry', () => {
  it('a Premium partner that entered Premium on 1 January has its 500 € BizBooster available until 31 March', () => {
    expect(stateOn('2026-02-10', []).bizBoosters.map((b) => [b.held.benefit.code, b.state])).toEqual([
      ['bizbooster-500', { state: 'available', until: '2026-03-31', period: '2026-01-01' }],
    ]);
  });
  it('one used on an order in February is shown used, with its order reference, even after its 3 months', () => {
    const uses = [
      use({ benefit: 'bizbooster-500', period: '2026-01-01', usedOn: '2026-02-03', reference: 'CMD-42' }),
    ];
    expect(stateOn('2026-06-01', uses).bizBoosters[0]!.state).toMatchObject({
      state: 'used',
      use: { reference: 'CMD-42' },
    });
  });
  it('one never used is expired from 1 April', () => {
    expect(stateOn('2026-04-01', []).bizBoosters[0]!.state).toEqual({
      state: 'expired',
      expiredOn: '2026-04-01',
      period: '2026-01-01',
    });
  });
  it('a use during an earlier entry into the tier does not count for this one', () => {
    const uses = [use({ benefit: 'bizbooster-500', period: '2024-07-01' })];
    expect(stateOn('2026-02-10', uses).bizBoosters[0]!.state.state).toBe('available');
  });
});

describe('Formation gratuite pour 1 personne par an', () => {
  it('is available until a seat is used in the calendar year, and again the next year', () => {
    const uses = [
      use({ benefit: 'free-training', period: '2026', contactId: 3, reference: 'Formation 3CX' }),
    ];
    expect(freeTrainingState(uses, '2026-11-30')).toMatchObject({ state: 'used', year: '2026' });
    expect(freeTrainingState(uses, '2027-01-02')).toEqual({ state: 'available', year: '2027' });
  });
  it('is not offered below Premium', () => {
    expect(stateOn('2026-02-10', [], 'business').freeTraining).toBeUndefined();
  });
});

describe('Point technique mensuel', () => {
  it('a Premium partner that had its monthly technical review in March but not in April has April missed', () => {
    const uses = [use({ benefit: 'monthly-tech-review', period: '2026-03', usedOn: '2026-03-12' })];
    const months = monthlyReviews(catalog, { tier: 'premium', entries, uses }, '2026-05-06');
    expect(months.map((m) => [m.month, m.state])).toEqual([
      ['2026-01', 'missed'],
      ['2026-02', 'missed'],
      ['2026-03', 'done'],
      ['2026-04', 'missed'],
      ['2026-05', 'due'],
    ]);
  });
  it('shows the last 6 months (catalog), from the month the partner became Premium', () => {
    const months = monthlyReviews(catalog, { tier: 'premium', entries, uses: [] }, '2026-12-15');
    expect(months.map((m) => m.month)).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
  });
  it('is not counted before the program’s start', () => {
    const early = { ...entries, premium: '2025-10-01' };
    expect(
      monthlyReviews(catalog, { tier: 'premium', entries: early, uses: [] }, '2026-02-01').map(
        (m) => m.month,
      ),
    ).toEqual(['2026-01', '2026-02']);
  });
});
