import { formatDate, label } from '../i18n/format.js';
import { reminderMailMessages } from '../i18n/reminder-mail.js';
import type { Locale } from '../program/catalog.schema.js';
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
  const items = input.lines.map((l) => ({
    title: label(l.item.obligation.label, locale),
    when: when(l.item.dueOn),
    url: l.declareUrl,
  }));
  const text = [
    m.greeting(input.contactName),
    '',
    m.intro(input.partnerName),
    '',
    ...items.flatMap((i) => [`- ${i.title}, ${i.when}`, ...(i.url ? [`  ${m.declare} ${i.url}`] : [])]),
    '',
    m.outro,
    '',
    m.signature,
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${locale}"><body>`,
    `<p>${escapeHtml(m.greeting(input.contactName))}</p>`,
    `<p>${escapeHtml(m.intro(input.partnerName))}</p>`,
    '<ul>',
    ...items.map(
      (i) =>
        `<li><strong>${escapeHtml(i.title)}</strong>, ${escapeHtml(i.when)}${
          i.url ? ` — <a href="${escapeHtml(i.url)}">${escapeHtml(m.declareButton)}</a>` : ''
        }</li>`,
    ),
    '</ul>',
    `<p>${escapeHtml(m.outro)}</p>`,
    `<p>${escapeHtml(m.signature)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: oneLine(m.subject(input.partnerName, items.length)), text, html };
}
