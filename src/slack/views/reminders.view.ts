import { colon, formatDate, label, plural } from '../../i18n/format.js';
import { type ReminderMessages, reminderMessages } from '../../i18n/reminders.js';
import type { Catalog, Locale } from '../../program/catalog.schema.js';
import { daysBetween, type IsoDate } from '../../program/dates.js';
import type { ObligationItem } from '../../program/obligations.js';
import type { ReminderKind } from '../../program/reminders.js';
import { ACTION_IDS, encodeValue } from '../ids.js';
import {
  actions,
  button,
  context,
  header,
  type KnownBlock,
  LIMITS,
  lineSections,
  section,
  type View,
  view,
} from './blocks.js';
import { escapeMrkdwn, mention } from './escape.js';

/** One item in a recipient's reminder of the day. */
export interface ReminderLine {
  partnerId: string;
  partnerName: string;
  item: ObligationItem;
  kind: ReminderKind | 'escalation';
  contactId: number | null;
}

/** Items shown with their own buttons; the rest are listed as text (a message holds 50 blocks). */
const MAX_ITEMS_WITH_BUTTONS = 20;

function whenText(m: ReminderMessages, locale: Locale, dueOn: IsoDate, today: IsoDate): string {
  const days = daysBetween(today, dueOn);
  const date = formatDate(dueOn, locale);
  if (days > 0) return m.upcoming(date, plural(days, m.days, locale));
  if (days === 0) return m.due(date);
  return m.overdue(date, plural(-days, m.days, locale));
}

function whoText(m: ReminderMessages, catalog: Catalog, locale: Locale, item: ObligationItem): string {
  const profileLabel = (code: string) => {
    const profile = catalog.profiles.find((p) => p.code === code);
    return escapeMrkdwn(profile ? label(profile.label, locale) : code);
  };
  switch (item.actor.kind) {
    case 'contact':
      return m.who.contact(mention(item.actor.contact.slackUserId, item.actor.contact.name));
    case 'no-contact':
      return m.who.noContact(profileLabel(item.actor.profile));
    case 'no-referent':
      return m.who.noReferent(profileLabel(item.actor.profile));
    default:
      return '';
  }
}

/**
 * One recipient's reminder of the day: every item due, each with Done and Snooze buttons (a manager's
 * escalated items carry Done only: snoozing is the contact's call). `withPartner` names the partner on
 * each line (a manager's message spans partners).
 */
export function reminderView(
  catalog: Catalog,
  locale: Locale,
  today: IsoDate,
  lines: ReminderLine[],
  options: { escalation: boolean; partnerName?: string; mentionContacts?: boolean },
): View {
  const m = reminderMessages[locale];
  const count = lines.length;
  const blocks: KnownBlock[] = [header(options.escalation ? m.escalationTitle : m.title)];
  blocks.push(
    section(
      options.escalation
        ? m.escalationIntro
        : m.intro(`*${escapeMrkdwn(options.partnerName ?? lines[0]?.partnerName ?? '')}*`),
    ),
  );
  const describe = (line: ReminderLine) => {
    const parts = [
      `*${escapeMrkdwn(label(line.item.obligation.label, locale))}*`,
      whenText(m, locale, line.item.dueOn, today),
    ];
    // In a DM the contact's own items need no name; in a channel each contact is mentioned with its own.
    const who =
      line.item.actor.kind === 'contact' && !options.escalation && !options.mentionContacts
        ? ''
        : whoText(m, catalog, locale, line.item);
    if (who) parts.push(who);
    const text = parts.join(' · ');
    return options.escalation ? `${escapeMrkdwn(line.partnerName)}${colon(locale)} ${text}` : text;
  };
  const shown = lines.slice(0, MAX_ITEMS_WITH_BUTTONS);
  shown.forEach((line, index) => {
    blocks.push(section(describe(line)));
    const value = { p: line.partnerId, o: line.item.obligation.code, c: line.contactId };
    const buttons = [
      button({
        text: m.buttons.done,
        actionId: `${ACTION_IDS.reminderDone}:${index}`,
        value: encodeValue(value),
        style: 'primary',
      }),
    ];
    if (!options.escalation)
      for (const days of catalog.reminders.snoozeDays)
        buttons.push(
          button({
            text: m.buttons.snooze(plural(days, m.days, locale)),
            actionId: `${ACTION_IDS.reminderSnooze}:${days}`,
            value: encodeValue({ ...value, d: days }),
          }),
        );
    blocks.push(...actions(buttons));
  });
  const rest = lines.slice(MAX_ITEMS_WITH_BUTTONS).map((line) => `• ${describe(line)}`);
  if (rest.length) blocks.push(...lineSections(rest, { maxBlocks: 3, more: m.more }));
  if (blocks.length > LIMITS.blocksPerMessage)
    blocks.splice(LIMITS.blocksPerMessage - 1, Infinity, context(m.more(count)));
  return view(options.escalation ? m.escalationText(count) : m.text(count), blocks);
}
