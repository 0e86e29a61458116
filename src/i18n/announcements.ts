import type { Locale } from '../program/locales.js';

/**
 * What the semester re-evaluation announces, in both locales: the team summary (or the preview awaiting
 * approval), each changed partner's message, the manager's note on a demotion, and the approval replies.
 * English is the reference shape; arguments arrive formatted and escaped (names, tiers, amounts, dates).
 */
const en = {
  semester: (code: string, from: string, to: string) => `${code} (${from} to ${to})`,

  summary: {
    title: (semester: string) => `Semester re-evaluation ${semester}`,
    text: (semester: string, effective: string, promotions: number, demotions: number, unchanged: number) =>
      `Re-evaluation of ${semester}, effective ${effective}: ${promotions} promoted, ${demotions} demoted, ${unchanged} unchanged.`,
    promotions: 'Promotions',
    demotions: 'Demotions',
    line: (partner: string, from: string, to: string, average: string) =>
      `${partner}: ${from} → *${to}* (${average} a month)`,
    none: 'No tier changes this semester.',
  },

  preview: {
    title: (semester: string) => `Semester re-evaluation ${semester}: awaiting approval`,
    notice: (messages: number) =>
      `Tiers are updated. Nothing has been sent to partners yet: ${messages} message(s) wait for an admin's approval.`,
    approve: 'Approve and send',
    override: 'Override a tier',
    approved: (admin: string, released: number) =>
      `:white_check_mark: Approved by ${admin}: ${released} message(s) released to partners and managers.`,
    alreadyApproved: (admin: string) => `Already approved by ${admin}.`,
    unknown: 'This evaluation is not awaiting approval.',
    forbidden: 'Only a Dstny partner program admin can approve or override an evaluation.',
  },

  override: {
    modalTitle: 'Override a tier',
    submit: 'Override',
    cancel: 'Cancel',
    partner: 'Partner',
    tier: 'Tier to apply',
    reason: 'Reason',
    reasonHint: 'Recorded beside the computed tier; lasts until the next evaluation.',
    noChange: 'There is no tier change to override in this evaluation.',
    done: (partner: string, tier: string) =>
      `Override recorded: ${partner} is now *${tier}*. Its announcement was replaced (still awaiting approval).`,
    same: (partner: string, tier: string) => `${partner} is already ${tier}: nothing changed.`,
  },

  promotion: {
    text: (partner: string, tier: string) => `Congratulations! ${partner} is now ${tier}.`,
    title: (tier: string) => `Congratulations: you are now ${tier}!`,
    body: (partner: string, from: string, to: string, effective: string, average: string, semester: string) =>
      `${partner} moves up from ${from} to *${to}* on ${effective}, with an average of ${average} a month over ${semester}.`,
    benefits: 'Your new benefits',
    obligations: 'Your new obligations',
    due: (date: string) => `due ${date}`,
    quarterly: 'every calendar quarter',
    noObligation: 'No new obligation.',
  },

  demotion: {
    text: (partner: string, tier: string) => `${partner} moves to ${tier}.`,
    body: (
      partner: string,
      from: string,
      to: string,
      effective: string,
      average: string,
      semester: string,
      required: string,
    ) =>
      `${partner} moves from ${from} to *${to}* on ${effective}: the average over ${semester} was ${average} a month, below the ${required} a month ${from} requires.`,
    restore: (required: string, from: string, next: string) =>
      `An average of *${required} a month* over the current semester, ${next}, restores ${from}.`,
  },

  managerDemotion: {
    text: (partner: string) => `Demotion in your portfolio: ${partner}`,
    body: (partner: string, from: string, to: string, effective: string, average: string, required: string) =>
      `Demotion in your portfolio: *${partner}* moves from ${from} to *${to}* on ${effective} (average ${average} a month; ${required} a month needed to keep ${from}).`,
  },
};

export type AnnouncementMessages = typeof en;

const fr: AnnouncementMessages = {
  semester: (code, from, to) => `${code} (${from} à ${to})`,

  summary: {
    title: (semester) => `Réévaluation semestrielle ${semester}`,
    text: (semester, effective, promotions, demotions, unchanged) =>
      `Réévaluation de ${semester}, effective le ${effective} : ${promotions} promu(s), ${demotions} rétrogradé(s), ${unchanged} inchangé(s).`,
    promotions: 'Promotions',
    demotions: 'Rétrogradations',
    line: (partner, from, to, average) => `${partner} : ${from} → *${to}* (${average} par mois)`,
    none: 'Aucun changement de grade ce semestre.',
  },

  preview: {
    title: (semester) => `Réévaluation semestrielle ${semester} : en attente d'approbation`,
    notice: (messages) =>
      `Les grades sont à jour. Rien n'a encore été envoyé aux partenaires : ${messages} message(s) attendent l'approbation d'un administrateur.`,
    approve: 'Approuver et envoyer',
    override: 'Modifier un grade',
    approved: (admin, released) =>
      `:white_check_mark: Approuvé par ${admin} : ${released} message(s) envoyé(s) aux partenaires et aux responsables.`,
    alreadyApproved: (admin) => `Déjà approuvé par ${admin}.`,
    unknown: "Cette réévaluation n'attend pas d'approbation.",
    forbidden:
      'Seul un administrateur du programme partenaires Dstny peut approuver ou modifier une réévaluation.',
  },

  override: {
    modalTitle: 'Modifier un grade',
    submit: 'Modifier',
    cancel: 'Annuler',
    partner: 'Partenaire',
    tier: 'Grade à appliquer',
    reason: 'Motif',
    reasonHint: "Enregistré à côté du grade calculé ; vaut jusqu'à la prochaine réévaluation.",
    noChange: 'Aucun changement de grade à modifier dans cette réévaluation.',
    done: (partner, tier) =>
      `Modification enregistrée : ${partner} est désormais *${tier}*. Son annonce a été remplacée (toujours en attente d'approbation).`,
    same: (partner, tier) => `${partner} est déjà ${tier} : rien n'a changé.`,
  },

  promotion: {
    text: (partner, tier) => `Félicitations ! ${partner} est désormais ${tier}.`,
    title: (tier) => `Félicitations : vous êtes désormais ${tier} !`,
    body: (partner, from, to, effective, average, semester) =>
      `${partner} passe de ${from} à *${to}* le ${effective}, avec une moyenne de ${average} par mois sur ${semester}.`,
    benefits: 'Vos nouveaux avantages',
    obligations: 'Vos nouvelles obligations',
    due: (date) => `avant le ${date}`,
    quarterly: 'chaque trimestre civil',
    noObligation: 'Aucune nouvelle obligation.',
  },

  demotion: {
    text: (partner, tier) => `${partner} passe ${tier}.`,
    body: (partner, from, to, effective, average, semester, required) =>
      `${partner} passe de ${from} à *${to}* le ${effective} : la moyenne sur ${semester} a été de ${average} par mois, sous les ${required} par mois qu'exige ${from}.`,
    restore: (required, from, next) =>
      `Une moyenne de *${required} par mois* sur le semestre en cours, ${next}, permet de retrouver ${from}.`,
  },

  managerDemotion: {
    text: (partner) => `Rétrogradation dans votre portefeuille : ${partner}`,
    body: (partner, from, to, effective, average, required) =>
      `Rétrogradation dans votre portefeuille : *${partner}* passe de ${from} à *${to}* le ${effective} (moyenne de ${average} par mois ; ${required} par mois nécessaires pour rester ${from}).`,
  },
};

export const announcementMessages: Record<Locale, AnnouncementMessages> = { fr, en };
