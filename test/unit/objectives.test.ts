import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/program/catalog.schema.js';
import {
  forecastDeadline,
  parseQuarter,
  type QuarterPlan,
  quarterCode,
  quarterSales,
  type RevenueLine,
  salesDutyCompletions,
} from '../../src/program/objectives.js';
import { obligationsFor, type PartnerFacts } from '../../src/program/obligations.js';
import { catalog, cents } from './support.js';

const Q2 = parseQuarter('2026-Q2')!;
const plan = (p: Partial<QuarterPlan> = {}): QuarterPlan => ({
  quarter: '2026-Q2',
  objectiveCents: cents('1 000'),
  forecastCents: cents('1 200'),
  forecastOn: '2026-04-10',
  ...p,
});
/** Recurring revenue of an ambassador (its RRM), a month each. */
const rrm = (...months: [string, string][]): RevenueLine[] =>
  months.map(([month, euros]) => ({
    month: `${month}-01`,
    category: 'recurring',
    amountCents: cents(euros),
  }));
const ambassador = (p: QuarterPlan | undefined, lines: RevenueLine[]) => ({
  type: 'ambassador' as const,
  plan: p,
  lines,
});

describe('quarters as the program names them', () => {
  it('reads 2026-Q2 as April to June, and writes it back', () => {
    expect(Q2).toMatchObject({ start: '2026-04-01', end: '2026-06-30', year: 2026, number: 2 });
    expect(quarterCode(Q2)).toBe('2026-Q2');
    expect(parseQuarter('2026-q4')?.start).toBe('2026-10-01');
  });
  it('refuses what is not a quarter', () => {
    for (const bad of ['2026-Q5', '2026-Q0', '2026-04', 'Q2-2026', ''])
      expect(parseQuarter(bad)).toBeUndefined();
  });
});

describe('Respect objectifs & prévisions des ventes', () => {
  it('gives the forecast until the quarter started plus 15 days (catalog)', () => {
    expect(catalog.salesObjectives.forecastDueDays).toBe(15);
    expect(forecastDeadline(catalog, Q2)).toBe('2026-04-16');
  });

  it('a partner whose forecast came 20 days after the quarter started has the forecast late', () => {
    const s = quarterSales(catalog, ambassador(plan({ forecastOn: '2026-04-21' }), []), Q2, '2026-05-02');
    expect(s.forecastInTime).toBe(false);
  });

  it('a partner whose forecast came on the 15th day after the quarter started has it in time', () => {
    const s = quarterSales(catalog, ambassador(plan({ forecastOn: '2026-04-16' }), []), Q2, '2026-05-02');
    expect(s.forecastInTime).toBe(true);
  });

  it('a partner with no forecast yet still has time until the deadline, and is late after it', () => {
    const none = plan({ forecastCents: null, forecastOn: null });
    expect(quarterSales(catalog, ambassador(none, []), Q2, '2026-04-10').forecastInTime).toBeNull();
    expect(quarterSales(catalog, ambassador(none, []), Q2, '2026-04-17').forecastInTime).toBe(false);
  });

  it('an ambassador with 1 000 € a month of objective billing 3 100 € of RRM over the quarter met it', () => {
    const lines = rrm(['2026-04', '1 000'], ['2026-05', '1 000'], ['2026-06', '1 100']);
    const s = quarterSales(catalog, ambassador(plan(), lines), Q2, '2026-07-05');
    expect(s).toMatchObject({
      actualCents: cents('3 100'),
      percentOfObjective: 103,
      onTrack: true,
      state: 'met',
    });
    expect(s.metOn).toBe('2026-06-30');
  });

  it('the same ambassador with its forecast late has the quarter missed even though the actual reached it', () => {
    const lines = rrm(['2026-04', '1 000'], ['2026-05', '1 000'], ['2026-06', '1 100']);
    const s = quarterSales(catalog, ambassador(plan({ forecastOn: '2026-04-20' }), lines), Q2, '2026-07-05');
    expect(s.state).toBe('missed');
  });

  it('2 999,99 € over a 1 000 € a month quarter falls short: 99 %, missed once the quarter ended', () => {
    const lines = rrm(['2026-04', '1 000'], ['2026-05', '1 000'], ['2026-06', '999.99']);
    const s = quarterSales(catalog, ambassador(plan(), lines), Q2, '2026-07-01');
    expect(s).toMatchObject({ percentOfObjective: 99, onTrack: false, state: 'missed' });
  });

  it('with metShare 90 % in the catalog, 2 700 € of a 3 000 € quarter counts as met', () => {
    const ninety: Catalog = { ...catalog, salesObjectives: { ...catalog.salesObjectives, metShare: 0.9 } };
    const lines = rrm(['2026-04', '900'], ['2026-05', '900'], ['2026-06', '900']);
    expect(quarterSales(ninety, ambassador(plan(), lines), Q2, '2026-07-01').state).toBe('met');
    expect(quarterSales(catalog, ambassador(plan(), lines), Q2, '2026-07-01').state).toBe('missed');
  });

  it('mid-quarter, 2 100 € over April and May is on track for 1 000 € a month, and still outstanding', () => {
    const lines = rrm(['2026-04', '1 000'], ['2026-05', '1 100']);
    const s = quarterSales(catalog, ambassador(plan(), lines), Q2, '2026-06-10');
    expect(s).toMatchObject({
      monthsCounted: 2,
      onTrack: true,
      state: 'outstanding',
      percentOfObjective: 70,
    });
  });

  it('mid-quarter, 1 500 € over April and May is not on track', () => {
    const lines = rrm(['2026-04', '700'], ['2026-05', '800']);
    expect(quarterSales(catalog, ambassador(plan(), lines), Q2, '2026-06-10').onTrack).toBe(false);
  });

  it('counts the current month once its revenue is recorded, and the quarter is met early when reached', () => {
    const lines = rrm(['2026-04', '1 500'], ['2026-05', '1 600']);
    const s = quarterSales(catalog, ambassador(plan(), lines), Q2, '2026-05-20');
    expect(s).toMatchObject({ monthsCounted: 2, state: 'met', metOn: '2026-05-20' });
  });

  it('an operator counts recurring and one-off (its CA), never minutes', () => {
    const lines: RevenueLine[] = [
      { month: '2026-04-01', category: 'recurring', amountCents: cents('1 000') },
      { month: '2026-04-01', category: 'one_off', amountCents: cents('500') },
      { month: '2026-04-01', category: 'minutes', amountCents: cents('9 000') },
    ];
    const s = quarterSales(catalog, { type: 'operator', plan: plan(), lines }, Q2, '2026-05-03');
    expect(s.actualCents).toBe(cents('1 500'));
  });

  it('without an objective there is no percentage and nothing to be on track for', () => {
    const s = quarterSales(
      catalog,
      ambassador(plan({ objectiveCents: null }), rrm(['2026-04', '1 000'])),
      Q2,
      '2026-05-03',
    );
    expect(s).toMatchObject({ percentOfObjective: null, onTrack: null, state: 'outstanding' });
  });

  it('a quarter to come is upcoming', () => {
    expect(quarterSales(catalog, ambassador(plan(), []), Q2, '2026-03-20').state).toBe('upcoming');
  });
});

describe('the quarters before the program started (catalog programStart 2026-01-01)', () => {
  const Q4_2025 = parseQuarter('2025-Q4')!;

  it('Q4 2025, which ended before the program started, is not applicable: never late, never “not met”', () => {
    expect(catalog.programStart).toBe('2026-01-01');
    const s = quarterSales(catalog, ambassador(undefined, []), Q4_2025, '2026-03-20');
    expect(s).toMatchObject({ state: 'not-applicable', forecastInTime: null, onTrack: null });
    expect(s.metOn).toBeUndefined();
  });

  it('even with an objective on record and revenue under it, Q4 2025 shows its numbers and no verdict', () => {
    const lines = rrm(['2025-10', '100']);
    const s = quarterSales(
      catalog,
      ambassador(plan({ quarter: '2025-Q4', forecastOn: null, forecastCents: null }), lines),
      Q4_2025,
      '2026-03-20',
    );
    expect(s).toMatchObject({ state: 'not-applicable', actualCents: cents('100'), percentOfObjective: 3 });
    expect(s.onTrack).toBeNull();
  });

  it('Q1 2026, the quarter the program started in, is judged as usual: missed without a forecast', () => {
    const s = quarterSales(catalog, ambassador(undefined, []), parseQuarter('2026-Q1')!, '2026-04-02');
    expect(s).toMatchObject({ state: 'missed', forecastInTime: false });
  });

  it('a program starting on 10 February 2026 gives Q1’s forecast until 25 February, not 16 January', () => {
    const late: Catalog = { ...catalog, programStart: '2026-02-10' };
    const Q1 = parseQuarter('2026-Q1')!;
    expect(forecastDeadline(late, Q1)).toBe('2026-02-25');
    expect(forecastDeadline(late, Q2)).toBe('2026-04-16');
    expect(quarterSales(late, ambassador(undefined, []), parseQuarter('2025-Q4')!, '2026-03-01').state).toBe(
      'not-applicable',
    );
  });
});

describe('the quarterly duties, completed by the records', () => {
  const facts = (checklist: { item: string; completedOn: string }[]): PartnerFacts => ({
    type: 'ambassador',
    operatorProgram: null,
    tier: 'starter',
    entries: { starter: '2025-01-01' },
    contacts: [],
    trainings: [],
    checklist,
  });
  const sales = (items: ReturnType<typeof obligationsFor>, code: string) =>
    items
      .filter((i) => i.obligation.code === code)
      .map((i) => [i.quarter && quarterCode(i.quarter), i.status]);

  it('a plan review in May satisfies "Suivi plan développement" for Q2, not for Q1', () => {
    const done = salesDutyCompletions(
      catalog,
      { type: 'ambassador', plans: [], reviews: ['2026-05-12'], lines: [] },
      '2026-06-01',
    );
    const items = obligationsFor(catalog, facts(done), '2026-06-01');
    expect(sales(items, 'sales-plan-review')).toEqual([
      ['2026-Q1', 'missed'],
      ['2026-Q2', 'done'],
    ]);
  });

  it('a quarter met makes "Respect objectifs & prévisions" done; the one that fell short is missed', () => {
    const lines = rrm(['2026-01', '200'], ['2026-04', '1 000'], ['2026-05', '1 000'], ['2026-06', '1 000']);
    const plans = [plan(), plan({ quarter: '2026-Q1', forecastOn: '2026-01-05' })];
    const done = salesDutyCompletions(
      catalog,
      { type: 'ambassador', plans, reviews: [], lines },
      '2026-07-10',
    );
    const items = obligationsFor(catalog, facts(done), '2026-07-10');
    expect(sales(items, 'sales-forecast')).toEqual([
      ['2026-Q1', 'missed'],
      ['2026-Q3', 'outstanding'],
    ]);
  });
});
