import { writeMessagesFor } from '../../../i18n/writes.js';
import { searchKey } from '../../../program/text.js';
import { overrideTier } from '../../../services/tier-override.service.js';
import { ACTION_IDS } from '../../ids.js';
import { overrideModal } from '../../views/write-modals.view.js';
import { tierOverriddenView } from '../../views/write-replies.view.js';
import type { Subcommand } from '../types.js';
import { anchoredWrite, partnerFormReply, writeContext } from './common.js';

/** `override <partner> <tier> <reason…>`, anchored on a tier code; alone, the form. */
export const overrideSubcommand: Subcommand = {
  name: 'override',
  aliases: ['forcer', 'derogation', 'set-tier'],
  access: 'staff',
  help: (m) => writeMessagesFor(m).help.override,
  run(ctx) {
    const w = writeContext(ctx);
    const tierCodes = ctx.deps.catalog.tiers.map((t) => t.code);
    const tiers = tierCodes.map((c) => `\`${c}\``).join(', ');
    return anchoredWrite(ctx, {
      form: () => partnerFormReply(ctx, overrideModal),
      isAnchor: (t) => tierCodes.includes(searchKey(t)),
      anchorName: w.w.lookup.anchorTier,
      usage: [w.w.usage.override.replace('{tiers}', tiers), w.w.usage.quotes],
      openForm: ACTION_IDS.overrideTier,
      record: (base, { anchor, rest }) =>
        overrideTier(
          ctx.deps.db,
          ctx.deps.catalog,
          { ...base, tier: anchor, reason: rest.join(' ') },
          ctx.view.today,
        ),
      confirm: (r) => tierOverriddenView(w, r),
    });
  },
};
