import type { Catalog } from './catalog.schema.js';
import { daysBetween, type IsoDate } from './dates.js';

export type ReminderKind = 'upcoming' | 'due' | 'overdue';

export interface ReminderDay {
  dueOn: IsoDate;
  today: IsoDate;
  /**
   * The last day the reminder job ran. The job runs on weekdays only, so a trigger day that fell on a
   * weekend (or while the job was down) fires on the next run: anything in (since, today] counts.
   * Without it only today counts.
   */
  since?: IsoDate;
}

export function isWeekday(date: IsoDate): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

/** Whether a reminder is sent on the day `offset` days after the due date (negative: before). */
function isTriggerDay(catalog: Catalog, offset: number): boolean {
  const { daysBefore, overdueEveryDays, escalateToManagerAfterDaysOverdue } = catalog.reminders;
  if (offset <= 0) return daysBefore.includes(-offset);
  return offset % overdueEveryDays === 0 || offset === escalateToManagerAfterDaysOverdue;
}

/** Offsets from the due date of the days the call covers, oldest first. */
function coveredOffsets({ dueOn, today, since }: ReminderDay): number[] {
  const last = daysBetween(dueOn, today);
  const first = since === undefined ? last : daysBetween(dueOn, since) + 1;
  const offsets: number[] = [];
  for (let offset = first; offset <= last; offset++) offsets.push(offset);
  return offsets;
}

/**
 * Whether to remind today, and in which words: per catalog.reminders, daysBefore the due date, then every
 * overdueEveryDays while overdue (and on the escalation day). A caught-up trigger is described as of
 * today: a due date missed over the weekend is reported overdue on Monday, not "due today".
 */
export function reminderKind(catalog: Catalog, day: ReminderDay): ReminderKind | null {
  if (!coveredOffsets(day).some((offset) => isTriggerDay(catalog, offset))) return null;
  const today = daysBetween(day.dueOn, day.today);
  return today < 0 ? 'upcoming' : today === 0 ? 'due' : 'overdue';
}

/**
 * Whether the partner's manager is told too: from the day the item is escalateToManagerAfterDaysOverdue
 * days overdue, on that day and on each overdue reminder after it.
 */
export function escalates(catalog: Catalog, day: ReminderDay): boolean {
  const after = catalog.reminders.escalateToManagerAfterDaysOverdue;
  return coveredOffsets(day).some((offset) => offset >= after && isTriggerDay(catalog, offset));
}
