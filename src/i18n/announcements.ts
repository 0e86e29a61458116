import type { Locale } from '../program/locales.js';
import { plural } from './format.js';
import { elide } from './french.js';

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
      `Re-evaluation of ${semester}, effective ${effective}: ${plural(promotions, { one: '{n} promoted', other: '{n} promoted' }, 'en')}, ${plural(demotions, { one: '{n} demoted', other: '{n} demoted' }, 'en')}, ${plural(unchanged, { one: '{n} unchanged', other: '{n} unchanged' }, 'en')}.`,
    promotions: 'Promotions',
    demotions: 'Demotions',
    line: (partner: string, from: string, to: string, average: string) =>
      `${partner}: ${from} → *${to}* (${average} a month)`,
    none: 'No tier changes this semester.',
    notEvaluated: (n: number, months: number) =>
      plural(
        n,
        {
          one: `{n} partner was not evaluated (fewer than ${months} whole months in the program).`,
          other: `{n} partners were not evaluated (fewer than ${months} whole months in the program).`,
        },
        'en',
      ),
    overrideStands: (n: number) =>
      plural(
        n,
        {
          one: '{n} partner keeps the tier an override gave it.',
          other: '{n} partners keep the tier an override gave them.',
        },
        'en',
      ),
  },

  preview: {
    title: (semester: string) => `Semester re-evaluation ${semester}: awaiting approval`,
    notice: (messages: number) =>
      `Tiers are updated. Nothing has been sent to partners yet: ${plural(messages, { one: '{n} message waits', other: '{n} messages wait' }, 'en')} for an admin’s approval.`,
    approve: 'Approve and send',
    override: 'Override tier',
    approved: (admin: string, released: number) =>
      `:white_check_mark: Approved by ${admin}: ${plural(released, { one: '{n} message', other: '{n} messages' }, 'en')} released to partners and managers.`,
    alreadyApproved: (admin: string) => `Already approved by ${admin}.`,
    unknown: 'This evaluation is not awaiting approval.',
    forbidden: 'Only a Dstny partner program admin can approve or override an evaluation.',
  },

  override: {
    modalTitle: 'Override tier',
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
    text: (partner: string, tier: string) => `${partner} moves to the ${tier} tier.`,
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
  semester: (code, from, to) => `${code} (de ${from} à ${to})`,

  summary: {
    title: (semester) => `Réévaluation semestrielle ${semester}`,
    text: (semester, effective, promotions, demotions, unchanged) =>
      `Réévaluation ${elide('de', semester)}, effective le ${effective}\u202f: ${plural(promotions, { one: '{n} promu', other: '{n} promus' }, 'fr')}, ${plural(demotions, { one: '{n} rétrogradé', other: '{n} rétrogradés' }, 'fr')}, ${plural(unchanged, { one: '{n} inchangé', other: '{n} inchangés' }, 'fr')}.`,
    promotions: 'Promotions',
    demotions: 'Rétrogradations',
    line: (partner, from, to, average) => `${partner}\u202f: ${from} → *${to}* (${average} par mois)`,
    none: 'Aucun changement de statut ce semestre.',
    notEvaluated: (n, months) =>
      plural(
        n,
        {
          one: `{n} partenaire n’a pas été évalué (moins de ${months} mois pleins dans le programme).`,
          other: `{n} partenaires n’ont pas été évalués (moins de ${months} mois pleins dans le programme).`,
        },
        'fr',
      ),
    overrideStands: (n) =>
      plural(
        n,
        {
          one: '{n} partenaire garde le statut que lui a donné une dérogation.',
          other: '{n} partenaires gardent le statut que leur a donné une dérogation.',
        },
        'fr',
      ),
  },

  preview: {
    title: (semester) => `Réévaluation semestrielle ${semester}\u202f: en attente d’approbation`,
    notice: (messages) =>
      `Les statuts sont à jour. Rien n’a encore été envoyé aux partenaires\u202f: ${plural(messages, { one: '{n} message attend', other: '{n} messages attendent' }, 'fr')} l’approbation d’un administrateur.`,
    approve: 'Approuver et envoyer',
    override: 'Accorder une dérogation',
    approved: (admin, released) =>
      `:white_check_mark: Approuvé par ${admin}\u202f: ${plural(released, { one: '{n} message envoyé', other: '{n} messages envoyés' }, 'fr')} aux partenaires et aux responsables.`,
    alreadyApproved: (admin) => `Déjà approuvé par ${admin}.`,
    unknown: 'Cette réévaluation n’attend pas d’approbation.',
    forbidden:
      'Seul un administrateur du Programme Partenaires Dstny peut approuver une réévaluation ou y accorder une dérogation.',
  },

  override: {
    modalTitle: 'Accorder une dérogation',
    submit: 'Enregistrer',
    cancel: 'Annuler',
    partner: 'Partenaire',
    tier: 'Statut à appliquer',
    reason: 'Motif',
    reasonHint: 'Enregistré à côté du statut calculé\u202f; vaut jusqu’à la prochaine réévaluation.',
    noChange: 'Aucun changement de statut dans cette réévaluation\u202f: pas de dérogation possible.',
    done: (partner, tier) =>
      `Dérogation enregistrée\u202f: ${partner} est désormais *${tier}*. Son annonce a été remplacée (toujours en attente d’approbation).`,
    same: (partner, tier) => `${partner} est déjà ${tier}\u202f: rien n’a changé.`,
  },

  promotion: {
    text: (partner, tier) => `Félicitations\u202f! ${partner} passe au statut ${tier}.`,
    title: (tier) => `Félicitations\u202f: vous passez au statut ${tier}\u202f!`,
    body: (partner, from, to, effective, average, semester) =>
      `${partner} passe du statut ${from} au statut *${to}* le ${effective}, avec une moyenne de ${average} par mois sur ${semester}.`,
    benefits: 'Vos nouveaux avantages',
    obligations: 'Vos nouveaux devoirs',
    due: (date) => `avant le ${date}`,
    quarterly: 'chaque trimestre civil',
    noObligation: 'Aucun nouveau devoir.',
  },

  demotion: {
    text: (partner, tier) => `${partner} passe au statut ${tier}.`,
    body: (partner, from, to, effective, average, semester, required) =>
      `${partner} passe du statut ${from} au statut *${to}* le ${effective}\u202f: la moyenne sur ${semester} a été de ${average} par mois, sous les ${required} par mois qu’exige le statut ${from}.`,
    restore: (required, from, next) =>
      `Une moyenne de *${required} par mois* sur le semestre en cours, ${next}, permet de retrouver le statut ${from}.`,
  },

  managerDemotion: {
    text: (partner) => `Rétrogradation dans votre portefeuille\u202f: ${partner}`,
    body: (partner, from, to, effective, average, required) =>
      `Rétrogradation dans votre portefeuille\u202f: *${partner}* passe du statut ${from} au statut *${to}* le ${effective} (moyenne de ${average} par mois\u202f; ${required} par mois nécessaires pour rester ${from}).`,
  },
};

export const announcementMessages: Record<Locale, AnnouncementMessages> = { fr, en };
