import { announcementMailMessages } from '../i18n/announcement-mail.js';
import { formatDate } from '../i18n/format.js';
import type { Locale } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { escapeHtml, oneLine, type RenderedMail } from './reminders.mail.js';

/** A partner's promotion or demotion, by e-mail to a contact its channel cannot reach, in its language. */
export function tierChangeMail(
  locale: Locale,
  input: {
    contactName: string;
    partnerName: string;
    previousTier: string;
    tier: string;
    effectiveOn: IsoDate;
    promoted: boolean;
  },
): RenderedMail {
  const m = announcementMailMessages[locale];
  const date = formatDate(input.effectiveOn, locale);
  const body = (input.promoted ? m.promoted : m.demoted)(
    input.partnerName,
    input.previousTier,
    input.tier,
    date,
  );
  const subject = (input.promoted ? m.promotedSubject : m.demotedSubject)(input.partnerName, input.tier);
  const paragraphs = [m.greeting(input.contactName), body, m.signature];
  return {
    subject: oneLine(subject),
    text: paragraphs.join('\n\n'),
    html: `<!doctype html><html lang="${locale}"><body>\n${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}\n</body></html>`,
  };
}
