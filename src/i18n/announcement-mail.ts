import type { Locale } from '../program/locales.js';

/** A promotion or demotion notice by e-mail, for a contact the partner's channel cannot reach. */
const en = {
  promotedSubject: (partner: string, tier: string) => `${partner} becomes ${tier}`,
  demotedSubject: (partner: string, tier: string) => `${partner} moves to ${tier}`,
  greeting: (name: string) => `Hello ${name},`,
  promoted: (partner: string, previous: string, tier: string, date: string) =>
    `Congratulations: after the semester evaluation, ${partner} moves from ${previous} to ${tier} on ${date}, with the benefits and obligations of its new tier.`,
  demoted: (partner: string, previous: string, tier: string, date: string) =>
    `After the semester evaluation, ${partner} moves from ${previous} to ${tier} on ${date}. Your partner manager can tell you what it takes to get back to ${previous}.`,
  signature: 'The Dstny partner team',
};

export type AnnouncementMailMessages = typeof en;

const fr: AnnouncementMailMessages = {
  promotedSubject: (partner, tier) => `${partner} devient ${tier}`,
  demotedSubject: (partner, tier) => `${partner} passe au statut ${tier}`,
  greeting: (name) => `Bonjour ${name},`,
  promoted: (partner, previous, tier, date) =>
    `Félicitations\u202f: à l’issue de la réévaluation semestrielle, ${partner} passe du statut ${previous} au statut ${tier} le ${date}, avec les avantages et les devoirs de son nouveau statut.`,
  demoted: (partner, previous, tier, date) =>
    `À l’issue de la réévaluation semestrielle, ${partner} passe du statut ${previous} au statut ${tier} le ${date}. Votre responsable partenaire peut vous dire ce qu’il faut pour retrouver le statut ${previous}.`,
  signature: 'L’équipe Partenaires Dstny',
};

export const announcementMailMessages: Record<Locale, AnnouncementMailMessages> = { fr, en };
