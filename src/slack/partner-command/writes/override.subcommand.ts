import { writeMessagesFor } from '../../../i18n/writes.js';
import { searchKey } from '../../../program/text.js';
import { overrideTier } from '../../../services/tier-override.service.js';
import { ACTION_IDS } from '../../ids.js';
import { overrideModal } from '../../views/write-modals.view.js';
import { tierOverriddenView, writeRefusedView } from '../../views/write-replies.view.js';
import type { Subcommand } from '../types.js';
import { anchoredReadings } from './args.js';
import {
  anchorMissingReply,
  modalReply,
  partnerForForm,
  resolveWritePartner,
  writeContext,
} from './common.js';

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
    if (!ctx.args) {
      const partner = await partnerForForm(ctx);
      return modalReply(w, overrideModal(w, { partner, origin: 'command' }));
    }
    const readings = anchoredReadings(ctx.args, (t) => tierCodes.includes(searchKey(t)));
    if (readings.length === 0) return anchorMissingReply(w, w.w.lookup.anchorTier, usage);
    const resolved = await resolveWritePartner(ctx, readings, ACTION_IDS.overrideTier, usage[0]!);
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
