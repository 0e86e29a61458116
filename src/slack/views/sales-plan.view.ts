import { formatMoney, formatNumber, type Locale } from '../../i18n/format.js';
import { type ObjectivesMessages, objectivesMessages } from '../../i18n/objectives.js';
import type { QuarterSales } from '../../program/objectives.js';
import type { ProgramDepth } from '../../services/program-depth.service.js';
import type { ForecastGiven, ObjectiveSet, PlanReviewed } from '../../services/sales-plan.service.js';
import type { View } from './blocks.js';
import { basisName, fmt, type ViewContext } from './context.js';
import { escapeMrkdwn } from './escape.js';
import { noticeView, type WriteViewContext } from './write-replies.view.js';

export const objectivesOf = (ctx: { locale: Locale }): ObjectivesMessages => objectivesMessages[ctx.locale];

/** "54 %" in French (a no-break space before %), "54%" in English. */
export function percent(n: number, locale: Locale): string {
  return locale === 'fr' ? `${formatNumber(n, locale)}\u00a0%` : `${formatNumber(n, locale)}%`;
}

/** "T3 2026" / "Q3 2026". */
export function quarterName(ctx: Pick<ViewContext, 'm'>, q: { year: number; number: number }): string {
  return ctx.m.obligations.quarterName(q.year, q.number);
}

/** One quarter in short: objective, forecast, actual, % of objective, on track (or met, for a past one). */
export function quarterSalesLine(ctx: Pick<ViewContext, 'm' | 'locale'>, s: QuarterSales): string {
  return objectivesOf(ctx).quarterLine(quarterName(ctx, s.quarter), quarterSalesParts(ctx, s));
}

/** What quarterSalesLine says after the quarter's name. */
export function quarterSalesParts(ctx: Pick<ViewContext, 'm' | 'locale'>, s: QuarterSales): string {
  const o = objectivesOf(ctx);
  const euros = (cents: number) => formatMoney(cents, ctx.locale, { wholeEuros: 'auto' });
  const parts = [
    s.objectiveCents === null ? o.noObjective : o.objective(euros(s.objectiveCents)),
    s.forecastCents === null
      ? s.forecastInTime === false
        ? o.noForecastLate
        : o.noForecast
      : s.forecastInTime === false
        ? o.forecastLateMark(euros(s.forecastCents))
        : o.forecast(euros(s.forecastCents)),
    `${o.actual(euros(s.actualCents))}${s.percentOfObjective === null ? '' : ` (${o.percent(percent(s.percentOfObjective, ctx.locale))})`}`,
  ];
  if (s.state === 'met') parts.push(o.met);
  else if (s.state === 'missed') parts.push(o.missed);
  else if (s.state === 'not-applicable') parts.push(o.notApplicable);
  else if (s.onTrack !== null) parts.push(s.onTrack ? o.onTrack : o.offTrack);
  return parts.join(' · ');
}

/** The lines the status and tier cards show: the current quarter, the last one, the last plan review. */
export function salesPlanLines(ctx: ViewContext, depth: ProgramDepth): string[] {
  const o = objectivesOf(ctx);
  return [
    ...depth.sales.map((s) => quarterSalesLine(ctx, s)),
    depth.lastReview ? o.lastReview(fmt(ctx).date(depth.lastReview.reviewedOn)) : o.noReview,
  ];
}

const basisOf = (ctx: ViewContext, type: string) => basisName(ctx, type);

/** What an objective set or a forecast given is told with: the partner, the quarter, the amount, its basis. */
function amountWords(ctx: WriteViewContext, r: ObjectiveSet | ForecastGiven) {
  return [
    escapeMrkdwn(r.partner.name),
    quarterName(ctx, r.quarter),
    fmt(ctx).euros(r.amountCents),
    basisOf(ctx, r.partner.type),
  ] as const;
}

export function objectiveSetView(ctx: WriteViewContext, r: ObjectiveSet): View {
  const o = objectivesOf(ctx);
  const f = fmt(ctx);
  const text = o.objectiveSet(...amountWords(ctx, r));
  return noticeView(text, r.previousCents === null ? undefined : o.objectiveWas(f.euros(r.previousCents)));
}

export function forecastGivenView(ctx: WriteViewContext, r: ForecastGiven): View {
  const o = objectivesOf(ctx);
  const f = fmt(ctx);
  const text = o.forecastGiven(...amountWords(ctx, r));
  const notes = [
    r.inTime ? o.forecastInTime(f.date(r.deadline)) : o.forecastLate(f.date(r.deadline)),
    ...(r.previousCents === null ? [] : [o.forecastWas(f.euros(r.previousCents))]),
    ...(r.objectiveCents === null ? [] : [o.forecastVsObjective(f.euros(r.objectiveCents))]),
  ];
  return noticeView(text, notes.join(' '));
}

export function planReviewedView(ctx: WriteViewContext, r: PlanReviewed): View {
  const o = objectivesOf(ctx);
  const [year, n] = r.quarter.split('-Q');
  const text = o.reviewed(
    escapeMrkdwn(r.partner.name),
    fmt(ctx).date(r.reviewedOn),
    quarterName(ctx, { year: Number(year), number: Number(n) }),
  );
  return noticeView(text, o.reviewNote(escapeMrkdwn(r.note)));
}
