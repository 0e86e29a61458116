import type { Catalog, PartnershipType, RevenueCategory } from './catalog.schema.js';
import { addDays, addMonths, type IsoDate, maxDate, monthOf } from './dates.js';
import { type Quarter, quarterContaining } from './obligations.js';
import { basisCents } from './tiers.js';

/**
 * "Suivi plan développement" and "Respect objectifs & prévisions des ventes" as numbers (issue 14): a
 * manager sets a partner's objective for a quarter, in € a month of its basis (RRM or CA); a contact or the
 * manager gives the forecast before the quarter starts plus catalog.salesObjectives.forecastDueDays; the
 * actual is the basis of the revenue lines.
 */

/** `2026-Q3`, or `2026-T3` as French writes it (trimestre). */
export const QUARTER_CODE = /^(\d{4})-[QT]([1-4])$/i;

/** `2026-Q2` or `2026-T2` (case-insensitive) as a quarter; undefined when it is not one. */
export function parseQuarter(text: string): Quarter | undefined {
  const m = QUARTER_CODE.exec(text.trim());
  if (!m) return undefined;
  return quarterContaining(`${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`);
}

export function quarterCode(quarter: Pick<Quarter, 'year' | 'number'>): string {
  return `${quarter.year}-Q${quarter.number}`;
}

export function previousQuarter(quarter: Quarter): Quarter {
  return quarterContaining(addDays(quarter.start, -1));
}

/**
 * The last day a quarter's forecast is in time: forecastDueDays after the quarter starts, or after the
 * program starts (catalog.programStart) for the quarter the program started in, as every duty counts
 * from the program's start.
 */
export function forecastDeadline(catalog: Catalog, quarter: Quarter): IsoDate {
  return addDays(maxDate(quarter.start, catalog.programStart), catalog.salesObjectives.forecastDueDays);
}

/** Whether the program applied during the quarter: one that ended before catalog.programStart has no duty. */
function quarterInProgram(catalog: Catalog, quarter: Quarter): boolean {
  return quarter.end >= catalog.programStart;
}

/** Whether a forecast given on `givenOn` is in time for its quarter. */
export function forecastInTime(catalog: Catalog, quarter: Quarter, givenOn: IsoDate): boolean {
  return givenOn <= forecastDeadline(catalog, quarter);
}

/** What is on record for one quarter (amounts in cents, a month; null when not set). */
export interface QuarterPlan {
  quarter: string;
  objectiveCents: number | null;
  forecastCents: number | null;
  forecastOn: IsoDate | null;
}

export interface RevenueLine {
  month: IsoDate;
  category: RevenueCategory;
  amountCents: number;
}

export type SalesDutyState =
  /** Forecast in time and the actual reached the objective (catalog.salesObjectives.metShare). */
  | 'met'
  /** The quarter is under way and not met yet. */
  | 'outstanding'
  /** The quarter ended without being met. */
  | 'missed'
  /** The quarter has not started. */
  | 'upcoming'
  /** The quarter ended before the program started (catalog.programStart): nothing was due, nothing missed. */
  | 'not-applicable';

export interface QuarterSales {
  quarter: Quarter;
  code: string;
  objectiveCents: number | null;
  forecastCents: number | null;
  forecastOn: IsoDate | null;
  forecastDeadline: IsoDate;
  /** null: no forecast given yet, and still time to give one. */
  forecastInTime: boolean | null;
  /** The basis summed over the quarter's months counted so far. */
  actualCents: number;
  /** The quarter's months counted so far (as the semester's: ended months, and the current one once recorded). */
  monthsCounted: number;
  /** Actual ÷ (objective × 3), in whole percent rounded down; null without an objective. */
  percentOfObjective: number | null;
  /**
   * Whether the months counted so far average at least the objective × metShare; for a quarter that
   * ended, whether it was met on the numbers. null without an objective, before a month is counted, or for a quarter before the program.
   */
  onTrack: boolean | null;
  state: SalesDutyState;
  /** The day the duty counts as done (state met): today in the current quarter, else the quarter's end. */
  metOn?: IsoDate;
}

const MONTHS_IN_QUARTER = 3;

/**
 * Where a partner stands on one quarter's objective and forecast on `today`. Months counted (as
 * progress.ts decides for the semester): the quarter's months that ended before today's month, plus
 * today's month once revenue is recorded for it. Met: a forecast given in time and the basis over the
 * quarter at least metShare × 3 × the monthly objective; in the current quarter that can happen before its
 * end (done early); otherwise outstanding until the quarter ends, then missed.
 */
export function quarterSales(
  catalog: Catalog,
  input: { type: PartnershipType; plan: QuarterPlan | undefined; lines: RevenueLine[] },
  quarter: Quarter,
  today: IsoDate,
): QuarterSales {
  const plan = input.plan;
  const deadline = forecastDeadline(catalog, quarter);
  const forecastOn = plan?.forecastOn ?? null;
  const applies = quarterInProgram(catalog, quarter);
  const inTime = !applies
    ? null
    : forecastOn !== null && plan?.forecastCents !== null && plan?.forecastCents !== undefined
      ? forecastInTime(catalog, quarter, forecastOn)
      : today > deadline
        ? false
        : null;

  const currentMonth = monthOf(today);
  const inQuarter = input.lines.filter((l) => {
    const month = monthOf(l.month);
    return month >= quarter.start && month <= quarter.end;
  });
  const todayRecorded = inQuarter.some((l) => monthOf(l.month) === currentMonth);
  const counted = inQuarter.filter((l) => {
    const month = monthOf(l.month);
    return month < currentMonth || (todayRecorded && month === currentMonth);
  });
  let monthsCounted = 0;
  for (let m = quarter.start; m <= quarter.end; m = addMonths(m, 1))
    if (m < currentMonth || (m === currentMonth && todayRecorded)) monthsCounted++;
  const actualCents = basisCents(catalog, input.type, counted);

  const objectiveCents = plan?.objectiveCents ?? null;
  const share = catalog.salesObjectives.metShare;
  const quarterTarget = objectiveCents === null ? null : objectiveCents * MONTHS_IN_QUARTER;
  const percentOfObjective =
    quarterTarget === null || quarterTarget === 0
      ? quarterTarget === 0
        ? 100
        : null
      : Math.floor((actualCents * 100) / quarterTarget);
  const reached = quarterTarget !== null && actualCents >= Math.ceil(quarterTarget * share);
  const ended = today > quarter.end;
  const onTrack =
    objectiveCents === null || !applies
      ? null
      : ended
        ? reached
        : monthsCounted === 0
          ? null
          : actualCents >= Math.ceil(objectiveCents * monthsCounted * share);

  let state: SalesDutyState;
  if (!applies) state = 'not-applicable';
  else if (today < quarter.start) state = 'upcoming';
  else if (inTime === true && reached) state = 'met';
  else state = ended ? 'missed' : 'outstanding';

  return {
    quarter,
    code: quarterCode(quarter),
    objectiveCents,
    forecastCents: plan?.forecastCents ?? null,
    forecastOn,
    forecastDeadline: deadline,
    forecastInTime: inTime,
    actualCents,
    monthsCounted,
    percentOfObjective,
    onTrack,
    state,
    ...(state === 'met' ? { metOn: ended ? quarter.end : today } : {}),
  };
}

/** The current quarter and the one before it, current first. */
export function currentAndLastQuarter(today: IsoDate): [Quarter, Quarter] {
  const current = quarterContaining(today);
  return [current, previousQuarter(current)];
}

/**
 * What the records of objectives and plan reviews complete, as checklist entries the quarterly duties
 * read (PROGRAM.md §6): a plan review completes "Suivi plan développement" on its day; a quarter met
 * completes "Respect objectifs & prévisions des ventes" (`sales-forecast`) on the day it was met.
 */
export function salesDutyCompletions(
  catalog: Catalog,
  input: { type: PartnershipType; plans: QuarterPlan[]; reviews: IsoDate[]; lines: RevenueLine[] },
  today: IsoDate,
): { item: string; completedOn: IsoDate }[] {
  const entries = input.reviews
    .filter((d) => d <= today)
    .map((completedOn) => ({ item: 'sales-plan-review', completedOn }));
  for (const plan of input.plans) {
    const quarter = parseQuarter(plan.quarter);
    if (!quarter) continue;
    const sales = quarterSales(catalog, { type: input.type, plan, lines: input.lines }, quarter, today);
    if (sales.metOn) entries.push({ item: 'sales-forecast', completedOn: sales.metOn });
  }
  return entries;
}
