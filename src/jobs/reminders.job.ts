import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { ContactRow } from '../db/repositories/contacts.repository.js';
import {
  createDeclarationLinksRepository,
  type NewDeclarationLink,
} from '../db/repositories/declaration-links.repository.js';
import type { PartnerRecord, PartnerRow } from '../db/repositories/partners.repository.js';
import { createPartnersRepository } from '../db/repositories/partners.repository.js';
import {
  createReminderLogRepository,
  type NewReminderLogRow,
} from '../db/repositories/reminder-log.repository.js';
import { createSnoozesRepository } from '../db/repositories/snoozes.repository.js';
import { createUserLocalesRepository } from '../db/repositories/user-locales.repository.js';
import { contactLocale } from '../i18n/locale.js';
import { reminderMail } from '../mail/reminders.mail.js';
import { isUserId } from '../outbox/delivery-client.js';
import { emailMessage, mailConfigured, mailRecipient } from '../outbox/email.js';
import { enqueue, type OutboxMessage } from '../outbox/enqueue.js';
import type { Catalog, Locale } from '../program/catalog.schema.js';
import { addDays, daysBetween, type IsoDate } from '../program/dates.js';
import { hasLeft } from '../program/membership.js';
import type { ObligationItem } from '../program/obligations.js';
import { escalates, isWeekday, type ReminderKind, reminderKind } from '../program/reminders.js';
import { issueDeclarationLink } from '../services/declaration-links.service.js';
import { partnerStatus } from '../services/partner-status.service.js';
import { type ReminderLine, reminderView } from '../slack/views/reminders.view.js';
import { startOfDay } from './cron.js';
import { type JobDefinition, lastDoneDay } from './occurrences.js';
import { sendCertificationRenewals } from './reminders.certifications.js';

export const REMINDERS_JOB = 'reminders';

export interface ReminderDeps {
  catalog: Catalog;
  config: Pick<Config, 'LOCALE' | 'PROGRAM_TIMEZONE'> &
    Partial<Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'PUBLIC_URL' | 'LINK_SECRET'>>;
  homeTeamIds?: readonly string[] | undefined;
  /** The clock the declaration links expire from (PUBLIC_URL set); the system's when left out. */
  now?: () => Date;
}

/**
 * How a reminder reaches whoever must act: a DM (a member or guest of the workspace, or the manager),
 * the partner's channel (the partner's own items, and its external contacts, mentioned there: a bot
 * cannot DM a person of another organisation), an e-mail (a contact not on Slack), or nothing at all
 * (no Slack route and no SMTP): kept in reminder_log as unreached and reported in the manager's digest.
 */
export type ReminderRoute = 'dm' | 'channel' | 'email' | 'unreached';

export interface ReminderEntry extends ReminderLine {
  recipient: string;
  subject: string;
  route: ReminderRoute;
  /** The contact who owes the item, for DMs and e-mails (its address, name and language). */
  contact?: ContactRow | undefined;
}

/** Whether a contact belongs to another Slack team than the bot's (Slack Connect). */
export function isExternal(
  contact: Pick<ContactRow, 'slackTeamId'>,
  homeTeamIds?: readonly string[],
): boolean {
  return !!contact.slackTeamId && !!homeTeamIds?.length && !homeTeamIds.includes(contact.slackTeamId);
}

/** Where a contact's own reminder goes (see ReminderRoute). */
export function contactRoute(
  contact: ContactRow,
  partner: Pick<PartnerRow, 'slackChannelId'>,
  deps: Pick<ReminderDeps, 'config' | 'homeTeamIds'>,
): { route: ReminderRoute; recipient: string } {
  if (contact.slackUserId && !isExternal(contact, deps.homeTeamIds))
    return { route: 'dm', recipient: contact.slackUserId };
  if (contact.slackUserId && partner.slackChannelId)
    return { route: 'channel', recipient: partner.slackChannelId };
  if (contact.email && mailConfigured(deps.config))
    return { route: 'email', recipient: mailRecipient(contact.email) };
  return { route: 'unreached', recipient: `unreached:contact:${contact.id}` };
}

export interface ReminderPlan {
  today: IsoDate;
  since: IsoDate | undefined;
  entries: ReminderEntry[];
  messages: OutboxMessage[];
  log: NewReminderLogRow[];
  /** Recipients left out because they already had their reminder today. */
  alreadyReminded: string[];
  /** The declaration links the e-mails carry (PUBLIC_URL set), each with the outbox row it goes out in. */
  links: { outboxKey: string; row: NewDeclarationLink }[];
}

export interface ReminderInput {
  today: IsoDate;
  since: IsoDate | undefined;
  /** Every partner's record (revenue aside), when the caller has read them already. */
  records?: PartnerRecord[];
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
export async function planReminders(db: Db, deps: ReminderDeps, input: ReminderInput): Promise<ReminderPlan> {
  const { today, since } = input;
  const { catalog } = deps;
  const plan: ReminderPlan = {
    today,
    since,
    entries: [],
    messages: [],
    log: [],
    alreadyReminded: [],
    links: [],
  };
  if (!isWeekday(today)) return plan;

  const [records, snoozeRows, reminded] = await Promise.all([
    input.records ?? createPartnersRepository(db).all(),
    createSnoozesRepository(db).endingFrom(since ?? today),
    createReminderLogRepository(db).recipientsOn(today),
  ]);
  const snoozedUntil = new Map(
    snoozeRows.map((s) => [`${s.partnerId}|${s.contactId ?? ''}|${s.obligation}`, s.until]),
  );
  const remindedToday = new Set(reminded);

  const partnersById = new Map<string, PartnerRow>();
  const contactsById = new Map<number, ContactRow>();
  for (const record of records) {
    const { partner } = record;
    for (const c of record.contacts) contactsById.set(c.id, c);
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
        const contact = contactId === null ? undefined : contactsById.get(contactId);
        const to = contact
          ? contactRoute(contact, partner, deps)
          : partner.slackChannelId
            ? { route: 'channel' as const, recipient: partner.slackChannelId }
            : undefined;
        if (kind && to) plan.entries.push({ ...line, kind, ...to, contact });
      }
      if (partner.managerSlackUserId && escalates(catalog, day))
        plan.entries.push({
          ...line,
          kind: 'escalation',
          recipient: partner.managerSlackUserId,
          route: 'dm',
        });
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

  // A person gets its reminders in the language Slack last gave for it, else the import's, else LOCALE;
  // a channel in its partner's language, else LOCALE.
  const userIds = [...byRecipient.values()].flatMap((entries) =>
    entries.flatMap((e) =>
      (e.route === 'dm' || e.route === 'email') && e.contact?.slackUserId ? [e.contact.slackUserId] : [],
    ),
  );
  const locales = await createUserLocalesRepository(db).of([
    ...new Set([...[...byRecipient.keys()].filter(isUserId), ...userIds]),
  ]);
  // A DM's recipient is its user, whose language Slack may have given even without a contact row.
  const personLocale = (recipient: string, contact: ContactRow | undefined): Locale =>
    contactLocale(contact, locales, locales.get(recipient) ?? deps.config.LOCALE);
  for (const [recipient, entries] of byRecipient) {
    const escalation = entries.every((e) => e.kind === 'escalation');
    const own = entries.filter((e) => e.kind !== 'escalation');
    const lines = escalation ? entries : [...own, ...entries.filter((e) => e.kind === 'escalation')];
    const first = lines[0]!;
    const dedupeKey = reminderKey(today, recipient);
    const partner = partnersById.get(first.partnerId);
    const partnerName = partner?.name ?? '';
    const mailOf = (contact: ContactRow, key: string): OutboxMessage | undefined => {
      if (!contact.email || !mailConfigured(deps.config)) return undefined;
      const signing =
        deps.config.PUBLIC_URL && deps.config.LINK_SECRET
          ? { publicUrl: deps.config.PUBLIC_URL, secret: deps.config.LINK_SECRET }
          : undefined;
      const now = deps.now?.() ?? new Date();
      const mail = reminderMail(personLocale(recipient, contact), today, {
        contactName: contact.name,
        partnerName,
        lines: own.map((e) => {
          if (!signing || e.contactId !== contact.id) return { item: e.item };
          const link = issueDeclarationLink(signing, {
            contactId: contact.id,
            obligation: e.item.obligation.code,
            now,
          });
          plan.links.push({ outboxKey: dedupeKey, row: link.row });
          return { item: e.item, declareUrl: link.url };
        }),
      });
      return emailMessage({ dedupeKey: key, kind: 'reminder.email', to: contact.email, mail });
    };
    if (first.route === 'email' && first.contact) {
      const mail = mailOf(first.contact, dedupeKey);
      if (mail) plan.messages.push(mail);
    } else if (first.route === 'dm' || first.route === 'channel') {
      const channel = first.route === 'channel';
      const locale = channel
        ? (partner?.locale ?? deps.config.LOCALE)
        : personLocale(recipient, first.contact);
      const v = reminderView(catalog, locale, today, lines, {
        escalation,
        partnerName,
        mentionContacts: channel,
      });
      // A DM Slack refuses for good (user gone, DM not allowed...) goes out by e-mail instead.
      const fallback =
        !escalation && !channel && first.contact ? mailOf(first.contact, `${dedupeKey}:email`) : undefined;
      plan.messages.push({
        dedupeKey,
        kind: escalation ? 'reminder.escalation' : 'reminder.digest',
        channel: recipient,
        ...v,
        ...(fallback ? { fallback } : {}),
      });
    }
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
        route: e.route,
      });
  }
  return plan;
}

/** Plans today's reminders and, in the caller's transaction, queues them and logs what was reminded. */
export async function sendReminders(
  tx: Db,
  deps: ReminderDeps,
  input: ReminderInput,
): Promise<ReminderPlan & { queued: string[] }> {
  const plan = await planReminders(tx, deps, input);
  const queued = await enqueue(tx, plan.messages);
  await createReminderLogRepository(tx).record(plan.log);
  // Only the links of e-mails queued now: a message already queued by an earlier run keeps its own.
  const sent = new Set(queued);
  await createDeclarationLinksRepository(tx).insert(
    plan.links.filter((l) => sent.has(l.outboxKey)).map((l) => l.row),
  );
  return { ...plan, queued };
}

/** Training reminders and Experts Zen certification renewals, on REMINDER_CRON (weekdays 09:00). */
export const remindersJob: JobDefinition = {
  name: REMINDERS_JOB,
  cronSetting: 'REMINDER_CRON',
  async run({ tx, deps, today }) {
    const since = await reminderSince(tx, deps.config.PROGRAM_TIMEZONE, today);
    // Both plans start from every partner's record, read once (on weekdays: they remind on no other).
    const records = isWeekday(today) ? await createPartnersRepository(tx).all() : [];
    const plan = await sendReminders(tx, deps, { today, since, records });
    const renewals = await sendCertificationRenewals(tx, deps, today, records);
    const unreached = plan.entries.filter((e) => e.route === 'unreached').length;
    return {
      ...(renewals.log.length ? { renewals: renewals.log.length } : {}),
      today,
      since,
      items: plan.entries.length,
      messages: plan.messages.length,
      queued: plan.queued.length,
      escalations: plan.entries.filter((e) => e.kind === 'escalation').length,
      ...(unreached ? { unreached } : {}),
    };
  },
};
