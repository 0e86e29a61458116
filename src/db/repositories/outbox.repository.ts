import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../client.js';
import { outbox } from '../schema.js';
import { transaction } from '../transaction.js';

export type OutboxRow = typeof outbox.$inferSelect;

/** A message to queue: what src/outbox/enqueue.ts writes. */
export type NewOutboxRow = Pick<
  typeof outbox.$inferInsert,
  | 'dedupeKey'
  | 'kind'
  | 'channel'
  | 'text'
  | 'blocks'
  | 'hold'
  | 'threadTs'
  | 'transport'
  | 'mail'
  | 'fallback'
>;

/** An e-mail's envelope and HTML, in outbox.mail (its plain text is the row's text). */
export interface OutboxMail {
  to: string;
  subject: string;
  html: string;
}

/** What a row queues when Slack refuses it for good: the same message by e-mail. */
export type OutboxFallback = Omit<NewOutboxRow, 'fallback' | 'hold'>;

/** Rows per insert statement. */
const INSERT_CHUNK = 500;

interface ClaimedRow {
  id: string | number;
  dedupe_key: string;
  kind: string;
  channel: string;
  text: string;
  blocks: unknown;
  attempts: number;
  slack_channel: string | null;
  posting_since: string | Date | null;
  thread_ts: string | null;
  transport: 'slack' | 'email';
  mail: unknown;
  fallback: unknown;
}

export interface ClaimedMessage {
  id: number;
  dedupeKey: string;
  kind: string;
  channel: string;
  text: string;
  blocks: unknown[] | null;
  /** Including this one. */
  attempts: number;
  slackChannel: string | null;
  postingSince: Date | null;
  /** A reply in this thread. */
  threadTs: string | null;
  transport: 'slack' | 'email';
  mail: OutboxMail | null;
  fallback: OutboxFallback | null;
}

function parseJson<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

const iso = (d: Date) => d.toISOString();

/** Advisory lock keys (namespace, id) serializing claims across dispatchers. */
export const CLAIM_LOCK = [0x0b0c, 1] as const;

function parseBlocks(value: unknown): unknown[] | null {
  if (value === null || value === undefined) return null;
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(parsed) ? parsed : null;
}

/**
 * The outbox table. Built on a transaction, its writes are part of it: enqueue() is how a change and
 * the messages it causes commit together (the transactional outbox).
 */
export function createOutboxRepository(db: Db) {
  return {
    /**
     * Inserts the messages whose dedupe key is not already in the outbox (queued or sent); the others are
     * left alone. Returns the keys inserted now.
     */
    async insertNew(rows: NewOutboxRow[]): Promise<string[]> {
      const queued: string[] = [];
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const inserted = await db
          .insert(outbox)
          .values(
            // Due now, to the millisecond: the claims compare with the app's clock, which has no
            // microseconds, and a message claimed in the millisecond it was queued would wait a poll.
            rows
              .slice(i, i + INSERT_CHUNK)
              .map((r) => ({ ...r, nextAttemptAt: sql`date_trunc('milliseconds', now())` })),
          )
          .onConflictDoNothing({ target: outbox.dedupeKey })
          .returning({ key: outbox.dedupeKey });
        queued.push(...inserted.map((r) => r.key));
      }
      return queued;
    },

    /**
     * Takes the next message due, marking it 'sending' under a lease: a pending one whose time has come
     * (and no hold), or a 'sending' one whose lease ran out (its dispatcher died). A channel with a message
     * in flight, or one sent less than channelIntervalMs ago, waits: Slack's pace is one message per second
     * per channel, and the check holds across instances since it reads the table. PGlite runs the same
     * statements on its single connection.
     */
    async claimNext(input: {
      now: Date;
      leaseMs: number;
      channelIntervalMs: number;
      instanceId: string;
    }): Promise<ClaimedMessage | undefined> {
      const now = iso(input.now);
      const leaseUntil = iso(new Date(input.now.getTime() + input.leaseMs));
      const recent = iso(new Date(input.now.getTime() - input.channelIntervalMs));
      const claimSql = sql`
        with candidate as (
          select o.id from outbox o
          where ((o.status = 'pending' and o.hold is null and o.next_attempt_at <= ${now}::timestamptz)
              or (o.status = 'sending' and o.lease_until < ${now}::timestamptz))
            and not exists (
              select 1 from outbox b
              where b.channel = o.channel and b.id <> o.id
                and ((b.status = 'sending' and b.lease_until >= ${now}::timestamptz)
                  or (b.status = 'sent' and b.sent_at > ${recent}::timestamptz)))
          order by o.next_attempt_at, o.id
          limit 1
          for update of o skip locked
        )
        update outbox o
        set status = 'sending', attempts = o.attempts + 1, lease_until = ${leaseUntil}::timestamptz,
          claimed_by = ${input.instanceId}
        from candidate c
        where o.id = c.id
        returning o.id, o.dedupe_key, o.kind, o.channel, o.text, o.blocks, o.attempts, o.slack_channel,
          o.posting_since, o.thread_ts, o.transport, o.mail, o.fallback`;
      // Claims take turns (a transaction-scoped advisory lock, a few ms each): the channel check then
      // always sees the message another dispatcher just claimed in the same channel.
      // Being serialized, a claim must hold the lock briefly (bench/PERFORMANCE.md):
      // - its commit does not wait for the WAL flush (synchronous_commit off, this transaction only): the
      //   lock was held through an fsync per claim. Safe: a claim lost in a crash only returns the message
      //   to pending before anything was posted, and markPosting's own (synchronous) commit flushes the
      //   WAL up to and including the claim before any post;
      // - no sort (this transaction only): the claim must walk outbox_claim_idx in order and stop at the
      //   first free channel. Right after thousands of messages are queued the table has no statistics
      //   yet, and the planner then preferred checking every due message and sorting them: 25 ms a claim
      //   with 5 000 queued, instead of well under 1 ms;
      // - the statements are sent together (postgres.js pipelines them on the transaction's connection):
      //   the claim still starts, with a fresh snapshot, only once the lock is granted.
      const result = await transaction(db, async (tx) => {
        const [, , , claimed] = await Promise.all([
          tx.execute(sql`set local synchronous_commit = off`),
          tx.execute(sql`set local enable_sort = off`),
          tx.execute(sql`select pg_advisory_xact_lock(${CLAIM_LOCK[0]}, ${CLAIM_LOCK[1]})`),
          tx.execute(claimSql),
        ]);
        return claimed;
      });
      const [row] = rowsOf<ClaimedRow>(result);
      if (!row) return undefined;
      return {
        id: Number(row.id),
        dedupeKey: row.dedupe_key,
        kind: row.kind,
        channel: row.channel,
        text: row.text,
        blocks: parseBlocks(row.blocks),
        attempts: Number(row.attempts),
        slackChannel: row.slack_channel,
        postingSince: row.posting_since === null ? null : new Date(row.posting_since),
        threadTs: row.thread_ts ?? null,
        transport: row.transport,
        mail: parseJson<OutboxMail>(row.mail),
        fallback: parseJson<OutboxFallback>(row.fallback),
      };
    },

    /** Where the message goes, written before posting so a later attempt knows where to look for it. */
    async setSlackChannel(id: number, slackChannel: string): Promise<void> {
      await db.update(outbox).set({ slackChannel }).where(eq(outbox.id, id));
    },

    /**
     * From now on a post may be on its way: keeps the earliest such time. With `claim`, only while the
     * message is still that claimant's (its lease renewed to leaseUntil): undefined when another took it
     * over meanwhile (the lease ran out while waiting for the workspace budget), and nothing is posted.
     */
    async markPosting(
      id: number,
      now: Date,
      claim?: { instanceId: string; leaseUntil: Date },
    ): Promise<Date | undefined> {
      const [row] = await db
        .update(outbox)
        .set({
          postingSince: sql`coalesce(${outbox.postingSince}, ${iso(now)}::timestamptz)`,
          ...(claim ? { leaseUntil: claim.leaseUntil } : {}),
        })
        .where(
          claim
            ? and(eq(outbox.id, id), eq(outbox.status, 'sending'), eq(outbox.claimedBy, claim.instanceId))
            : eq(outbox.id, id),
        )
        .returning({ postingSince: outbox.postingSince });
      if (!row) return claim ? undefined : now;
      return row.postingSince ?? now;
    },

    /** False when the row was no longer ours (a lease ran out and someone else took it). */
    async markSent(
      id: number,
      instanceId: string,
      input: { ts: string; slackChannel: string; now: Date },
    ): Promise<boolean> {
      const rows = await db
        .update(outbox)
        .set({
          status: 'sent',
          slackTs: input.ts,
          slackChannel: input.slackChannel,
          sentAt: input.now,
          leaseUntil: null,
          postingSince: null,
          lastError: null,
        })
        .where(and(eq(outbox.id, id), eq(outbox.status, 'sending'), eq(outbox.claimedBy, instanceId)))
        .returning({ id: outbox.id });
      return rows.length > 0;
    },

    /** Back to pending, to be tried again at `at`. */
    async reschedule(
      id: number,
      instanceId: string,
      input: { at: Date; error: string | null; countAttempt: boolean; clearPosting: boolean },
    ): Promise<void> {
      await db
        .update(outbox)
        .set({
          status: 'pending',
          nextAttemptAt: input.at,
          leaseUntil: null,
          lastError: input.error,
          ...(input.countAttempt ? {} : { attempts: sql`greatest(0, ${outbox.attempts} - 1)` }),
          ...(input.clearPosting ? { postingSince: null } : {}),
        })
        .where(and(eq(outbox.id, id), eq(outbox.status, 'sending'), eq(outbox.claimedBy, instanceId)));
    },

    /**
     * Failed for good. With a fallback (a reminder's e-mail), the fallback is queued in the same
     * transaction, so a refused DM is never just dropped; the failed row names it.
     */
    async markFailed(
      id: number,
      instanceId: string,
      input: { error: string; clearPosting: boolean; fallback?: OutboxFallback | null },
    ): Promise<void> {
      await transaction(db, async (tx) => {
        const fallback = input.fallback;
        const error = fallback
          ? `${input.error}; sent by e-mail instead (${fallback.dedupeKey})`
          : input.error;
        const failed = await tx
          .update(outbox)
          .set({
            status: 'failed',
            leaseUntil: null,
            lastError: error,
            ...(input.clearPosting ? { postingSince: null } : {}),
          })
          .where(and(eq(outbox.id, id), eq(outbox.status, 'sending'), eq(outbox.claimedBy, instanceId)))
          .returning({ id: outbox.id });
        if (fallback && failed.length > 0)
          await tx.insert(outbox).values(fallback).onConflictDoNothing({ target: outbox.dedupeKey });
      });
    },

    /** Slack rate-limited this channel: everything pending for it waits until `until`. */
    async deferChannel(channel: string, until: Date): Promise<void> {
      await db
        .update(outbox)
        .set({ nextAttemptAt: sql`greatest(${outbox.nextAttemptAt}, ${iso(until)}::timestamptz)` })
        .where(and(eq(outbox.channel, channel), eq(outbox.status, 'pending')));
    },

    /** Pending, held, sending and failed messages, oldest first. */
    async unsent(limit = 200): Promise<OutboxRow[]> {
      return db
        .select()
        .from(outbox)
        .where(inArray(outbox.status, ['pending', 'sending', 'failed']))
        .orderBy(asc(outbox.id))
        .limit(limit);
    },

    async counts(): Promise<Record<string, number>> {
      const rows = await db
        .select({
          status: outbox.status,
          held: sql<boolean>`${outbox.hold} is not null`,
          n: sql<number>`count(*)::int`,
        })
        .from(outbox)
        .groupBy(outbox.status, sql`${outbox.hold} is not null`);
      const counts: Record<string, number> = {};
      for (const r of rows) {
        const key = r.status === 'pending' && r.held ? 'held' : r.status;
        counts[key] = (counts[key] ?? 0) + Number(r.n);
      }
      return counts;
    },

    /**
     * Failed messages back to pending, with their attempts reset. Retrying is a person's decision: it also
     * clears an unverified earlier attempt, so a message that failed as "delivery uncertain" is posted again.
     */
    async retryFailed(input: { ids?: number[]; now: Date }): Promise<number[]> {
      const rows = await db
        .update(outbox)
        .set({
          status: 'pending',
          attempts: 0,
          nextAttemptAt: input.now,
          postingSince: null,
          leaseUntil: null,
        })
        .where(and(eq(outbox.status, 'failed'), input.ids ? inArray(outbox.id, input.ids) : sql`true`))
        .returning({ id: outbox.id });
      return rows.map((r) => r.id);
    },

    /**
     * Messages this instance claimed and is no longer delivering, back to pending at once (instead of
     * waiting for their lease): after the database stopped answering, a claim or a markSent may have
     * committed without the reply reaching us. A message that may have been posted keeps posting_since,
     * so whoever takes it next looks for it in the history first. One not yet posted gets its attempt back.
     */
    async releaseClaims(input: { instanceId: string; keep: number[]; now: Date }): Promise<number[]> {
      const rows = await db
        .update(outbox)
        .set({
          status: 'pending',
          leaseUntil: null,
          nextAttemptAt: input.now,
          attempts: sql`case when ${outbox.postingSince} is null then greatest(0, ${outbox.attempts} - 1) else ${outbox.attempts} end`,
        })
        .where(
          and(
            eq(outbox.status, 'sending'),
            eq(outbox.claimedBy, input.instanceId),
            input.keep.length > 0 ? notInArray(outbox.id, input.keep) : sql`true`,
          ),
        )
        .returning({ id: outbox.id });
      return rows.map((r) => r.id);
    },

    /**
     * Ends the sessions that have held the claims' lock for more than `olderThanMs` while waiting on their
     * client; how many were ended. A claim holds the lock for milliseconds. A session whose client
     * vanished mid-pipeline (the network dropped the rest of its messages) waits for them in state
     * `active`, which neither statement_timeout nor idle_in_transaction_session_timeout ends: it would hold
     * the lock, and stop every dispatcher's claims, until TCP gives up on the peer (hours). Ending it rolls
     * its claim back. Our own sessions only (same role: pg_terminate_backend allows it).
     */
    async endAbandonedClaimLock(olderThanMs: number): Promise<number> {
      const result = await db.execute(sql`
        select pg_terminate_backend(a.pid) as ended
        from pg_locks l
        join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.granted
          and l.classid = ${CLAIM_LOCK[0]} and l.objid = ${CLAIM_LOCK[1]} and l.objsubid = 2
          and l.database = (select oid from pg_database where datname = current_database())
          and a.pid <> pg_backend_pid()
          and a.wait_event = 'ClientRead'
          and a.state_change < now() - make_interval(secs => ${olderThanMs / 1000})`);
      return rowsOf<{ ended: boolean }>(result).filter((r) => r.ended).length;
    },

    /** When the longest-waiting message became due (pending, not held, its time come), if any. */
    async oldestDue(now: Date): Promise<Date | undefined> {
      const [row] = await db
        .select({ at: sql<string | Date | null>`min(${outbox.nextAttemptAt})` })
        .from(outbox)
        .where(
          and(
            eq(outbox.status, 'pending'),
            isNull(outbox.hold),
            sql`${outbox.nextAttemptAt} <= ${iso(now)}::timestamptz`,
          ),
        );
      return row?.at ? new Date(row.at) : undefined;
    },

    async byId(id: number): Promise<OutboxRow | undefined> {
      const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
      return row;
    },

    /** The pending messages waiting on `hold` go out now; returns their ids. */
    async releaseHold(hold: string, now: Date): Promise<number[]> {
      const rows = await db
        .update(outbox)
        .set({ hold: null, nextAttemptAt: now })
        .where(and(eq(outbox.hold, hold), eq(outbox.status, 'pending')))
        .returning({ id: outbox.id });
      return rows.map((r) => r.id);
    },

    /**
     * Cancels the pending messages waiting on `hold` whose dedupe key starts with one of `keyPrefixes`,
     * noting why in last_error; returns their ids.
     */
    async cancelHeld(hold: string, keyPrefixes: string[], reason: string): Promise<number[]> {
      if (keyPrefixes.length === 0) return [];
      const rows = await db
        .update(outbox)
        .set({ status: 'cancelled', lastError: reason })
        .where(
          and(
            eq(outbox.hold, hold),
            eq(outbox.status, 'pending'),
            sql`(${sql.join(
              keyPrefixes.map((p) => sql`left(${outbox.dedupeKey}, ${p.length}) = ${p}`),
              sql` or `,
            )})`,
          ),
        )
        .returning({ id: outbox.id });
      return rows.map((r) => r.id);
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
