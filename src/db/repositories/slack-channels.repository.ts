import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { slackChannels } from '../schema.js';

export type SlackChannelRow = typeof slackChannels.$inferSelect;

/** Whether channels are shared outside the workspace (Slack Connect), as Slack last said. */
export function createSlackChannelsRepository(db: Db) {
  return {
    async record(channelId: string, state: { externallyShared: boolean; connectedTeamIds: string[] }) {
      await db
        .insert(slackChannels)
        .values({ channelId, ...state })
        .onConflictDoUpdate({
          target: slackChannels.channelId,
          set: {
            externallyShared: state.externallyShared,
            connectedTeamIds: state.connectedTeamIds,
            updatedAt: sql`now()`,
          },
        });
    },

    async of(channelIds: string[]): Promise<Map<string, SlackChannelRow>> {
      if (channelIds.length === 0) return new Map();
      const rows = await db.select().from(slackChannels).where(inArray(slackChannels.channelId, channelIds));
      return new Map(rows.map((r) => [r.channelId, r]));
    },
  };
}
