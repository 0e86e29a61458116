import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import {
  createJobOccurrencesRepository,
  type OccurrenceStatus,
} from '../db/repositories/job-occurrences.repository.js';
import { transaction } from '../db/transaction.js';
import type { LevelLogger } from '../logger.js';
import type { Catalog } from '../program/catalog.schema.js';
import { type IsoDate, localDate } from '../program/dates.js';
import type { LookupByEmailClient } from '../services/contact-linking.service.js';

/** What every job needs; the same for every occurrence. */
export interface JobDeps {
  db: Db;
  catalog: Catalog;
  config: Config;
  logger: LevelLogger;
  /** The clock (the run's `now`); an occurrence's day comes from its scheduled instant instead. */
  now: () => Date;
  /** Names this process in job_occurrences. */
  instanceId: string;
  /**
   * The bot's own Slack team and org (auth.test at start): a contact of another team is external and is
   * reminded in its partner's shared channel. Unknown (no Slack: the CLI, the console), contacts are DMed.
   */
  homeTeamIds?: readonly string[];
  /** The Web API for jobs that ask Slack (the daily linking); without it they are not scheduled. */
  slack?: LookupByEmailClient;
}

export interface JobRunContext {
  /** The occurrence's transaction: the job's writes, its outbox messages and the 'done' mark commit together. */
  tx: Db;
  deps: JobDeps;
  scheduledFor: Date;
  /** The program's calendar day of the scheduled instant. */
  today: IsoDate;
}

export interface JobDefinition<Prepared = unknown> {
  name: string;
  /** The config setting holding its schedule. */
  cronSetting: 'REMINDER_CRON' | 'EVALUATION_CRON' | 'DIGEST_CRON' | 'LINKING_CRON' | 'STATUS_REFRESH_CRON';
  /**
   * Work before the occurrence's transaction, writing nothing: calls to other services (Slack) that may
   * be slow, and must not hold the transaction and its lock open (the server ends a transaction idle for
   * IDLE_IN_TRANSACTION_TIMEOUT_MS). Its answer is handed to run as ctx.prepared (absent when a test
   * calls run directly).
   */
  prepare?(ctx: Omit<JobRunContext, 'tx'>): Promise<Prepared>;
  /** Does the work in ctx.tx; returns a summary stored with the occurrence. */
  run(ctx: JobRunContext & { prepared?: Prepared }): Promise<Record<string, unknown>>;
}

export type OccurrenceOutcome =
  | { status: 'done'; summary: Record<string, unknown> }
  | { status: 'skipped'; reason: 'already-done' | 'busy' }
  | { status: 'failed'; error: string };

/**
 * How long an occurrence recorded 'running' belongs to the run that started it, for jobs with a `prepare`
 * step (the others wait for the job's lock instead): longer than the longest preparation (the daily
 * linking asks Slack once a contact, at Slack's pace), after which a run that died is taken over.
 */
const RUN_LEASE_MS = 30 * 60_000;

/** Whole seconds: node-schedule hands over a Date that may carry milliseconds. */
function normalize(instant: Date): Date {
  return new Date(Math.round(instant.getTime() / 1000) * 1000);
}

/**
 * Runs one occurrence of a job at most once, whatever the number of instances and restarts:
 * 1. the occurrence is recorded 'running' (visible to people; a failed one is taken up again, and, for a
 *    job with a `prepare` step, one left running for RUN_LEASE_MS by a process that died);
 * 2. a job with a `prepare` step does it, outside any transaction, only when step 1 gave the occurrence to
 *    this run: another instance firing it at the same instant skips, 'busy', as it would at the lock;
 * 3. in one transaction: a transaction-scoped advisory lock per job (another instance running it skips,
 *    'busy'), the occurrence re-read (already 'done': skipped), the job's work, and the 'done' mark: all
 *    commit together, so a crash in the middle leaves nothing half done and the occurrence still open;
 * 4. on failure the transaction rolls back and the occurrence is marked 'failed' with the error.
 * PGlite (one process) takes the same path; its advisory locks always succeed.
 */
export async function runJobOccurrence<Prepared>(
  deps: JobDeps,
  job: JobDefinition<Prepared>,
  scheduledFor: Date,
): Promise<OccurrenceOutcome> {
  const at = normalize(scheduledFor);
  const { db, logger, instanceId } = deps;
  const occurrences = createJobOccurrencesRepository(db);
  const startedAt = deps.now();
  const { owned, found } = await occurrences.begin({
    job: job.name,
    scheduledFor: at,
    instanceId,
    startedAt,
    // The others wait for the job's lock: a long run of theirs is never taken over.
    ...(job.prepare ? { staleBefore: new Date(startedAt.getTime() - RUN_LEASE_MS) } : {}),
  });
  const context = { deps, scheduledFor: at, today: localDate(at, deps.config.PROGRAM_TIMEZONE) };
  try {
    const outcome: Exclude<OccurrenceOutcome, { status: 'failed' }> =
      // A preparation runs outside the job's lock: only for an occurrence this run holds.
      job.prepare && !owned
        ? { status: 'skipped', reason: found === 'done' ? 'already-done' : 'busy' }
        : await runInTransaction(deps, job, at, {
            ...context,
            prepared: (await job.prepare?.(context)) as Prepared,
          });
    if (outcome.status === 'done')
      logger.info(`Job ${job.name} for ${at.toISOString()} done: ${JSON.stringify(outcome.summary)}`);
    else logger.debug(`Job ${job.name} for ${at.toISOString()} skipped (${outcome.reason})`);
    return outcome;
  } catch (err) {
    const error = ((err as Error)?.message ?? String(err)).split('\n')[0]!.slice(0, 1000);
    logger.error(`Job ${job.name} for ${at.toISOString()} failed: ${error}`);
    await occurrences.markFailed(job.name, at, { finishedAt: deps.now(), error }).catch(() => {});
    return { status: 'failed', error };
  }
}

/** Step 3 of runJobOccurrence: the lock, the re-read, the job's work and the 'done' mark, in one transaction. */
function runInTransaction<Prepared>(
  deps: JobDeps,
  job: JobDefinition<Prepared>,
  at: Date,
  context: Omit<JobRunContext, 'tx'> & { prepared: Prepared },
): Promise<Exclude<OccurrenceOutcome, { status: 'failed' }>> {
  return transaction(deps.db, async (tx) => {
    const inTx = createJobOccurrencesRepository(tx);
    if (!(await inTx.tryLock(job.name))) return { status: 'skipped', reason: 'busy' };
    if ((await inTx.status(job.name, at)) === 'done') return { status: 'skipped', reason: 'already-done' };
    const summary = await job.run({ ...context, tx });
    await inTx.markDone(job.name, at, { finishedAt: deps.now(), instanceId: deps.instanceId, summary });
    return { status: 'done', summary };
  });
}

/** The status of an occurrence, if recorded. */
export function occurrenceStatus(
  db: Db,
  job: string,
  scheduledFor: Date,
): Promise<OccurrenceStatus | undefined> {
  return createJobOccurrencesRepository(db).status(job, normalize(scheduledFor));
}

/** The program day of the last completed occurrence of a job scheduled before `before`. */
export async function lastDoneDay(
  db: Db,
  job: string,
  before: Date,
  timeZone: string,
): Promise<IsoDate | undefined> {
  const last = await createJobOccurrencesRepository(db).lastDoneBefore(job, before);
  return last ? localDate(last, timeZone) : undefined;
}
