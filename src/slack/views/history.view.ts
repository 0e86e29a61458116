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

export function historyLine(ctx: ViewContext, row: HistoryRow): string {
  const f = fmt(ctx);
  const h = ctx.m.history;
  const tier = (code: string) => escapeMrkdwn(f.tier(code));
  const parts = [`*${f.date(row.effectiveOn)}*`];
  if (row.kind === 'evaluation') parts.push(h.evaluation(escapeMrkdwn(row.semester ?? '')));
  else if (row.kind === 'override') parts.push(h.override(mention(row.actor)));
  else parts.push(h.import);
  if (row.previousTier && row.previousTier !== row.tier)
    parts.push(h.change(tier(row.previousTier), tier(row.tier)));
  else if (row.previousTier) parts.push(h.kept(tier(row.tier)));
  else parts.push(h.set(tier(row.tier)));
  if (row.averageCents !== null && row.averageCents !== undefined)
    parts.push(h.average(f.money(row.averageCents), f.count(row.activeMonths ?? 1, ctx.m.months)));
  if (row.kind === 'override' && row.computedTier && row.computedTier !== row.tier)
    parts.push(h.computed(tier(row.computedTier)));
  if (row.reason) parts.push(h.reason(escapeMrkdwn(row.reason)));
  return `${ctx.m.bullet} ${parts.join(' · ')}`;
}

/**
 * Tier history, newest first: evaluations with their averages, overrides with who and why; then the
 * quarterly duties missed in the quarters still shown (status 'missed' among `obligations`).
 */
export function historyView(
  ctx: ViewContext,
  record: PartnerRecord,
  obligations: readonly ObligationItem[] = [],
): View {
  const f = fmt(ctx);
  const h = ctx.m.history;
  const { partner } = record;
  const blocks: KnownBlock[] = [
    header(h.title(partner.name)),
    context(h.current(escapeMrkdwn(f.tier(partner.tier)), f.date(partner.tierSince))),
  ];
  const missed = obligations.filter((i) => i.status === 'missed');
  // header, current tier, the history's sections, the missed quarters' (2 at most), the share button.
  const missedBlocks = missed.length ? 2 : 0;
  if (record.history.length === 0) blocks.push(context(h.empty));
  else
    blocks.push(
      ...lineSections(
        record.history.map((row) => historyLine(ctx, row)),
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
