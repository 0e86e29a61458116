import type { PartnerRecord } from '../../db/repositories/partners.repository.js';
import type { ObligationItem } from '../../program/obligations.js';
import {
  actions,
  context,
  header,
  type KnownBlock,
  LIMITS,
  lineSections,
  type View,
  view,
} from './blocks.js';
import { fmt, shareButton, type ViewContext } from './context.js';
import { escapeMrkdwn, mention } from './escape.js';
import { obligationLine } from './obligations.view.js';

type HistoryRow = PartnerRecord['history'][number];

export function historyLine(ctx: ViewContext, row: HistoryRow, partner?: { joinedOn: string }): string {
  const f = fmt(ctx);
  const h = ctx.m.history;
  const tier = (code: string) => escapeMrkdwn(f.tier(code));
  const parts = [`*${f.date(row.effectiveOn)}*`];
  if (row.kind === 'evaluation') parts.push(h.evaluation(escapeMrkdwn(f.semester(row.semester ?? ''))));
  else if (row.kind === 'override') parts.push(h.override(mention(row.actor)));
  else parts.push(h.import);
  if (row.kind === 'evaluation' && row.outcome === 'not-evaluated') {
    parts.push(partner ? h.notEvaluated(f.date(partner.joinedOn)) : h.notEvaluatedNoDate);
    parts.push(h.kept(tier(row.tier)));
    return `${ctx.m.bullet} ${parts.join(' · ')}`;
  }
  if (row.kind === 'evaluation' && row.outcome === 'pending') {
    parts.push(h.pending(tier(row.computedTier ?? row.tier)));
    if (row.averageCents !== null && row.averageCents !== undefined)
      parts.push(h.average(f.money(row.averageCents), f.count(row.activeMonths ?? 1, ctx.m.months)));
    return `${ctx.m.bullet} ${parts.join(' · ')}`;
  }
  if (row.kind === 'evaluation' && row.outcome === 'override-stands')
    parts.push(h.overrideStands(tier(row.tier)));
  else if (row.previousTier && row.previousTier !== row.tier)
    parts.push(h.change(tier(row.previousTier), tier(row.tier)));
  else if (row.previousTier) parts.push(h.kept(tier(row.tier)));
  else parts.push(h.set(tier(row.tier)));
  if (row.averageCents !== null && row.averageCents !== undefined)
    parts.push(h.average(f.money(row.averageCents), f.count(row.activeMonths ?? 1, ctx.m.months)));
  if (
    (row.kind === 'override' || row.outcome === 'override-stands') &&
    row.computedTier &&
    row.computedTier !== row.tier
  )
    parts.push(h.computed(tier(row.computedTier)));
  if (row.reason) parts.push(h.reason(escapeMrkdwn(row.reason)));
  return `${ctx.m.bullet} ${parts.join(' · ')}`;
}

/**
 * Tier history, newest first: evaluations with their averages, overrides with who and why; then the
 * quarterly duties missed in the quarters still shown (status 'missed' among `obligations`). A result
 * awaiting approval (outcome 'pending') is staff-only, marked as such: a partner's contacts see nothing
 * of it until an admin approves.
 */
export function historyView(
  ctx: ViewContext,
  record: PartnerRecord,
  options: { staff: boolean; obligations?: readonly ObligationItem[] } = { staff: false },
): View {
  const f = fmt(ctx);
  const h = ctx.m.history;
  const { partner } = record;
  const rows = options.staff ? record.history : record.history.filter((r) => r.outcome !== 'pending');
  const blocks: KnownBlock[] = [
    header(h.title(partner.name)),
    context(h.current(escapeMrkdwn(f.tier(partner.tier)), f.date(partner.tierSince))),
  ];
  const missed = (options.obligations ?? []).filter((i) => i.status === 'missed');
  // header, current tier, the history's sections, the missed quarters' (2 at most), the share button.
  const missedBlocks = missed.length ? 2 : 0;
  if (rows.length === 0) blocks.push(context(h.empty));
  else
    blocks.push(
      ...lineSections(
        rows.map((row) => historyLine(ctx, row, partner)),
        { maxBlocks: LIMITS.blocksPerMessage - 4 - missedBlocks, more: f.more },
      ),
    );
  if (missed.length)
    blocks.push(
      ...lineSections([h.missedTitle, ...missed.map((item) => obligationLine(ctx, item))], {
        maxBlocks: missedBlocks,
        more: f.more,
      }),
    );
  blocks.push(...actions([shareButton(ctx, partner.id, 'history')]));
  return view(h.text(escapeMrkdwn(partner.name)), blocks);
}
