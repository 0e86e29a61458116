import { formatMonth } from '../../i18n/format.js';
import { membershipMessages } from '../../i18n/membership.js';
import { objectivesMessages } from '../../i18n/objectives.js';
import { type WriteMessages, writeMessages } from '../../i18n/writes.js';
import type { Label } from '../../program/catalog.schema.js';
import type { ChecklistMarked } from '../../services/checklist.service.js';
import type { RevenueRecorded } from '../../services/revenue.service.js';
import type { TierOverridden } from '../../services/tier-override.service.js';
import type { DeclarationDecided, TrainingRecorded } from '../../services/trainings.service.js';
import type { WriteIssue } from '../../services/write-issues.js';
import { type ActionId, encodeValue, indexedActionId } from '../ids.js';
import { benefitUseIssueText } from './benefit-uses.view.js';
import { actions, button, context, type KnownBlock, section, type View, view } from './blocks.js';
import { basisName, fmt, type ViewContext } from './context.js';
import { code, escapeMrkdwn, mention } from './escape.js';
import { operatorFeesIssueText } from './operator-fees.view.js';
import { zenIssueText } from './zen-directory.view.js';

/** A view context with the write side's messages. */
export interface WriteViewContext extends ViewContext {
  w: WriteMessages;
}

export function writeViewContext(ctx: ViewContext): WriteViewContext {
  return { ...ctx, w: writeMessages[ctx.locale] };
}

/** The label of any catalog code a write names (obligation, Zen requirement), else the code itself. */
export function codeLabel(ctx: ViewContext, itemCode: string): string {
  const found: { label: Label } | undefined =
    ctx.catalog.obligations.find((o) => o.code === itemCode) ??
    ctx.catalog.expertsZen.requirements.find((r) => r.code === itemCode);
  return found ? fmt(ctx).text(found.label) : code(itemCode);
}

export function categoryLabel(ctx: ViewContext, category: string): string {
  const found = ctx.catalog.revenueCategories.find((c) => c.code === category);
  return found ? fmt(ctx).text(found.label) : code(category);
}

const codes = (list: readonly string[]) => list.map((c) => `\`${c}\``).join(', ');

/** One problem, in the asker's words, ready for mrkdwn (a modal error is plain text: see plainIssueText). */
export function issueText(ctx: WriteViewContext, issue: WriteIssue): string {
  const i = ctx.w.issues;
  const f = fmt(ctx);
  switch (issue.code) {
    case 'not-allowed':
      return i.notAllowed;
    case 'own-training-only':
      return i.ownTrainingOnly;
    case 'partner-unknown':
      return i.partnerUnknown;
    case 'month-missing':
      return i.monthMissing;
    case 'month-invalid':
      return i.monthInvalid(code(issue.value));
    case 'month-future':
      return i.monthFuture(code(issue.value));
    case 'category-unknown':
      return i.categoryUnknown(code(issue.value), codes(ctx.catalog.revenueCategories.map((c) => c.code)));
    case 'amount-missing':
      return i.amountMissing;
    case 'amount-invalid':
      return i.amountInvalid(code(issue.value));
    case 'amount-negative':
      return i.amountNegative(code(issue.value));
    case 'amount-too-large':
      return i.amountTooLarge(code(issue.value));
    case 'training-missing':
      return i.trainingMissing;
    case 'training-unknown':
      return i.trainingUnknown(code(issue.value));
    case 'training-not-applicable':
      return i.trainingNotApplicable(codeLabel(ctx, issue.training), `*${escapeMrkdwn(issue.partnerName)}*`);
    case 'training-not-own':
      return i.trainingNotOwn(codeLabel(ctx, issue.training), ownRoles(ctx, issue));
    case 'item-missing':
      return i.itemMissing;
    case 'item-unknown':
      return i.itemUnknown(code(issue.value));
    case 'item-is-training':
      return i.itemIsTraining(code(issue.value));
    case 'item-computed':
      return i.itemComputed(code(issue.value));
    case 'item-not-applicable':
      return i.itemNotApplicable(codeLabel(ctx, issue.item), `*${escapeMrkdwn(issue.partnerName)}*`);
    case 'contact-missing':
      return i.contactMissing;
    case 'contact-unknown':
      return i.contactUnknown(code(issue.value));
    case 'contact-ambiguous':
      return i.contactAmbiguous(
        code(issue.value),
        issue.candidates.map((c) => `${mention(c.slackUserId, c.name)} (${escapeMrkdwn(c.name)})`).join(', '),
      );
    case 'contact-other-partner':
      return i.contactOtherPartner(escapeMrkdwn(issue.contactName), `*${escapeMrkdwn(issue.partnerName)}*`);
    case 'date-invalid':
      return i.dateInvalid(code(issue.value));
    case 'date-future':
      return i.dateFuture(code(issue.value));
    case 'tier-missing':
      return i.tierMissing;
    case 'tier-unknown':
      return i.tierUnknown(code(issue.value), codes(ctx.catalog.tiers.map((t) => t.code)));
    case 'tier-unchanged':
      return i.tierUnchanged(`*${escapeMrkdwn(f.tier(issue.tier))}*`);
    case 'reason-missing':
      return i.reasonMissing;
    case 'reason-too-long':
      return i.reasonTooLong(String(issue.max));
    case 'declaration-gone':
      return i.declarationGone;
    case 'left-before-joined':
      return membershipMessages[ctx.locale].issues.leftBeforeJoined(
        code(issue.value),
        f.date(issue.joinedOn),
      );
    case 'left-unchanged':
      return membershipMessages[ctx.locale].issues.leftUnchanged(f.date(issue.leftOn));
    case 'not-left':
      return membershipMessages[ctx.locale].issues.notLeft(escapeMrkdwn(issue.partnerName));
    case 'quarter-missing':
      return objectivesMessages[ctx.locale].issues.quarterMissing;
    case 'quarter-invalid':
      return objectivesMessages[ctx.locale].issues.quarterInvalid(code(issue.value));
    case 'quarter-ended':
      return objectivesMessages[ctx.locale].issues.quarterEnded(code(issue.value));
    case 'note-missing':
      return objectivesMessages[ctx.locale].issues.noteMissing;
    case 'note-too-long':
      return objectivesMessages[ctx.locale].issues.noteTooLong(String(issue.max));
    case 'own-partner-only':
      return objectivesMessages[ctx.locale].issues.ownPartnerOnly;
    case 'benefit-missing':
    case 'benefit-unknown':
    case 'benefit-not-held':
    case 'benefit-expired':
    case 'benefit-used':
    case 'reference-missing':
    case 'reference-too-long':
      return benefitUseIssueText(ctx, issue);
    case 'not-operator':
    case 'fees-missing':
    case 'rate-invalid':
    case 'rate-out-of-range':
    case 'rate-not-applicable':
      return operatorFeesIssueText(ctx, issue);
    case 'zen-not-eligible':
    case 'zen-domains-missing':
    case 'zen-domain-unknown':
    case 'zen-departements-missing':
    case 'zen-departement-invalid':
    case 'zen-hours-invalid':
    case 'zen-not-listed':
      return zenIssueText(ctx, issue);
  }
}

/** Modal errors are plain text: the same words without mrkdwn marks or escapes. */
export function plainIssueText(ctx: WriteViewContext, issue: WriteIssue): string {
  return issueText(ctx, issue)
    .replace(/<@([UW][A-Z0-9]+)>/g, '@$1')
    .replace(/[*_`]/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/ˋ/g, '`');
}

/** A refused write: nothing recorded, every problem, and how to write the command. */
export function writeRefusedView(ctx: WriteViewContext, issues: WriteIssue[], usage?: string[]): View {
  const lines = issues.map((issue) => `${ctx.m.bullet} ${issueText(ctx, issue)}`);
  const headline = issues.length === 1 ? issueText(ctx, issues[0]!) : ctx.w.issues.nothingWritten;
  const blocks: KnownBlock[] = [
    section(issues.length === 1 ? `:x: ${headline}` : [`:x: ${headline}`, ...lines].join('\n')),
  ];
  if (usage?.length) blocks.push(context(...usage));
  return view(headline, blocks);
}

/** A write's confirmation (or a notice): one section, an optional context line. */
export function noticeView(text: string, note?: string): View {
  return view(text, [section(text), ...(note ? [context(note)] : [])]);
}

export function revenueRecordedView(ctx: WriteViewContext, r: RevenueRecorded): View {
  const f = fmt(ctx);
  const rv = ctx.w.revenue;
  const name = escapeMrkdwn(r.partner.name);
  const category = categoryLabel(ctx, r.category);
  const month = formatMonth(r.month, ctx.locale);
  const basis = basisName(ctx, r.partner.type);
  const headline = !r.changed
    ? rv.unchanged(name, category, month, f.money(r.amountCents))
    : r.previousCents === null
      ? rv.recordedNew(name, category, month, f.money(r.amountCents), basis)
      : rv.recorded(name, category, month, f.money(r.previousCents), f.money(r.amountCents), basis);
  const effect: string[] = [];
  if (!r.countsTowardTier) effect.push(rv.notCounted(category));
  else if (!r.inCurrentSemester) effect.push(rv.outside(month, f.semester(r.semester.code)));
  else {
    const average = (cents: number | null) => (cents === null ? rv.noAverage : f.money(cents));
    const before = r.before.averageSoFarCents;
    const after = r.after.averageSoFarCents;
    effect.push(
      before === after
        ? rv.averageSame(f.semester(r.semester.code), average(after))
        : rv.average(f.semester(r.semester.code), average(before), average(after)),
    );
    if (r.after.projectedTier) effect.push(rv.projected(escapeMrkdwn(f.label(r.after.projectedTier.label))));
  }
  return view(headline, [section(headline), context(effect.join(' '))]);
}

/** A contact's profiles then referent roles, in the catalog's order: "Admin, Vente, Référent admin". */
function ownRoles(
  ctx: WriteViewContext,
  issue: { profiles: readonly string[]; referentProfiles: readonly string[] },
): string {
  const f = fmt(ctx);
  const held = ctx.catalog.profiles.filter((p) => issue.profiles.includes(p.code));
  return [
    ...held.map((p) => f.text(p.label)),
    ...held
      .filter((p) => issue.referentProfiles.includes(p.code))
      .map((p) => ctx.w.issues.referentRole(f.text(p.label))),
  ].join(', ');
}

export function trainingRecordedView(
  ctx: WriteViewContext,
  r: TrainingRecorded,
  asker: 'staff' | 'contact',
): View {
  const f = fmt(ctx);
  const t = ctx.w.training;
  const training = `*${f.text(r.training.label)}*`;
  const date = f.date(r.completedOn);
  let text: string;
  let note: string | undefined;
  if (asker === 'contact') {
    if (r.status === 'confirmed') text = t.alreadyConfirmed(training, date);
    else if (r.changed) text = t.declared(training, date);
    else {
      const manager = r.partner.managerSlackUserId;
      text = t.alreadyWaiting(training, date, manager ? mention(manager) : null);
    }
  } else {
    const who = mention(r.contact.slackUserId, r.contact.name);
    text = r.changed
      ? t.recorded(training, who, `*${escapeMrkdwn(r.partner.name)}*`, date)
      : t.already(training, who, date);
    if (r.changed && r.previous?.status === 'pending') note = t.confirmedDeclaration;
  }
  return noticeView(text, note);
}

export function checklistMarkedView(ctx: WriteViewContext, r: ChecklistMarked): View {
  const f = fmt(ctx);
  const item = `*${f.text(r.entry.label)}*`;
  const name = escapeMrkdwn(r.partner.name);
  return noticeView(
    r.alreadyDoneOn
      ? ctx.w.done.already(item, name, f.date(r.alreadyDoneOn))
      : ctx.w.done.recorded(item, name, f.date(r.completedOn)),
  );
}

export function tierOverriddenView(ctx: WriteViewContext, r: TierOverridden): View {
  const f = fmt(ctx);
  return noticeView(
    ctx.w.override.recorded(
      escapeMrkdwn(r.partner.name),
      escapeMrkdwn(f.tier(r.previousTier)),
      escapeMrkdwn(f.label(r.tier.label)),
      escapeMrkdwn(r.reason),
      f.date(r.nextEvaluationOn),
    ),
  );
}

export function declarationDecidedText(ctx: WriteViewContext, r: DeclarationDecided): string {
  const c = ctx.w.confirm;
  const args = [
    codeLabel(ctx, r.training),
    mention(r.contact.slackUserId, r.contact.name),
    `*${escapeMrkdwn(r.partner.name)}*`,
  ] as const;
  return r.decision === 'confirm' ? c.confirmed(...args) : c.rejected(...args);
}

export interface PartnerCandidate {
  id: string;
  name: string;
  tier: string;
}

/**
 * Several partners (or none) match what was typed for a write: one button per partner opens the write's
 * form for it (the typed values are not carried over), and the ids are listed for typing them instead.
 */
export function writePartnerChoiceView(
  ctx: WriteViewContext,
  options: { query: string; candidates: PartnerCandidate[]; kind: 'ambiguous' | 'none'; openForm: ActionId },
): View {
  const l = ctx.w.lookup;
  const f = fmt(ctx);
  const typed = code(options.query.slice(0, 100));
  const text = options.kind === 'ambiguous' ? l.ambiguous(typed) : l.none(typed);
  const blocks: KnownBlock[] = [section(text)];
  const shown = options.candidates.slice(0, 10);
  if (shown.length) {
    const lines = shown.map(
      (p) => `${ctx.m.bullet} *${escapeMrkdwn(p.name)}* ${code(p.id)} · ${escapeMrkdwn(f.tier(p.tier))}`,
    );
    blocks.push(section(options.kind === 'none' ? `${l.didYouMean}\n${lines.join('\n')}` : lines.join('\n')));
    blocks.push(
      ...actions(
        shown.map((p, i) =>
          button({
            text: p.name,
            actionId: indexedActionId(options.openForm, i),
            value: encodeValue({ p: p.id }),
          }),
        ),
      ),
    );
  } else blocks.push(context(ctx.m.lookup.noSuggestion));
  return view(text, blocks);
}
