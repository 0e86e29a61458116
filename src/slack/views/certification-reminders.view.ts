import { depthModalsMessages } from '../../i18n/depth-modals.js';
import { formatDate, label, plural } from '../../i18n/format.js';
import { reminderMessages } from '../../i18n/reminders.js';
import type { Locale } from '../../program/catalog.schema.js';
import type { Certification } from '../../program/certifications.js';
import { daysBetween, type IsoDate } from '../../program/dates.js';
import { context, header, section, type View, view } from './blocks.js';
import { escapeMrkdwn } from './escape.js';

/**
 * A partner's Experts Zen certifications due again (program/certifications.ts): each with the day it was
 * done, the day it lapses and the days left; no buttons (a renewal is recorded by its manager).
 */
export function certificationRenewalView(
  locale: Locale,
  today: IsoDate,
  partnerName: string,
  due: readonly Certification[],
): View {
  const m = depthModalsMessages[locale].renewal;
  const days = reminderMessages[locale].days;
  const partner = escapeMrkdwn(partnerName);
  const lines = due.map((c) =>
    m.line(
      escapeMrkdwn(label(c.requirement.label, locale)),
      formatDate(c.doneOn, locale),
      formatDate(c.lapsesOn, locale),
      plural(daysBetween(today, c.lapsesOn), days, locale),
    ),
  );
  return view(m.text(partner), [
    header(m.title),
    section([m.intro(partner), ...lines.map((l) => `• ${l}`)].join('\n')),
    context(m.outro),
  ]);
}
