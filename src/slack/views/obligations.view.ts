import type { ObligationsFocus } from '../../assistant/intents.js';
import type { Profile } from '../../program/catalog.schema.js';
import type { ObligationItem, ObligationStatus } from '../../program/obligations.js';
import type { PartnerStatus } from '../../services/partner-status.service.js';
import { ACTION_IDS, encodeValue, type ObligationItemValue } from '../ids.js';
import {
  actions,
  type Button,
  button,
  context,
  header,
  type KnownBlock,
  LIMITS,
  lineSections,
  section,
  type View,
  view,
} from './blocks.js';
import { fmt, shareButton, type ViewContext } from './context.js';
import { code, escapeMrkdwn, mention } from './escape.js';

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
  if (item.status === 'done')
    when = o.doneOn(f.date(item.completedOn ?? item.dueOn), f.label(item.obligation.label));
  else if (item.status === 'pending')
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

/** Who reads the list: staff, or one of the partner's contacts (its contact id), or neither. */
export interface ObligationsViewer {
  staff: boolean;
  contactId?: number | undefined;
  /** Only the trainings: the assistant's answer to a question about them. */
  focus?: ObligationsFocus | undefined;
  /** Only these obligations (their codes), done ones included: "has Acme signed the charter?". */
  codes?: readonly string[] | undefined;
}

/**
 * The button an item carries for this reader, if any: staff mark any item done that someone can do
 * now (not a missed quarter, not an item with nobody to do it); a contact says it has done a training
 * of its own (its own profile or referent item, or a partner-wide one). Checklist items are staff's.
 * The click is authorized again by the services: the button only names the item.
 */
function itemButton(ctx: ViewContext, partnerId: string, item: ObligationItem, viewer: ObligationsViewer) {
  const { actor, obligation } = item;
  if (item.status === 'missed' || item.status === 'done') return undefined;
  if (actor.kind === 'no-contact' || actor.kind === 'no-referent') return undefined;
  const value: ObligationItemValue = {
    p: partnerId,
    o: obligation.code,
    c: actor.kind === 'contact' && obligation.kind === 'training' ? actor.contact.id : null,
    ...(viewer.focus ? { f: viewer.focus } : {}),
    ...(viewer.codes?.length ? { k: [...viewer.codes] } : {}),
  };
  const make = (text: string): Button =>
    button({ text, actionId: ACTION_IDS.obligationDone, value: encodeValue(value) });
  if (viewer.staff) return make(ctx.m.buttons.markDone);
  if (viewer.contactId === undefined || obligation.kind !== 'training' || item.status === 'pending')
    return undefined;
  const own = actor.kind === 'partner' || actor.contact.id === viewer.contactId;
  return own ? make(ctx.m.obligations.declareDone) : undefined;
}

type Row = { line: string; button?: Button | undefined };

/**
 * A contact's own trainings still due (its own profile or referent items), overdue first, each with its
 * "I've done it" button unless it awaits confirmation: the top of a contact's Home tab.
 */
export function ownTrainingBlocks(ctx: ViewContext, status: PartnerStatus, contactId: number): KnownBlock[] {
  const viewer: ObligationsViewer = { staff: false, contactId, focus: 'trainings' };
  const order: ObligationStatus[] = ['overdue', 'outstanding', 'pending'];
  const own = status.obligations
    .filter(
      (i) =>
        i.obligation.kind === 'training' &&
        i.actor.kind === 'contact' &&
        i.actor.contact.id === contactId &&
        order.includes(i.status),
    )
    .sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  return own.map((item) =>
    section(
      `${obligationLine(ctx, item)} · ${code(item.obligation.code)}`,
      itemButton(ctx, status.record.partner.id, item, viewer),
    ),
  );
}

/** For a contact reading its trainings: its own first, then the partner's, then its colleagues'. */
function ownFirst(viewer: ObligationsViewer) {
  const rank = ({ actor }: ObligationItem) =>
    actor.kind === 'contact' && actor.contact.id === viewer.contactId ? 0 : actor.kind === 'partner' ? 1 : 2;
  return (a: ObligationItem, b: ObligationItem) => rank(a) - rank(b);
}

/**
 * Lines packed into sections, an item with a button in a section of its own (the button as its
 * accessory); past `maxBlocks`, the rest as lines without buttons, cut with "… and n more".
 */
function rowSections(rows: Row[], maxBlocks: number, more: (n: number) => string): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let plain: string[] = [];
  const flush = (budget: number) => {
    if (plain.length) blocks.push(...lineSections(plain, { maxBlocks: budget, more }));
    plain = [];
  };
  for (const [i, row] of rows.entries()) {
    if (row.button && blocks.length + (plain.length ? 1 : 0) + 2 > maxBlocks) {
      plain.push(...rows.slice(i).map((r) => r.line));
      break;
    }
    if (!row.button) plain.push(row.line);
    else {
      flush(1);
      blocks.push(section(row.line, row.button));
    }
  }
  flush(Math.max(1, maxBlocks - blocks.length));
  return blocks;
}

export function obligationsView(
  ctx: ViewContext,
  status: PartnerStatus,
  viewer: ObligationsViewer = { staff: false },
): View {
  const f = fmt(ctx);
  const o = ctx.m.obligations;
  const { partner } = status.record;
  const trainingsOnly = viewer.focus === 'trainings';
  const codes = viewer.codes?.length ? new Set(viewer.codes) : undefined;
  const narrowed = trainingsOnly || codes !== undefined;
  const obligations = status.obligations.filter(
    (i) => (!trainingsOnly || i.obligation.kind === 'training') && (!codes || codes.has(i.obligation.code)),
  );
  const counts = countObligations(obligations);
  const summary = obligationsSummary(ctx, counts);
  const rows: Row[] = [];
  const group = (which: ObligationStatus, title: string) => {
    const items = obligations.filter((i) => i.status === which);
    if (trainingsOnly && viewer.contactId !== undefined) items.sort(ownFirst(viewer));
    if (items.length === 0) return;
    rows.push({ line: rows.length ? `\n${title}` : title });
    for (const item of items)
      rows.push({
        // The code `training` and `done` take, discreetly at the end.
        line: `${obligationLine(ctx, item)} · ${code(item.obligation.code)}`,
        button: itemButton(ctx, partner.id, item, viewer),
      });
  };
  group('overdue', o.overdueTitle);
  group('missed', o.missedTitle);
  group('outstanding', o.outstandingTitle);
  group('pending', o.pendingTitle);
  // Asked about these obligations by name, the ones done say so, and when.
  if (codes) group('done', o.doneTitle);

  const labels = [...new Set(obligations.map((i) => i.obligation.label))];
  const title =
    codes && labels.length === 1
      ? o.oneTitle(partner.name, f.text(labels[0]!))
      : trainingsOnly
        ? o.trainingsTitle(partner.name)
        : o.title(partner.name);
  const blocks: KnownBlock[] = [header(title), context(summary)];
  // header, summary, the sections, the done count, the share button: within the message's 50 blocks.
  if (rows.length) blocks.push(...rowSections(rows, LIMITS.blocksPerMessage - 5, f.more));
  else
    blocks.push(
      context(
        codes && obligations.length === 0 ? o.notTheirs : trainingsOnly ? o.noTrainingDue : o.nothingDue,
      ),
    );
  const name = escapeMrkdwn(partner.name);
  if (!narrowed) {
    blocks.push(...actions([shareButton(ctx, partner.id, 'obligations')]));
    return view(o.text(name, summary), blocks);
  }
  // The whole card is a command away (and it is what Share would post); a contact's needs no name.
  const command = viewer.staff ? `/partner obligations ${escapeMrkdwn(partner.id)}` : '/partner obligations';
  blocks.push(context(codes ? o.everyObligation(command) : o.allObligations(command)));
  return view(trainingsOnly ? o.trainingsText(name, summary) : o.text(name, summary), blocks);
}
