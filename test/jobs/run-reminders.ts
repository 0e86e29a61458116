import { instantForDay } from '../../src/jobs/cron.js';
import { type JobDeps, runJobOccurrence } from '../../src/jobs/occurrences.js';
import { remindersJob } from '../../src/jobs/reminders.job.js';

/**
 * The reminders job of `day` at the instant node-schedule runs it (REMINDER_CRON, Paris time), or `lateMs`
 * after it: a different occurrence of the same day, so the job runs again and what it sent must not be
 * sent twice (the outbox's and the reminder log's keys).
 */
export function runRemindersOn(deps: JobDeps, day: string, lateMs = 0) {
  const scheduled = instantForDay(deps.config.REMINDER_CRON, 'Europe/Paris', day);
  return runJobOccurrence(deps, remindersJob, new Date(scheduled.getTime() + lateMs));
}
