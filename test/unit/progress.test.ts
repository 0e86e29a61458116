import { describe, expect, it } from 'vitest';
import type { PartnershipType, RevenueCategory } from '../../src/program/catalog.schema.js';
import { semesterProgress } from '../../src/program/progress.js';
import { catalog, cents } from './support.js';

const line = (month: string, euros: string, category: RevenueCategory = 'recurring') => ({
  month,
  category,
  amountCents: cents(euros),
});

function progress(
  input: { type?: PartnershipType; tier?: string; joinedOn?: string; lines: ReturnType<typeof line>[] },
  today: string,
) {
  return semesterProgress(
    catalog,
    { type: 'operator', tier: 'access', joinedOn: '2024-01-15', ...input },
    today,
  );
}

describe('semester progress', () => {
  const firstQuarter = [
    line('2026-01-01', '1 500'),
    line('2026-02-01', '1 500'),
    line('2026-03-01', '1 500'),
  ];

  it('an Access operator averaging 1 500 € after three months needs 500 € more a month for Business', () => {
    const p = progress({ lines: firstQuarter }, '2026-04-15');
    expect(p.semester.code).toBe('2026-H1');
    expect(p.monthsCounted).toBe(3);
    expect(p.averageSoFarCents).toBe(cents('1 500'));
    expect(p.projectedTier?.code).toBe('access');
    expect(p.nextTier?.code).toBe('business');
    expect(p.missingForNextCents).toBe(cents('500'));
    expect(p.demotion).toBeNull();
    expect(p.nextEvaluationOn).toBe('2026-07-01');
    expect(p.daysLeft).toBe(77);
  });

  it("today's month is not counted while no revenue is recorded for it", () => {
    expect(progress({ lines: firstQuarter }, '2026-04-30').monthsCounted).toBe(3);
  });

  it("today's month counts once revenue is recorded for it", () => {
    const p = progress({ lines: [...firstQuarter, line('2026-04-01', '3 500')] }, '2026-04-15');
    expect(p.monthsCounted).toBe(4);
    expect(p.averageSoFarCents).toBe(cents('2 000'));
    expect(p.projectedTier?.code).toBe('business');
    expect(p.missingForNextCents).toBe(0);
  });

  it('a month without revenue before today counts as 0', () => {
    const p = progress({ lines: [line('2026-01-01', '3 000')] }, '2026-03-10');
    expect(p.monthsCounted).toBe(2);
    expect(p.averageSoFarCents).toBe(cents('1 500'));
  });

  it('lists the months counted with their basis revenue, a month with nothing recorded as 0', () => {
    const p = progress(
      {
        type: 'ambassador',
        lines: [line('2026-01-01', '3 000'), line('2026-01-01', '400', 'one_off'), line('2026-03-01', '900')],
      },
      '2026-04-10',
    );
    // An ambassador's basis is its recurring revenue: the one-off 400 € is not part of January's.
    expect(p.months).toEqual([
      { month: '2026-01-01', basisCents: cents('3 000'), recorded: true },
      { month: '2026-02-01', basisCents: 0, recorded: false },
      { month: '2026-03-01', basisCents: cents('900'), recorded: true },
    ]);
    expect(p.averageSoFarCents).toBe(cents('1 300'));
    // Joined in February: January is not counted.
    expect(progress({ joinedOn: '2026-02-10', lines: [] }, '2026-04-10').months.map((m) => m.month)).toEqual([
      '2026-02-01',
      '2026-03-01',
    ]);
  });

  it('a partner that joined mid-semester counts from its join month', () => {
    const p = progress(
      {
        joinedOn: '2026-03-10',
        tier: 'starter',
        lines: [line('2026-03-01', '800'), line('2026-04-01', '1 400')],
      },
      '2026-05-20',
    );
    expect(p.monthsCounted).toBe(2);
    expect(p.averageSoFarCents).toBe(cents('1 100'));
    expect(p.projectedTier?.code).toBe('access');
  });

  it('on the first days of a semester nothing is counted yet', () => {
    const p = progress({ lines: [] }, '2026-07-03');
    expect(p.semester.code).toBe('2026-H2');
    expect(p.monthsCounted).toBe(0);
    expect(p.averageSoFarCents).toBeNull();
    expect(p.projectedTier).toBeNull();
    expect(p.demotion).toBeNull();
    expect(p.missingForNextCents).toBe(cents('2 000'));
    expect(p.nextEvaluationOn).toBe('2027-01-01');
  });

  it('a Business operator averaging 1 500 € would drop to Access, 500 € a month short', () => {
    const p = progress({ tier: 'business', lines: firstQuarter }, '2026-04-15');
    expect(p.demotion?.toTier.code).toBe('access');
    expect(p.demotion?.missingToKeepCents).toBe(cents('500'));
    expect(p.nextTier?.code).toBe('premium');
    expect(p.missingForNextCents).toBe(cents('18 500'));
  });

  it('a Premium partner has no next tier', () => {
    const p = progress({ tier: 'premium', lines: [line('2026-01-01', '25 000')] }, '2026-02-02');
    expect(p.nextTier).toBeUndefined();
    expect(p.missingForNextCents).toBeNull();
    expect(p.demotion).toBeNull();
  });

  it('only the basis counts: an ambassador with 900 € recurring and 900 € of minutes needs 100 € more', () => {
    const p = progress(
      {
        type: 'ambassador',
        lines: [
          line('2026-01-01', '900'),
          line('2026-01-01', '900', 'minutes'),
          line('2026-01-01', '900', 'one_off'),
        ],
      },
      '2026-02-01',
    );
    expect(p.averageSoFarCents).toBe(cents('900'));
    expect(p.missingForNextCents).toBe(cents('100'));
  });

  it('ignores revenue of another semester', () => {
    const p = progress({ lines: [line('2025-12-01', '50 000'), line('2026-01-01', '1 000')] }, '2026-02-10');
    expect(p.averageSoFarCents).toBe(cents('1 000'));
  });
});
