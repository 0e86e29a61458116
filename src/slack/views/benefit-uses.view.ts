import type { ContactRow } from '../../db/repositories/partners.repository.js';
import { benefitUsesMessages } from '../../i18n/benefit-uses.js';
import type { BenefitUsesState, MonthReview } from '../../program/benefit-uses.js';
import type { Locale } from '../../program/catalog.schema.js';
import type { BenefitUsed } from '../../services/benefit-uses.service.js';
import type { PartnerStatus } from '../../services/partner-status.service.js';
import type { ProgramDepth } from '../../services/program-depth.service.js';
import type { WriteIssue } from '../../services/write-issues.js';
import { section, type View } from './blocks.js';
import { fmt, type ViewContext } from './context.js';
import { code, escapeMrkdwn, mention } from './escape.js';
import { noticeView, type WriteViewContext } from './write-replies.view.js';

const bm = (ctx: { locale: Locale }) => benefitUsesMessages[ctx.locale];

const benefitLabel = (ctx: ViewContext, benefitCode: string) => {
  const found = ctx.catalog.benefits.find((b) => b.code === benefitCode);
  return found ? fmt(ctx).text(found.label) : code(benefitCode);
};

type BenefitIssue = Extract<
  WriteIssue,
  {
    code:
      | 'benefit-missing'
      | 'benefit-unknown'
      | 'benefit-not-held'
      | 'benefit-expired'
      | 'benefit-used'
      | 'reference-missing'
      | 'reference-too-long';
  }
>;

export function benefitUseIssueText(ctx: ViewContext, issue: BenefitIssue): string {
  const i = bm(ctx).issues;
  const f = fmt(ctx);
  switch (issue.code) {
    case 'benefit-missing':
      return i.benefitMissing;
    case 'benefit-unknown':
      return i.benefitUnknown(code(issue.value));
    case 'benefit-not-held':
      return i.benefitNotHeld(benefitLabel(ctx, issue.benefit), `*${escapeMrkdwn(issue.partnerName)}*`);
    case 'benefit-expired':
      return i.benefitExpired(benefitLabel(ctx, issue.benefit), f.date(issue.expiredOn));
    case 'benefit-used':
      return i.benefitUsed(
        benefitLabel(ctx, issue.benefit),
        f.date(issue.usedOn),
        escapeMrkdwn(issue.reference),
      );
    case 'reference-missing':
      return issue.benefit === 'free-training'
        ? i.referenceTraining
        : issue.benefit === 'monthly-tech-review'
          ? i.referenceReview
          : i.referenceBizBooster;
    case 'reference-too-long':
      return i.referenceTooLong(String(issue.max));
  }
}

export function benefitUsedView(ctx: WriteViewContext, r: BenefitUsed): View {
  const m = bm(ctx);
  const text = m.used(
    benefitLabel(ctx, r.benefit.code),
    escapeMrkdwn(r.partner.name),
    fmt(ctx).date(r.use.usedOn),
    escapeMrkdwn(r.use.reference),
  );
  return noticeView(text, r.contact ? m.usedBy(mention(r.contact.slackUserId, r.contact.name)) : undefined);
}

/** "mars 2026", "Mar 2026". */
function monthName(ctx: ViewContext, month: string): string {
  return fmt(ctx)
    .date(`${month}-01`)
    .replace(/^1(er)?\s+/, '');
}

function monthLine(ctx: ViewContext, r: MonthReview): string {
  const m = bm(ctx);
  const name = monthName(ctx, r.month);
  return r.state === 'done'
    ? m.monthDone(name)
    : r.state === 'missed'
      ? m.monthMissed(name)
      : m.monthDue(name);
}

/** The benefits card's lines: each BizBooster, the free seat, the technical reviews, with their state. */
export function benefitUsesLines(
  ctx: ViewContext,
  state: BenefitUsesState,
  contacts: readonly ContactRow[],
): string[] {
  const m = bm(ctx);
  const f = fmt(ctx);
  const lines = state.bizBoosters.map(({ held, state: s }) => {
    const label = f.text(held.benefit.label);
    if (s.state === 'used')
      return m.bizBoosterUsed(label, f.date(s.use.usedOn), escapeMrkdwn(s.use.reference));
    return s.state === 'available'
      ? m.bizBoosterAvailable(label, f.date(s.until))
      : m.bizBoosterExpired(label, f.date(s.expiredOn));
  });
  if (state.freeTraining) {
    const label = benefitLabel(ctx, 'free-training');
    const s = state.freeTraining;
    if (s.state === 'available') lines.push(m.seatAvailable(label, s.year));
    else {
      const contact = contacts.find((c) => c.id === s.use.contactId);
      lines.push(
        m.seatUsed(
          label,
          s.year,
          contact ? mention(contact.slackUserId, contact.name) : '—',
          escapeMrkdwn(s.use.reference),
        ),
      );
    }
  }
  if (state.techReviews?.length)
    lines.push(
      m.reviews(
        benefitLabel(ctx, 'monthly-tech-review'),
        state.techReviews.map((r) => monthLine(ctx, r)).join(' · '),
      ),
    );
  return lines.map((l) => `${ctx.m.bullet} ${l}`);
}

/** The months that ended without a technical review, for the status card (none: undefined). */
export function missedReviewsLine(ctx: ViewContext, depth: ProgramDepth): string | undefined {
  const missed = (depth.benefitUses.techReviews ?? []).filter((r) => r.state === 'missed');
  if (missed.length === 0) return undefined;
  return bm(ctx).reviewsMissed(missed.map((r) => monthName(ctx, r.month)).join(', '));
}

/** The uses, latest first, for the history. */
export function benefitUsesHistory(ctx: ViewContext, depth: ProgramDepth): string[] {
  if (depth.uses.length === 0) return [];
  const m = bm(ctx);
  return [
    m.historyTitle,
    ...depth.uses.map(
      (u) =>
        `${ctx.m.bullet} ${m.historyLine(fmt(ctx).date(u.usedOn), benefitLabel(ctx, u.benefit), escapeMrkdwn(u.reference))}`,
    ),
  ];
}

export { monthName as techReviewMonthName };

/** The history card with the benefits used, before its buttons. */
export function withBenefitUses<T extends View>(ctx: ViewContext, card: T, status: PartnerStatus): T {
  const lines = status.depth ? benefitUsesHistory(ctx, status.depth) : [];
  if (lines.length === 0) return card;
  const blocks = [...card.blocks];
  const at = blocks.findIndex((b) => b.type === 'actions');
  blocks.splice(at < 0 ? blocks.length : at, 0, section(lines.join('\n')));
  return { ...card, blocks };
}
