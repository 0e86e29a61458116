import { randomBytes } from 'node:crypto';
import { jobRunMessages } from '../i18n/job-runs.js';
import { instantForDay } from '../jobs/cron.js';
import { runJobOccurrence } from '../jobs/occurrences.js';
import { planReminders, reminderSince, remindersJob } from '../jobs/reminders.job.js';
import { createLogger } from '../logger.js';
import { isWeekday } from '../program/reminders.js';
import { parseAsOfArgs } from './as-of-args.js';
import type { CliContext } from './context.js';

import { REMIND_USAGE } from './usages.js';

/**
 * The training reminders of a day, as the scheduled job sends them: recorded as that day's occurrence of
 * the job (so the scheduled run of the same day does nothing more), queued in the outbox for the running
 * app to deliver. --dry-run lists who would be reminded of what, writing nothing.
 */
export async function remindCommand(args: string[], ctx: CliContext): Promise<number> {
  const { asOf, dryRun } = parseAsOfArgs(args, ctx.today(), REMIND_USAGE);
  const { db } = ctx.database;
  const timeZone = ctx.config.PROGRAM_TIMEZONE;
  const m = jobRunMessages[ctx.locale ?? 'en'].remind;
  if (!isWeekday(asOf)) {
    ctx.print(m.weekend(asOf));
    return 0;
  }
  const since = await reminderSince(db, timeZone, asOf);

  if (dryRun) {
    const plan = await planReminders(db, ctx, { today: asOf, since });
    ctx.print(m.dryRun(asOf, since, plan.messages.length, plan.entries.length));
    for (const message of plan.messages) {
      ctx.print(m.to(message.channel, message.kind));
      for (const e of plan.entries.filter((x) => x.recipient === message.channel))
        ctx.print(m.line(e.partnerName, e.item.obligation.code, e.kind, e.item.dueOn));
    }
    if (plan.alreadyReminded.length) ctx.print(m.alreadyReminded(plan.alreadyReminded.join(', ')));
    return 0;
  }

  const outcome = await runJobOccurrence(
    {
      db,
      catalog: ctx.catalog,
      config: ctx.config,
      logger: createLogger({ level: 'warn', name: 'remind' }),
      now: ctx.now,
      instanceId: `${ctx.actor}:${randomBytes(3).toString('hex')}`,
    },
    remindersJob,
    instantForDay(ctx.config.REMINDER_CRON, timeZone, asOf),
  );
  switch (outcome.status) {
    case 'done':
      ctx.print(m.queued(asOf, Number(outcome.summary.queued), Number(outcome.summary.items)));
      return 0;
    case 'skipped':
      ctx.print(outcome.reason === 'already-done' ? m.alreadyDone(asOf) : m.elsewhere(asOf));
      return 0;
    case 'failed':
      ctx.print(m.failed(asOf, String(outcome.error)));
      return 1;
  }
}
