import { markReminderDone } from '../../../services/reminder-actions.service.js';
import { reminderItemValue } from '../../ids.js';
import { reminderDoneReply } from '../../views/job-replies.view.js';
import type { ListenerDeps } from '../deps.js';
import { buttonListener, ephemeral } from './button.js';

/** Done on a training reminder: recorded as the contact's declaration (or confirmed, for staff). */
export function reminderDone(deps: ListenerDeps) {
  return buttonListener(reminderItemValue, async ({ body, respond }, value) => {
    // Reminders are written in LOCALE: their buttons answer in it too.
    const locale = deps.config.LOCALE;
    const outcome = await markReminderDone(
      deps.db,
      deps.catalog,
      {
        partnerId: value.p,
        obligation: value.o,
        contactId: value.c,
        by: body.user.id,
        // The clicker's own team: in a Slack Connect channel, people of other organisations click too.
        ...(body.user.team_id ? { team: body.user.team_id } : {}),
        today: deps.today(),
      },
      { locale },
    );
    await respond(ephemeral(reminderDoneReply(outcome, locale)));
  });
}
