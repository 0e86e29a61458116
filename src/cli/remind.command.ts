import { randomBytes } from 'node:crypto';
import { instantForDay } from '../jobs/cron.js';
import { runJobOccurrence } from '../jobs/occurrences.js';
import { planReminders, reminderSince, remindersJob } from '../jobs/reminders.job.js';
import { createLogger } from '../logger.js';
import { isWeekday } from '../program/reminders.js';
import { parseAsOfArgs } from './as-of-args.js';
import type { CliContext } from './context.js';
import { count } from './count.js';

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
  if (!isWeekday(asOf)) {
    ctx.print(`${asOf} is a weekend day: no reminders (its trigger days are caught up the next weekday).`);
    return 0;
  }
  const since = await reminderSince(db, timeZone, asOf);

  if (dryRun) {
    const plan = await planReminders(db, ctx, { today: asOf, since });
    ctx.print(
      `Dry run: reminders for ${asOf} (trigger days after ${since}): ${count(plan.messages.length, 'message')}, ${count(plan.entries.length, 'item')}`,
    );
    for (const message of plan.messages) {
      ctx.print(`to ${message.channel} (${message.kind}):`);
      for (const e of plan.entries.filter((x) => x.recipient === message.channel))
        ctx.print(`  ${e.partnerName}: ${e.item.obligation.code} ${e.kind}, due ${e.item.dueOn}`);
    }
    if (plan.alreadyReminded.length)
      ctx.print(`Already reminded today, left out: ${plan.alreadyReminded.join(', ')}`);
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
      ctx.print(
        `Reminders for ${asOf}: ${count(Number(outcome.summary.queued), 'message')} queued for ${count(Number(outcome.summary.items), 'item')} (the running app delivers them).`,
      );
      return 0;
    case 'skipped':
      ctx.print(
        outcome.reason === 'already-done'
          ? `The reminders for ${asOf} were already sent: nothing to do.`
          : `The reminders for ${asOf} are being sent by another instance right now.`,
      );
      return 0;
    case 'failed':
      ctx.print(`The reminders for ${asOf} failed: ${outcome.error}`);
      return 1;
  }
}
