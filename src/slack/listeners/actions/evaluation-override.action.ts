import { announcementMessages } from '../../../i18n/announcements.js';
import { identifyActor, isAdmin } from '../../../services/actor.service.js';
import { evaluationChanges } from '../../../services/evaluation-approval.service.js';
import { evaluationValue } from '../../ids.js';
import { evaluationOverrideModal } from '../../views/job-replies.view.js';
import type { ListenerDeps } from '../deps.js';
import { buttonListener, ephemeral } from './button.js';

/**
 * Override on an evaluation preview opens the modal listing the changed partners, for admins only: the
 * list names every changed partner's old and new tier, which nobody else may read.
 */
export function evaluationOverride(deps: ListenerDeps) {
  return buttonListener(evaluationValue, async ({ body, client, respond }, value) => {
    const locale = deps.config.LOCALE;
    const m = announcementMessages[locale];
    if (!isAdmin(await identifyActor(deps.db, body.user.id)))
      return void (await respond(ephemeral(m.preview.forbidden)));
    const changes = await evaluationChanges(deps.db, value.s);
    if (changes.length === 0) return void (await respond(ephemeral(m.override.noChange)));
    await client.views.open({
      trigger_id: body.trigger_id,
      view: evaluationOverrideModal(deps.catalog, locale, value.s, body.channel?.id, changes),
    });
  });
}
