import { announcementMessages } from '../../../i18n/announcements.js';
import { identifyActor, isAdmin } from '../../../services/actor.service.js';
import { evaluationChanges } from '../../../services/evaluation-approval.service.js';
import { decodeValue, evaluationValue } from '../../ids.js';
import { evaluationOverrideModal } from '../../views/job-replies.view.js';
import type { ListenerDeps } from '../deps.js';
import { type ButtonArgs, ephemeral } from './button.js';

/**
 * Override on an evaluation preview opens the modal listing the changed partners, for admins only: the
 * list names every changed partner's old and new tier, which nobody else may read.
 */
export function evaluationOverride(deps: ListenerDeps) {
  return async ({ ack, body, action, client, respond, logger }: ButtonArgs) => {
    await ack();
    const value = decodeValue(evaluationValue, action.value);
    if (!value) return logger.warn(`Ignored a ${action.action_id} button with an unexpected value`);
    const locale = deps.config.LOCALE;
    const m = announcementMessages[locale];
    try {
      if (!isAdmin(await identifyActor(deps.db, body.user.id)))
        return void (await respond(ephemeral(m.preview.forbidden)));
      const changes = await evaluationChanges(deps.db, value.s);
      if (changes.length === 0) return void (await respond(ephemeral(m.override.noChange)));
      await client.views.open({
        trigger_id: body.trigger_id,
        view: evaluationOverrideModal(deps.catalog, locale, value.s, body.channel?.id, changes),
      });
    } catch (error) {
      logger.error(`${action.action_id}: failed`, error);
    }
  };
}
