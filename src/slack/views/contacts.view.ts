import type { ContactRow } from '../../db/repositories/contacts.repository.js';
import type { ObligationItem } from '../../program/obligations.js';
import type { PartnerStatus } from '../../services/partner-status.service.js';
import {
  actions,
  context,
  header,
  type KnownBlock,
  lineSections,
  section,
  type View,
  view,
} from './blocks.js';
import { fmt, shareButton, type ViewContext } from './context.js';
import { escapeMrkdwn, mention } from './escape.js';
import { countObligations, profilesLabel } from './obligations.view.js';

/** Who reads the card: staff see how a contact not on Slack is reached (its e-mail). */
export interface ContactsViewer {
  staff: boolean;
}

/** A contact's trainings still due, counted: "1 training overdue · 2 trainings to do". */
function trainingsDue(ctx: ViewContext, items: ObligationItem[]): string | undefined {
  const f = fmt(ctx);
  const c = ctx.m.contacts;
  const counts = countObligations(items);
  const parts = [
    [counts.overdue, c.trainingsOverdue],
    [counts.outstanding, c.trainingsToDo],
    [counts.pending, c.trainingsPending],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, forms]) => f.count(n, forms));
  return said.length ? said.join(' · ') : undefined;
}

function contactLine(
  ctx: ViewContext,
  contact: ContactRow,
  trainings: ObligationItem[],
  viewer: ContactsViewer,
): string {
  const c = ctx.m.contacts;
  const parts = [mention(contact.slackUserId, contact.name)];
  if (contact.profiles.length) parts.push(profilesLabel(ctx, contact.profiles));
  if (contact.referentProfiles.length) parts.push(c.referent(profilesLabel(ctx, contact.referentProfiles)));
  if (!contact.slackUserId)
    parts.push(contact.email ? c.byEmail(viewer.staff ? escapeMrkdwn(contact.email) : '') : c.unreachable);
  const due = trainingsDue(ctx, trainings);
  if (due) parts.push(`_${due}_`);
  return `${ctx.m.bullet} ${parts.join(' · ')}`;
}

/**
 * The partner's contacts, one line each: profiles, the referent roles it holds, how it is reached when not
 * on Slack, its own trainings still due; then the profiles and referents the program asks for that no
 * contact fills.
 */
export function contactsView(ctx: ViewContext, status: PartnerStatus, viewer: ContactsViewer): View {
  const f = fmt(ctx);
  const c = ctx.m.contacts;
  const o = ctx.m.obligations;
  const { partner, contacts } = status.record;
  const trainingsOf = (contact: ContactRow) =>
    status.obligations.filter(
      (i) =>
        i.obligation.kind === 'training' &&
        i.status !== 'done' &&
        i.actor.kind === 'contact' &&
        i.actor.contact.id === contact.id,
    );
  const lines = [...contacts]
    .sort((a, b) => a.name.localeCompare(b.name, ctx.locale))
    .map((contact) => contactLine(ctx, contact, trainingsOf(contact), viewer));
  const missing = new Set<string>();
  for (const { actor } of status.obligations)
    if (actor.kind === 'no-contact' || actor.kind === 'no-referent')
      missing.add(`${actor.kind}:${actor.profile}`);
  const missingLines = ctx.catalog.profiles.flatMap(({ code, label }) => {
    const name = f.text(label);
    return [
      missing.has(`no-contact:${code}`) ? `${ctx.m.bullet} ${o.noContact(name)}` : undefined,
      missing.has(`no-referent:${code}`) ? `${ctx.m.bullet} ${o.noReferent(name)}` : undefined,
    ].filter((line): line is string => line !== undefined);
  });

  const summary = f.count(contacts.length, c.count);
  const blocks: KnownBlock[] = [header(c.title(partner.name)), context(summary)];
  if (lines.length) blocks.push(...lineSections(lines, { maxBlocks: 40, more: f.more }));
  else blocks.push(section(c.none));
  if (missingLines.length) blocks.push(section([c.missingTitle, ...missingLines].join('\n')));
  const trainings = viewer.staff ? `/partner trainings ${escapeMrkdwn(partner.id)}` : '/partner trainings';
  blocks.push(context(c.trainingsHint(trainings)));
  blocks.push(...actions([shareButton(ctx, partner.id, 'contacts')]));
  return view(c.text(escapeMrkdwn(partner.name), summary), blocks);
}
