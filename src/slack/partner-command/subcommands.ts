import type { ObligationsFocus } from '../../assistant/intents.js';
import { hasLeft } from '../../program/membership.js';
import { isContactOf, isStaff } from '../../services/actor.service.js';
import { loadPartnerStatus, type PartnerStatus } from '../../services/partner-status.service.js';
import { withBenefitUses } from '../views/benefit-uses.view.js';
import { benefitsView } from '../views/benefits.view.js';
import type { View } from '../views/blocks.js';
import { contactsView } from '../views/contacts.view.js';
import { code } from '../views/escape.js';
import { helpView } from '../views/help.view.js';
import { historyView } from '../views/history.view.js';
import { listView } from '../views/list.view.js';
import { messageView } from '../views/lookup.view.js';
import { markedAsLeft, noLongerInProgramView } from '../views/membership.view.js';
import { obligationsView } from '../views/obligations.view.js';
import { programView } from '../views/program.view.js';
import { statusView } from '../views/status.view.js';
import { tierView } from '../views/tier.view.js';
import { zenView } from '../views/zen.view.js';
import { exportSubcommand } from './export.subcommand.js';
import { importSubcommand } from './import.subcommand.js';
import { loadListPage, parseListArgs } from './list.js';
import type { CommandContext, Subcommand } from './types.js';
import { DEPTH_SUBCOMMANDS } from './writes/depth.js';
import { WRITE_SUBCOMMANDS } from './writes/index.js';
import { withZenDirectory } from './writes/zen-directory.subcommand.js';

/**
 * A subcommand about one partner: resolve it from the text (or the channel, or the button), load its
 * status, render. Lookup outcomes other than one partner answer by themselves. A partner that left the
 * program: its contacts, and a channel it is shown to, are told so instead of a card (its history excepted:
 * `keptForLeavers`); staff asking for themselves see the card, marked.
 */
export function partnerSubcommand(
  spec: Omit<Subcommand, 'run' | 'access'>,
  render: (ctx: CommandContext, status: PartnerStatus) => View,
  options: {
    keptForLeavers?: boolean;
    /** The part of the text naming the partner, when the subcommand takes more (default: all of it). */
    partnerQuery?: (ctx: CommandContext) => string;
    /** What to say instead when no partner is found, if the text says more than the lookup can. */
    notFound?: (ctx: CommandContext) => View | undefined;
  } = {},
): Subcommand {
  return {
    ...spec,
    access: 'partner',
    async run(ctx) {
      const resolved = await ctx.resolvePartner(options.partnerQuery?.(ctx) ?? ctx.args);
      if (resolved.kind === 'reply') return options.notFound?.(ctx) ?? resolved.reply;
      const status = await loadPartnerStatus(
        ctx.deps.partners,
        ctx.deps.catalog,
        resolved.partner.id,
        ctx.view.today,
      );
      if (!status) return messageView(ctx.m.lookup.gone);
      const { partner } = status.record;
      if (!hasLeft(partner, ctx.view.today)) return render(ctx, status);
      if (!forStaffOnly(ctx) && !options.keptForLeavers) return noLongerInProgramView(ctx.view, partner);
      return markedAsLeft(ctx.view, render(ctx, status), partner);
    },
  };
}

/** Whether the answer may show what only staff see: asked by staff, for the asker alone. */
function forStaffOnly(ctx: CommandContext): boolean {
  return isStaff(ctx.actor) && ctx.request.audience !== 'channel';
}

/** The subcommand showing a partner's obligations, or only the part of them asked about. */
export function obligationsCommand(focus: ObligationsFocus | undefined): string {
  return focus === 'trainings' ? 'trainings' : 'obligations';
}

/** At most this many obligations named in one command (a button carries them). */
const MAX_CODES = 10;

/**
 * The catalog's obligation codes among a command's words (the codes each obligations line ends with), and
 * the other words, the partner's name: `obligations acme doc-partner-charter`.
 */
export function obligationCodesIn(ctx: CommandContext): ObligationCodesRead {
  const read = codesRead.get(ctx) ?? readObligationCodes(ctx);
  codesRead.set(ctx, read);
  return read;
}

type ObligationCodesRead = { codes: string[]; rest: string; unknown: string[] };
/** A command's codes are read once: the lookup, the viewer and the not-found answer all ask. */
const codesRead = new WeakMap<CommandContext, ObligationCodesRead>();

function readObligationCodes(ctx: CommandContext): ObligationCodesRead {
  const known = new Set(ctx.deps.catalog.obligations.map((o) => o.code));
  // A word shaped like a code (one of the catalog's prefixes, a dash, more) is meant as one.
  const prefixes = new Set([...known].map((code) => code.split('-')[0]));
  const words = ctx.args.split(' ').filter(Boolean);
  const codes = [...new Set(words.map((w) => w.toLowerCase()).filter((w) => known.has(w)))];
  const rest = words.filter((w) => !known.has(w.toLowerCase())).join(' ');
  const unknown = words.filter((w) => {
    const [prefix, ...more] = w.toLowerCase().split('-');
    return !known.has(w.toLowerCase()) && prefixes.has(prefix) && more.join('').length > 0;
  });
  return { codes: codes.slice(0, MAX_CODES), rest, unknown };
}

/**
 * Who reads an obligations card: staff, or the partner's own contact (its trainings have buttons); and
 * the obligations named in the command, if any.
 */
function obligationsViewer(ctx: CommandContext, status: PartnerStatus) {
  const { codes } = obligationCodesIn(ctx);
  return {
    staff: isStaff(ctx.actor),
    contactId: isContactOf(ctx.actor, status.record.partner.id) ? ctx.actor.contact.id : undefined,
    ...(codes.length ? { codes } : {}),
  };
}

/**
 * The partner named beside the codes; a word shaped like a code but none of the catalog's stays in the
 * name (« Com-Net » is a partner's), and is said to be no code when no partner is found.
 */
const PARTNER_BESIDE_CODES = {
  partnerQuery: (ctx: CommandContext) => obligationCodesIn(ctx).rest,
  notFound: (ctx: CommandContext) => {
    const [unknown] = obligationCodesIn(ctx).unknown;
    return unknown ? messageView(ctx.m.obligations.unknownCode(code(unknown.slice(0, 100)))) : undefined;
  },
};

/** The read side of /partner. Write subcommands (revenue, training, ...) are added to SUBCOMMANDS below. */
export const READ_SUBCOMMANDS: readonly Subcommand[] = [
  partnerSubcommand(
    { name: 'status', aliases: ['statut', 'card', 'fiche'], help: (m) => m.help.commands.status },
    (ctx, s) => statusView(ctx.view, s, { staff: forStaffOnly(ctx) }),
  ),
  partnerSubcommand(
    { name: 'tier', aliases: ['grade', 'palier', 'niveau'], help: (m) => m.help.commands.tier },
    (ctx, s) => tierView(ctx.view, s),
  ),
  partnerSubcommand(
    {
      name: 'benefits',
      aliases: ['benefit', 'avantages', 'avantage'],
      help: (m) => m.help.commands.benefits,
    },
    (ctx, s) => benefitsView(ctx.view, s),
  ),
  partnerSubcommand(
    {
      name: 'obligations',
      aliases: ['obligation', 'devoirs', 'devoir', 'todo'],
      help: (m) => m.help.commands.obligations,
    },
    (ctx, s) => obligationsView(ctx.view, s, obligationsViewer(ctx, s)),
    PARTNER_BESIDE_CODES,
  ),
  partnerSubcommand(
    { name: 'trainings', aliases: ['formations'], help: (m) => m.help.commands.trainings },
    (ctx, s) => obligationsView(ctx.view, s, { ...obligationsViewer(ctx, s), focus: 'trainings' }),
    PARTNER_BESIDE_CODES,
  ),
  partnerSubcommand(
    {
      name: 'contacts',
      aliases: ['contact', 'referents', 'referent', 'interlocuteurs'],
      help: (m) => m.help.commands.contacts,
    },
    (ctx, s) => contactsView(ctx.view, s, { staff: forStaffOnly(ctx) }),
  ),
  withZenDirectory(
    partnerSubcommand(
      { name: 'zen', aliases: ['experts-zen', 'expertszen'], help: (m) => m.help.commands.zen },
      (ctx, s) => zenView(ctx.view, s),
    ),
  ),
  partnerSubcommand(
    { name: 'history', aliases: ['historique'], help: (m) => m.help.commands.history },
    (ctx, s) =>
      withBenefitUses(
        ctx.view,
        historyView(ctx.view, s.record, { staff: forStaffOnly(ctx), obligations: s.obligations }),
        s,
      ),
    { keptForLeavers: true },
  ),
  {
    name: 'program',
    aliases: ['programme', 'programm'],
    access: 'everyone',
    help: (m) => m.help.commands.program,
    run: async (ctx) => programView(ctx.view),
  },
  {
    name: 'list',
    aliases: ['liste', 'ls', 'portfolio'],
    access: 'staff',
    help: (m) => m.help.commands.list,
    async run(ctx) {
      const args = parseListArgs(ctx.deps.catalog, ctx.args);
      if ('unknownFilter' in args)
        return messageView(ctx.m.list.unknownFilter(code(args.unknownFilter.slice(0, 100))));
      return listView(ctx.view, await loadListPage(ctx, args));
    },
  },
  {
    name: 'help',
    aliases: ['aide', '?', 'h'],
    access: 'everyone',
    help: (m) => m.help.commands.help,
    run: async (ctx) => helpView(ctx.view, { entries: ctx.helpEntries, audience: ctx.actor.kind }),
  },
];

/**
 * Every subcommand, in help order. To add one: write a Subcommand (access, help line, run) in its own
 * file, e.g. `revenue.subcommand.ts`, and list it here.
 */
export const SUBCOMMANDS: readonly Subcommand[] = [
  ...READ_SUBCOMMANDS,
  ...WRITE_SUBCOMMANDS,
  ...DEPTH_SUBCOMMANDS,
  // Files in and out (issue 12).
  importSubcommand,
  exportSubcommand,
];

export function findSubcommand(table: readonly Subcommand[], word: string): Subcommand | undefined {
  return table.find((s) => s.name === word) ?? table.find((s) => s.aliases?.includes(word));
}
