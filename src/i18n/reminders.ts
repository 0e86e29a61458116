import type { Locale } from '../program/locales.js';

/**
 * Training reminders (PROGRAM.md section 8) and the replies to their buttons, in both locales. English is
 * the reference shape; arguments arrive formatted and escaped.
 */
const en = {
  title: 'Mandatory trainings to complete',
  text: (count: number) => `Reminder: ${count} mandatory training(s) to complete.`,
  intro: (partner: string) => `Mandatory trainings for ${partner}:`,
  escalationTitle: 'Overdue trainings in your portfolio',
  escalationText: (count: number) => `${count} mandatory training(s) overdue in your portfolio.`,
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
      `Thanks! *${training}* is recorded as done and awaits your partner manager's confirmation. No more reminders for it.`,
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
  text: (count) => `Rappel : ${count} formation(s) obligatoire(s) à suivre.`,
  intro: (partner) => `Formations obligatoires pour ${partner} :`,
  escalationTitle: 'Formations en retard dans votre portefeuille',
  escalationText: (count) => `${count} formation(s) obligatoire(s) en retard dans votre portefeuille.`,
  escalationIntro: 'Ces formations obligatoires sont en retard depuis longtemps :',

  upcoming: (date, days) => `avant le ${date} (dans ${days})`,
  due: (date) => `à suivre *aujourd'hui* (${date})`,
  overdue: (date, days) => `*en retard* depuis le ${date} (${days})`,
  days: { one: '{n} jour', other: '{n} jours' },
  who: {
    contact: (mention) => `pour ${mention}`,
    noContact: (profile) => `aucun contact ${profile} enregistré`,
    noReferent: (profile) => `aucun référent ${profile} désigné`,
  },
  more: (n) => `… et ${n} de plus`,

  buttons: {
    done: 'Fait',
    snooze: (days) => `Reporter de ${days}`,
  },

  replies: {
    pending: (training) =>
      `Merci ! *${training}* est enregistrée comme suivie et attend la confirmation de votre responsable partenaire. Plus de rappel pour elle.`,
    confirmed: (training) => `*${training}* est enregistrée comme suivie (confirmée).`,
    alreadyDone: (training) => `*${training}* était déjà enregistrée comme suivie.`,
    snoozed: (training, date) => `Reporté : pas de rappel pour *${training}* avant le ${date}.`,
    forbidden:
      "Seuls le contact concerné, les contacts du partenaire ou l'équipe partenaires Dstny peuvent le faire.",
    noContact: "Ce partenaire n'a aucun contact pour qui enregistrer la formation : ajoutez-en un d'abord.",
    gone: "Cet élément n'existe plus.",
  },
};

export const reminderMessages: Record<Locale, ReminderMessages> = { fr, en };
