import { formatDate, label, plural } from '../i18n/format.js';
import { reminderMailMessages } from '../i18n/reminder-mail.js';
import { reminderMessages } from '../i18n/reminders.js';
import type { Locale } from '../program/catalog.schema.js';
import type { Certification } from '../program/certifications.js';
import { daysBetween, type IsoDate } from '../program/dates.js';
import type { ObligationItem } from '../program/obligations.js';

/** An e-mail's subject and its two bodies. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface ReminderMailLine {
  item: ObligationItem;
  /** A signed link to declare it done (PUBLIC_URL set), else none. */
  declareUrl?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Header lines cannot carry a line break (a header injection): names come from spreadsheets. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

/** One line of a mail's list: what, when, and a link to act on it. */
interface MailLine {
  title: string;
  when: string;
  url?: string | undefined;
}

/** A mail to a contact: greeting, intro, a list, outro and signature, as plain text and as HTML. */
function listMail(
  locale: Locale,
  input: { subject: string; contactName: string; intro: string; lines: MailLine[]; outro: string },
): RenderedMail {
  const m = reminderMailMessages[locale];
  const text = [
    m.greeting(input.contactName),
    '',
    input.intro,
    '',
    ...input.lines.flatMap((i) => [`- ${i.title}, ${i.when}`, ...(i.url ? [`  ${m.declare} ${i.url}`] : [])]),
    '',
    input.outro,
    '',
    m.signature,
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${locale}"><body>`,
    `<p>${escapeHtml(m.greeting(input.contactName))}</p>`,
    `<p>${escapeHtml(input.intro)}</p>`,
    '<ul>',
    ...input.lines.map(
      (i) =>
        `<li><strong>${escapeHtml(i.title)}</strong>, ${escapeHtml(i.when)}${
          i.url ? ` — <a href="${escapeHtml(i.url)}">${escapeHtml(m.declareButton)}</a>` : ''
        }</li>`,
    ),
    '</ul>',
    `<p>${escapeHtml(input.outro)}</p>`,
    `<p>${escapeHtml(m.signature)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: oneLine(input.subject), text, html };
}

/** The reminder of the day for a contact reached by e-mail, in its language: plain text and HTML. */
export function reminderMail(
  locale: Locale,
  today: IsoDate,
  input: { contactName: string; partnerName: string; lines: ReminderMailLine[] },
): RenderedMail {
  const m = reminderMailMessages[locale];
  const when = (dueOn: IsoDate) => {
    const days = daysBetween(today, dueOn);
    const date = formatDate(dueOn, locale);
    return days > 0 ? m.upcoming(date) : days === 0 ? m.due(date) : m.overdue(date);
  };
  return listMail(locale, {
    subject: m.subject(input.partnerName, input.lines.length),
    contactName: input.contactName,
    intro: m.intro(input.partnerName),
    lines: input.lines.map((l) => ({
      title: label(l.item.obligation.label, locale),
      when: when(l.item.dueOn),
      url: l.declareUrl,
    })),
    outro: m.outro,
  });
}

/** Experts Zen certifications due again, for a contact reached by e-mail, in its language. */
export function certificationRenewalMail(
  locale: Locale,
  today: IsoDate,
  input: { contactName: string; partnerName: string; due: readonly Certification[] },
): RenderedMail {
  const m = reminderMailMessages[locale].renewal;
  return listMail(locale, {
    subject: m.subject(input.partnerName),
    contactName: input.contactName,
    intro: m.intro(input.partnerName),
    lines: input.due.map((c) => ({
      title: label(c.requirement.label, locale),
      when: m.line(
        formatDate(c.doneOn, locale),
        formatDate(c.lapsesOn, locale),
        plural(daysBetween(today, c.lapsesOn), reminderMessages[locale].days, locale),
      ),
    })),
    outro: m.outro,
  });
}
