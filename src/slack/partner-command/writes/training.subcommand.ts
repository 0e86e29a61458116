import { writeMessagesFor } from '../../../i18n/writes.js';
import { recordTraining, trainingObligations } from '../../../services/trainings.service.js';
import { trainingRecordedView, writeRefusedView } from '../../views/write-replies.view.js';
import type { Subcommand } from '../types.js';
import { parseContactText, TRAINING_TOKEN } from './args.js';
import { anchorMissingReply, writeContext } from './common.js';
import { doneFormReply } from './done.subcommand.js';

/**
 * `training <@contact|Slack id|name> <trn-code> [YYYY-MM-DD]`, anchored on the trn- code: staff record
 * it done for a contact (alone: the Mark done form); a contact types `training <trn-code>` and declares its
 * own, pending a manager's confirmation.
 */
export const trainingSubcommand: Subcommand = {
  name: 'training',
  aliases: ['formation', 'trained'],
  access: 'partner',
  help: (m) => writeMessagesFor(m).help.training,
  async run(ctx) {
    const w = writeContext(ctx);
    const isContact = ctx.actor.kind === 'contact';
    const usage = [
      isContact ? w.w.usage.trainingContact : w.w.usage.training,
      w.w.usage.codes(
        trainingObligations(ctx.deps.catalog)
          .map((o) => `\`${o.code}\``)
          .join(', '),
      ),
    ];
    if (!ctx.args && !isContact) return doneFormReply(ctx);
    const tokens = ctx.args.split(' ').filter(Boolean);
    const at = tokens.findIndex((t) => TRAINING_TOKEN.test(t));
    if (at < 0) return anchorMissingReply(w, w.w.lookup.anchorTraining, usage);

    // Staff working in a partner's channel (or on a button's partner) record trainings of its contacts only.
    let partnerId = ctx.request.partnerId;
    if (!isContact && partnerId === undefined && ctx.request.channelId)
      partnerId = (await ctx.deps.partners.byChannel(ctx.request.channelId))?.id;
    const result = await recordTraining(
      ctx.deps.db,
      ctx.deps.catalog,
      {
        by: ctx.actor.slackUserId,
        contact: parseContactText(tokens.slice(0, at).join(' ')),
        training: tokens[at]!,
        completedOn: tokens.slice(at + 1).join(' '),
        partnerId,
        now: ctx.deps.now(),
      },
      ctx.view.today,
      // The manager is told in the asker's language: a partner and its manager usually share one.
      { locale: ctx.view.locale },
    );
    if (!result.ok) return writeRefusedView(w, result.issues, usage);
    return trainingRecordedView(w, result.value, isContact ? 'contact' : 'staff');
  },
};
