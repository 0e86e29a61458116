import type { PartnerStatus } from '../../services/partner-status.service.js';
import { ACTION_IDS, encodeValue } from '../ids.js';
import { missedReviewsLine } from './benefit-uses.view.js';
import { bizBoosterNotes } from './benefits.view.js';
import {
  actions,
  type Button,
  button,
  context,
  fields,
  header,
  type KnownBlock,
  section,
  type View,
  view,
} from './blocks.js';
import { basisName, fmt, partnershipLabel, shareButton, type ViewContext } from './context.js';
import { escapeMrkdwn } from './escape.js';
import { historyLine } from './history.view.js';
import { countObligations, obligationLine, obligationsSummary } from './obligations.view.js';
import { operatorFeesLine } from './operator-fees.view.js';
import { objectivesOf, salesPlanLines } from './sales-plan.view.js';
import { overrideNote, progressLines } from './tier.view.js';

const TOP_OVERDUE = 3;

/**
 * The buttons staff get on a card: they open the write-side modals. With the partner's type, the revenue
 * button names the revenue its tier is based on ("Saisir le RRM" for an ambassador).
 */
export function staffButtons(ctx: ViewContext, partnerId: string, type?: string): Button[] {
  const value = encodeValue({ p: partnerId });
  const revenue = type ? ctx.m.buttons.recordBasis(basisName(ctx, type)) : ctx.m.buttons.recordRevenue;
  return [
    button({ text: revenue, actionId: ACTION_IDS.recordRevenue, value }),
    button({ text: ctx.m.buttons.markDone, actionId: ACTION_IDS.markDone, value }),
    button({ text: ctx.m.buttons.overrideTier, actionId: ACTION_IDS.overrideTier, value }),
  ];
}

/** One card with everything in short; staff also get the buttons that open the write-side modals. */
export function statusView(ctx: ViewContext, status: PartnerStatus, options: { staff: boolean }): View {
  const f = fmt(ctx);
  const { m } = ctx;
  const { partner } = status.record;
  const { progress } = status;
  const tierLabel = f.label(status.tier.label);
  const lines = progressLines(ctx, status);

  let nextTier: string;
  if (!progress.nextTier) nextTier = m.status.top;
  else if (progress.missingForNextCents === 0)
    nextTier = m.status.reached(escapeMrkdwn(f.label(progress.nextTier.label)));
  else
    nextTier = m.status.missing(
      f.money(progress.missingForNextCents ?? 0),
      escapeMrkdwn(f.label(progress.nextTier.label)),
    );

  const counts = countObligations(status.obligations);
  const benefits = [
    f.count(status.benefits.length, m.benefits.count),
    ...bizBoosterNotes(ctx, status.benefits),
  ].join(' · ');
  const zen = status.zen.eligible
    ? m.status.zenEligible
    : f.count(status.zen.unmet.length, m.status.zenUnmet);

  const blocks: KnownBlock[] = [
    header(m.status.title(partner.name)),
    ...fields([
      `*${m.fields.tier}*\n*${escapeMrkdwn(tierLabel)}*, ${m.tier.since(f.date(partner.tierSince))}`,
      `*${m.fields.partnership}*\n${escapeMrkdwn(partnershipLabel(ctx, partner))}`,
      `*${m.fields.average}*\n${lines.average}`,
      `*${m.fields.nextEvaluation}*\n${lines.evaluation}`,
      `*${m.fields.nextTier}*\n${nextTier}`,
      `*${m.fields.obligations}*\n${counts.overdue + counts.missed + counts.outstanding + counts.pending ? obligationsSummary(ctx, counts) : m.status.upToDate}`,
      `*${m.fields.benefits}*\n${benefits}`,
      `*${m.fields.zen}*\n${zen}`,
    ]),
  ];
  if (lines.demotion) blocks.push(section(lines.demotion));
  if (status.depth) {
    blocks.push(section([`*${objectivesOf(ctx).field}*`, ...salesPlanLines(ctx, status.depth)].join('\n')));
    const missedReviews = missedReviewsLine(ctx, status.depth);
    if (missedReviews) blocks.push(section(missedReviews));
    const fees = operatorFeesLine(ctx, partner, status.depth.fees);
    if (fees) blocks.push(section(fees));
  }
  // The first overdue items, then the first missed quarters, each with how many more.
  for (const [which, title] of [
    ['overdue', m.status.topOverdue],
    ['missed', m.status.topMissed],
  ] as const) {
    const items = status.obligations.filter((i) => i.status === which);
    if (items.length === 0) continue;
    const shown = items.slice(0, TOP_OVERDUE).map((item) => obligationLine(ctx, item));
    if (items.length > TOP_OVERDUE) shown.push(f.more(items.length - TOP_OVERDUE));
    blocks.push(section([title, ...shown].join('\n')));
  }
  const override = overrideNote(ctx, status);
  if (override) blocks.push(context(override));
  // A result awaiting an admin's approval: staff see it coming; the partner's contacts see nothing yet.
  const pending = options.staff
    ? status.record.history.filter((h) => h.kind === 'evaluation' && h.outcome === 'pending')
    : [];
  for (const row of pending) blocks.push(context(historyLine(ctx, row)));
  blocks.push(
    ...actions([
      shareButton(ctx, partner.id, 'status'),
      ...(options.staff ? staffButtons(ctx, partner.id, partner.type) : []),
    ]),
  );
  return view(m.status.text(escapeMrkdwn(partner.name), escapeMrkdwn(tierLabel)), blocks);
}
