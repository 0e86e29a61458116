import type { Catalog } from './catalog.schema.js';
import { addMonths, type IsoDate, maxDate, monthOf, monthsInclusive } from './dates.js';

/** An evaluation window and the day it is evaluated on. */
export interface Semester {
  /** '2026-H1' for the default two half-years; else the window's first month, '2026-01'. */
  code: string;
  firstMonth: IsoDate;
  lastMonth: IsoDate;
  evaluationOn: IsoDate;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isHalfYears(catalog: Catalog): boolean {
  const months = [...catalog.evaluation.months].sort((a, b) => a - b);
  return catalog.evaluation.windowMonths === 6 && months.length === 2 && months[0] === 1 && months[1] === 7;
}

/** The window evaluated on a given evaluation date: the windowMonths months just before it. */
export function semesterEvaluatedOn(catalog: Catalog, evaluationOn: IsoDate): Semester {
  const firstMonth = addMonths(evaluationOn, -catalog.evaluation.windowMonths);
  const lastMonth = addMonths(evaluationOn, -1);
  const code = isHalfYears(catalog)
    ? `${firstMonth.slice(0, 4)}-H${Number(firstMonth.slice(5, 7)) === 1 ? 1 : 2}`
    : firstMonth.slice(0, 7);
  return { code, firstMonth, lastMonth, evaluationOn };
}

/** Evaluation dates of the years around a date, in order. */
function evaluationDatesAround(catalog: Catalog, date: IsoDate): IsoDate[] {
  const year = Number(date.slice(0, 4));
  const months = [...new Set(catalog.evaluation.months)].sort((a, b) => a - b);
  return [year - 1, year, year + 1].flatMap((y) => months.map((m) => `${y}-${pad(m)}-01`));
}

/** First evaluation date strictly after date. */
export function nextEvaluationOn(catalog: Catalog, date: IsoDate): IsoDate {
  return evaluationDatesAround(catalog, date).find((d) => d > date)!;
}

/** The evaluation dated on or before asOf, with the window it evaluates. */
export function lastEvaluation(catalog: Catalog, asOf: IsoDate): Semester {
  const dates = evaluationDatesAround(catalog, asOf).filter((d) => d <= asOf);
  return semesterEvaluatedOn(catalog, dates[dates.length - 1]!);
}

/**
 * The current semester: the window the next evaluation will judge. With the default settings this is
 * the half-year holding the date; with a window shorter than the gap between evaluations, a day between
 * windows belongs to the coming one.
 */
export function semesterContaining(catalog: Catalog, date: IsoDate): Semester {
  return semesterEvaluatedOn(catalog, nextEvaluationOn(catalog, date));
}

/** Months the partner was active in the window: from the later of its first month and the join month. */
export function activeMonths(semester: Semester, joinedOn: IsoDate): number {
  return Math.max(1, monthsInclusive(maxDate(semester.firstMonth, monthOf(joinedOn)), semester.lastMonth));
}

/**
 * Whole calendar months of the window the partner was one: from the join month when it joined on the 1st,
 * else from the month after, to the window's last month (0 when it joined after the window).
 */
export function wholeMonths(semester: Semester, joinedOn: IsoDate): number {
  const firstWhole = joinedOn.slice(8, 10) === '01' ? monthOf(joinedOn) : addMonths(monthOf(joinedOn), 1);
  return Math.max(0, monthsInclusive(maxDate(semester.firstMonth, firstWhole), semester.lastMonth));
}

/** The first month whose revenue counts: the later of the window's first month and the join month. */
export function firstCountedMonth(semester: Semester, joinedOn: IsoDate): IsoDate {
  return maxDate(semester.firstMonth, monthOf(joinedOn));
}

export function monthInSemester(semester: Semester, month: IsoDate): boolean {
  const m = monthOf(month);
  return m >= semester.firstMonth && m <= semester.lastMonth;
}
