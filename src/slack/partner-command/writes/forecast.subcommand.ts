import { objectivesMessages } from '../../../i18n/objectives.js';
import { giveForecast } from '../../../services/sales-plan.service.js';
import { ACTION_IDS } from '../../ids.js';
import { forecastGivenView } from '../../views/sales-plan.view.js';
import { forecastModal } from '../../views/sales-plan-modals.view.js';
import type { CommandContext, Subcommand } from '../types.js';
import { anchoredWrite, partnerForForm, partnerFormReply, writeContext } from './common.js';
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
  run(ctx) {
    const w = writeContext(ctx);
    const o = objectivesMessages[ctx.view.locale];
    const days = String(ctx.deps.catalog.salesObjectives.forecastDueDays);
    return anchoredWrite(ctx, {
      form: () => partnerFormReply(ctx, forecastModal, formPartner(ctx)),
      isAnchor: (t) => QUARTER_TOKEN.test(t),
      anchorName: o.anchorQuarter,
      usage: [o.usage.forecast.replace('{days}', days), w.w.usage.quotes],
      openForm: ACTION_IDS.giveForecast,
      record: (base, { anchor, rest }) =>
        giveForecast(
          ctx.deps.db,
          ctx.deps.catalog,
          { ...base, quarter: anchor, amount: rest.join(' ') },
          ctx.view.today,
        ),
      confirm: (r) => forecastGivenView(w, r),
    });
  },
};
