import { lt, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../client.js';
import { seenEvents, seenRequestSignatures } from '../schema.js';

/** How often, at most, a repository deletes its expired rows (as a side task of a write). */
const CLEANUP_EVERY_MS = 60_000;

/**
 * A set of keys with an expiry, shared by every instance on the database: `firstTime` records a key and
 * answers true, or answers false when the key is already there and unexpired. An expired key counts as
 * new (and is renewed). Expired rows are deleted at most once a minute, after a write.
 */
function createExpiringKeys(
  db: Db,
  table: typeof seenRequestSignatures | typeof seenEvents,
  keyColumn: 'signature' | 'event_id',
) {
  let lastCleanup = 0;
  const name = sql.identifier(table === seenEvents ? 'seen_events' : 'seen_request_signatures');
  const key = sql.identifier(keyColumn);
  return {
    async firstTime(value: string, expiresAt: Date, now: Date): Promise<boolean> {
      const result = await db.execute(sql`
        insert into ${name} (${key}, expires_at) values (${value}, ${expiresAt.toISOString()}::timestamptz)
        on conflict (${key}) do update set expires_at = excluded.expires_at
          where ${name}.expires_at <= ${now.toISOString()}::timestamptz
        returning 1 as inserted`);
      if (now.getTime() - lastCleanup >= CLEANUP_EVERY_MS) {
        lastCleanup = now.getTime();
        await this.deleteExpired(now);
      }
      return rowsOf(result).length > 0;
    },
    /** Deletes the keys expired at `now`; returns how many. */
    async deleteExpired(now: Date): Promise<number> {
      const rows = await db.delete(table).where(lt(table.expiresAt, now)).returning({ at: table.expiresAt });
      return rows.length;
    },
  };
}

/** Signatures of accepted Slack requests, until their timestamp leaves Slack's 5-minute window. */
export function createSeenSignaturesRepository(db: Db) {
  const keys = createExpiringKeys(db, seenRequestSignatures, 'signature');
  return {
    /** True the first time a signature is seen (and records it until expiresAt); false for a replay. */
    remember: (signature: string, expiresAt: Date, now: Date) => keys.firstTime(signature, expiresAt, now),
    deleteExpired: (now: Date) => keys.deleteExpired(now),
  };
}

/**
 * Events API event_ids already taken (Slack sends an event again, with X-Slack-Retry-Num, when it thinks
 * the first delivery failed: https://docs.slack.dev/apis/events-api/#retries). Any event source can use
 * it: one row per event id, kept a day by default.
 */
export function createSeenEventsRepository(db: Db) {
  const keys = createExpiringKeys(db, seenEvents, 'event_id');
  return {
    /** True the first time an event id is seen (and records it until expiresAt); false for a retry. */
    firstTime: (eventId: string, expiresAt: Date, now: Date) => keys.firstTime(eventId, expiresAt, now),
    deleteExpired: (now: Date) => keys.deleteExpired(now),
  };
}

export type SeenSignaturesRepository = ReturnType<typeof createSeenSignaturesRepository>;
export type SeenEventsRepository = ReturnType<typeof createSeenEventsRepository>;
