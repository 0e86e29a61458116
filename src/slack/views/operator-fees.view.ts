import type { OperatorFeesRow } from '../../db/repositories/operator-fees.repository.js';
import type { PartnerRow } from '../../db/repositories/partners.repository.js';
import { formatMoney } from '../../i18n/format.js';
import { operatorFeesMessages } from '../../i18n/operator-fees.js';
import type { Locale } from '../../program/catalog.schema.js';
import type { OperatorFeesRecorded } from '../../services/operator-fees.service.js';
import type { WriteIssue } from '../../services/write-issues.js';
import type { View } from './blocks.js';
import { fmt, type ViewContext } from './context.js';
import { code, escapeMrkdwn } from './escape.js';
import { percent } from './sales-plan.view.js';
import { noticeView, type WriteViewContext } from './write-replies.view.js';

const om = (ctx: { locale: Locale }) => operatorFeesMessages[ctx.locale];

/** 350 basis points: "3,5 %" / "3.5%". */
export function rateText(basisPoints: number, locale: Locale): string {
  return percent(basisPoints / 100, locale);
}

type FeesIssue = Extract<
  WriteIssue,
  { code: 'not-operator' | 'fees-missing' | 'rate-invalid' | 'rate-out-of-range' | 'rate-not-applicable' }
>;

export function operatorFeesIssueText(ctx: ViewContext, issue: FeesIssue): string {
  const i = om(ctx).issues;
  switch (issue.code) {
    case 'not-operator':
      return i.notOperator(`*${escapeMrkdwn(issue.partnerName)}*`);
    case 'fees-missing':
      return i.feesMissing;
    case 'rate-invalid':
      return i.rateInvalid(code(issue.value));
    case 'rate-out-of-range':
      return i.rateOutOfRange(
        code(issue.value),
        rateText(issue.minBasisPoints, ctx.locale),
        rateText(issue.maxBasisPoints, ctx.locale),
      );
    case 'rate-not-applicable': {
      const program = ctx.catalog.operatorPrograms.find((p) => p.code === issue.program);
      return i.rateNotApplicable(program ? fmt(ctx).text(program.label) : code(issue.program));
    }
  }
}

/** "opening fee paid on 15 Jan 2026 · retrocession 3.5% of billed revenue", for an operator's card. */
export function operatorFeesLine(
  ctx: ViewContext,
  partner: Pick<PartnerRow, 'type' | 'operatorProgram'>,
  fees: OperatorFeesRow | Omit<OperatorFeesRow, 'updatedAt'> | undefined,
): string | undefined {
  if (partner.type !== 'operator' || !partner.operatorProgram) return undefined;
  const m = om(ctx);
  const program = ctx.catalog.operatorPrograms.find((p) => p.code === partner.operatorProgram);
  const parts: string[] = [];
  if (fees?.openingFeePaidOn) parts.push(m.paid(fmt(ctx).date(fees.openingFeePaidOn)));
  else if (program?.openingFeeEur !== undefined)
    parts.push(m.notPaid(formatMoney(program.openingFeeEur * 100, ctx.locale, { wholeEuros: 'auto' })));
  if (fees?.retrocessionBasisPoints != null)
    parts.push(m.rate(rateText(fees.retrocessionBasisPoints, ctx.locale)));
  else if (program?.retrocessionPercent) parts.push(m.noRate);
  return parts.length ? `*${m.field}*${fmt(ctx).colon} ${parts.join(' · ')}` : undefined;
}

export function operatorFeesRecordedView(ctx: WriteViewContext, r: OperatorFeesRecorded): View {
  return noticeView(om(ctx).recorded(escapeMrkdwn(r.partner.name)), operatorFeesLine(ctx, r.partner, r.fees));
}
