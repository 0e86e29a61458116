import { zenDirectoryMessages } from '../../../i18n/zen-directory.js';
import { searchKey } from '../../../program/text.js';
import { listInZen, searchExperts, unlistFromZen } from '../../../services/zen-directory.service.js';
import { writeRefusedView } from '../../views/write-replies.view.js';
import { expertsView, zenListedView, zenUnlistedView } from '../../views/zen-directory.view.js';
import type { CommandContext, Reply, Subcommand } from '../types.js';
import { anchoredReadings } from './args.js';
import { anchorMissingReply, writeContext } from './common.js';
import { membershipPartner } from './membership.js';

const FIELDS: Record<string, 'domains' | 'departements' | 'hours'> = {
  domains: 'domains',
  domaines: 'domains',
  domain: 'domains',
  zone: 'departements',
  departements: 'departements',
  hours: 'hours',
  heures: 'hours',
  delai: 'hours',
};

function listArgs(words: string[]) {
  const out = { domains: '', departements: '', hours: '' };
  let current: keyof typeof out | undefined;
  for (const word of words) {
    const field = FIELDS[searchKey(word)];
    if (field) current = field;
    else if (current) out[current] = `${out[current]} ${word}`.trim();
  }
  return out;
}

/** `zen list <partner> domains … zone … hours …` and `zen unlist <partner>` (admins, audited). */
async function zenDirectoryWrite(ctx: CommandContext, verb: 'list' | 'unlist', args: string): Promise<Reply> {
  const w = writeContext(ctx);
  const zm = zenDirectoryMessages[ctx.view.locale];
  const usage = [zm.usage.list, w.w.usage.quotes];
  if (verb === 'unlist') {
    const resolved = await membershipPartner(ctx, [{ partner: args, anchor: '', rest: [] }], zm.usage.list);
    if (resolved.kind === 'reply') return resolved.reply;
    const result = await unlistFromZen(ctx.deps.db, {
      by: ctx.actor.slackUserId,
      partnerId: resolved.partner.id,
    });
    return result.ok ? zenUnlistedView(w, result.value) : writeRefusedView(w, result.issues, usage);
  }
  const readings = anchoredReadings(args, (t) => FIELDS[searchKey(t)] !== undefined);
  if (readings.length === 0) return anchorMissingReply(w, zm.anchor, usage);
  const resolved = await membershipPartner(ctx, readings, zm.usage.list);
  if (resolved.kind === 'reply') return resolved.reply;
  const result = await listInZen(
    ctx.deps.db,
    ctx.deps.catalog,
    {
      by: ctx.actor.slackUserId,
      partnerId: resolved.partner.id,
      ...listArgs([resolved.reading.anchor, ...resolved.reading.rest]),
      now: ctx.deps.now(),
    },
    ctx.view.today,
  );
  return result.ok ? zenListedView(w, result.value) : writeRefusedView(w, result.issues, usage);
}

/** The `zen` read subcommand, with `zen list …` and `zen unlist …` for admins in front of it. */
export function withZenDirectory(zen: Subcommand): Subcommand {
  return {
    ...zen,
    async run(ctx) {
      const [first = '', ...rest] = ctx.args.split(' ');
      const verb = searchKey(first);
      if (verb === 'list' || verb === 'unlist') return zenDirectoryWrite(ctx, verb, rest.join(' '));
      return zen.run(ctx);
    },
  };
}

/** `experts <domain> [département]`: every user, partner contacts included, may look experts up. */
export const expertsSubcommand: Subcommand = {
  name: 'experts',
  aliases: ['expert', 'experts-zen-base', 'installateurs'],
  access: 'everyone',
  help: (m) => zenDirectoryMessages[m.locale].help.experts,
  async run(ctx) {
    const found = await searchExperts(ctx.deps.db, ctx.deps.catalog, ctx.args);
    return expertsView(ctx.view, ctx.args, found);
  },
};
