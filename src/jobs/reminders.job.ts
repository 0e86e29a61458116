import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { PartnerRow } from '../db/repositories/partners.repository.js';
import { createPartnersRepository } from '../db/repositories/partners.repository.js';
import {
  createReminderLogRepository,
  type NewReminderLogRow,
} from '../db/repositories/reminder-log.repository.js';
import { createSnoozesRepository } from '../db/repositories/snoozes.repository.js';
import { createUserLocalesRepository } from '../db/repositories/user-locales.repository.js';
import { isUserId } from '../outbox/delivery-client.js';
import { enqueue, type OutboxMessage } from '../outbox/enqueue.js';
import type { Catalog } from '../program/catalog.schema.js';
import { addDays, daysBetween, type IsoDate } from '../program/dates.js';
import { hasLeft } from '../program/membership.js';
import type { ObligationItem } from '../program/obligations.js';
import { escalates, isWeekday, type ReminderKind, reminderKind } from '../program/reminders.js';
import { partnerStatus } from '../services/partner-status.service.js';
import { type ReminderLine, reminderView } from '../slack/views/reminders.view.js';
import { startOfDay } from './cron.js';
import { type JobDefinition, lastDoneDay } from './occurrences.js';

export const REMINDERS_JOB = 'reminders';

export interface ReminderDeps {
  catalog: Catalog;
  config: Pick<Config, 'LOCALE' | 'PROGRAM_TIMEZONE'>;
}

export interface ReminderEntry extends ReminderLine {
  recipient: string;
  subject: string;
}

export interface ReminderPlan {
  today: IsoDate;
  since: IsoDate | undefined;
  entries: ReminderEntry[];
  messages: OutboxMessage[];
  log: NewReminderLogRow[];
  /** Recipients left out because they already had their reminder today. */
  alreadyReminded: string[];
}

export function reminderKey(today: IsoDate, recipient: string): string {
  return `reminders:${today}:${recipient}`;
}

function previousWeekday(date: IsoDate): IsoDate {
  let day = addDays(date, -1);
  while (!isWeekday(day)) day = addDays(day, -1);
  return day;
}

/**
 * The day after which trigger days still count today: the last day reminders ran (from job_occurrences),
 * but never later than the previous weekday, so Saturday's and Sunday's triggers are caught up on Monday
 * and a day the job was down is caught up at the next run.
 */
export async function reminderSince(db: Db, timeZone: string, today: IsoDate): Promise<IsoDate> {
  const previous = previousWeekday(today);
  const last = await lastDoneDay(db, REMINDERS_JOB, startOfDay(today, timeZone), timeZone);
  return last !== undefined && last < previous ? last : previous;
}

function kindOn(dueOn: IsoDate, today: IsoDate): ReminderKind {
  const days = daysBetween(dueOn, today);
  return days < 0 ? 'upcoming' : days === 0 ? 'due' : 'overdue';
}

function isReminded(item: ObligationItem): boolean {
  return (
    item.obligation.kind === 'training' &&
    item.obligation.code.startsWith('trn-') &&
    (item.status === 'outstanding' || item.status === 'overdue')
  );
}

/**
 * Who is reminded of what today (PROGRAM.md section 8), computed without writing anything: mandatory
 * trainings (trn-*) not done nor declared, on their trigger days (catalog.reminders: 14 and 7 days
 * before, on the due date, then weekly while overdue; trigger days since `since` count, so a weekend's
 * are caught up on Monday), nothing on weekends. Profile and referent items go to the contact by DM,
 * the partner's own (and those nobody is designated for) to its channel; the partner's manager is told
 * from escalateToManagerAfterDaysOverdue days overdue. A snoozed item is not reminded before the snooze
 * ends, and is reminded the day it ends; the manager's escalation ignores snoozes. Each recipient gets one
 * message a day: one already reminded today is left out.
 */
export async function planReminders(
  db: Db,
  deps: ReminderDeps,
  input: { today: IsoDate; since: IsoDate | undefined },
): Promise<ReminderPlan> {
  const { today, since } = input;
  const { catalog } = deps;
  const plan: ReminderPlan = { today, since, entries: [], messages: [], log: [], alreadyReminded: [] };
  if (!isWeekday(today)) return plan;

  const [records, snoozeRows, reminded] = await Promise.all([
    createPartnersRepository(db).all(),
    createSnoozesRepository(db).endingFrom(since ?? today),
    createReminderLogRepository(db).recipientsOn(today),
  ]);
  const snoozedUntil = new Map(
    snoozeRows.map((s) => [`${s.partnerId}|${s.contactId ?? ''}|${s.obligation}`, s.until]),
  );
  const remindedToday = new Set(reminded);

  const partnersById = new Map<string, PartnerRow>();
  for (const record of records) {
    const { partner } = record;
    // A partner that left the program is not reminded from that day, nor is its manager told.
    if (hasLeft(partner, today)) continue;
    partnersById.set(partner.id, partner);
    const status = partnerStatus(catalog, record, today);
    for (const item of status.obligations) {
      if (!isReminded(item)) continue;
      const contactId = item.actor.kind === 'contact' ? item.actor.contact.id : null;
      const subject = contactId === null ? 'partner' : `contact:${contactId}`;
      const line = { partnerId: partner.id, partnerName: partner.name, item, contactId, subject };
      const day = { dueOn: item.dueOn, today, ...(since ? { since } : {}) };
      const until = snoozedUntil.get(`${partner.id}|${contactId ?? ''}|${item.obligation.code}`);
      if (until === undefined || until <= today) {
        const wokeUp = until !== undefined && (since === undefined ? until === today : until > since);
        const kind = reminderKind(catalog, day) ?? (wokeUp ? kindOn(item.dueOn, today) : null);
        const recipient =
          item.actor.kind === 'contact' ? item.actor.contact.slackUserId : partner.slackChannelId;
        if (kind && recipient) plan.entries.push({ ...line, kind, recipient });
      }
      if (partner.managerSlackUserId && escalates(catalog, day))
        plan.entries.push({ ...line, kind: 'escalation', recipient: partner.managerSlackUserId });
    }
  }

  const byRecipient = new Map<string, ReminderEntry[]>();
  for (const entry of plan.entries) {
    if (remindedToday.has(entry.recipient)) continue;
    const list = byRecipient.get(entry.recipient);
    if (list) list.push(entry);
    else byRecipient.set(entry.recipient, [entry]);
  }
  plan.alreadyReminded = [...new Set(plan.entries.map((e) => e.recipient))].filter((r) =>
    remindedToday.has(r),
  );

  // A contact or manager gets its reminders in the language Slack last gave for it; a channel, in LOCALE.
  const locales = await createUserLocalesRepository(db).of([...byRecipient.keys()].filter(isUserId));
  for (const [recipient, entries] of byRecipient) {
    const escalation = entries.every((e) => e.kind === 'escalation');
    const own = entries.filter((e) => e.kind !== 'escalation');
    const lines = escalation ? entries : [...own, ...entries.filter((e) => e.kind === 'escalation')];
    const dedupeKey = reminderKey(today, recipient);
    const v = reminderView(catalog, locales.get(recipient) ?? deps.config.LOCALE, today, lines, {
      escalation,
      partnerName: partnersById.get(lines[0]!.partnerId)?.name ?? '',
    });
    plan.messages.push({
      dedupeKey,
      kind: escalation ? 'reminder.escalation' : 'reminder.digest',
      channel: recipient,
      ...v,
    });
    for (const e of entries)
      plan.log.push({
        remindedOn: today,
        recipient,
        partnerId: e.partnerId,
        contactId: e.contactId,
        subject: e.subject,
        obligation: e.item.obligation.code,
        kind: e.kind,
        dueOn: e.item.dueOn,
        outboxKey: dedupeKey,
      });
  }
  return plan;
}

/** Plans today's reminders and, in the caller's transaction, queues them and logs what was reminded. */
export async function sendReminders(
  tx: Db,
  deps: ReminderDeps,
  input: { today: IsoDate; since: IsoDate | undefined },
): Promise<ReminderPlan & { queued: string[] }> {
  const plan = await planReminders(tx, deps, input);
  const queued = await enqueue(tx, plan.messages);
  await createReminderLogRepository(tx).record(plan.log);
  return { ...plan, queued };
}

/** Training reminders, on REMINDER_CRON (weekdays 09:00). */
export const remindersJob: JobDefinition = {
  name: REMINDERS_JOB,
  cronSetting: 'REMINDER_CRON',
  async run({ tx, deps, today }) {
    const since = await reminderSince(tx, deps.config.PROGRAM_TIMEZONE, today);
    const plan = await sendReminders(tx, deps, { today, since });
    return {
      today,
      since,
      items: plan.entries.length,
      messages: plan.messages.length,
      queued: plan.queued.length,
      escalations: plan.entries.filter((e) => e.kind === 'escalation').length,
    };
  },
};
