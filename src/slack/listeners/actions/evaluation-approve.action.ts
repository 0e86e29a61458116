import { approveEvaluation } from '../../../services/evaluation-approval.service.js';
import { evaluationValue } from '../../ids.js';
import type { KnownBlock } from '../../views/blocks.js';
import { approvalRefusal, approvedPreview } from '../../views/job-replies.view.js';
import type { ListenerDeps } from '../deps.js';
import { buttonListener, ephemeral } from './button.js';

/** Approve on an evaluation preview: an admin releases the held announcements. */
export function evaluationApprove(deps: ListenerDeps) {
  return buttonListener(evaluationValue, async ({ body, respond }, value) => {
    const locale = deps.config.LOCALE;
    const outcome = await approveEvaluation(deps.db, {
      semester: value.s,
      by: body.user.id,
      now: deps.now(),
    });
    if (outcome.status !== 'approved')
      return void (await respond(ephemeral(approvalRefusal(outcome, locale))));
    const blocks = (body.message?.blocks ?? []) as KnownBlock[];
    await respond({
      replace_original: true,
      ...approvedPreview(blocks, body.user.id, outcome.released, locale),
    });
  });
}
