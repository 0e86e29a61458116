import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/program/catalog.schema.js';
import { evaluateSemester } from '../../src/program/evaluation.js';
import {
  activeMonths,
  lastEvaluation,
  nextEvaluationOn,
  semesterContaining,
} from '../../src/program/semesters.js';
import { catalog, cents } from './support.js';

const H1_2026 = {
  code: '2026-H1',
  firstMonth: '2026-01-01',
  lastMonth: '2026-06-01',
  evaluationOn: '2026-07-01',
};
const H2_2026 = {
  code: '2026-H2',
  firstMonth: '2026-07-01',
  lastMonth: '2026-12-01',
  evaluationOn: '2027-01-01',
};
const H2_2025 = {
  code: '2025-H2',
  firstMonth: '2025-07-01',
  lastMonth: '2025-12-01',
  evaluationOn: '2026-01-01',
};

describe('semesters', () => {
  it.each([
    ['2026-01-01', '2026-H1', H1_2026],
    ['2026-03-15', '2026-H1', H1_2026],
    ['2026-06-30', '2026-H1', H1_2026],
    ['2026-07-01', '2026-H2', H2_2026],
    ['2026-12-31', '2026-H2', H2_2026],
  ])('%s falls in the semester %s, evaluated next', (date, _code, semester) => {
    expect(semesterContaining(catalog, date)).toEqual(semester);
  });

  it.each([
    ['2026-07-01', '2026-H1', H1_2026],
    ['2026-09-15', '2026-H1', H1_2026],
    ['2026-12-31', '2026-H1', H1_2026],
    ['2026-01-01', '2025-H2', H2_2025],
    ['2026-06-30', '2025-H2', H2_2025],
  ])('as of %s the last evaluation judged %s', (asOf, _code, semester) => {
    expect(lastEvaluation(catalog, asOf)).toEqual(semester);
  });

  it('1 July evaluates January to June', () => {
    expect(lastEvaluation(catalog, '2026-07-01')).toMatchObject({
      firstMonth: '2026-01-01',
      lastMonth: '2026-06-01',
    });
  });

  it('1 January evaluates July to December of the year before', () => {
    expect(lastEvaluation(catalog, '2026-01-01')).toMatchObject({
      code: '2025-H2',
      firstMonth: '2025-07-01',
      lastMonth: '2025-12-01',
      evaluationOn: '2026-01-01',
    });
  });

  it.each([
    ['2026-06-30', '2026-07-01'],
    ['2026-07-01', '2027-01-01'],
    ['2026-12-31', '2027-01-01'],
    ['2026-01-01', '2026-07-01'],
  ])('after %s the next evaluation is on %s', (date, next) => {
    expect(nextEvaluationOn(catalog, date)).toBe(next);
  });

  it.each([
    ['2020-05-12', 6, 'a partner that joined before the window was active all 6 months'],
    ['2026-01-31', 6, 'a partner that joined in the first month was active all 6 months'],
    ['2026-03-20', 4, 'a partner that joined on 20 March was active March to June: 4 months'],
    ['2026-06-30', 1, 'a partner that joined in the last month was active 1 month'],
    ['2026-08-01', 1, 'a partner that joined after the window counts at least 1 month'],
  ])('joined %s: %i active months (%s)', (joinedOn, months) => {
    expect(activeMonths(H1_2026, joinedOn)).toBe(months);
  });

  it('follows other evaluation settings from the catalog, naming windows by their first month', () => {
    const quarterly: Catalog = {
      ...catalog,
      evaluation: { ...catalog.evaluation, months: [1, 4, 7, 10], windowMonths: 3 },
    };
    expect(semesterContaining(quarterly, '2026-05-10')).toEqual({
      code: '2026-04',
      firstMonth: '2026-04-01',
      lastMonth: '2026-06-01',
      evaluationOn: '2026-07-01',
    });
    expect(lastEvaluation(quarterly, '2026-01-01').code).toBe('2025-10');
    expect(nextEvaluationOn(quarterly, '2026-10-01')).toBe('2027-01-01');
  });
});

describe('semester evaluation', () => {
  const recurring = (month: string, euros: string) => ({
    month,
    category: 'recurring' as const,
    amountCents: cents(euros),
  });

  it('averages the basis over the months the partner was active, a silent month counting 0', () => {
    const result = evaluateSemester(
      catalog,
      {
        type: 'ambassador',
        joinedOn: '2026-03-20',
        lines: [
          recurring('2026-03-01', '800'),
          recurring('2026-04-01', '800'),
          recurring('2026-06-01', '800'),
        ],
      },
      H1_2026,
    );
    expect(result).toMatchObject({ basisCents: cents('2 400'), activeMonths: 4, averageCents: cents('600') });
    expect(result.tier.code).toBe('access');
  });

  it('ignores revenue outside the window', () => {
    const result = evaluateSemester(
      catalog,
      {
        type: 'operator',
        joinedOn: '2020-01-01',
        lines: [
          recurring('2025-12-01', '90 000'),
          recurring('2026-07-01', '90 000'),
          recurring('2026-02-01', '6 000'),
        ],
      },
      H1_2026,
    );
    expect(result.averageCents).toBe(cents('1 000'));
    expect(result.tier.code).toBe('access');
  });

  it('a partner with no revenue is Starter', () => {
    const result = evaluateSemester(
      catalog,
      { type: 'operator', joinedOn: '2020-01-01', lines: [] },
      H1_2026,
    );
    expect(result.tier.code).toBe('starter');
  });
});
