import { objectivesMessages } from '../../../i18n/objectives.js';
import { setObjective } from '../../../services/sales-plan.service.js';
import { ACTION_IDS } from '../../ids.js';
import { objectiveSetView } from '../../views/sales-plan.view.js';
import { objectiveModal } from '../../views/sales-plan-modals.view.js';
import type { Subcommand } from '../types.js';
import { anchoredWrite, partnerFormReply, writeContext } from './common.js';

/** A quarter as typed, valid or not (2026-Q5 is read as the quarter, then refused as one). */
export const QUARTER_TOKEN = /^\d{4}-[QT]\d$/i;

/** `objective <partner> <YYYY-Qn> <amount>`, anchored on the quarter; alone, the form (staff, audited). */
export const objectiveSubcommand: Subcommand = {
  name: 'objective',
  aliases: ['objectif', 'objectifs', 'objectives', 'target'],
  access: 'staff',
  help: (m) => objectivesMessages[m.locale].help.objective,
  run(ctx) {
    const w = writeContext(ctx);
    const o = objectivesMessages[ctx.view.locale];
    return anchoredWrite(ctx, {
      form: () => partnerFormReply(ctx, objectiveModal),
      isAnchor: (t) => QUARTER_TOKEN.test(t),
      anchorName: o.anchorQuarter,
      usage: [o.usage.objective, w.w.usage.quotes],
      openForm: ACTION_IDS.setObjective,
      record: (base, { anchor, rest }) =>
        setObjective(ctx.deps.db, { ...base, quarter: anchor, amount: rest.join(' ') }),
      confirm: (r) => objectiveSetView(w, r),
    });
  },
};
