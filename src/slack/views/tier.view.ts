import { formatMonth } from '../../i18n/format.js';
import type { PartnerStatus } from '../../services/partner-status.service.js';
import { actions, context, fields, header, type KnownBlock, section, type View, view } from './blocks.js';
import { basisName, fmt, partnershipLabel, shareButton, type ViewContext } from './context.js';
import { escapeMrkdwn, mention } from './escape.js';
import { objectivesOf, salesPlanLines } from './sales-plan.view.js';

/** The lines about the semester so far, shared by the tier and status views. */
export function progressLines(ctx: ViewContext, status: PartnerStatus) {
  const f = fmt(ctx);
  const { m } = ctx;
  const { progress, tier } = status;
  const average =
    progress.averageSoFarCents === null
      ? m.tier.noMonthYet(f.semester(progress.semester.code))
      : m.tier.average(
          f.money(progress.averageSoFarCents),
          f.semester(progress.semester.code),
          f.count(progress.monthsCounted, m.months),
        );
  const evaluation = m.tier.evaluationOn(
    f.date(progress.nextEvaluationOn),
    f.count(progress.daysLeft, m.days),
  );
  const type = status.record.partner.type;
  let next: string;
  if (!progress.nextTier) next = m.tier.topTier(f.label(tier.label));
  else if (progress.missingForNextCents === 0) next = m.tier.nextReached(f.label(progress.nextTier.label));
  else
    next = m.tier.toNext(
      f.label(progress.nextTier.label),
      f.euros(Math.round(progress.nextTier.minMonthlyEur[type] * 100)),
      f.money(progress.missingForNextCents ?? 0),
    );
  const demotion = progress.demotion
    ? m.tier.demotion(
        f.label(progress.demotion.toTier.label),
        f.date(progress.nextEvaluationOn),
        f.money(progress.demotion.missingToKeepCents),
        f.label(tier.label),
      )
    : undefined;
  return { average, evaluation, next, demotion };
}

/** The override in force, if the partner's latest tier change was a manager's. */
export function overrideNote(ctx: ViewContext, status: PartnerStatus): string | undefined {
  const latest = status.record.history[0];
  if (latest?.kind !== 'override') return undefined;
  return ctx.m.tier.override(
    mention(latest.actor),
    fmt(ctx).date(latest.effectiveOn),
    escapeMrkdwn(latest.reason ?? '—'),
  );
}

/** What the semester's average is made of, month by month: the months counted, each with its basis. */
function monthsCounted(ctx: ViewContext, status: PartnerStatus): KnownBlock[] {
  const f = fmt(ctx);
  const { months } = status.progress;
  if (months.length === 0) return [];
  const sameYear = months[0]!.month.slice(0, 4) === months.at(-1)!.month.slice(0, 4);
  const said = months.map(
    (m) =>
      `${formatMonth(m.month, ctx.locale, { year: !sameYear })} ${m.recorded ? f.euros(m.basisCents) : `_${ctx.m.tier.nothingRecorded}_`}`,
  );
  return [context(ctx.m.tier.byMonth(basisName(ctx, status.record.partner.type), said.join(' · ')))];
}

export function tierView(ctx: ViewContext, status: PartnerStatus): View {
  const f = fmt(ctx);
  const { m } = ctx;
  const { partner } = status.record;
  const tierLabel = f.label(status.tier.label);
  const basis = ctx.catalog.partnershipTypes.find((t) => t.code === partner.type)?.basis.label;
  const lines = progressLines(ctx, status);
  const blocks: KnownBlock[] = [
    header(m.tier.title(partner.name, tierLabel)),
    ...fields([
      `*${m.fields.tier}*\n*${escapeMrkdwn(tierLabel)}*, ${m.tier.since(f.date(partner.tierSince))}`,
      `*${m.fields.partnership}*\n${escapeMrkdwn(partnershipLabel(ctx, partner))}`,
      `*${m.fields.basis}*\n${basis ? f.text(basis) : '—'}`,
      `*${m.fields.average}*\n${lines.average}`,
      `*${m.fields.nextEvaluation}*\n${lines.evaluation}`,
      ...(partner.managerSlackUserId
        ? [`*${m.fields.manager}*\n${mention(partner.managerSlackUserId)}`]
        : []),
    ]),
    ...monthsCounted(ctx, status),
    section(lines.next),
  ];
  if (lines.demotion) blocks.push(section(lines.demotion));
  if (status.depth)
    blocks.push(section([`*${objectivesOf(ctx).field}*`, ...salesPlanLines(ctx, status.depth)].join('\n')));
  const override = overrideNote(ctx, status);
  blocks.push(context(...(override ? [override] : []), f.text(ctx.catalog.evaluation.rule)));
  blocks.push(...actions([shareButton(ctx, partner.id, 'tier')]));
  return view(m.tier.text(escapeMrkdwn(partner.name), escapeMrkdwn(tierLabel)), blocks);
}
