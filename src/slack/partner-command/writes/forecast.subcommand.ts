import { objectivesMessages } from '../../../i18n/objectives.js';
import { giveForecast } from '../../../services/sales-plan.service.js';
import { ACTION_IDS } from '../../ids.js';
import { forecastGivenView } from '../../views/sales-plan.view.js';
import { forecastModal } from '../../views/sales-plan-modals.view.js';
import { writeRefusedView } from '../../views/write-replies.view.js';
import type { CommandContext, Subcommand } from '../types.js';
import { anchoredReadings } from './args.js';
import {
  anchorMissingReply,
  modalReply,
  partnerForForm,
  resolveWritePartner,
  writeContext,
} from './common.js';
import { QUARTER_TOKEN } from './objective.subcommand.js';

/** The form's partner: a contact's own, else a button's or the channel's. */
async function formPartner(ctx: CommandContext) {
  if (ctx.actor.kind === 'contact') return ctx.deps.partners.byId(ctx.actor.contact.partnerId);
  return partnerForForm(ctx);
}

/**
 * `forecast [partner] <YYYY-Qn> <amount>`, anchored on the quarter; alone, the form. Staff about any
 * partner; a contact about its own (naming another gets the usual refusal). Audited.
 */
export const forecastSubcommand: Subcommand = {
  name: 'forecast',
  aliases: ['prevision', 'prévision', 'previsions', 'prévisions', 'forecasts'],
  access: 'partner',
  help: (m) => objectivesMessages[m.locale].help.forecast,
  async run(ctx) {
    const w = writeContext(ctx);
    const o = objectivesMessages[ctx.view.locale];
    const forecastUsage = o.usage.forecast.replace(
      '{days}',
      String(ctx.deps.catalog.salesObjectives.forecastDueDays),
    );
    const usage = [forecastUsage, w.w.usage.quotes];
    if (!ctx.args)
      return modalReply(w, forecastModal(w, { partner: await formPartner(ctx), origin: 'command' }));
    const readings = anchoredReadings(ctx.args, (t) => QUARTER_TOKEN.test(t));
    if (readings.length === 0) return anchorMissingReply(w, o.anchorQuarter, usage);
    const resolved = await resolveWritePartner(ctx, readings, ACTION_IDS.giveForecast, forecastUsage);
    if (resolved.kind === 'reply') return resolved.reply;
    const result = await giveForecast(
      ctx.deps.db,
      ctx.deps.catalog,
      {
        by: ctx.actor.slackUserId,
        partnerId: resolved.partner.id,
        quarter: resolved.reading.anchor,
        amount: resolved.reading.rest.join(' '),
        now: ctx.deps.now(),
      },
      ctx.view.today,
    );
    return result.ok ? forecastGivenView(w, result.value) : writeRefusedView(w, result.issues, usage);
  },
};
