import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  RespondArguments,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
} from '@slack/bolt';
import { ACTION_IDS, actionIdPattern, decodeValue, listPageValue, partnerActionValue } from '../../ids.js';
import { withDeadline } from '../../partner-command/deadline.js';
import { handlePartnerCommand } from '../../partner-command/handle.js';
import type { PartnerCommandRequest, Reply } from '../../partner-command/types.js';
import {
  MIN_WORK_MS,
  REPLY_DEADLINE_MS,
  type RequestTiming,
  requestTimingOf,
  timeLeft,
} from '../../request-timing.js';
import { busyView, unavailableView } from '../../views/refusal.view.js';
import type { ListenerDeps } from '../deps.js';
import type { ListenerApp } from '../routes.js';

export const PARTNER_COMMAND = '/partner';

export type CommandHandler = (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;
type ButtonHandler = (
  args: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs,
) => Promise<void>;

function messageOf(reply: Reply): RespondArguments {
  return { response_type: 'ephemeral', text: reply.text, blocks: reply.blocks };
}

/**
 * Runs the core within what is left of the deadline counted from the request's arrival, in its turn
 * (deps.partnerWork bounds the work at once). Too many requests for it to start in time: "busy" at once.
 * Started but not done by the deadline (a database that stopped answering, mostly): "temporarily
 * unavailable", as before; it finishes in the background, its answer dropped.
 */
async function answer(
  deps: ListenerDeps,
  client: AllMiddlewareArgs['client'],
  request: Omit<PartnerCommandRequest, 'locale'>,
  timing: RequestTiming,
): Promise<Reply> {
  let locale = deps.knownLocale(request.userId);
  const work = deps.partnerWork.run(async () => {
    locale = await deps.locales(client, request.userId);
    return handlePartnerCommand(deps, { ...request, locale });
  }, timeLeft(timing, REPLY_DEADLINE_MS) - MIN_WORK_MS);
  return withDeadline(
    work.then((done) => {
      if (done.started) return done.value;
      deps.logger.debug('/partner answered "busy": too many requests to start in time');
      return busyView(locale);
    }),
    Math.max(0, timeLeft(timing, REPLY_DEADLINE_MS)),
    () => {
      deps.logger.warn(
        `/partner took longer than ${REPLY_DEADLINE_MS} ms from its arrival: answered "temporarily unavailable"`,
      );
      return unavailableView(locale);
    },
  );
}

/** `/partner ...`: the whole answer goes in the ack, ephemeral. */
export function partnerCommand(deps: ListenerDeps): CommandHandler {
  return async ({ ack, command, client, logger, context }) => {
    let reply: Reply;
    try {
      reply = await answer(
        deps,
        client,
        { userId: command.user_id, channelId: command.channel_id, text: command.text ?? '' },
        requestTimingOf(context),
      );
    } catch (error) {
      // Never silence: whatever went wrong, Slack gets an answer within its 3 s.
      logger.error('/partner could not answer', error);
      reply = unavailableView(deps.config.LOCALE);
    }
    await ack(messageOf(reply));
    if (reply.modal) {
      await client.views
        .open({ trigger_id: command.trigger_id, view: reply.modal })
        .catch((error: unknown) => logger.error('/partner could not open its modal', error));
    }
    if (reply.afterAck)
      await reply
        .afterAck(client)
        .catch((error: unknown) => logger.error('/partner failed after its ack', error));
  };
}

/**
 * The reply's own buttons, which re-run the command: a choice among matches and a list page replace the
 * message they are on; a list row's "Status" adds a new reply below the list.
 */
function rerun(deps: ListenerDeps, kind: 'choose' | 'open' | 'page'): ButtonHandler {
  return async ({ ack, body, action, client, respond, logger, context }) => {
    const timing = requestTimingOf(context);
    await ack();
    let request: Omit<PartnerCommandRequest, 'locale'> | undefined;
    const base = { userId: body.user.id, channelId: body.channel?.id ?? body.container?.channel_id };
    if (kind === 'page') {
      const value = decodeValue(listPageValue, action.value);
      if (value) request = { ...base, text: `list ${value.f ?? ''} ${value.n}` };
    } else {
      const value = decodeValue(partnerActionValue, action.value);
      if (value) request = { ...base, text: value.s, partnerId: value.p };
    }
    if (!request) {
      logger.warn(`Ignored a ${action.action_id} button with an unexpected value`);
      return;
    }
    // respond() has 30 minutes, but a user who clicked waits: the same deadline as a command.
    const reply = await answer(deps, client, request, timing);
    await respond({ ...messageOf(reply), replace_original: kind !== 'open' }).catch((error: unknown) =>
      logger.error(`${action.action_id}: could not post the reply`, error),
    );
  };
}

/** The /partner command and the buttons of its replies that re-run it (one locale cache for all). */
export function registerPartnerCommand(app: ListenerApp, deps: ListenerDeps) {
  app.command(PARTNER_COMMAND, partnerCommand(deps));
  app.action<BlockAction<ButtonAction>>(actionIdPattern(ACTION_IDS.choosePartner), rerun(deps, 'choose'));
  app.action<BlockAction<ButtonAction>>(actionIdPattern(ACTION_IDS.openPartner), rerun(deps, 'open'));
  app.action<BlockAction<ButtonAction>>(actionIdPattern(ACTION_IDS.listPage), rerun(deps, 'page'));
}
