import { writeMessagesFor } from '../../../i18n/writes.js';
import { recordRevenue } from '../../../services/revenue.service.js';
import { ACTION_IDS } from '../../ids.js';
import { revenueModal } from '../../views/write-modals.view.js';
import { revenueRecordedView, writeRefusedView } from '../../views/write-replies.view.js';
import type { Subcommand } from '../types.js';
import { MONTH_TOKEN } from './args.js';
import { modalReply, partnerForForm, resolveAnchoredWrite, writeContext } from './common.js';

/** `revenue <partner> <YYYY-MM> <category> <amount>`, anchored on the month; alone, the form. */
export const revenueSubcommand: Subcommand = {
  name: 'revenue',
  aliases: ['ca', 'chiffre', 'revenu', 'revenus'],
  access: 'staff',
  help: (m) => writeMessagesFor(m).help.revenue,
  async run(ctx) {
    const w = writeContext(ctx);
    const usage = [w.w.usage.revenue, w.w.usage.quotes];
    const resolved = await resolveAnchoredWrite(ctx, {
      form: async () =>
        modalReply(w, revenueModal(w, { partner: await partnerForForm(ctx), origin: 'command' })),
      isAnchor: (t) => MONTH_TOKEN.test(t),
      anchorName: w.w.lookup.anchorMonth,
      usage,
      openForm: ACTION_IDS.recordRevenue,
    });
    if (resolved.kind === 'reply') return resolved.reply;
    const [category = '', ...amount] = resolved.reading.rest;
    const result = await recordRevenue(
      ctx.deps.db,
      ctx.deps.catalog,
      {
        by: ctx.actor.slackUserId,
        partnerId: resolved.partner.id,
        month: resolved.reading.anchor,
        category,
        amount: amount.join(' '),
        now: ctx.deps.now(),
      },
      ctx.view.today,
    );
    return result.ok ? revenueRecordedView(w, result.value) : writeRefusedView(w, result.issues, usage);
  },
};
