import type { ContactRow } from '../../../db/repositories/contacts.repository.js';
import type { PartnerRow } from '../../../db/repositories/partners.repository.js';
import type { PartnerLookup } from '../../../services/partner-lookup.service.js';
import { lookupPartner } from '../../../services/partner-lookup.service.js';
import { partnerContacts } from '../../../services/trainings.service.js';
import type { WriteIssue, WriteResult } from '../../../services/write-issues.js';
import type { ActionId } from '../../ids.js';
import { context, type ModalView, section, view } from '../../views/blocks.js';
import { messageView } from '../../views/lookup.view.js';
import { otherPartnerRefusalView, strangerRefusalView } from '../../views/refusal.view.js';
import {
  type WriteViewContext,
  writePartnerChoiceView,
  writeRefusedView,
  writeViewContext,
} from '../../views/write-replies.view.js';
import { MAX_QUERY_LENGTH } from '../parse.js';
import type { CommandContext, Reply } from '../types.js';
import { type AnchoredReading, anchoredReadings } from './args.js';
import { membershipPartner } from './membership.js';

export function writeContext(ctx: CommandContext): WriteViewContext {
  return writeViewContext(ctx.view);
}

/** A modal to open, with a short message in the meantime. */
export function modalReply(ctx: WriteViewContext, modal: NonNullable<Reply['modal']>): Reply {
  return { ...messageView(ctx.w.modal.opening), modal };
}

export type WritePartner =
  | { kind: 'found'; partner: PartnerRow; reading: AnchoredReading }
  | { kind: 'reply'; reply: Reply };

/**
 * Picks the reading whose partner text names one partner (see args.ts), else the channel's partner when a
 * reading starts with the anchor, else answers with the first reading's lookup: a choice of partners whose
 * buttons open the form, the closest names, or "which partner?".
 */
export async function resolveWritePartner(
  ctx: CommandContext,
  readings: AnchoredReading[],
  openForm: ActionId,
  usage: string,
): Promise<WritePartner> {
  const w = writeContext(ctx);
  const lookup = (query: string) =>
    lookupPartner(ctx.deps.partners, ctx.actor, query.slice(0, MAX_QUERY_LENGTH), ctx.request.channelId);
  let firstNamed: { reading: AnchoredReading; result: PartnerLookup } | undefined;
  for (const reading of readings) {
    if (!reading.partner) continue;
    const result = await lookup(reading.partner);
    if (result.kind === 'found') return { kind: 'found', partner: result.partner, reading };
    firstNamed ??= { reading, result };
  }
  const unnamed = readings.find((r) => !r.partner);
  if (unnamed) {
    if (ctx.request.partnerId !== undefined) {
      const resolved = await ctx.resolvePartner('');
      if (resolved.kind === 'found') return { kind: 'found', partner: resolved.partner, reading: unnamed };
      return resolved;
    }
    const result = await lookup('');
    if (result.kind === 'found') return { kind: 'found', partner: result.partner, reading: unnamed };
    firstNamed ??= { reading: unnamed, result };
  }
  const outcome = firstNamed?.result ?? { kind: 'unspecified' as const };
  switch (outcome.kind) {
    case 'found':
      return { kind: 'found', partner: outcome.partner, reading: firstNamed!.reading };
    case 'ambiguous':
    case 'none':
      return {
        kind: 'reply',
        reply: writePartnerChoiceView(w, {
          query: firstNamed!.reading.partner,
          candidates: outcome.kind === 'ambiguous' ? outcome.candidates : outcome.suggestions,
          kind: outcome.kind,
          openForm,
        }),
      };
    case 'unspecified':
      return { kind: 'reply', reply: messageView(`${w.w.lookup.unspecified}\n${usage}`) };
    case 'forbidden':
      return {
        kind: 'reply',
        reply:
          ctx.actor.kind === 'contact' ? otherPartnerRefusalView(ctx.view) : strangerRefusalView(ctx.view),
      };
  }
}

/** The partner a form opens on: a button's, or the channel's; none otherwise (the form asks). */
export async function partnerForForm(ctx: CommandContext): Promise<PartnerRow | undefined> {
  if (ctx.request.partnerId !== undefined) {
    const resolved = await ctx.resolvePartner('');
    return resolved.kind === 'found' ? resolved.partner : undefined;
  }
  if (!ctx.request.channelId) return undefined;
  return ctx.deps.partners.byChannel(ctx.request.channelId);
}

/** A form opened from the command, on its partner (partnerForForm's unless given). */
export async function partnerFormReply(
  ctx: CommandContext,
  modal: (w: WriteViewContext, options: { partner: PartnerRow | undefined; origin: 'command' }) => ModalView,
  partner: Promise<PartnerRow | undefined> = partnerForForm(ctx),
): Promise<Reply> {
  const w = writeContext(ctx);
  return modalReply(w, modal(w, { partner: await partner, origin: 'command' }));
}

/** The same with the partner's contacts, for a form that picks one of them. */
export async function partnerContactsFormReply(
  ctx: CommandContext,
  modal: (
    w: WriteViewContext,
    options: { partner: PartnerRow | undefined; contacts: ContactRow[] | undefined; origin: 'command' },
  ) => ModalView,
): Promise<Reply> {
  const w = writeContext(ctx);
  const partner = await partnerForForm(ctx);
  const contacts = partner ? await partnerContacts(ctx.deps.db, partner.id) : undefined;
  return modalReply(w, modal(w, { partner, contacts, origin: 'command' }));
}

/** "I could not find the month", with how to write the command. */
export function anchorMissingReply(w: WriteViewContext, what: string, usage: string[]): Reply {
  const text = `:x: ${w.w.lookup.anchorMissing(what)}`;
  return view(text, [section(text), ...(usage.length ? [context(...usage)] : [])]);
}

/** How an anchored write reads its arguments (see args.ts) and answers when they are incomplete. */
export interface AnchoredWrite {
  /** The form, when the subcommand is typed alone (without one, it says what is missing). */
  form?: () => Promise<Reply>;
  /** The token the other arguments are read around (a month, an item code, a tier). */
  isAnchor: (token: string) => boolean;
  /** What the anchor is, for "I could not find the …". */
  anchorName: string;
  /** How to write the command: its first line also follows "which partner?". */
  usage: string[];
  /**
   * The button that opens the form on one of several partners; without it, a choice among several
   * partners is answered without buttons (membershipPartner).
   */
  openForm?: ActionId;
  /** The arguments to read, when not the subcommand's (`zen list …`: what follows `list`). */
  args?: string;
}

/** The form when alone; else the partner and reading to write with, or the reply saying what is missing. */
export async function resolveAnchoredWrite(ctx: CommandContext, write: AnchoredWrite): Promise<WritePartner> {
  const args = write.args ?? ctx.args;
  if (!args && write.form) return { kind: 'reply', reply: await write.form() };
  const readings = anchoredReadings(args, write.isAnchor);
  if (readings.length === 0)
    return { kind: 'reply', reply: anchorMissingReply(writeContext(ctx), write.anchorName, write.usage) };
  if (write.openForm === undefined) return membershipPartner(ctx, readings, write.usage[0]!);
  return resolveWritePartner(ctx, readings, write.openForm, write.usage[0]!);
}

/** Who writes, on which partner, and when: what every write service is given. */
export interface WriteBase {
  by: string;
  partnerId: string;
  now: Date;
}

/** What a write subcommand does once its partner is found: call its service and reply. */
export interface WriteSteps<T> {
  /** How to write the command, under a refusal. */
  usage: string[];
  /** Calls the service with the reading's values. */
  record: (base: WriteBase, reading: AnchoredReading) => Promise<WriteResult<T>>;
  /** The confirmation. */
  confirm: (value: T) => Reply;
  /** The refusal, when not writeRefusedView with the usage. */
  refuse?: (issues: WriteIssue[]) => Reply;
}

/** The sequence every write shares: find the partner (or answer), call the service, confirm or refuse. */
export async function runWrite<T>(
  ctx: CommandContext,
  resolve: () => Promise<WritePartner>,
  steps: WriteSteps<T>,
): Promise<Reply> {
  const resolved = await resolve();
  if (resolved.kind === 'reply') return resolved.reply;
  const base = { by: ctx.actor.slackUserId, partnerId: resolved.partner.id, now: ctx.deps.now() };
  const result = await steps.record(base, resolved.reading);
  if (result.ok) return steps.confirm(result.value);
  return steps.refuse
    ? steps.refuse(result.issues)
    : writeRefusedView(writeContext(ctx), result.issues, steps.usage);
}

/** An anchored write from its arguments to its reply (resolveAnchoredWrite, then runWrite). */
export function anchoredWrite<T>(ctx: CommandContext, write: AnchoredWrite & WriteSteps<T>): Promise<Reply> {
  return runWrite(ctx, () => resolveAnchoredWrite(ctx, write), write);
}
