import { membershipMessages } from '../../../i18n/membership.js';
import { rejoinPartner } from '../../../services/partner-membership.service.js';
import { membershipRefusedView, partnerRejoinedView } from '../../views/membership.view.js';
import type { Subcommand } from '../types.js';
import { unquotedName } from './args.js';
import { runWrite, writeContext } from './common.js';
import { membershipPartner } from './membership.js';

/** `rejoin <partner>`: undoes a departure (staff, audited). */
export const rejoinSubcommand: Subcommand = {
  name: 'rejoin',
  aliases: ['revenir', 'retour', 'reintegrer', 'réintégrer'],
  access: 'staff',
  help: (m) => membershipMessages[m.locale].help.rejoin,
  run(ctx) {
    const w = writeContext(ctx);
    const usage = [membershipMessages[ctx.view.locale].usage.rejoin];
    const named = [{ partner: unquotedName(ctx.args), anchor: '', rest: [] }];
    return runWrite(ctx, () => membershipPartner(ctx, named, usage[0]!), {
      usage,
      record: (base) => rejoinPartner(ctx.deps.db, base),
      confirm: (r) => partnerRejoinedView(w, r),
      refuse: (issues) => membershipRefusedView(w, issues, usage),
    });
  },
};
