/**
 * Every user-facing message, in French and English. One file per surface (commands.ts for /partner;
 * announcements, reminders... beside it), each typed so that both locales have the same keys.
 */
export { type AnnouncementMessages, announcementMessages } from './announcements.js';
export { type CommandMessages, commandMessages } from './commands.js';
export { type DigestMessages, digestMessages } from './digest.js';
export {
  formatDate,
  formatEuros,
  formatList,
  formatMoney,
  formatMonth,
  formatNumber,
  type Locale,
  label,
  type PluralForms,
  plural,
} from './format.js';
export { type HomeMessages, homeMessages } from './home.js';
export {
  createLocaleCache,
  createLocaleResolver,
  type LocaleCache,
  type LocaleResolver,
  localeFromSlack,
  type UsersInfoClient,
} from './locale.js';
export { type ReminderMessages, reminderMessages } from './reminders.js';
export { type WriteMessages, type WriteNotifications, writeMessages, writeNotifications } from './writes.js';
