import { membershipMessages } from '../../../i18n/membership.js';
import { leavePartner } from '../../../services/partner-membership.service.js';
import { membershipRefusedView, partnerLeftView } from '../../views/membership.view.js';
import type { Subcommand } from '../types.js';
import { anchoredReadings } from './args.js';
import { anchorMissingReply, writeContext } from './common.js';
import { membershipPartner } from './membership.js';

/** A day as typed, valid or not (2026-02-30 is read as the date, then refused as one). */
const DATE_TOKEN = /^\d{4}-\d{1,2}-\d{1,2}$/;

/** `leave <partner> <YYYY-MM-DD> <reason…>`: the partner left the program that day (staff, audited). */
export const leaveSubcommand: Subcommand = {
  name: 'leave',
  aliases: ['quitter', 'depart', 'départ'],
  access: 'staff',
  help: (m) => membershipMessages[m.locale].help.leave,
  async run(ctx) {
    const w = writeContext(ctx);
    const mm = membershipMessages[ctx.view.locale];
    const usage = [mm.usage.leave, w.w.usage.quotes];
    const readings = anchoredReadings(ctx.args, (t) => DATE_TOKEN.test(t));
    if (readings.length === 0) return anchorMissingReply(w, mm.anchorDate, usage);
    const resolved = await membershipPartner(ctx, readings, mm.usage.leave);
    if (resolved.kind === 'reply') return resolved.reply;
    const result = await leavePartner(ctx.deps.db, {
      by: ctx.actor.slackUserId,
      partnerId: resolved.partner.id,
      leftOn: resolved.reading.anchor,
      reason: resolved.reading.rest.join(' '),
      now: ctx.deps.now(),
    });
    return result.ok ? partnerLeftView(w, result.value) : membershipRefusedView(w, result.issues, usage);
  },
};
