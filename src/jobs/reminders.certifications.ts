import type { Db } from '../db/client.js';
import type { ContactRow } from '../db/repositories/contacts.repository.js';
import { createRepositories } from '../db/repositories/index.js';
import type { PartnerRecord } from '../db/repositories/partners.repository.js';
import type { NewReminderLogRow } from '../db/repositories/reminder-log.repository.js';
import { contactLocale } from '../i18n/locale.js';
import { certificationRenewalMail } from '../mail/reminders.mail.js';
import { emailMessage } from '../outbox/email.js';
import { enqueue, type OutboxMessage } from '../outbox/enqueue.js';
import { lapsingRequirements, renewalsToRemind } from '../program/certifications.js';
import type { IsoDate } from '../program/dates.js';
import { hasLeft } from '../program/membership.js';
import { isWeekday } from '../program/reminders.js';
import { certificationRenewalView } from '../slack/views/certification-reminders.view.js';
import { contactRoute, type ReminderDeps, type ReminderRoute } from './reminders.job.js';

export interface CertificationRenewalPlan {
  messages: OutboxMessage[];
  log: NewReminderLogRow[];
}

/**
 * Experts Zen certifications due again (the QCM, the certification training: catalog validForMonths and
 * expertsZen.renewalReminderDays), reminded with the training reminders, on weekdays, once per lapse (the
 * reminder log keeps each lapse reminded). For partners in a tier that qualifies for Experts Zen and still
 * in the program. Like a partner's own training item it goes to the partner's channel; a partner without
 * one has each of its contacts reminded (a DM, the channel of a Slack Connect contact, or an e-mail for a
 * contact not on Slack when SMTP is configured); a contact with no route at all is logged unreached.
 */
async function planCertificationRenewals(
  db: Db,
  deps: ReminderDeps,
  today: IsoDate,
  partners: readonly PartnerRecord[],
): Promise<CertificationRenewalPlan> {
  const plan: CertificationRenewalPlan = { messages: [], log: [] };
  const { catalog } = deps;
  const codes = lapsingRequirements(catalog).map((r) => r.code);
  if (!isWeekday(today) || codes.length === 0) return plan;
  const repos = createRepositories(db);
  // A lapse is due again only before it lapses: reminders of lapses already past cannot matter.
  const reminded = await repos.reminderLog.remindedOf(codes, today);
  const remindedLapses = new Set(reminded.map((r) => `${r.partnerId}|${r.obligation}|${r.dueOn}`));
  const lapsing = new Set<string>(codes);
  const records = partners.filter((r) => r.checklist.some((k) => lapsing.has(k.item)));
  const slackLocales = await repos.userLocales.of(
    records.flatMap((r) => r.contacts.flatMap((c) => (c.slackUserId ? [c.slackUserId] : []))),
  );
  for (const { partner, checklist, contacts } of records) {
    if (hasLeft(partner, today) || !catalog.expertsZen.qualifyingTiers.includes(partner.tier)) continue;
    const due = renewalsToRemind(catalog, checklist, today, (code, lapsesOn) =>
      remindedLapses.has(`${partner.id}|${code}|${lapsesOn}`),
    );
    if (due.length === 0) continue;
    const recipients: { route: ReminderRoute; recipient: string; contact?: ContactRow }[] =
      partner.slackChannelId
        ? [{ route: 'channel', recipient: partner.slackChannelId }]
        : contacts.map((contact) => ({ ...contactRoute(contact, partner, deps), contact }));
    // A channel is told once, even when several Slack Connect contacts are reached through it.
    const seen = new Set<string>();
    for (const { route, recipient, contact } of recipients) {
      if (seen.has(recipient)) continue;
      seen.add(recipient);
      const dedupeKey = `certifications:${today}:${partner.id}:${recipient}`;
      const locale =
        route === 'channel'
          ? (partner.locale ?? deps.config.LOCALE)
          : contactLocale(contact, slackLocales, deps.config.LOCALE);
      if (route === 'dm' || route === 'channel') {
        plan.messages.push({
          dedupeKey,
          kind: 'reminder.certification',
          channel: recipient,
          ...certificationRenewalView(locale, today, partner.name, due),
        });
      } else if (route === 'email' && contact?.email) {
        const mail = certificationRenewalMail(locale, today, {
          contactName: contact.name,
          partnerName: partner.name,
          due,
        });
        plan.messages.push(
          emailMessage({ dedupeKey, kind: 'reminder.certification', to: contact.email, mail }),
        );
      }
      plan.log.push(
        ...due.map((c) => ({
          remindedOn: today,
          recipient,
          partnerId: partner.id,
          contactId: contact?.id ?? null,
          subject: contact ? `contact:${contact.id}` : 'partner',
          obligation: c.requirement.code,
          kind: 'upcoming' as const,
          dueOn: c.lapsesOn,
          outboxKey: dedupeKey,
          route,
        })),
      );
    }
  }
  return plan;
}

/** Plans today's certification renewals and, in the caller's transaction, queues and logs them. */
export async function sendCertificationRenewals(
  tx: Db,
  deps: ReminderDeps,
  today: IsoDate,
  /** Every partner's record, as the reminders read them. */
  partners: readonly PartnerRecord[],
): Promise<CertificationRenewalPlan & { queued: string[] }> {
  const plan = await planCertificationRenewals(tx, deps, today, partners);
  const queued = await enqueue(tx, plan.messages);
  await createRepositories(tx).reminderLog.record(plan.log);
  return { ...plan, queued };
}
