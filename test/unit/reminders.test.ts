import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/program/dates.js';
import { escalates, isWeekday, reminderKind } from '../../src/program/reminders.js';
import { catalog } from './support.js';

// 2026-03-20 is a Friday.
const DUE = '2026-03-20';
const day = (offset: number) => addDays(DUE, offset);

describe('reminders for a mandatory training', () => {
  it.each([
    [-14, 'upcoming'],
    [-7, 'upcoming'],
    [0, 'due'],
    [7, 'overdue'],
    [14, 'overdue'],
    [21, 'overdue'],
    [70, 'overdue'],
  ])('%i days from the due date: %s', (offset, kind) => {
    expect(reminderKind(catalog, { dueOn: DUE, today: day(offset) })).toBe(kind);
  });

  it.each([-30, -15, -13, -8, -6, -1, 1, 6, 8, 13, 15, 20])(
    '%i days from the due date: no reminder',
    (offset) => {
      expect(reminderKind(catalog, { dueOn: DUE, today: day(offset) })).toBeNull();
    },
  );

  it.each([
    [7, false],
    [13, false],
    [14, true],
    [15, false],
    [21, true],
    [28, true],
  ])('%i days overdue, the manager is told: %s', (offset, told) => {
    expect(escalates(catalog, { dueOn: DUE, today: day(offset) })).toBe(told);
  });

  it('before the due date the manager is never told', () => {
    expect(escalates(catalog, { dueOn: DUE, today: day(-14) })).toBe(false);
    expect(escalates(catalog, { dueOn: DUE, today: DUE })).toBe(false);
  });

  it('the escalation day is a reminder day even when it is not a weekly one', () => {
    const every10 = {
      ...catalog,
      reminders: { ...catalog.reminders, escalateToManagerAfterDaysOverdue: 10 },
    };
    expect(reminderKind(every10, { dueOn: DUE, today: day(10) })).toBe('overdue');
    expect(escalates(every10, { dueOn: DUE, today: day(10) })).toBe(true);
    expect(escalates(every10, { dueOn: DUE, today: day(7) })).toBe(false);
    expect(escalates(every10, { dueOn: DUE, today: day(14) })).toBe(true);
  });

  describe('weekends: the job runs on weekdays and catches up on Monday', () => {
    const friday = '2026-03-20';
    const monday = '2026-03-23';

    it('knows weekdays from weekends', () => {
      expect([friday, '2026-03-21', '2026-03-22', monday].map(isWeekday)).toEqual([true, false, false, true]);
    });

    it('a due date on Saturday is reminded on Monday, as overdue', () => {
      expect(reminderKind(catalog, { dueOn: '2026-03-21', today: monday })).toBeNull();
      expect(reminderKind(catalog, { dueOn: '2026-03-21', today: monday, since: friday })).toBe('overdue');
    });

    it('a 14-days-before reminder falling on Sunday is sent on Monday', () => {
      expect(reminderKind(catalog, { dueOn: '2026-04-05', today: monday, since: friday })).toBe('upcoming');
    });

    it('an escalation falling on Saturday is sent on Monday', () => {
      expect(escalates(catalog, { dueOn: '2026-03-07', today: monday })).toBe(false);
      expect(escalates(catalog, { dueOn: '2026-03-07', today: monday, since: friday })).toBe(true);
    });

    it('nothing is sent twice: a trigger already covered by the last run does not fire again', () => {
      expect(reminderKind(catalog, { dueOn: friday, today: monday, since: friday })).toBeNull();
      expect(reminderKind(catalog, { dueOn: monday, today: monday, since: monday })).toBeNull();
    });

    it('a plain weekday run with since = yesterday behaves like today alone', () => {
      expect(reminderKind(catalog, { dueOn: DUE, today: DUE, since: day(-1) })).toBe('due');
      expect(reminderKind(catalog, { dueOn: DUE, today: day(1), since: DUE })).toBeNull();
    });
  });
});
