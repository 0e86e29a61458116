import { zenDirectoryMessages } from '../../../i18n/zen-directory.js';
import { searchKey } from '../../../program/text.js';
import { isAdmin } from '../../../services/actor.service.js';
import {
  listInZen,
  searchExperts,
  unlistFromZen,
  zenListingOf,
} from '../../../services/zen-directory.service.js';
import { zenListModal } from '../../views/depth-modals.view.js';
import { writeRefusedView } from '../../views/write-replies.view.js';
import { expertsView, zenListedView, zenUnlistedView } from '../../views/zen-directory.view.js';
import type { CommandContext, Reply, Subcommand } from '../types.js';
import { anchoredWrite, modalReply, partnerForForm, runWrite, writeContext } from './common.js';
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

/** `zen list <partner> domains … zone … hours …` and `zen unlist <partner>` (admins, audited); `zen list` alone, the form. */
async function zenDirectoryWrite(ctx: CommandContext, verb: 'list' | 'unlist', args: string): Promise<Reply> {
  const w = writeContext(ctx);
  const zm = zenDirectoryMessages[ctx.view.locale];
  const usage = [zm.usage.list, w.w.usage.quotes];
  if (verb === 'unlist') {
    const named = [{ partner: args, anchor: '', rest: [] }];
    return runWrite(ctx, () => membershipPartner(ctx, named, usage[0]!), {
      usage,
      record: ({ by, partnerId }) => unlistFromZen(ctx.deps.db, { by, partnerId }),
      confirm: (r) => zenUnlistedView(w, r),
    });
  }
  return anchoredWrite(ctx, {
    args,
    form: async () => {
      // The form is for admins, as the listing is: anyone else is told so before filling it in.
      if (!isAdmin(ctx.actor)) return writeRefusedView(w, [{ code: 'not-allowed' }], usage);
      const partner = await partnerForForm(ctx);
      const listing = partner ? await zenListingOf(ctx.deps.db, partner.id) : undefined;
      return modalReply(w, zenListModal(w, { partner, listing, origin: 'command' }));
    },
    isAnchor: (t) => FIELDS[searchKey(t)] !== undefined,
    anchorName: zm.anchor,
    usage,
    record: (base, { anchor, rest }) =>
      listInZen(ctx.deps.db, ctx.deps.catalog, { ...base, ...listArgs([anchor, ...rest]) }, ctx.view.today),
    confirm: (r) => zenListedView(w, r),
  });
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
