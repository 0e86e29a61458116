import { inArray } from 'drizzle-orm';
import type { Locale } from '../../program/catalog.schema.js';
import type { Db } from '../client.js';
import { userLocales } from '../schema.js';
import { whenChanged } from './per-user.js';

export function createUserLocalesRepository(db: Db) {
  return {
    /** Records the language Slack reported for a user (written only when it changed). */
    async remember(slackUserId: string, locale: Locale): Promise<void> {
      await db
        .insert(userLocales)
        .values({ slackUserId, locale })
        .onConflictDoUpdate(whenChanged(userLocales.slackUserId, userLocales.locale, { locale }));
    },

    /** The remembered language of each of these users that has one. */
    async of(slackUserIds: string[]): Promise<Map<string, Locale>> {
      if (slackUserIds.length === 0) return new Map();
      const rows = await db.select().from(userLocales).where(inArray(userLocales.slackUserId, slackUserIds));
      return new Map(rows.map((r) => [r.slackUserId, r.locale]));
    },
  };
}
