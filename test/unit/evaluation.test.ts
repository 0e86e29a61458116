import { describe, expect, it } from 'vitest';
import type { RevenueCategory } from '../../src/program/catalog.schema.js';
import { evaluatePartner, evaluateSemester } from '../../src/program/evaluation.js';
import { semesterProgress } from '../../src/program/progress.js';
import { semesterEvaluatedOn, wholeMonths } from '../../src/program/semesters.js';
import { tierForTotal } from '../../src/program/tiers.js';
import { viewContext } from '../../src/slack/views/context.js';
import { historyLine } from '../../src/slack/views/history.view.js';
import { catalog, cents } from './support.js';

const H1_2026 = semesterEvaluatedOn(catalog, '2026-07-01');
const line = (month: string, euros: string, category: RevenueCategory = 'recurring') => ({
  month,
  category,
  amountCents: cents(euros),
});
const monthly = (from: number, to: number, euros: string) =>
  Array.from({ length: to - from + 1 }, (_, i) => line(`2026-0${from + i}-01`, euros));

describe('the semester evaluation (PROGRAM.md §4)', () => {
  it('decides on the sums: 2 999,97 € over six months is below 500 € a month, shown as 499,99 €', () => {
    const result = evaluateSemester(
      catalog,
      {
        type: 'ambassador',
        joinedOn: '2020-01-01',
        lines: [...monthly(1, 5, '500'), line('2026-06-01', '499.97')],
      },
      H1_2026,
    );
    expect(result).toMatchObject({ basisCents: 299_997, activeMonths: 6, averageCents: 49_999 });
    expect(result.tier.code).toBe('starter');
    expect(tierForTotal(catalog, 'ambassador', 300_000, 6).code).toBe('access');
  });

  it('never counts revenue from before the month the partner joined: 3 000 € Jan–Mar, joined 1 April, 500 € after', () => {
    const result = evaluateSemester(
      catalog,
      {
        type: 'ambassador',
        joinedOn: '2026-04-01',
        lines: [...monthly(1, 3, '3 000'), ...monthly(4, 6, '500')],
      },
      H1_2026,
    );
    expect(result).toMatchObject({ basisCents: cents('1 500'), activeMonths: 3, averageCents: cents('500') });
    expect(result.tier.code).toBe('access');
  });

  it('counts whole calendar months: joined on the 1st, that month counts; joined on the 2nd, it does not', () => {
    expect(wholeMonths(H1_2026, '2026-04-01')).toBe(3);
    expect(wholeMonths(H1_2026, '2026-04-02')).toBe(2);
    expect(wholeMonths(H1_2026, '2025-11-15')).toBe(6);
    expect(wholeMonths(H1_2026, '2026-06-20')).toBe(0);
  });

  const partner = {
    type: 'ambassador' as const,
    joinedOn: '2026-01-01',
    tier: 'business',
    lines: monthly(1, 6, '600'),
  };

  it('too recent to judge: fewer than minimum_months whole months, the partner keeps its tier', () => {
    expect(catalog.evaluation.minimumMonths).toBe(3);
    expect(evaluatePartner(catalog, { ...partner, joinedOn: '2026-04-02' }, H1_2026)).toMatchObject({
      outcome: 'not-evaluated',
      recordedTier: 'business',
      computedTier: null,
      tierAfter: 'business',
    });
    expect(evaluatePartner(catalog, { ...partner, joinedOn: '2026-04-01' }, H1_2026)).toMatchObject({
      outcome: 'applied',
      tierAfter: 'access',
    });
  });

  it('a partner that left on or before the evaluation date is not evaluated; one leaving after is', () => {
    expect(evaluatePartner(catalog, { ...partner, leftOn: '2026-07-01' }, H1_2026)).toBeUndefined();
    expect(evaluatePartner(catalog, { ...partner, leftOn: '2026-07-02' }, H1_2026)?.outcome).toBe('applied');
  });

  it('an override effective on or after the evaluation date stands when the evaluation runs late', () => {
    expect(
      evaluatePartner(catalog, { ...partner, overrides: [{ effectiveOn: '2026-11-20' }] }, H1_2026),
    ).toMatchObject({
      outcome: 'override-stands',
      recordedTier: 'business',
      computedTier: 'access',
      tierAfter: 'business',
    });
    // An override of May lasts until this evaluation.
    expect(
      evaluatePartner(catalog, { ...partner, overrides: [{ effectiveOn: '2026-05-10' }] }, H1_2026)?.outcome,
    ).toBe('applied');
  });

  it('with approval on, a change waits as pending: the partner keeps its tier; no change is simply applied', () => {
    expect(evaluatePartner(catalog, partner, H1_2026, { approval: true })).toMatchObject({
      outcome: 'pending',
      recordedTier: 'access',
      tierAfter: 'business',
    });
    expect(
      evaluatePartner(catalog, { ...partner, tier: 'access' }, H1_2026, { approval: true })?.outcome,
    ).toBe('applied');
  });

  it('the average so far leaves out revenue from before the join month', () => {
    const progress = semesterProgress(
      catalog,
      {
        type: 'ambassador',
        tier: 'starter',
        joinedOn: '2026-04-01',
        lines: [...monthly(1, 3, '3 000'), ...monthly(4, 5, '500')],
      },
      '2026-06-10',
    );
    expect(progress).toMatchObject({ monthsCounted: 2, averageSoFarCents: cents('500') });
    expect(progress.projectedTier?.code).toBe('access');
  });
});

describe('history of a partner too recent to judge', () => {
  const row = {
    id: 1,
    partnerId: 'p',
    kind: 'evaluation' as const,
    semester: '2026-H1',
    effectiveOn: '2026-07-01',
    averageCents: 0,
    activeMonths: 3,
    computedTier: null,
    previousTier: 'starter',
    tier: 'starter',
    outcome: 'not-evaluated' as const,
    reason: null,
    actor: 'job',
    catalogVersion: catalog.version,
    createdAt: new Date(),
  };

  it('says “not evaluated: joined on …”, in French with a narrow no-break space before the colon', () => {
    expect(historyLine(viewContext(catalog, 'en', '2026-07-02'), row, { joinedOn: '2026-04-02' })).toContain(
      'not evaluated: joined on 2 Apr 2026',
    );
    expect(historyLine(viewContext(catalog, 'fr', '2026-07-02'), row, { joinedOn: '2026-04-02' })).toContain(
      'non évalué\u202f: partenaire depuis le 2',
    );
  });
});
