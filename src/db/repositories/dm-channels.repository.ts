import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { dmChannels } from '../schema.js';
import { whenChanged } from './per-user.js';

/** The DM channel conversations.open gave for each user, kept across restarts. */
export function createDmChannelsRepository(db: Db) {
  return {
    async of(slackUserId: string): Promise<string | undefined> {
      const [row] = await db.select().from(dmChannels).where(eq(dmChannels.slackUserId, slackUserId));
      return row?.channelId;
    },

    async record(slackUserId: string, channelId: string): Promise<void> {
      await db
        .insert(dmChannels)
        .values({ slackUserId, channelId })
        .onConflictDoUpdate(whenChanged(dmChannels.slackUserId, dmChannels.channelId, { channelId }));
    },

    async forget(slackUserId: string): Promise<void> {
      await db.delete(dmChannels).where(eq(dmChannels.slackUserId, slackUserId));
    },
  };
}
