import type { Locale } from '../../../program/catalog.schema.js';
import { markObligationDone, type ObligationDoneOutcome } from '../../../services/obligation-done.service.js';
import { obligationItemValue } from '../../ids.js';
import { handlePartnerCommand } from '../../partner-command/handle.js';
import { obligationsCommand } from '../../partner-command/subcommands.js';
import { section } from '../../views/blocks.js';
import { reminderDoneReply } from '../../views/job-replies.view.js';
import { checklistMarkedView, issueText, type WriteViewContext } from '../../views/write-replies.view.js';
import { type ListenerDeps, userWriteContext } from '../deps.js';
import { publishHome } from '../events/app-home.event.js';
import { buttonListener, ephemeral } from './button.js';

/** What the click did, in words, and whether something is (now) recorded. */
function outcomeNotice(
  ctx: WriteViewContext,
  locale: Locale,
  done: ObligationDoneOutcome,
): { recorded: boolean; text: string } {
  if (done.kind === 'training') {
    const { status } = done.outcome;
    return {
      recorded: status === 'confirmed' || status === 'pending' || status === 'already-done',
      text: reminderDoneReply(done.outcome, locale),
    };
  }
  if (done.result.ok) return { recorded: true, text: checklistMarkedView(ctx, done.result.value).text };
  return { recorded: false, text: `:x: ${done.result.issues.map((i) => issueText(ctx, i)).join(' ')}` };
}

/**
 * Mark done (staff) / I've done it (the item's contact) on a `/partner obligations` (or `trainings`) item,
 * or on the contact's own trainings of its Home tab.
 * Recorded as its own command would; then the same card is shown again, up to date, with what was done on
 * top. A refusal
 * is said below the list, which stays.
 */
export function obligationDone(deps: ListenerDeps) {
  return buttonListener(obligationItemValue, async ({ body, client, respond }, value) => {
    const userId = body.user.id;
    const { locale, ctx } = await userWriteContext(deps, client, userId);
    const done = await markObligationDone(
      deps.db,
      deps.catalog,
      {
        partnerId: value.p,
        obligation: value.o,
        contactId: value.c,
        by: userId,
        // The clicker's own team, as on a reminder: in a Slack Connect channel other organisations click too.
        ...(body.user.team_id ? { team: body.user.team_id } : {}),
        today: deps.today(),
      },
      { locale: deps.config.LOCALE },
    );
    const notice = outcomeNotice(ctx, locale, done);
    // Pressed on the Home tab (a contact's own trainings): the tab again, what was done on top.
    if (body.view?.type === 'home')
      return await publishHome(deps, client, userId, { notice: notice.text, locale });
    if (!notice.recorded) {
      await respond(ephemeral(notice.text));
      return;
    }
    const list = await handlePartnerCommand(deps, {
      userId,
      channelId: body.channel?.id ?? body.container?.channel_id,
      text: [obligationsCommand(value.f), ...(value.k ?? [])].join(' '),
      partnerId: value.p,
      locale,
    });
    await respond({
      replace_original: true,
      text: notice.text,
      blocks: [section(notice.text), ...list.blocks],
    });
  });
}
