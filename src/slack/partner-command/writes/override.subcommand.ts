import { writeMessagesFor } from '../../../i18n/writes.js';
import { searchKey } from '../../../program/text.js';
import { overrideTier } from '../../../services/tier-override.service.js';
import { ACTION_IDS } from '../../ids.js';
import { overrideModal } from '../../views/write-modals.view.js';
import { tierOverriddenView, writeRefusedView } from '../../views/write-replies.view.js';
import type { Subcommand } from '../types.js';
import { modalReply, partnerForForm, resolveAnchoredWrite, writeContext } from './common.js';

/** `override <partner> <tier> <reason…>`, anchored on a tier code; alone, the form. */
export const overrideSubcommand: Subcommand = {
  name: 'override',
  aliases: ['forcer', 'derogation', 'set-tier'],
  access: 'staff',
  help: (m) => writeMessagesFor(m).help.override,
  async run(ctx) {
    const w = writeContext(ctx);
    const tierCodes = ctx.deps.catalog.tiers.map((t) => t.code);
    const usage = [
      w.w.usage.override.replace('{tiers}', tierCodes.map((c) => `\`${c}\``).join(', ')),
      w.w.usage.quotes,
    ];
    const resolved = await resolveAnchoredWrite(ctx, {
      form: async () =>
        modalReply(w, overrideModal(w, { partner: await partnerForForm(ctx), origin: 'command' })),
      isAnchor: (t) => tierCodes.includes(searchKey(t)),
      anchorName: w.w.lookup.anchorTier,
      usage,
      openForm: ACTION_IDS.overrideTier,
    });
    if (resolved.kind === 'reply') return resolved.reply;
    const result = await overrideTier(
      ctx.deps.db,
      ctx.deps.catalog,
      {
        by: ctx.actor.slackUserId,
        partnerId: resolved.partner.id,
        tier: resolved.reading.anchor,
        reason: resolved.reading.rest.join(' '),
        now: ctx.deps.now(),
      },
      ctx.view.today,
    );
    return result.ok ? tierOverriddenView(w, result.value) : writeRefusedView(w, result.issues, usage);
  },
};
