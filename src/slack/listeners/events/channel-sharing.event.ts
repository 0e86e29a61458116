import type { AllMiddlewareArgs, App } from '@slack/bolt';
import { type ChannelInfo, recordChannelInfo } from '../../../services/channel-state.service.js';
import type { ListenerDeps } from '../deps.js';

/**
 * channel_shared / channel_unshared (scopes channels:read, groups:read): a channel joined by, or left
 * by, another organisation. The sharing is recorded, so that no card is posted in a channel shared
 * with another organisation than its partner's. channel_shared is confirmed with conversations.info
 * (the event names only the team that joined); channel_unshared says whether others remain.
 */
export function registerChannelSharing(app: App, deps: ListenerDeps): void {
  /** Records what conversations.info says of the channel, or what the event said when Slack does not answer. */
  const record = async (
    eventName: string,
    { client, logger }: Pick<AllMiddlewareArgs, 'client' | 'logger'>,
    channel: string,
    fromEvent: ChannelInfo,
  ) => {
    try {
      const info = await client.conversations.info({ channel }).catch(() => undefined);
      await recordChannelInfo(deps.db, channel, info?.channel ?? fromEvent);
    } catch (error) {
      logger.error(`${eventName}: could not record the channel`, error);
    }
  };
  app.event('channel_shared', ({ event, ...args }) =>
    record('channel_shared', args, event.channel, {
      is_ext_shared: true,
      shared_team_ids: [event.connected_team_id],
    }),
  );
  app.event('channel_unshared', ({ event, ...args }) =>
    record('channel_unshared', args, event.channel, { is_ext_shared: event.is_ext_shared }),
  );
}
