import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { handleQuestion, installationTeam, isNoQuestion } from './assistant-question.js';

/**
 * app_mention: a question to the bot in any channel it is in, Slack Connect channels included (for a
 * partner's external contacts the only way to ask). Acknowledged by Bolt at once; answered in the
 * question's thread, or to the asker alone when the channel may not read the answer.
 */
export function appMention(deps: ListenerDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    if (isNoQuestion(event)) return;
    await handleQuestion(deps, client, {
      eventId: body.event_id,
      userId: event.user!,
      text: event.text,
      surface: 'channel',
      channelId: event.channel,
      threadTs: event.thread_ts ?? event.ts,
      userTeamId: event.user_team ?? event.user_profile?.team ?? event.team,
      botTeamId: installationTeam(body),
    });
  };
}

export function registerAppMention(app: App, deps: ListenerDeps): void {
  app.event('app_mention', appMention(deps));
}
