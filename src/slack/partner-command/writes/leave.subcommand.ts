import { membershipMessages } from '../../../i18n/membership.js';
import { leavePartner } from '../../../services/partner-membership.service.js';
import { membershipRefusedView, partnerLeftView } from '../../views/membership.view.js';
import type { Subcommand } from '../types.js';
import { anchoredWrite, writeContext } from './common.js';

/** A day as typed, valid or not (2026-02-30 is read as the date, then refused as one). */
const DATE_TOKEN = /^\d{4}-\d{1,2}-\d{1,2}$/;

/** `leave <partner> <YYYY-MM-DD> <reason…>`: the partner left the program that day (staff, audited). */
export const leaveSubcommand: Subcommand = {
  name: 'leave',
  aliases: ['quitter', 'depart', 'départ'],
  access: 'staff',
  help: (m) => membershipMessages[m.locale].help.leave,
  run(ctx) {
    const w = writeContext(ctx);
    const mm = membershipMessages[ctx.view.locale];
    const usage = [mm.usage.leave, w.w.usage.quotes];
    return anchoredWrite(ctx, {
      isAnchor: (t) => DATE_TOKEN.test(t),
      anchorName: mm.anchorDate,
      usage,
      record: (base, { anchor, rest }) =>
        leavePartner(ctx.deps.db, { ...base, leftOn: anchor, reason: rest.join(' ') }),
      confirm: (r) => partnerLeftView(w, r),
      refuse: (issues) => membershipRefusedView(w, issues, usage),
    });
  },
};
