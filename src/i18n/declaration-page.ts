import type { Locale } from '../program/locales.js';
import { plural } from './format.js';

/**
 * The page a reminder e-mail's declaration link opens (src/web/declaration.page.ts), in the contact's
 * language. Plain words: the page escapes what it is given.
 */
const en = {
  title: 'Declare a training completed',
  intro: (contact: string) =>
    `Hello ${contact}, please confirm that you completed this Dstny partner program training.`,
  partner: 'Partner',
  contact: 'Contact',
  training: 'Training',
  button: 'I confirm I completed this training',
  note: 'Your Dstny partner manager then confirms your declaration.',
  declaredTitle: 'Thank you!',
  declared: (training: string) =>
    `Your declaration of “${training}” is recorded. Your Dstny partner manager will confirm it.`,
  alreadyDone: (training: string) => `“${training}” was already recorded: there is nothing more to do.`,
  invalidTitle: 'This link is not valid',
  invalid: 'Open the whole link from the e-mail, or ask your Dstny partner manager to record the training.',
  expiredTitle: 'This link has expired',
  expired: (days: number) =>
    `A declaration link works for ${plural(days, { one: '{n} day', other: '{n} days' }, 'en')}. The next reminder e-mail brings a new one; your Dstny partner manager can also record the training.`,
  usedTitle: 'This link has already been used',
  used: 'The declaration it carried is recorded: there is nothing more to do.',
  goneTitle: 'This training can no longer be declared here',
  gone: 'Ask your Dstny partner manager to record it.',
  errorTitle: 'Something went wrong',
  error: 'Nothing was recorded. Please try again in a few minutes.',
  signature: 'The Dstny partner team',
};

export type DeclarationPageMessages = typeof en;

const fr: DeclarationPageMessages = {
  title: 'Déclarer une formation suivie',
  intro: (contact) =>
    `Bonjour ${contact}, confirmez ici avoir suivi cette formation du programme partenaires Dstny.`,
  partner: 'Partenaire',
  contact: 'Contact',
  training: 'Formation',
  button: 'Je confirme avoir suivi cette formation',
  note: 'Votre responsable partenaire Dstny confirme ensuite votre déclaration.',
  declaredTitle: 'Merci\u202f!',
  declared: (training) =>
    `Votre déclaration de la formation «\u00a0${training}\u00a0» est enregistrée. Votre responsable partenaire Dstny la confirmera.`,
  alreadyDone: (training) =>
    `La formation «\u00a0${training}\u00a0» était déjà enregistrée\u00a0: vous n’avez rien d’autre à faire.`,
  invalidTitle: 'Ce lien n’est pas valide',
  invalid:
    'Ouvrez le lien de l’e-mail en entier, ou demandez à votre responsable partenaire Dstny d’enregistrer la formation.',
  expiredTitle: 'Ce lien a expiré',
  expired: (days) =>
    `Un lien de déclaration est valable ${plural(days, { one: '{n}\u00a0jour', other: '{n}\u00a0jours' }, 'fr')}. Le prochain e-mail de rappel en apporte un nouveau\u202f; votre responsable partenaire Dstny peut aussi enregistrer la formation.`,
  usedTitle: 'Ce lien a déjà servi',
  used: 'La déclaration qu’il portait est enregistrée\u00a0: vous n’avez rien d’autre à faire.',
  goneTitle: 'Cette formation ne peut plus être déclarée ici',
  gone: 'Demandez à votre responsable partenaire Dstny de l’enregistrer.',
  errorTitle: 'Une erreur est survenue',
  error: 'Rien n’a été enregistré. Réessayez dans quelques minutes.',
  signature: 'L’équipe Partenaires Dstny',
};

export const declarationPageMessages: Record<Locale, DeclarationPageMessages> = { fr, en };
