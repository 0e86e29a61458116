import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, isIsoDate } from '../../src/program/dates.js';

// The calendar as Date computes it, to check the arithmetic on the digits against.
const reference = {
  addDays(date: string, days: number) {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  },
  addMonths(date: string, months: number) {
    const d = new Date(`${date}T00:00:00Z`);
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + months);
    const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, lastDay));
    return d.toISOString().slice(0, 10);
  },
};

const daysFrom = (first: string, count: number) =>
  Array.from({ length: count }, (_, i) => reference.addDays(first, i));

/**
 * Every day from 1999-12-01 to 2041-01-31 (leap years, 2000 among them, and their ends), and stretches
 * of the years a typo can give (a date is accepted from year 0100): three-digit years, 1600 (leap), 1900
 * (not leap).
 */
const everyDay = daysFrom('1999-12-01', 15_068);
const farDays = [
  ...daysFrom('0100-01-01', 800),
  ...daysFrom('0998-11-01', 800),
  ...daysFrom('1599-11-01', 800),
  ...daysFrom('1899-11-01', 800),
];

describe('calendar arithmetic', () => {
  it('adds days as the calendar does, across months, leap days and years, both ways', () => {
    const wrong: string[] = [];
    for (const date of [...farDays, ...everyDay]) {
      for (const days of [0, 1, -1, 27, 28, 29, 30, 31, -31, 90, 182, -182, 365, 366, -366, 1_000]) {
        if (addDays(date, days) !== reference.addDays(date, days)) wrong.push(`${date} + ${days} days`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('adds months keeping the day, or the shorter month’s last day (31 January + 1 month = 28 or 29 February)', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    const wrong: string[] = [];
    for (const date of [...farDays, ...everyDay]) {
      for (const months of [0, 1, -1, 2, 3, -3, 6, -6, 11, 12, -12, 13, 24, -25]) {
        if (addMonths(date, months) !== reference.addMonths(date, months))
          wrong.push(`${date} + ${months} months`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('counts whole days between two dates, negative when the second is earlier', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
    expect(everyDay.map((date) => daysBetween('1999-12-01', date))).toEqual(everyDay.map((_, i) => i));
    expect(farDays.slice(0, 800).map((date) => daysBetween('0100-01-01', date))).toEqual(
      farDays.slice(0, 800).map((_, i) => i),
    );
    expect(daysBetween('0225-03-10', '2025-03-10')).toBe(657_437);
  });

  it('tells a date of the calendar from a string that only looks like one', () => {
    expect([...farDays, ...everyDay].every(isIsoDate)).toBe(true);
    for (const notADate of [
      '2026-02-29',
      '2026-02-30',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-05',
      '26-01-05',
      '2026-01-05T00:00',
      ' 2026-01-05',
      '',
    ])
      expect(isIsoDate(notADate), notADate).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });
});
