import type { Locale } from '../program/locales.js';
import { plural } from './format.js';
import { agree } from './french.js';

/**
 * Training reminders (PROGRAM.md section 8) and the replies to their buttons, in both locales. English is
 * the reference shape; arguments arrive formatted and escaped.
 */
const en = {
  title: 'Mandatory trainings to complete',
  text: (count: number) =>
    `Reminder: ${plural(count, { one: '{n} mandatory training', other: '{n} mandatory trainings' }, 'en')} to complete.`,
  intro: (partner: string) => `Mandatory trainings for ${partner}:`,
  escalationTitle: 'Overdue trainings in your portfolio',
  escalationText: (count: number) =>
    `${plural(count, { one: '{n} mandatory training', other: '{n} mandatory trainings' }, 'en')} overdue in your portfolio.`,
  escalationIntro: 'These mandatory trainings are long overdue:',

  upcoming: (date: string, days: string) => `due ${date} (in ${days})`,
  due: (date: string) => `due *today* (${date})`,
  overdue: (date: string, days: string) => `*overdue* since ${date} (${days})`,
  days: { one: '{n} day', other: '{n} days' },
  who: {
    contact: (mention: string) => `for ${mention}`,
    noContact: (profile: string) => `no ${profile} contact on record`,
    noReferent: (profile: string) => `no ${profile} referent designated`,
  },
  more: (n: number) => `… and ${n} more`,

  buttons: {
    done: 'Done',
    snooze: (days: string) => `Snooze ${days}`,
  },

  replies: {
    pending: (training: string) =>
      `Thanks! *${training}* is recorded as done and awaits your partner manager’s confirmation. No more reminders for it.`,
    confirmed: (training: string) => `*${training}* is recorded as done (confirmed).`,
    alreadyDone: (training: string) => `*${training}* was already recorded as done.`,
    snoozed: (training: string, date: string) => `Snoozed: no reminder for *${training}* before ${date}.`,
    forbidden: 'Only the contact concerned, the partner’s contacts or the Dstny partner team can do this.',
    noContact: 'This partner has no contact to record the training for: add one first.',
    gone: 'This item no longer exists.',
  },
};

export type ReminderMessages = typeof en;

const fr: ReminderMessages = {
  title: 'Formations obligatoires à suivre',
  text: (count) =>
    `Rappel\u202f: ${plural(count, { one: '{n} formation obligatoire', other: '{n} formations obligatoires' }, 'fr')} à suivre.`,
  intro: (partner) => `Formations obligatoires pour ${partner}\u202f:`,
  escalationTitle: 'Formations en retard dans votre portefeuille',
  escalationText: (count) =>
    `${plural(count, { one: '{n} formation obligatoire', other: '{n} formations obligatoires' }, 'fr')} en retard dans votre portefeuille.`,
  escalationIntro: 'Ces formations obligatoires sont en retard depuis longtemps\u202f:',

  upcoming: (date, days) => `avant le ${date} (dans ${days})`,
  due: (date) => `à suivre *aujourd’hui* (${date})`,
  overdue: (date, days) => `*en retard* depuis le ${date} (${days})`,
  days: { one: '{n} jour', other: '{n} jours' },
  who: {
    contact: (mention) => `pour ${mention}`,
    noContact: (profile) => `aucun contact ${profile.toLocaleLowerCase('fr')} enregistré`,
    noReferent: (profile) => `aucun référent ${profile.toLocaleLowerCase('fr')} désigné`,
  },
  more: (n) => `… et ${n} de plus`,

  buttons: {
    done: 'Fait',
    snooze: (days) => `Reporter de ${days}`,
  },

  replies: {
    pending: (training) =>
      `Merci\u202f! *${training}* est ${agree(training, { m: 'enregistré comme suivi', f: 'enregistrée comme suivie' })} et attend la confirmation de votre responsable partenaire. Plus de rappel à ce sujet.`,
    confirmed: (training) =>
      `*${training}* est ${agree(training, { m: 'enregistré comme suivi (confirmé)', f: 'enregistrée comme suivie (confirmée)' })}.`,
    alreadyDone: (training) =>
      `*${training}* était déjà ${agree(training, { m: 'enregistré comme suivi', f: 'enregistrée comme suivie' })}.`,
    snoozed: (training, date) => `Reporté\u202f: pas de rappel pour *${training}* avant le ${date}.`,
    forbidden:
      'Seuls le contact concerné, les contacts du partenaire ou l’équipe Partenaires Dstny peuvent le faire.',
    noContact:
      'Ce partenaire n’a aucun contact pour qui enregistrer la formation\u202f: ajoutez-en un d’abord.',
    gone: 'Cet élément n’existe plus.',
  },
};

export const reminderMessages: Record<Locale, ReminderMessages> = { fr, en };
