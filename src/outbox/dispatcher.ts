import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Config } from '../config.js';
import { type Database, type Db, IDLE_IN_TRANSACTION_TIMEOUT_MS } from '../db/client.js';
import { createDmChannelsRepository } from '../db/repositories/dm-channels.repository.js';
import { type ClaimedMessage, createOutboxRepository } from '../db/repositories/outbox.repository.js';
import { createOutboxBudgetRepository } from '../db/repositories/outbox-budget.repository.js';
import type { LevelLogger } from '../logger.js';
import { createDeliveryClient, type DeliveryClient, isUserId, OUTBOX_EVENT_TYPE } from './delivery-client.js';
import { classify, type Failure, RequestTimeoutError, UnverifiableError } from './failures.js';
import { classifyMailError, createSmtpTransport, type MailTransport, messageIdOf } from './mail.js';
import { backoffMs, createTokenBucket, sleep } from './pacing.js';
import { createSharedBudget, SLACK_WORKSPACE_BUDGET } from './shared-budget.js';

/**
 * How fast and how stubbornly the dispatcher delivers.
 *
 * Budgets (decision): Slack allows about one chat.postMessage per second per channel with short bursts,
 * under a workspace-wide limit it does not publish (reported at several hundred a minute). The dispatcher
 * keeps to one message per channel per perChannelIntervalMs (checked in the database, so it holds across
 * instances) and, across instances too (outbox_budgets), to workspacePerSecond messages a second on
 * average with bursts of workspaceBurst: 2 a second (120 a minute) by default, so a 09:00 round of 300 reminders is out in 2.5
 * minutes, 6 000 in 50. A 429 anyway pauses what Slack names (see createDispatcher). Measured on
 * PostgreSQL with 2 000 messages queued, the dispatcher itself costs about 10 ms a message (PGlite 17),
 * far below the budget.
 */
export interface DispatcherLimits {
  perChannelIntervalMs: number;
  workspacePerSecond: number;
  workspaceBurst: number;
  /**
   * Each outbox query's timeout: past it the worker gives up, and later hands back what it held
   * (createClaimGuard). Above the database's own (DATABASE_STATEMENT_TIMEOUT_MS + 1 s of silence).
   */
  databaseTimeoutMs: number;
  /** Each Web API call's timeout. */
  requestTimeoutMs: number;
  /** Attempts before a message is marked failed (429s do not count). */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** How long a claimed message is ours; must exceed a delivery's worst case (3 calls of requestTimeoutMs). */
  leaseMs: number;
  /** How often an idle dispatcher looks for due messages. */
  pollIntervalMs: number;
  /** Messages in flight at once (each in a different channel). */
  concurrency: number;
  /** How far before an unverified attempt the history is searched (clock skew between us and Slack). */
  historyLookbackMs: number;
  /** E-mails a second on average (per instance), in bursts of mailBurst: SMTP servers throttle too. */
  mailPerSecond: number;
  mailBurst: number;
}

export const DEFAULT_DISPATCHER_LIMITS: DispatcherLimits = {
  perChannelIntervalMs: 1_000,
  workspacePerSecond: 2,
  workspaceBurst: 6,
  databaseTimeoutMs: 8_000,
  requestTimeoutMs: 10_000,
  maxAttempts: 5,
  backoffBaseMs: 5_000,
  backoffMaxMs: 10 * 60_000,
  leaseMs: 2 * 60_000,
  pollIntervalMs: 2_000,
  concurrency: 2,
  historyLookbackMs: 2 * 60_000,
  mailPerSecond: 1,
  mailBurst: 5,
};

export interface DispatcherOptions {
  db: Db;
  client: DeliveryClient;
  /** Timestamps written to the outbox; waiting and pacing use real time. */
  clock?: () => Date;
  limits?: Partial<DispatcherLimits>;
  logger?: LevelLogger;
  /** Names this dispatcher in claimed_by; unique per process by default. */
  instanceId?: string;
  /** Sends the outbox's e-mails; without it (no SMTP_URL) an e-mail fails at once, named so. */
  mailer?: MailTransport;
  /** The From of every e-mail (MAIL_FROM). */
  mailFrom?: string;
  /** Asked before each Slack post (MayPost). */
  mayPost?: MayPost;
}

/**
 * Why a message must not be posted where it is addressed (it is then marked failed with that reason, for
 * `partner-bot outbox --retry` once mended), or undefined to post it. Throws when it cannot tell: the
 * message is tried again later, as after a failed call.
 */
export type MayPost = (message: { channel: string; kind: string }) => Promise<string | undefined>;

export type DeliveryOutcome = 'sent' | 'recovered' | 'retry' | 'failed' | 'rate-limited';

export interface Dispatcher {
  readonly instanceId: string;
  /** When a delivery last finished (any outcome), in ms since the epoch: readiness (src/readiness.ts). */
  readonly lastDeliveryAt: number | undefined;
  /** Starts the background loop (idempotent). */
  start(): void;
  /** Stops claiming, lets in-flight deliveries finish, resolves when the loop is idle. */
  stop(): Promise<void>;
  /** Looks for due messages now instead of at the next poll. */
  wake(): void;
  /** Delivers what is due now, one at a time, and resolves when nothing more can be claimed. */
  drain(): Promise<Record<DeliveryOutcome, number>>;
}

type Stage = 'conversations.open' | 'conversations.history' | 'check' | 'chat.postMessage' | 'smtp';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * Delivers the outbox to Slack in the background, never on a request's path.
 *
 * Delivery guarantee: every message is delivered once. A message is marked 'sending' under a lease before
 * it is posted, and every post carries the row's id in its metadata (event_type partner_bot_outbox). When
 * a post's outcome is lost (the request timed out, Slack answered 5xx, or the process died after posting
 * but before recording the ts), the row keeps posting_since; whoever takes it next (after the lease
 * runs out, for a dead process) first looks for that id in the conversation's history
 * (conversations.history, include_all_metadata) and records the message found instead of posting again.
 * If the history cannot be read (missing *:history scope...), the message is marked failed as "delivery
 * uncertain" rather than risk a duplicate; `partner-bot outbox --retry <id>` posts it again on a person's
 * word. The remaining window: a post Slack accepted but has not yet shown in the history when the next
 * attempt looks (the backoff, 5 s at least, makes this unlikely).
 *
 * 429: a chat.postMessage 429 pauses that channel (its pending messages, in the database) for Retry-After;
 * a 429 on any other method pauses this dispatcher entirely. Neither counts as an attempt.
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const limits = { ...DEFAULT_DISPATCHER_LIMITS, ...options.limits };
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger ?? silent;
  const instanceId = options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const repo = withDatabaseTimeout(createOutboxRepository(options.db), limits.databaseTimeoutMs);
  const client = options.client;
  // The workspace's budget is Slack's, whatever the number of instances: counted in the database.
  const bucket = createSharedBudget(
    withDatabaseTimeout(createOutboxBudgetRepository(options.db), limits.databaseTimeoutMs),
    SLACK_WORKSPACE_BUDGET,
    limits.workspacePerSecond,
    limits.workspaceBurst,
  );
  // E-mail has no shared budget of Slack's: the SMTP server's pace, per instance.
  const mailBucket = createTokenBucket(limits.mailPerSecond, limits.mailBurst);
  // DM channel ids, kept in the database too: after a restart a DM is searched in the same conversation.
  const dmChannels = new Map<string, string>();
  const dmRepo = withDatabaseTimeout(createDmChannelsRepository(options.db), limits.databaseTimeoutMs);
  let pausedUntil = 0;
  let stopping = new AbortController();
  let wakeUp = new AbortController();
  let workers: Promise<void>[] = [];
  const claims = createClaimGuard(repo, instanceId, clock);
  let lastDeliveryAt: number | undefined;

  function withTimeout<T>(method: string, call: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    // A little after the client's own timeout, for clients that have none.
    const ms = limits.requestTimeoutMs + 500;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RequestTimeoutError(method, limits.requestTimeoutMs)), ms);
    });
    return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
  }

  /** Without im:write, conversations.open is refused: post to the user id itself (Slack opens the DM). */
  let canOpenDms = true;

  /** The conversation to post in, and whether it can be searched later (a DM's id, not a user id). */
  async function resolveChannel(channel: string): Promise<{ id: string; known: boolean }> {
    if (!isUserId(channel)) return { id: channel, known: true };
    const known = dmChannels.get(channel) ?? (await dmRepo.of(channel));
    if (known) {
      dmChannels.set(channel, known);
      return { id: known, known: true };
    }
    if (!canOpenDms) return { id: channel, known: false };
    try {
      const opened = await withTimeout('conversations.open', client.conversations.open({ users: channel }));
      const id = opened.channel?.id;
      if (!id) throw new Error('conversations.open returned no channel');
      dmChannels.set(channel, id);
      await dmRepo.record(channel, id);
      return { id, known: true };
    } catch (err) {
      const failure = classify(err);
      if (failure.kind !== 'rejected' || failure.message !== 'missing_scope') throw err;
      canOpenDms = false;
      logger.warn('conversations.open refused (missing_scope: im:write): posting DMs to user ids');
      return { id: channel, known: false };
    }
  }

  /** The ts of this row's message if an earlier attempt reached the conversation. */
  async function findEarlierPost(slackChannel: string, row: ClaimedMessage): Promise<string | undefined> {
    const since = (row.postingSince?.getTime() ?? clock().getTime()) - limits.historyLookbackMs;
    const oldest = (since / 1000).toFixed(6);
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const page_ = { channel: slackChannel, oldest, limit: 200, include_all_metadata: true };
      const more = cursor ? { cursor } : {};
      // A reply is not in the channel's history: it is looked for among its thread's replies.
      const result = await withTimeout(
        'conversations.history',
        row.threadTs && client.conversations.replies
          ? client.conversations.replies({ ...page_, ts: row.threadTs, ...more })
          : client.conversations.history({ ...page_, ...more }),
      );
      for (const message of result.messages ?? []) {
        const meta = message.metadata;
        if (
          meta?.event_type === OUTBOX_EVENT_TYPE &&
          String(meta.event_payload?.outbox_id) === String(row.id) &&
          meta.event_payload?.dedupe_key === row.dedupeKey &&
          message.ts
        )
          return message.ts;
      }
      cursor = result.response_metadata?.next_cursor;
      if (!result.has_more || !cursor) return undefined;
    }
    return undefined;
  }

  /**
   * An e-mail: SMTP cannot be asked afterwards whether a message landed, so one sent again after a crash
   * mid-send carries the same Message-ID (messageIdOf), recognisable as the same message.
   */
  async function deliverMail(row: ClaimedMessage): Promise<DeliveryOutcome> {
    const { mailer, mailFrom } = options;
    if (!mailer || !mailFrom || !row.mail) {
      const error = row.mail
        ? 'e-mail is not configured (SMTP_URL, MAIL_FROM)'
        : 'an e-mail without recipient';
      await repo.markFailed(row.id, instanceId, { error, clearPosting: true });
      logger.error(`outbox ${row.id} (${row.dedupeKey}) failed: ${error}`);
      return 'failed';
    }
    try {
      await mailBucket.take();
      await repo.markPosting(row.id, clock());
      const messageId = messageIdOf(row, mailFrom);
      await withTimeout(
        'smtp',
        mailer.send({
          from: mailFrom,
          to: row.mail.to,
          subject: row.mail.subject,
          text: row.text,
          html: row.mail.html,
          messageId,
        }),
      );
      // For an e-mail, slack_ts holds the Message-ID and slack_channel the address.
      await repo.markSent(row.id, instanceId, { ts: messageId, slackChannel: row.channel, now: clock() });
      return 'sent';
    } catch (err) {
      return handleFailure(row, 'smtp', classifyMailError(err));
    }
  }

  async function deliver(row: ClaimedMessage): Promise<DeliveryOutcome> {
    if (row.transport === 'email') return deliverMail(row);
    let stage: Stage = 'conversations.open';
    try {
      let slackChannel = row.slackChannel;
      if (!slackChannel) {
        const resolved = await resolveChannel(row.channel);
        slackChannel = resolved.id;
        if (resolved.known) await repo.setSlackChannel(row.id, slackChannel);
        else if (row.postingSince)
          throw new UnverifiableError('no DM channel to search (conversations.open refused)');
      }
      if (row.postingSince) {
        stage = 'conversations.history';
        const ts = await findEarlierPost(slackChannel, row);
        if (ts) {
          await repo.markSent(row.id, instanceId, { ts, slackChannel, now: clock() });
          logger.info(`outbox ${row.id} (${row.dedupeKey}): found in the history from an earlier attempt`);
          return 'recovered';
        }
      }
      if (options.mayPost) {
        stage = 'check';
        const refusal = await options.mayPost(row);
        if (refusal)
          return handleFailure(row, stage, { kind: 'rejected', permanent: true, message: refusal });
      }
      await bucket.take();
      stage = 'chat.postMessage';
      const now = clock();
      const stillOurs = await repo.markPosting(row.id, now, {
        instanceId,
        leaseUntil: new Date(now.getTime() + limits.leaseMs),
      });
      if (!stillOurs) {
        logger.warn(`outbox ${row.id}: taken over by another dispatcher while waiting for the budget`);
        return 'retry';
      }
      const posted = await withTimeout(
        stage,
        client.chat.postMessage({
          channel: slackChannel,
          text: row.text,
          ...(row.blocks ? { blocks: row.blocks } : {}),
          ...(row.threadTs ? { thread_ts: row.threadTs } : {}),
          metadata: {
            event_type: OUTBOX_EVENT_TYPE,
            event_payload: { outbox_id: String(row.id), dedupe_key: row.dedupeKey },
          },
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      const recorded = await repo.markSent(row.id, instanceId, {
        ts: posted.ts ?? '',
        slackChannel: posted.channel ?? slackChannel,
        now: clock(),
      });
      if (!recorded) logger.warn(`outbox ${row.id}: posted, but another dispatcher had taken it over`);
      return 'sent';
    } catch (err) {
      // The database, not Slack, failed: nothing to record now (the worker hands the message back later).
      if (err instanceof DatabaseTimeoutError) throw err;
      return handleFailure(row, stage, classify(err));
    }
  }

  async function handleFailure(
    row: ClaimedMessage,
    stage: Stage,
    failure: Failure,
  ): Promise<DeliveryOutcome> {
    const now = clock();
    const posted = stage === 'chat.postMessage' || stage === 'smtp';
    const what = `${stage}: ${failure.message}`;
    if (failure.kind === 'rate-limited') {
      const until = new Date(now.getTime() + failure.retryAfterMs);
      if (posted) {
        await repo.deferChannel(row.channel, until);
      } else {
        pausedUntil = Math.max(pausedUntil, Date.now() + failure.retryAfterMs);
      }
      await repo.reschedule(row.id, instanceId, {
        at: until,
        error: `rate limited (${stage}), retry after ${failure.retryAfterMs / 1000} s`,
        countAttempt: false,
        clearPosting: posted,
      });
      logger.warn(
        `outbox ${row.id}: ${stage} rate limited; ${posted ? 'channel' : 'dispatcher'} paused ${failure.retryAfterMs} ms`,
      );
      return 'rate-limited';
    }
    // A refused post landed nowhere; an unanswered one may have.
    const clearPosting = posted && failure.kind === 'rejected';
    // An e-mail in doubt is simply sent again, under the same Message-ID.
    const uncertain =
      row.transport === 'slack' &&
      !clearPosting &&
      (row.postingSince !== null || (posted && failure.kind === 'in-doubt'));
    const error = uncertain
      ? `delivery uncertain: ${what} (check the channel, then partner-bot outbox --retry ${row.id})`
      : what;
    const permanent = failure.kind === 'rejected' && failure.permanent;
    if (permanent || row.attempts >= limits.maxAttempts) {
      // Refused for good by Slack (not on Slack, DM refused, channel gone...): the e-mail instead, if any.
      const fallback = failure.kind === 'rejected' && !uncertain ? row.fallback : null;
      await repo.markFailed(row.id, instanceId, { error, clearPosting, fallback });
      logger.error(
        `outbox ${row.id} (${row.dedupeKey}) failed after ${row.attempts} ${row.attempts === 1 ? 'attempt' : 'attempts'}: ${error}`,
      );
      return 'failed';
    }
    const delay = backoffMs(row.attempts, limits.backoffBaseMs, limits.backoffMaxMs);
    await repo.reschedule(row.id, instanceId, {
      at: new Date(now.getTime() + delay),
      error,
      countAttempt: true,
      clearPosting,
    });
    logger.warn(`outbox ${row.id}: attempt ${row.attempts} failed (${what}); next in ${delay} ms`);
    return 'retry';
  }

  let claimFailures = 0;
  async function claim(): Promise<ClaimedMessage | undefined> {
    try {
      const row = await claims.claim(() =>
        repo.claimNext({
          now: clock(),
          leaseMs: limits.leaseMs,
          channelIntervalMs: limits.perChannelIntervalMs,
          instanceId,
        }),
      );
      claimFailures = 0;
      return row;
    } catch (err) {
      // Claims failing in a row may be waiting behind a session the network cut off while it held the
      // claims' lock (endAbandonedClaimLock): past the time PostgreSQL gives an idle transaction, it is
      // ended, so that the database answering again is enough to deliver again.
      claimFailures += 1;
      if (claimFailures >= 2) await repo.endAbandonedClaimLock(IDLE_IN_TRANSACTION_TIMEOUT_MS).catch(() => 0);
      throw err;
    }
  }

  async function deliverClaimed(row: ClaimedMessage): Promise<DeliveryOutcome> {
    try {
      return await deliver(row);
    } finally {
      claims.done(row.id);
      lastDeliveryAt = Date.now();
    }
  }

  async function worker(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        const paused = pausedUntil - Date.now();
        if (paused > 0) {
          await sleep(paused, signal);
          continue;
        }
        const row = await claim();
        if (!row) {
          await sleep(limits.pollIntervalMs, AbortSignal.any([signal, wakeUp.signal]));
          continue;
        }
        await deliverClaimed(row);
      } catch (err) {
        // The database is unreachable or a bug: never crash the process, try again later.
        claims.lost();
        logger.error(`outbox dispatcher: ${(err as Error).message}`);
        await sleep(limits.pollIntervalMs * 2, signal);
      }
    }
  }

  return {
    instanceId,
    get lastDeliveryAt() {
      return lastDeliveryAt;
    },
    start() {
      if (workers.length > 0) return;
      stopping = new AbortController();
      const signal = stopping.signal;
      workers = Array.from({ length: Math.max(1, limits.concurrency) }, () => worker(signal));
    },
    async stop() {
      stopping.abort();
      wakeUp.abort();
      await Promise.all(workers);
      workers = [];
      wakeUp = new AbortController();
    },
    wake() {
      wakeUp.abort();
      wakeUp = new AbortController();
    },
    async drain() {
      const counts: Record<DeliveryOutcome, number> = {
        sent: 0,
        recovered: 0,
        retry: 0,
        failed: 0,
        'rate-limited': 0,
      };
      for (;;) {
        const paused = pausedUntil - Date.now();
        if (paused > 0) await sleep(paused);
        const row = await claim();
        if (!row) return counts;
        counts[await deliverClaimed(row)] += 1;
      }
    },
  };
}

/**
 * Which claimed messages this instance is delivering, and what to do after losing the database.
 *
 * A claim (or a markSent) whose reply was lost may still have committed: the message is then 'sending',
 * leased to us, and nobody would take it before its lease ran out (2 minutes). After a database error,
 * the next claim first hands back every message leased to this instance that no worker is delivering
 * (releaseClaims). Claims and that release take turns, so a message claimed a moment ago is always known
 * as being delivered before a release can see it.
 */
function createClaimGuard(
  repo: Pick<ReturnType<typeof createOutboxRepository>, 'releaseClaims'>,
  instanceId: string,
  clock: () => Date,
) {
  const delivering = new Set<number>();
  let mustRelease = false;
  let turn: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = turn.then(work, work);
    turn = run.catch(() => {});
    return run;
  };
  return {
    claim(next: () => Promise<ClaimedMessage | undefined>): Promise<ClaimedMessage | undefined> {
      return exclusive(async () => {
        if (mustRelease) {
          await repo.releaseClaims({ instanceId, keep: [...delivering], now: clock() });
          mustRelease = false;
        }
        const row = await next();
        if (row) delivering.add(row.id);
        return row;
      });
    },
    done(id: number) {
      delivering.delete(id);
    },
    /** A database call failed: what it claimed or recorded is unknown. */
    lost() {
      mustRelease = true;
    },
  };
}

export class DatabaseTimeoutError extends Error {
  constructor(method: string, ms: number) {
    super(`outbox ${method} got no answer from the database within ${ms} ms`);
    this.name = 'DatabaseTimeoutError';
  }
}

/** Every method of the repository, given up on after `ms` (the query itself may still finish). */
function withDatabaseTimeout<T extends Record<string, unknown>>(repo: T, ms: number): T {
  const timed: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(repo)) {
    if (typeof method !== 'function') continue;
    timed[name] = (...args: unknown[]) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DatabaseTimeoutError(name, ms)), ms);
      });
      const call = Promise.resolve((method as (...a: unknown[]) => unknown)(...args));
      call.catch(() => {});
      return Promise.race([call, late]).finally(() => clearTimeout(timer));
    };
  }
  return timed as T;
}

export interface StartDispatcherOptions {
  /** The database (or `database.db`). */
  db?: Db;
  database?: Pick<Database, 'db'>;
  config: Pick<Config, 'SLACK_BOT_TOKEN' | 'SLACK_API_URL'> & Partial<Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>>;
  logger?: DispatcherOptions['logger'];
  /** Defaults to a client of its own from config (no automatic retries, timeout, 429s thrown). */
  client?: DeliveryClient;
  /** Defaults to an SMTP client from SMTP_URL, when set. */
  mailer?: MailTransport;
  now?: () => Date;
  limits?: Partial<DispatcherLimits>;
  mayPost?: MayPost;
}

/** The dispatcher main.ts runs beside the Slack app: start at boot, stop before closing the database. */
export function startDispatcher(options: StartDispatcherOptions): {
  dispatcher: Dispatcher;
  stop(): Promise<void>;
} {
  const limits = { ...DEFAULT_DISPATCHER_LIMITS, ...options.limits };
  const db = options.db ?? options.database?.db;
  if (!db) throw new Error('startDispatcher needs db or database');
  const mailer =
    options.mailer ??
    (options.config.SMTP_URL ? createSmtpTransport(options.config, limits.requestTimeoutMs) : undefined);
  const dispatcher = createDispatcher({
    db,
    client: options.client ?? createDeliveryClient(options.config, limits.requestTimeoutMs),
    limits,
    ...(mailer ? { mailer } : {}),
    ...(options.config.MAIL_FROM ? { mailFrom: options.config.MAIL_FROM } : {}),
    ...(options.now ? { clock: options.now } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.mayPost ? { mayPost: options.mayPost } : {}),
  });
  dispatcher.start();
  options.logger?.info(`Outbox dispatcher started (${dispatcher.instanceId})`);
  return {
    dispatcher,
    stop: async () => {
      await dispatcher.stop();
      mailer?.close();
    },
  };
}
