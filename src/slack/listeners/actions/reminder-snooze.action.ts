import { snoozeReminder } from '../../../services/reminder-actions.service.js';
import { reminderItemValue } from '../../ids.js';
import { reminderSnoozeReply } from '../../views/job-replies.view.js';
import type { ListenerDeps } from '../deps.js';
import { buttonListener, ephemeral } from './button.js';

/** A snooze button's value: a reminder item and how many days. */
const snoozeValue = reminderItemValue.required({ d: true });

/** Snooze 1 or 7 days on a training reminder. */
export function reminderSnooze(deps: ListenerDeps) {
  return buttonListener(snoozeValue, async ({ body, respond }, value) => {
    const outcome = await snoozeReminder(deps.db, deps.catalog, {
      partnerId: value.p,
      obligation: value.o,
      contactId: value.c,
      days: value.d,
      by: body.user.id,
      // The clicker's own team: in a Slack Connect channel, people of other organisations click too.
      ...(body.user.team_id ? { team: body.user.team_id } : {}),
      today: deps.today(),
    });
    await respond(ephemeral(reminderSnoozeReply(outcome, deps.config.LOCALE)));
  });
}
