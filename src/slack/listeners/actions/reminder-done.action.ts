import { markReminderDone } from '../../../services/reminder-actions.service.js';
import { decodeValue, reminderItemValue } from '../../ids.js';
import { reminderDoneReply } from '../../views/job-replies.view.js';
import type { ListenerDeps } from '../deps.js';
import { type ButtonArgs, ephemeral } from './button.js';

/** Done on a training reminder: recorded as the contact's declaration (or confirmed, for staff). */
export function reminderDone(deps: ListenerDeps) {
  return async ({ ack, body, action, respond, logger }: ButtonArgs) => {
    await ack();
    const value = decodeValue(reminderItemValue, action.value);
    if (!value) return logger.warn(`Ignored a ${action.action_id} button with an unexpected value`);
    // Reminders are written in LOCALE: their buttons answer in it too.
    const locale = deps.config.LOCALE;
    try {
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
    } catch (error) {
      logger.error(`${action.action_id}: failed`, error);
    }
  };
}
