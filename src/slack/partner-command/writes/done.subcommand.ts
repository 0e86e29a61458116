import { writeMessagesFor } from '../../../i18n/writes.js';
import { checklistEntries, markChecklistDone } from '../../../services/checklist.service.js';
import { ACTION_IDS } from '../../ids.js';
import { doneModal } from '../../views/write-modals.view.js';
import { checklistMarkedView } from '../../views/write-replies.view.js';
import type { CommandContext, Subcommand } from '../types.js';
import { ITEM_TOKEN } from './args.js';
import { anchoredWrite, partnerContactsFormReply, writeContext } from './common.js';

/** The form to mark something done, on the channel's (or a button's) partner with its contacts. */
export function doneFormReply(ctx: CommandContext) {
  return partnerContactsFormReply(ctx, doneModal);
}

/** `done <partner> <item-code> [YYYY-MM-DD]`, anchored on the item code; alone, the form. */
export const doneSubcommand: Subcommand = {
  name: 'done',
  aliases: ['fait', 'checklist', 'check'],
  access: 'staff',
  help: (m) => writeMessagesFor(m).help.done,
  run(ctx) {
    const w = writeContext(ctx);
    const codes = checklistEntries(ctx.deps.catalog).map((e) => `\`${e.code}\``);
    return anchoredWrite(ctx, {
      form: () => doneFormReply(ctx),
      isAnchor: (t) => ITEM_TOKEN.test(t),
      anchorName: w.w.lookup.anchorItem,
      usage: [w.w.usage.done, w.w.usage.codes(codes.join(', '))],
      openForm: ACTION_IDS.markDone,
      record: ({ by, partnerId }, { anchor, rest }) =>
        markChecklistDone(
          ctx.deps.db,
          ctx.deps.catalog,
          { by, partnerId, item: anchor, completedOn: rest.join(' ') },
          ctx.view.today,
        ),
      confirm: (r) => checklistMarkedView(w, r),
    });
  },
};
