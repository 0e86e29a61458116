import type { Profile } from '../../program/catalog.schema.js';
import type { ObligationItem, ObligationStatus } from '../../program/obligations.js';
import type { PartnerStatus } from '../../services/partner-status.service.js';
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

export type ObligationCounts = Record<ObligationStatus, number>;

export function countObligations(items: ObligationItem[]): ObligationCounts {
  const counts: ObligationCounts = { overdue: 0, missed: 0, outstanding: 0, pending: 0, done: 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
}

/**
 * "2 overdue · 1 missed quarter · 5 to do · 1 awaiting confirmation · 4 done" (zero counts left out, done
 * always shown).
 */
export function obligationsSummary(ctx: ViewContext, counts: ObligationCounts): string {
  const f = fmt(ctx);
  const o = ctx.m.obligations;
  const parts = [
    counts.overdue ? f.count(counts.overdue, o.overdue) : undefined,
    counts.missed ? f.count(counts.missed, o.missed) : undefined,
    counts.outstanding ? f.count(counts.outstanding, o.outstanding) : undefined,
    counts.pending ? f.count(counts.pending, o.pending) : undefined,
    f.count(counts.done, o.done),
  ];
  return parts.filter((p): p is string => p !== undefined).join(' · ');
}

function profileLabel(ctx: ViewContext, profile: Profile): string {
  const found = ctx.catalog.profiles.find((p) => p.code === profile);
  return found ? fmt(ctx).text(found.label) : profile;
}

/** A contact's profiles, in the catalog's order: "Admin, Vente". */
export function profilesLabel(ctx: ViewContext, profiles: readonly Profile[]): string {
  return ctx.catalog.profiles
    .filter((p) => profiles.includes(p.code))
    .map((p) => fmt(ctx).text(p.label))
    .join(', ');
}

/** Who must act: the partner, a contact (mentioned), or the missing contact or referent. */
export function whoMustAct(ctx: ViewContext, item: ObligationItem): string {
  const o = ctx.m.obligations;
  const { actor } = item;
  switch (actor.kind) {
    case 'partner':
      return o.thePartner;
    case 'contact': {
      const who = mention(actor.contact.slackUserId, actor.contact.name);
      // The profile the rule is about; a partner-wide item names the contact's profiles.
      const profile = item.obligation.profile
        ? profileLabel(ctx, item.obligation.profile)
        : profilesLabel(ctx, actor.contact.profiles);
      return item.obligation.scope === 'referent' ? o.referent(who, profile) : o.contact(who, profile);
    }
    case 'no-contact':
      return o.noContact(profileLabel(ctx, actor.profile));
    case 'no-referent':
      return o.noReferent(profileLabel(ctx, actor.profile));
  }
}

/** One line per item: label · who · due date (and how late). */
export function obligationLine(ctx: ViewContext, item: ObligationItem): string {
  const f = fmt(ctx);
  const o = ctx.m.obligations;
  let when: string;
  if (item.status === 'pending')
    when = o.declared(f.date(item.completedOn ?? item.dueOn), f.label(item.obligation.label));
  else if (item.status === 'missed' && item.quarter)
    when = o.missedQuarter(o.quarterName(item.quarter.year, item.quarter.number), f.date(item.dueOn));
  else if (item.obligation.due === 'quarterly') when = o.quarter(f.date(item.dueOn));
  else if (item.status === 'overdue')
    when = `${o.dueOn(f.date(item.dueOn))} (${o.late(f.count(Math.max(1, daysLate(item, ctx.today)), ctx.m.days))})`;
  else when = o.dueOn(f.date(item.dueOn));
  return `${ctx.m.bullet} ${f.text(item.obligation.label)} · ${whoMustAct(ctx, item)} · _${when}_`;
}

function daysLate(item: ObligationItem, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${item.dueOn}T00:00:00Z`)) / 86_400_000);
}

export function obligationsView(ctx: ViewContext, status: PartnerStatus): View {
  const f = fmt(ctx);
  const o = ctx.m.obligations;
  const { partner } = status.record;
  const counts = countObligations(status.obligations);
  const summary = obligationsSummary(ctx, counts);
  const lines: string[] = [];
  const group = (which: ObligationStatus, title: string) => {
    const items = status.obligations.filter((i) => i.status === which);
    if (items.length === 0) return;
    if (lines.length) lines.push('');
    lines.push(title, ...items.map((item) => obligationLine(ctx, item)));
  };
  group('overdue', o.overdueTitle);
  group('missed', o.missedTitle);
  group('outstanding', o.outstandingTitle);
  group('pending', o.pendingTitle);

  const blocks: KnownBlock[] = [header(o.title(partner.name)), context(summary)];
  // header, summary, the sections, the done count, the share button: within the message's 50 blocks.
  if (lines.length)
    blocks.push(...lineSections(lines, { maxBlocks: LIMITS.blocksPerMessage - 5, more: f.more }));
  else blocks.push(context(o.nothingDue));
  blocks.push(...actions([shareButton(ctx, partner.id, 'obligations')]));
  return view(o.text(escapeMrkdwn(partner.name), summary), blocks);
}
