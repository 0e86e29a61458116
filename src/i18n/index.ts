/**
 * Every user-facing message, in each locale of LOCALES (program/locales.ts). One file per surface
 * (commands.ts for /partner; announcements, reminders... beside it), each a Record<Locale, …> so that a
 * locale missing from a table fails the typecheck, and the same keys in every locale.
 */

export { type AnnouncementMailMessages, announcementMailMessages } from './announcement-mail.js';
export { type AnnouncementMessages, announcementMessages } from './announcements.js';
export { type AssistantMessages, assistantMessages } from './assistant.js';
export { type BenefitUsesMessages, benefitUsesMessages } from './benefit-uses.js';
export { type CommandMessages, commandMessages } from './commands.js';
export { type ConsoleMessages, consoleMessages } from './console.js';
export { type DeclarationPageMessages, declarationPageMessages } from './declaration-page.js';
export { type DepthModalsMessages, depthModalsMessages } from './depth-modals.js';
export { type DigestMessages, digestMessages } from './digest.js';
export {
  colon,
  formatDate,
  formatEuros,
  formatList,
  formatMoney,
  formatMonth,
  formatMonthRange,
  formatNumber,
  formatSemester,
  type Locale,
  label,
  type PluralForms,
  plural,
} from './format.js';
export { agree, elide, type Gender, genderOf } from './french.js';
export { type HomeMessages, homeMessages } from './home.js';
export { type ImportExportMessages, importExportMessages } from './import-export.js';
export {
  describeNote,
  describeProblem,
  type ImportNote,
  type ImportProblem,
  importIssueMessages,
  importNoteMessages,
} from './import-issues.js';
export { type JobRunMessages, jobRunMessages } from './job-runs.js';
export {
  contactLocale,
  createLocaleCache,
  createLocaleResolver,
  type LocaleCache,
  type LocaleResolver,
  localeFromSlack,
  type UsersInfoClient,
} from './locale.js';
export { type MembershipMessages, membershipMessages } from './membership.js';
export { type ObjectivesMessages, objectivesMessages } from './objectives.js';
export { type OperatorFeesMessages, operatorFeesMessages } from './operator-fees.js';
export { type ReminderMailMessages, reminderMailMessages } from './reminder-mail.js';
export { type ReminderMessages, reminderMessages } from './reminders.js';
export { type WriteMessages, type WriteNotifications, writeMessages, writeNotifications } from './writes.js';
export { type ZenDirectoryMessages, zenDirectoryMessages } from './zen-directory.js';
