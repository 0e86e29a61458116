import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import { type Db, rowsOf } from '../db/client.js';
import { jobOccurrences } from '../db/schema.js';
import { transaction } from '../db/transaction.js';
import type { Catalog } from '../program/catalog.schema.js';
import { type IsoDate, localDate } from '../program/dates.js';

export interface JobLogger {
  debug(...msg: unknown[]): void;
  info(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
}

/** What every job needs; the same for every occurrence. */
export interface JobDeps {
  db: Db;
  catalog: Catalog;
  config: Config;
  logger: JobLogger;
  /** The clock (the run's `now`); an occurrence's day comes from its scheduled instant instead. */
  now: () => Date;
  /** Names this process in job_occurrences. */
  instanceId: string;
}

export interface JobRunContext {
  /** The occurrence's transaction: the job's writes, its outbox messages and the 'done' mark commit together. */
  tx: Db;
  deps: JobDeps;
  scheduledFor: Date;
  /** The program's calendar day of the scheduled instant. */
  today: IsoDate;
}

export interface JobDefinition {
  name: string;
  /** The config setting holding its schedule. */
  cronSetting: 'REMINDER_CRON' | 'EVALUATION_CRON' | 'DIGEST_CRON';
  /** Does the work in ctx.tx; returns a summary stored with the occurrence. */
  run(ctx: JobRunContext): Promise<Record<string, unknown>>;
}

export type OccurrenceOutcome =
  | { status: 'done'; summary: Record<string, unknown> }
  | { status: 'skipped'; reason: 'already-done' | 'busy' }
  | { status: 'failed'; error: string };

/** Advisory lock namespace of job runs (the second key is the job name's hash). */
const JOB_LOCK_NAMESPACE = 0x0b0d;

/** Whole seconds: node-schedule hands over a Date that may carry milliseconds. */
function normalize(instant: Date): Date {
  return new Date(Math.round(instant.getTime() / 1000) * 1000);
}

/**
 * Runs one occurrence of a job at most once, whatever the number of instances and restarts:
 * 1. the occurrence is recorded 'running' (visible to people; a failed one is taken up again);
 * 2. in one transaction: a transaction-scoped advisory lock per job (another instance running it skips,
 *    'busy'), the occurrence re-read (already 'done': skipped), the job's work, and the 'done' mark: all
 *    commit together, so a crash in the middle leaves nothing half done and the occurrence still open;
 * 3. on failure the transaction rolls back and the occurrence is marked 'failed' with the error.
 * PGlite (one process) takes the same path; its advisory locks always succeed.
 */
export async function runJobOccurrence(
  deps: JobDeps,
  job: JobDefinition,
  scheduledFor: Date,
): Promise<OccurrenceOutcome> {
  const at = normalize(scheduledFor);
  const { db, logger, instanceId } = deps;
  const started = deps.now();
  await db.execute(sql`
    insert into job_occurrences (job, scheduled_for, status, instance_id, started_at)
    values (${job.name}, ${at.toISOString()}::timestamptz, 'running', ${instanceId}, ${started.toISOString()}::timestamptz)
    on conflict (job, scheduled_for) do update
      set status = 'running', instance_id = excluded.instance_id, started_at = excluded.started_at,
        attempts = job_occurrences.attempts + 1, error = null, finished_at = null
      where job_occurrences.status = 'failed'`);
  try {
    const outcome = await transaction(
      db,
      async (tx): Promise<Exclude<OccurrenceOutcome, { status: 'failed' }>> => {
        const [lock] = rowsOf<{ locked: boolean }>(
          await tx.execute(
            sql`select pg_try_advisory_xact_lock(${JOB_LOCK_NAMESPACE}, hashtext(${job.name})) as locked`,
          ),
        );
        if (!lock?.locked) return { status: 'skipped', reason: 'busy' };
        const [current] = await tx
          .select({ status: jobOccurrences.status })
          .from(jobOccurrences)
          .where(and(eq(jobOccurrences.job, job.name), eq(jobOccurrences.scheduledFor, at)));
        if (current?.status === 'done') return { status: 'skipped', reason: 'already-done' };
        const summary = await job.run({
          tx,
          deps,
          scheduledFor: at,
          today: localDate(at, deps.config.PROGRAM_TIMEZONE),
        });
        await tx
          .update(jobOccurrences)
          .set({ status: 'done', finishedAt: deps.now(), instanceId, summary, error: null })
          .where(and(eq(jobOccurrences.job, job.name), eq(jobOccurrences.scheduledFor, at)));
        return { status: 'done', summary };
      },
    );
    if (outcome.status === 'done')
      logger.info(`Job ${job.name} for ${at.toISOString()} done: ${JSON.stringify(outcome.summary)}`);
    else logger.debug(`Job ${job.name} for ${at.toISOString()} skipped (${outcome.reason})`);
    return outcome;
  } catch (err) {
    const error = ((err as Error)?.message ?? String(err)).split('\n')[0]!.slice(0, 1000);
    logger.error(`Job ${job.name} for ${at.toISOString()} failed: ${error}`);
    await db
      .update(jobOccurrences)
      .set({ status: 'failed', finishedAt: deps.now(), error })
      .where(
        and(
          eq(jobOccurrences.job, job.name),
          eq(jobOccurrences.scheduledFor, at),
          sql`${jobOccurrences.status} <> 'done'`,
        ),
      )
      .catch(() => {});
    return { status: 'failed', error };
  }
}

/** The status of an occurrence, if recorded. */
export async function occurrenceStatus(
  db: Db,
  job: string,
  scheduledFor: Date,
): Promise<'running' | 'done' | 'failed' | undefined> {
  const [row] = await db
    .select({ status: jobOccurrences.status })
    .from(jobOccurrences)
    .where(and(eq(jobOccurrences.job, job), eq(jobOccurrences.scheduledFor, normalize(scheduledFor))));
  return row?.status;
}

/** The program day of the last completed occurrence of a job scheduled before `before`. */
export async function lastDoneDay(
  db: Db,
  job: string,
  before: Date,
  timeZone: string,
): Promise<IsoDate | undefined> {
  const [row] = await db
    .select({ scheduledFor: jobOccurrences.scheduledFor })
    .from(jobOccurrences)
    .where(
      and(
        eq(jobOccurrences.job, job),
        eq(jobOccurrences.status, 'done'),
        lt(jobOccurrences.scheduledFor, before),
      ),
    )
    .orderBy(desc(jobOccurrences.scheduledFor))
    .limit(1);
  return row ? localDate(row.scheduledFor, timeZone) : undefined;
}
