import { snoozeReminder } from '../../../services/reminder-actions.service.js';
import { decodeValue, reminderItemValue } from '../../ids.js';
import { reminderSnoozeReply } from '../../views/job-replies.view.js';
import type { ListenerDeps } from '../deps.js';
import { type ButtonArgs, ephemeral } from './button.js';

/** Snooze 1 or 7 days on a training reminder. */
export function reminderSnooze(deps: ListenerDeps) {
  return async ({ ack, body, action, respond, logger }: ButtonArgs) => {
    await ack();
    const value = decodeValue(reminderItemValue, action.value);
    if (!value?.d) return logger.warn(`Ignored a ${action.action_id} button with an unexpected value`);
    try {
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
    } catch (error) {
      logger.error(`${action.action_id}: failed`, error);
    }
  };
}
