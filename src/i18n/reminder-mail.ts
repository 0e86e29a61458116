import type { Locale } from '../program/locales.js';
import { plural } from './format.js';
import { elide } from './french.js';

/**
 * The reminder e-mail to a contact Slack cannot reach (not on Slack, or Slack refused the DM), in its
 * language. Plain words: the text part is read as is; the HTML part escapes what it is given.
 */
const en = {
  subject: (partner: string, count: number) =>
    `${partner}: ${plural(count, { one: '{n} mandatory training', other: '{n} mandatory trainings' }, 'en')} to complete`,
  greeting: (name: string) => `Hello ${name},`,
  intro: (partner: string) => `These Dstny partner program trainings are due for ${partner}:`,
  upcoming: (date: string) => `due ${date}`,
  due: (date: string) => `due today (${date})`,
  overdue: (date: string) => `overdue since ${date}`,
  declare: 'Done already? Tell us here:',
  declareButton: 'I have completed it',
  outro:
    'Your Dstny partner manager confirms each training declared. Questions: reply to your partner manager.',
  signature: 'The Dstny partner team',
  /** An Experts Zen certification due again (program/certifications.ts). */
  renewal: {
    subject: (partner: string) => `${partner}: an Experts Zen certification to renew`,
    intro: (partner: string) => `A certification of ${partner}’s Experts Zen listing lapses soon:`,
    line: (doneOn: string, lapsesOn: string, days: string) =>
      `done on ${doneOn}, valid until ${lapsesOn} (${days} left)`,
    outro:
      'Renew it before then: once it lapses, the listing is suspended and no longer shown to those looking for an expert. Your Dstny partner manager records the renewal.',
  },
};

export type ReminderMailMessages = typeof en;

const fr: ReminderMailMessages = {
  subject: (partner, count) =>
    `${partner}\u202f: ${plural(count, { one: '{n} formation obligatoire', other: '{n} formations obligatoires' }, 'fr')} à suivre`,
  greeting: (name) => `Bonjour ${name},`,
  intro: (partner) => `Ces formations du programme partenaires Dstny sont à suivre pour ${partner}\u202f:`,
  upcoming: (date) => `avant le ${date}`,
  due: (date) => `à suivre aujourd’hui (${date})`,
  overdue: (date) => `en retard depuis le ${date}`,
  declare: 'Déjà suivie\u202f? Dites-le-nous ici\u202f:',
  declareButton: 'Je l’ai suivie',
  outro:
    'Votre responsable partenaire Dstny confirme chaque formation déclarée. Une question\u202f? Écrivez à votre responsable partenaire.',
  signature: 'L’équipe Partenaires Dstny',
  renewal: {
    subject: (partner) => `${partner}\u202f: une certification Experts Zen à renouveler`,
    intro: (partner) =>
      `Une certification du référencement Experts Zen ${elide('de', partner)} arrive bientôt à échéance\u202f:`,
    line: (doneOn, lapsesOn, days) => `faite le ${doneOn}, valable jusqu’au ${lapsesOn} (encore ${days})`,
    outro:
      'Renouvelez-la avant cette date\u202f: une fois échue, le référencement est suspendu et n’est plus proposé à ceux qui cherchent un expert. Votre responsable partenaire Dstny enregistre le renouvellement.',
  },
};

export const reminderMailMessages: Record<Locale, ReminderMailMessages> = { fr, en };
