import { membershipMessages } from '../../i18n/membership.js';
import type { PartnerLeft, PartnerRejoined } from '../../services/partner-membership.service.js';
import type { WriteIssue } from '../../services/write-issues.js';
import { context, type KnownBlock, section, type View, view } from './blocks.js';
import { fmt, type ViewContext } from './context.js';
import { escapeMrkdwn } from './escape.js';
import { noticeView, type WriteViewContext, writeRefusedView } from './write-replies.view.js';

const mm = (ctx: ViewContext) => membershipMessages[ctx.locale];

export function partnerLeftView(ctx: WriteViewContext, r: PartnerLeft): View {
  const f = fmt(ctx);
  const m = mm(ctx);
  const args = [escapeMrkdwn(r.partner.name), f.date(r.leftOn), escapeMrkdwn(r.reason)] as const;
  const text = r.leftOn > ctx.today ? m.leftFuture(...args) : m.left(...args);
  const was = r.previous
    ? ` ${m.wasLeft(f.date(r.previous.leftOn), escapeMrkdwn(r.previous.reason ?? ''))}`
    : '';
  return noticeView(text, `${m.leftNote}${was}`);
}

export function partnerRejoinedView(ctx: WriteViewContext, r: PartnerRejoined): View {
  const m = mm(ctx);
  return noticeView(m.rejoined(escapeMrkdwn(r.partner.name), fmt(ctx).date(r.leftOn)), m.rejoinedNote);
}

/** A refused leave or rejoin: the write side's refusal, the reason worded for a departure. */
export function membershipRefusedView(ctx: WriteViewContext, issues: WriteIssue[], usage: string[]): View {
  const reasonMissing = mm(ctx).issues.reasonMissing;
  return writeRefusedView(
    { ...ctx, w: { ...ctx.w, issues: { ...ctx.w.issues, reasonMissing } } },
    issues,
    usage,
  );
}

/** What a contact of a partner that left gets instead of its card. */
export function noLongerInProgramView(ctx: ViewContext, partner: { name: string }): View {
  const text = mm(ctx).contactReply(escapeMrkdwn(partner.name));
  return view(text, [section(text)]);
}

/** A card staff open on a partner that left: the same card, marked under its header. */
export function markedAsLeft<T extends View>(
  ctx: ViewContext,
  card: T,
  partner: { leftOn: string | null; leftReason: string | null },
): T {
  if (!partner.leftOn) return card;
  const mark: KnownBlock = context(
    mm(ctx).cardMark(fmt(ctx).date(partner.leftOn), escapeMrkdwn(partner.leftReason ?? '')),
  );
  const blocks = [...card.blocks];
  blocks.splice(blocks[0]?.type === 'header' ? 1 : 0, 0, mark);
  return { ...card, blocks };
}
