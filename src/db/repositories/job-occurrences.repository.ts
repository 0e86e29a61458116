import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../client.js';
import { jobOccurrences } from '../schema.js';

export type OccurrenceStatus = (typeof jobOccurrences.$inferSelect)['status'];

/** Advisory lock namespace of job runs (the second key is the job name's hash). */
const JOB_LOCK_NAMESPACE = 0x0b0d;

/** The job_occurrences table: each occurrence of a scheduled job, (job, scheduled_for) unique. */
export function createJobOccurrencesRepository(db: Db) {
  const occurrence = (job: string, scheduledFor: Date) =>
    and(eq(jobOccurrences.job, job), eq(jobOccurrences.scheduledFor, scheduledFor));
  return {
    /**
     * Records the occurrence 'running' for this instance: a new one, a failed one taken up again (its
     * attempts counted), or one another run started before `staleBefore` and never finished (a crashed
     * process; never without `staleBefore`). One running elsewhere since, or done, is left as it is.
     * `owned` when it is now this run's; `found`, its status before (none: a new one), read by the same
     * statement (its snapshot: an occurrence another run records or finishes meanwhile may show as it was),
     * so that a run it does not give the occurrence to knows why without asking again.
     */
    async begin(input: {
      job: string;
      scheduledFor: Date;
      instanceId: string;
      startedAt: Date;
      staleBefore?: Date;
    }): Promise<{ owned: boolean; found: OccurrenceStatus | undefined }> {
      const staleBefore = (input.staleBefore ?? new Date(0)).toISOString();
      const [row] = rowsOf<{ owned: boolean; found: OccurrenceStatus | null }>(
        await db.execute(sql`
    with begun as (
      insert into job_occurrences (job, scheduled_for, status, instance_id, started_at)
      values (${input.job}, ${input.scheduledFor.toISOString()}::timestamptz, 'running', ${input.instanceId}, ${input.startedAt.toISOString()}::timestamptz)
      on conflict (job, scheduled_for) do update
        set status = 'running', instance_id = excluded.instance_id, started_at = excluded.started_at,
          attempts = job_occurrences.attempts + 1, error = null, finished_at = null
        where job_occurrences.status = 'failed'
          or (job_occurrences.status = 'running'
            and job_occurrences.started_at < ${staleBefore}::timestamptz)
      returning 1
    )
    select exists (select 1 from begun) as owned,
      (select status from job_occurrences
        where job = ${input.job} and scheduled_for = ${input.scheduledFor.toISOString()}::timestamptz) as found`),
      );
      return { owned: Boolean(row?.owned), found: row?.found ?? undefined };
    },

    /**
     * Takes the job's transaction-scoped advisory lock if free (`db` must be a transaction): false when
     * another transaction holds it. PGlite (one process) always grants it.
     */
    async tryLock(job: string): Promise<boolean> {
      const [lock] = rowsOf<{ locked: boolean }>(
        await db.execute(
          sql`select pg_try_advisory_xact_lock(${JOB_LOCK_NAMESPACE}, hashtext(${job})) as locked`,
        ),
      );
      return Boolean(lock?.locked);
    },

    /** The status of an occurrence, if recorded. */
    async status(job: string, scheduledFor: Date): Promise<OccurrenceStatus | undefined> {
      const [row] = await db
        .select({ status: jobOccurrences.status })
        .from(jobOccurrences)
        .where(occurrence(job, scheduledFor));
      return row?.status;
    },

    async markDone(
      job: string,
      scheduledFor: Date,
      input: { finishedAt: Date; instanceId: string; summary: Record<string, unknown> },
    ): Promise<void> {
      await db
        .update(jobOccurrences)
        .set({
          status: 'done',
          finishedAt: input.finishedAt,
          instanceId: input.instanceId,
          summary: input.summary,
          error: null,
        })
        .where(occurrence(job, scheduledFor));
    },

    /** Marks the occurrence failed with the error, unless it is done. */
    async markFailed(
      job: string,
      scheduledFor: Date,
      input: { finishedAt: Date; error: string },
    ): Promise<void> {
      await db
        .update(jobOccurrences)
        .set({ status: 'failed', finishedAt: input.finishedAt, error: input.error })
        .where(and(occurrence(job, scheduledFor), sql`${jobOccurrences.status} <> 'done'`));
    },

    /** The scheduled instant of the job's latest done occurrence scheduled before `before`. */
    async lastDoneBefore(job: string, before: Date): Promise<Date | undefined> {
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
      return row?.scheduledFor;
    },
  };
}

export type JobOccurrencesRepository = ReturnType<typeof createJobOccurrencesRepository>;
