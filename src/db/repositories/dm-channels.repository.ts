import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { dmChannels } from '../schema.js';

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
        .onConflictDoUpdate({
          target: dmChannels.slackUserId,
          set: { channelId, updatedAt: sql`now()` },
          setWhere: sql`${dmChannels.channelId} <> excluded.channel_id`,
        });
    },

    async forget(slackUserId: string): Promise<void> {
      await db.delete(dmChannels).where(eq(dmChannels.slackUserId, slackUserId));
    },
  };
}
