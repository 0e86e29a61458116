import { objectivesMessages } from '../../../i18n/objectives.js';
import { setObjective } from '../../../services/sales-plan.service.js';
import { ACTION_IDS } from '../../ids.js';
import { objectiveSetView } from '../../views/sales-plan.view.js';
import { objectiveModal } from '../../views/sales-plan-modals.view.js';
import { writeRefusedView } from '../../views/write-replies.view.js';
import type { Subcommand } from '../types.js';
import { anchoredReadings } from './args.js';
import {
  anchorMissingReply,
  modalReply,
  partnerForForm,
  resolveWritePartner,
  writeContext,
} from './common.js';

/** A quarter as typed, valid or not (2026-Q5 is read as the quarter, then refused as one). */
export const QUARTER_TOKEN = /^\d{4}-[QT]\d$/i;

/** `objective <partner> <YYYY-Qn> <amount>`, anchored on the quarter; alone, the form (staff, audited). */
export const objectiveSubcommand: Subcommand = {
  name: 'objective',
  aliases: ['objectif', 'objectifs', 'objectives', 'target'],
  access: 'staff',
  help: (m) => objectivesMessages[m.locale].help.objective,
  async run(ctx) {
    const w = writeContext(ctx);
    const o = objectivesMessages[ctx.view.locale];
    const usage = [o.usage.objective, w.w.usage.quotes];
    if (!ctx.args)
      return modalReply(w, objectiveModal(w, { partner: await partnerForForm(ctx), origin: 'command' }));
    const readings = anchoredReadings(ctx.args, (t) => QUARTER_TOKEN.test(t));
    if (readings.length === 0) return anchorMissingReply(w, o.anchorQuarter, usage);
    const resolved = await resolveWritePartner(ctx, readings, ACTION_IDS.setObjective, o.usage.objective);
    if (resolved.kind === 'reply') return resolved.reply;
    const result = await setObjective(ctx.deps.db, {
      by: ctx.actor.slackUserId,
      partnerId: resolved.partner.id,
      quarter: resolved.reading.anchor,
      amount: resolved.reading.rest.join(' '),
      now: ctx.deps.now(),
    });
    return result.ok ? objectiveSetView(w, result.value) : writeRefusedView(w, result.issues, usage);
  },
};
