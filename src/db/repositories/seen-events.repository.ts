import { lt } from 'drizzle-orm';
import type { Db } from '../client.js';
import { seenEvents } from '../schema.js';

/** Slack retries an event for up to about 5 minutes (three retries); an hour covers that with margin. */
export const SEEN_EVENT_TTL_MS = 60 * 60_000;

export function createSeenEventsRepository(db: Db) {
  return {
    /**
     * True the first time an event id is seen (and records it), false for a retry of one already taken,
     * by this instance or another: one insert, whose conflict decides. Expired ids are deleted first.
     */
    async firstSight(eventId: string, now: Date, ttlMs = SEEN_EVENT_TTL_MS): Promise<boolean> {
      await db.delete(seenEvents).where(lt(seenEvents.expiresAt, now));
      const inserted = await db
        .insert(seenEvents)
        .values({ eventId, seenAt: now, expiresAt: new Date(now.getTime() + ttlMs) })
        .onConflictDoNothing()
        .returning({ eventId: seenEvents.eventId });
      return inserted.length === 1;
    },
  };
}

export type SeenEventsRepository = ReturnType<typeof createSeenEventsRepository>;
