import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import schedule from 'node-schedule';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { createLogger, type LevelLogger } from '../logger.js';
import type { Catalog } from '../program/catalog.schema.js';
import { contactLinkingJob } from './contact-linking.job.js';
import { checkCron, previousInstant } from './cron.js';
import { digestJob } from './digest.job.js';
import { evaluationJob } from './evaluation.job.js';
import {
  type JobDefinition,
  type JobDeps,
  type OccurrenceOutcome,
  occurrenceStatus,
  runJobOccurrence,
} from './occurrences.js';
import { remindersJob } from './reminders.job.js';
import { statusRefreshJob } from './status-refresh.job.js';
import { zenListingsJob } from './zen-listings.job.js';

export { CronError, checkCron, instantForDay, nextInstants, previousInstant } from './cron.js';
export { digestJob, planDigests } from './digest.job.js';
export { evaluationJob } from './evaluation.job.js';
export {
  type JobDefinition,
  type JobDeps,
  type JobRunContext,
  type OccurrenceOutcome,
  runJobOccurrence,
} from './occurrences.js';
export { planReminders, reminderSince, remindersJob, sendReminders } from './reminders.job.js';
export { statusRefreshJob } from './status-refresh.job.js';

/** Every scheduled job, each on its config schedule in PROGRAM_TIMEZONE. */
export const JOBS: readonly JobDefinition[] = [
  evaluationJob,
  remindersJob,
  digestJob,
  statusRefreshJob,
  zenListingsJob,
];

export interface StartJobsOptions {
  db: Db;
  catalog: Catalog;
  config: Config;
  logger?: LevelLogger;
  now?: () => Date;
  instanceId?: string;
  /** Defaults to JOBS. */
  jobs?: readonly JobDefinition[];
  /** Run each job's last scheduled occurrence at start when it was not done (default true). */
  catchUp?: boolean;
  /** The bot's own team and org, from auth.test (see JobDeps). */
  homeTeamIds?: readonly string[];
  /** With a Web API client, the daily linking of contacts (contactLinkingJob) is scheduled too. */
  slack?: JobDeps['slack'];
}

export interface RunningJobs {
  /** Settles when the start-up catch-up is over: what each job's missed occurrence did, if any. */
  readonly caughtUp: Promise<{ job: string; scheduledFor: Date; outcome: OccurrenceOutcome }[]>;
  /** The next instant node-schedule will fire each job at. */
  nextInvocations(): Record<string, Date | undefined>;
  /** Cancels the schedules and waits for occurrences already running. */
  stop(): Promise<void>;
}

/**
 * Registers every job with node-schedule (cron from config, in PROGRAM_TIMEZONE) and catches up at once
 * the last occurrence of each job that is not recorded done (missed while the app was down). Each
 * occurrence goes through runJobOccurrence: recorded in job_occurrences, run once across instances.
 * Throws a CronError naming the setting when a schedule does not parse.
 */
export function startJobs(options: StartJobsOptions): RunningJobs {
  const { db, config } = options;
  const timeZone = config.PROGRAM_TIMEZONE;
  const jobs = options.jobs ?? [...JOBS, ...(options.slack ? [contactLinkingJob] : [])];
  for (const job of jobs) checkCron(job.cronSetting, config[job.cronSetting], timeZone);
  const now = options.now ?? (() => new Date());
  const deps: JobDeps = {
    db,
    catalog: options.catalog,
    config,
    logger: options.logger ?? createLogger({ level: config.LOG_LEVEL, name: 'jobs' }),
    now,
    instanceId: options.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    ...(options.homeTeamIds ? { homeTeamIds: options.homeTeamIds } : {}),
    ...(options.slack ? { slack: options.slack } : {}),
  };
  const running = new Set<Promise<unknown>>();
  const track = <T>(promise: Promise<T>): Promise<T> => {
    running.add(promise);
    void promise.finally(() => running.delete(promise)).catch(() => {});
    return promise;
  };
  let stopped = false;

  const scheduled = new Map<string, schedule.Job>();
  for (const job of jobs) {
    const handle = schedule.scheduleJob({ rule: config[job.cronSetting], tz: timeZone }, (fireDate: Date) => {
      if (stopped) return;
      void track(runJobOccurrence(deps, job, fireDate));
    });
    if (handle) scheduled.set(job.name, handle);
  }

  const caughtUp = track(
    (async () => {
      const done: { job: string; scheduledFor: Date; outcome: OccurrenceOutcome }[] = [];
      if (options.catchUp === false) return done;
      for (const job of jobs) {
        if (stopped) break;
        const last = previousInstant(config[job.cronSetting], timeZone, now());
        if (!last) continue;
        try {
          if ((await occurrenceStatus(db, job.name, last)) === 'done') continue;
          deps.logger.info(`Job ${job.name}: catching up the occurrence of ${last.toISOString()}`);
          done.push({ job: job.name, scheduledFor: last, outcome: await runJobOccurrence(deps, job, last) });
        } catch (err) {
          deps.logger.error(`Job ${job.name}: catch-up failed: ${(err as Error).message}`);
        }
      }
      return done;
    })(),
  );

  return {
    caughtUp,
    nextInvocations() {
      const out: Record<string, Date | undefined> = {};
      for (const job of jobs) {
        const next = scheduled.get(job.name)?.nextInvocation() as unknown as { getTime(): number } | null;
        out[job.name] = next ? new Date(next.getTime()) : undefined;
      }
      return out;
    },
    async stop() {
      stopped = true;
      for (const handle of scheduled.values()) handle.cancel();
      await Promise.allSettled([...running]);
    },
  };
}
