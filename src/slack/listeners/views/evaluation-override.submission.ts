import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { overrideEvaluatedTier } from '../../../services/evaluation-approval.service.js';
import { decodeValue, evaluationValue, MODAL_CALLBACK_IDS } from '../../ids.js';
import { partnerAnnouncements } from '../../views/announcements.view.js';
import { overrideReply } from '../../views/job-replies.view.js';
import type { ListenerDeps } from '../deps.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Where the Override button was clicked: the reply goes there (ephemeral), else by DM. */
const overrideMetadata = evaluationValue.extend({ c: evaluationValue.shape.s.optional() });

/** The evaluation Override modal's submission: the service checks the admin again and records it. */
export function evaluationOverrideSubmission(deps: ListenerDeps) {
  return async ({ ack, body, view, client, logger }: SubmitArgs) => {
    const values = view.state.values;
    const meta = decodeValue(overrideMetadata, view.private_metadata);
    const partnerId = values.partner?.partner?.selected_option?.value;
    const tier = values.tier?.tier?.selected_option?.value;
    const reason = values.reason?.reason?.value?.trim();
    if (!meta || !partnerId || !tier || !reason) return ack();
    try {
      const outcome = await overrideEvaluatedTier(
        deps.db,
        { catalog: deps.catalog, config: deps.config },
        { partnerAnnouncements },
        { semester: meta.s, partnerId, tier, reason, by: body.user.id, now: deps.now() },
      );
      const reply = overrideReply(outcome, deps.catalog, tier, deps.config.LOCALE);
      if ('fieldError' in reply)
        return void (await ack({ response_action: 'errors', errors: { reason: reply.fieldError } }));
      await ack();
      if (meta.c) await client.chat.postEphemeral({ channel: meta.c, user: body.user.id, text: reply.text });
      else await client.chat.postMessage({ channel: body.user.id, text: reply.text });
    } catch (error) {
      logger.error(`${MODAL_CALLBACK_IDS.evaluationOverride}: failed`, error);
    }
  };
}
