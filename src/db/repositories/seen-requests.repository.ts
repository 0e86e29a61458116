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
      const [first] = await this.firstTimes([{ key: value, expiresAt }], now);
      return first!;
    },
    /**
     * `firstTime` for many keys in one statement, answered in order. A key given twice is new once, the
     * first time (one row cannot be written twice by one statement); its expiry is the last one given.
     */
    async firstTimes(entries: { key: string; expiresAt: Date }[], now: Date): Promise<boolean[]> {
      if (entries.length === 0) return [];
      // In one order whoever inserts: two statements inserting the same new keys in opposite orders would
      // wait on each other's rows until PostgreSQL's deadlock check.
      const unique = [...new Map(entries.map((e) => [e.key, e])).values()].sort((a, b) =>
        a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
      );
      const result = await db.execute(sql`
        insert into ${name} (${key}, expires_at)
        values ${sql.join(
          unique.map((e) => sql`(${e.key}, ${e.expiresAt.toISOString()}::timestamptz)`),
          sql`, `,
        )}
        on conflict (${key}) do update set expires_at = excluded.expires_at
          where ${name}.expires_at <= ${now.toISOString()}::timestamptz
        returning ${key} as key`);
      if (now.getTime() - lastCleanup >= CLEANUP_EVERY_MS) {
        lastCleanup = now.getTime();
        await this.deleteExpired(now);
      }
      const fresh = new Set(rowsOf<{ key: string }>(result).map((r) => r.key));
      return entries.map((e) => fresh.delete(e.key));
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
    /**
     * For each signature, in order: true the first time it is seen (and records it until its expiresAt),
     * false for a replay. One statement for all (the replay checks of the moment, batched).
     */
    rememberAll: (entries: { signature: string; expiresAt: Date }[], now: Date) =>
      keys.firstTimes(
        entries.map((e) => ({ key: e.signature, expiresAt: e.expiresAt })),
        now,
      ),
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
