import type { App } from '@slack/bolt';
import { recordChannelInfo } from '../../../services/channel-state.service.js';
import type { ListenerDeps } from '../deps.js';

/**
 * channel_shared / channel_unshared (scopes channels:read, groups:read): a channel joined by, or left
 * by, another organisation. The sharing is recorded, so that no card is posted in a channel shared
 * with another organisation than its partner's. channel_shared is confirmed with conversations.info
 * (the event names only the team that joined); channel_unshared says whether others remain.
 */
export function registerChannelSharing(app: App, deps: ListenerDeps): void {
  app.event('channel_shared', async ({ event, client, logger }) => {
    try {
      const info = await client.conversations.info({ channel: event.channel }).catch(() => undefined);
      await recordChannelInfo(
        deps.db,
        event.channel,
        info?.channel ?? { is_ext_shared: true, shared_team_ids: [event.connected_team_id] },
      );
    } catch (error) {
      logger.error('channel_shared: could not record the channel', error);
    }
  });
  app.event('channel_unshared', async ({ event, client, logger }) => {
    try {
      const info = await client.conversations.info({ channel: event.channel }).catch(() => undefined);
      await recordChannelInfo(
        deps.db,
        event.channel,
        info?.channel ?? { is_ext_shared: event.is_ext_shared },
      );
    } catch (error) {
      logger.error('channel_unshared: could not record the channel', error);
    }
  });
}
