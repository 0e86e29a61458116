import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { handleQuestion, installationTeam, isNoQuestion, type MessageLike } from './assistant-question.js';

/**
 * message.im: a question written in the bot's Messages tab, answered in its thread. Replies inside a
 * thread of the DM (and the assistant panel's threads) are the Assistant's (assistant.event.ts), which
 * takes them before this listener.
 */
export function directMessage(deps: ListenerDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    const message = event as MessageLike & { channel_type?: string };
    if (message.channel_type !== 'im' || isNoQuestion(message)) return;
    await handleQuestion(deps, client, {
      eventId: body.event_id,
      userId: message.user!,
      text: message.text!,
      surface: 'direct',
      channelId: message.channel,
      threadTs: message.thread_ts ?? message.ts,
      userTeamId: message.user_team ?? message.team,
      botTeamId: installationTeam(body),
    });
  };
}

export function registerDirectMessages(app: App, deps: ListenerDeps): void {
  app.event('message', directMessage(deps));
}
