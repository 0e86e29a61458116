import { writeMessagesFor } from '../../../i18n/writes.js';
import { recordRevenue } from '../../../services/revenue.service.js';
import { ACTION_IDS } from '../../ids.js';
import { revenueModal } from '../../views/write-modals.view.js';
import { revenueRecordedView } from '../../views/write-replies.view.js';
import type { Subcommand } from '../types.js';
import { MONTH_TOKEN } from './args.js';
import { anchoredWrite, partnerFormReply, writeContext } from './common.js';

/** `revenue <partner> <YYYY-MM> <category> <amount>`, anchored on the month; alone, the form. */
export const revenueSubcommand: Subcommand = {
  name: 'revenue',
  aliases: ['ca', 'chiffre', 'revenu', 'revenus'],
  access: 'staff',
  help: (m) => writeMessagesFor(m).help.revenue,
  run(ctx) {
    const w = writeContext(ctx);
    return anchoredWrite(ctx, {
      form: () => partnerFormReply(ctx, revenueModal),
      isAnchor: (t) => MONTH_TOKEN.test(t),
      anchorName: w.w.lookup.anchorMonth,
      usage: [w.w.usage.revenue, w.w.usage.quotes],
      openForm: ACTION_IDS.recordRevenue,
      record: (base, { anchor, rest: [category = '', ...amount] }) =>
        recordRevenue(
          ctx.deps.db,
          ctx.deps.catalog,
          { ...base, month: anchor, category, amount: amount.join(' ') },
          ctx.view.today,
        ),
      confirm: (r) => revenueRecordedView(w, r),
    });
  },
};
