import { membershipMessages } from '../../../i18n/membership.js';
import { rejoinPartner } from '../../../services/partner-membership.service.js';
import { membershipRefusedView, partnerRejoinedView } from '../../views/membership.view.js';
import type { Subcommand } from '../types.js';
import { unquotedName } from './args.js';
import { writeContext } from './common.js';
import { membershipPartner } from './membership.js';

/** `rejoin <partner>`: undoes a departure (staff, audited). */
export const rejoinSubcommand: Subcommand = {
  name: 'rejoin',
  aliases: ['revenir', 'retour', 'reintegrer', 'réintégrer'],
  access: 'staff',
  help: (m) => membershipMessages[m.locale].help.rejoin,
  async run(ctx) {
    const w = writeContext(ctx);
    const mm = membershipMessages[ctx.view.locale];
    const resolved = await membershipPartner(
      ctx,
      [{ partner: unquotedName(ctx.args), anchor: '', rest: [] }],
      mm.usage.rejoin,
    );
    if (resolved.kind === 'reply') return resolved.reply;
    const result = await rejoinPartner(ctx.deps.db, {
      by: ctx.actor.slackUserId,
      partnerId: resolved.partner.id,
      now: ctx.deps.now(),
    });
    return result.ok
      ? partnerRejoinedView(w, result.value)
      : membershipRefusedView(w, result.issues, [mm.usage.rejoin]);
  },
};
