import type { PartnersRepository } from '../../db/repositories/partners.repository.js';
import { localDate } from '../../program/dates.js';
import { type Actor, canSeePartner, identifyActor } from '../../services/actor.service.js';
import { lookupPartner } from '../../services/partner-lookup.service.js';
import { type ViewContext, viewContext } from '../views/context.js';
import { helpView } from '../views/help.view.js';
import { chooseView, messageView, noMatchView, unspecifiedView } from '../views/lookup.view.js';
import {
  otherPartnerRefusalView,
  staffOnlyRefusalView,
  strangerRefusalView,
  unavailableView,
} from '../views/refusal.view.js';
import { MAX_QUERY_LENGTH, parseCommandText } from './parse.js';
import { findSubcommand, SUBCOMMANDS } from './subcommands.js';
import type {
  Access,
  CommandContext,
  PartnerCommandDeps,
  PartnerCommandRequest,
  PartnerResolution,
  Reply,
  Subcommand,
} from './types.js';

/**
 * Who may run what (decision):
 * - staff (admins and managers): every subcommand, about any partner;
 * - a partner's contact: help, program, and the read subcommands about its own partner only; naming
 *   another partner gets the same refusal whether that partner exists or not; staff-only subcommands
 *   are refused without any lookup;
 * - anyone else (a stranger): help and program, which are the public program, and a polite refusal
 *   pointing to their partner manager or the partner team for everything else.
 */
export function mayRun(actor: Actor, access: Access): boolean {
  if (access === 'everyone') return true;
  if (access === 'partner') return actor.kind === 'staff' || actor.kind === 'contact';
  return actor.kind === 'staff';
}

/**
 * `/partner ...`, independent of Bolt: parse, identify the asker, authorize, resolve the partner, render.
 * Never throws: an unexpected failure (the database down, say) answers "temporarily unavailable" and is
 * reported to deps.logger. Read-only for every read subcommand.
 */
export async function handlePartnerCommand(
  deps: PartnerCommandDeps,
  request: PartnerCommandRequest,
): Promise<Reply> {
  try {
    return await route(deps, request);
  } catch (error) {
    deps.logger.error('/partner failed', error);
    return unavailableView(request.locale);
  }
}

async function route(deps: PartnerCommandDeps, request: PartnerCommandRequest): Promise<Reply> {
  const table = SUBCOMMANDS;
  const view = viewContext(deps.catalog, request.locale, localDate(deps.now(), deps.config.PROGRAM_TIMEZONE));
  const parsed = parseCommandText(request.text);
  const actor = request.actor ?? (await identifyActor(deps.db, request.userId));
  const helpEntries = table.filter((s) => s.help && mayRun(actor, s.access)).map((s) => s.help!(view.m));

  const subcommand = findSubcommand(table, parsed.word || 'help');
  if (!subcommand)
    return helpView(view, { entries: helpEntries, audience: actor.kind, unknown: parsed.typedWord });
  if (!mayRun(actor, subcommand.access)) {
    return actor.kind === 'contact' ? staffOnlyRefusalView(view, subcommand.name) : strangerRefusalView(view);
  }

  const { partners } = deps;
  const ctx: CommandContext = {
    deps,
    request,
    actor,
    view,
    m: view.m,
    name: subcommand.name,
    args: parsed.args,
    helpEntries,
    resolvePartner: (query) => resolvePartner({ partners, actor, view, request, subcommand }, query),
  };
  return subcommand.run(ctx);
}

async function resolvePartner(
  env: {
    partners: PartnersRepository;
    actor: Actor;
    view: ViewContext;
    request: PartnerCommandRequest;
    subcommand: Subcommand;
  },
  query: string,
): Promise<PartnerResolution> {
  const { partners, actor, view, request, subcommand } = env;
  const refusal = (): PartnerResolution => ({
    kind: 'reply',
    reply: actor.kind === 'contact' ? otherPartnerRefusalView(view) : strangerRefusalView(view),
  });
  if (request.partnerId !== undefined) {
    if (!canSeePartner(actor, request.partnerId)) return refusal();
    const partner = await partners.byId(request.partnerId);
    return partner ? { kind: 'found', partner } : { kind: 'reply', reply: messageView(view.m.lookup.gone) };
  }
  const typed = query.slice(0, MAX_QUERY_LENGTH);
  const lookup = await lookupPartner(partners, actor, typed, request.channelId);
  switch (lookup.kind) {
    case 'found':
      return { kind: 'found', partner: lookup.partner };
    case 'ambiguous':
      return { kind: 'reply', reply: chooseView(view, typed, subcommand.name, lookup.candidates) };
    case 'none':
      return { kind: 'reply', reply: noMatchView(view, typed, subcommand.name, lookup.suggestions) };
    case 'unspecified': {
      const usage = subcommand.help?.(view.m).usage ?? `/partner ${subcommand.name}`;
      return { kind: 'reply', reply: unspecifiedView(view, usage) };
    }
    case 'forbidden':
      return refusal();
  }
}
