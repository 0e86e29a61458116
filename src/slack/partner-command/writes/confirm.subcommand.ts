import { writeMessagesFor } from '../../../i18n/writes.js';
import { pendingDeclarations } from '../../../services/trainings.service.js';
import { declarationsView } from '../../views/declarations.view.js';
import type { Subcommand } from '../types.js';
import { writeContext } from './common.js';

/** `confirm`: the trainings contacts declared done, each with Confirm and Reject. */
export const confirmSubcommand: Subcommand = {
  name: 'confirm',
  aliases: ['confirmer', 'pending', 'declarations'],
  access: 'staff',
  help: (m) => writeMessagesFor(m).help.confirm,
  async run(ctx) {
    return declarationsView(writeContext(ctx), await pendingDeclarations(ctx.deps.db, ctx.actor));
  },
};
