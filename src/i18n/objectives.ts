import type { Locale } from './format.js';
import { elide } from './french.js';

/**
 * Objectives, forecasts and plan reviews (issue 14): the deck's duties "Suivi plan développement" and
 * "Respect objectifs & prévisions des ventes". `/partner objective`, `forecast` and `review`, their
 * refusals, and the lines of the status card, the tier card and the manager's digest. English is the
 * reference shape; `fr` has the same keys. Arguments arrive formatted and escaped.
 */
const en = {
  help: {
    objective: {
      usage: '/partner objective [partner] YYYY-Qn amount',
      summary:
        'set a partner’s sales objective for a quarter, in € a month of its basis (no argument: a form)',
    },
    forecast: {
      usage: '/partner forecast [partner] YYYY-Qn amount',
      summary:
        'give the sales forecast for a quarter (a contact gives its own partner’s; no argument: a form)',
    },
    review: {
      usage: '/partner review [partner] note…',
      summary: 'record today’s development plan review, with a short note (no argument: a form)',
    },
  },
  usage: {
    objective:
      'Usage: `/partner objective [partner] YYYY-Qn amount`, e.g. `/partner objective Acme 2026-Q3 2 500`: € a month of its basis (RRM or CA). `/partner objective` alone opens a form.',
    forecast:
      'Usage: `/partner forecast [partner] YYYY-Qn amount`, e.g. `/partner forecast Acme 2026-Q3 2 800`: € a month, given at the latest {days} days after the quarter starts.',
    review:
      'Usage: `/partner review [partner] note…`, e.g. `/partner review Acme plan reviewed, two new leads`: it satisfies “Development plan follow-up” for this quarter.',
  },
  anchorQuarter: 'quarter (YYYY-Qn, e.g. 2026-Q3)',
  issues: {
    quarterMissing: 'Give the quarter, as YYYY-Qn (e.g. 2026-Q3).',
    quarterInvalid: (value: string) => `${value} is not a quarter: write it YYYY-Qn (e.g. 2026-Q3).`,
    quarterEnded: (quarter: string) =>
      `${quarter} has ended: a forecast is given before or during its quarter.`,
    noteMissing: 'Give a short note: it is kept with the review.',
    noteTooLong: (max: string) => `The note is too long (${max} characters at most).`,
    ownPartnerOnly: 'You can only give your own partner’s forecast.',
  },
  objectiveSet: (partner: string, quarter: string, amount: string, basis: string) =>
    `:dart: Objective for *${partner}*, ${quarter}: *${amount}* a month (${basis}).`,
  objectiveWas: (amount: string) => `It was ${amount} a month.`,
  forecastGiven: (partner: string, quarter: string, amount: string, basis: string) =>
    `:crystal_ball: Forecast for *${partner}*, ${quarter}: *${amount}* a month (${basis}).`,
  forecastWas: (amount: string) => `It was ${amount} a month.`,
  forecastInTime: (deadline: string) => `Given in time (by ${deadline}).`,
  forecastLate: (deadline: string) =>
    `Given after ${deadline}: late, so “Sales targets & forecasts met” cannot be met this quarter.`,
  forecastVsObjective: (objective: string) => `The objective is ${objective} a month.`,
  reviewed: (partner: string, date: string, quarter: string) =>
    `:white_check_mark: Development plan review recorded for *${partner}* on ${date}: “Development plan follow-up” is done for ${quarter}.`,
  reviewNote: (note: string) => `Note: “${note}”`,
  modal: {
    objectiveTitle: 'Sales objective',
    forecastTitle: 'Sales forecast',
    reviewTitle: 'Plan review',
    quarter: 'Quarter',
    quarterHint: 'YYYY-Qn, e.g. 2026-Q3',
    amount: 'Amount (€ a month)',
    note: 'Note',
    noteHint: 'What was reviewed, in a few words.',
  },
  /** The card's field. */
  field: 'Objectives & forecasts',
  /** One quarter on the card: "Q3 2026: objective €2,500 · forecast €2,800 · actual €4,100 (54 %) · on track". */
  quarterLine: (quarter: string, parts: string) => `${quarter}: ${parts}`,
  objective: (amount: string) => `objective ${amount}/month`,
  noObjective: 'no objective',
  forecast: (amount: string) => `forecast ${amount}/month`,
  forecastLateMark: (amount: string) => `forecast ${amount}/month (late)`,
  noForecast: 'no forecast',
  noForecastLate: 'no forecast (late)',
  actual: (amount: string) => `actual ${amount}`,
  percent: (percent: string) => `${percent} of objective`,
  onTrack: ':large_green_circle: on track',
  offTrack: ':red_circle: behind',
  met: ':white_check_mark: met',
  missed: ':black_circle: not met',
  /** A quarter that ended before the program started: nothing was due. */
  notApplicable: 'not applicable (before the program started)',
  lastReview: (date: string) => `Last plan review: ${date}`,
  noReview: 'No plan review recorded yet.',
  /** The manager's digest. */
  digestTitle: 'Sales objectives behind or forecasts missing',
  digestLine: (partner: string, quarter: string, parts: string) => `*${partner}*, ${quarter}: ${parts}`,
};

export type ObjectivesMessages = typeof en;

const fr: ObjectivesMessages = {
  help: {
    objective: {
      usage: '/partner objective [partenaire] AAAA-Tn montant',
      summary:
        'fixer l’objectif de ventes d’un trimestre, en € par mois de RRM ou de CA (sans argument\u202f: un formulaire)',
    },
    forecast: {
      usage: '/partner forecast [partenaire] AAAA-Tn montant',
      summary:
        'donner la prévision des ventes d’un trimestre (un contact donne celle de son partenaire\u202f; sans argument\u202f: un formulaire)',
    },
    review: {
      usage: '/partner review [partenaire] note…',
      summary:
        'enregistrer le suivi du plan de développement du jour, avec une note (sans argument\u202f: un formulaire)',
    },
  },
  usage: {
    objective:
      'Utilisation\u202f: `/partner objective [partenaire] AAAA-Tn montant`, par ex. `/partner objective Acme 2026-T3 2 500`\u202f: en € par mois de RRM ou de CA. `/partner objective` seul ouvre un formulaire.',
    forecast:
      'Utilisation\u202f: `/partner forecast [partenaire] AAAA-Tn montant`, par ex. `/partner forecast Acme 2026-T3 2 800`\u202f: en € par mois, au plus tard {days}\u00a0jours après le début du trimestre.',
    review:
      'Utilisation\u202f: `/partner review [partenaire] note…`, par ex. `/partner review Acme plan revu, deux nouvelles pistes`\u202f: vaut «\u202fSuivi plan développement\u202f» pour ce trimestre.',
  },
  anchorQuarter: 'le trimestre (AAAA-Tn, par ex. 2026-T3)',
  issues: {
    quarterMissing: 'Indiquez le trimestre, au format AAAA-Tn (par ex. 2026-T3).',
    quarterInvalid: (value) => `${value} n’est pas un trimestre\u202f: écrivez-le AAAA-Tn (par ex. 2026-T3).`,
    quarterEnded: (quarter) =>
      `${quarter} est terminé\u202f: une prévision se donne avant ou pendant son trimestre.`,
    noteMissing: 'Indiquez une courte note\u202f: elle est conservée avec le suivi.',
    noteTooLong: (max) => `La note est trop longue (${max}\u00a0caractères au plus).`,
    ownPartnerOnly: 'Vous ne pouvez donner que la prévision de votre propre partenaire.',
  },
  objectiveSet: (partner, quarter, amount, basis) =>
    `:dart: Objectif ${elide('de', `*${partner}*`)}, ${quarter}\u202f: *${amount}* par mois de ${basis}.`,
  objectiveWas: (amount) => `Il était de ${amount} par mois.`,
  forecastGiven: (partner, quarter, amount, basis) =>
    `:crystal_ball: Prévision ${elide('de', `*${partner}*`)}, ${quarter}\u202f: *${amount}* par mois de ${basis}.`,
  forecastWas: (amount) => `Elle était de ${amount} par mois.`,
  forecastInTime: (deadline) => `Donnée à temps (avant le ${deadline} inclus).`,
  forecastLate: (deadline) =>
    `Donnée après le ${deadline}\u202f: en retard, «\u202fRespect objectifs & prévisions des ventes\u202f» ne peut pas être tenu ce trimestre.`,
  forecastVsObjective: (objective) => `L’objectif est de ${objective} par mois.`,
  reviewed: (partner, date, quarter) =>
    `:white_check_mark: Suivi du plan de développement enregistré pour *${partner}* le ${date}\u202f: «\u202fSuivi plan développement\u202f» est fait pour le ${quarter}.`,
  reviewNote: (note) => `Note\u202f: «\u202f${note}\u202f»`,
  modal: {
    objectiveTitle: 'Objectif de ventes',
    forecastTitle: 'Prévision des ventes',
    reviewTitle: 'Suivi du plan',
    quarter: 'Trimestre',
    quarterHint: 'AAAA-Tn, par ex. 2026-T3',
    amount: 'Montant (€ par mois)',
    note: 'Note',
    noteHint: 'Ce qui a été revu, en quelques mots.',
  },
  field: 'Objectifs & prévisions',
  quarterLine: (quarter, parts) => `${quarter}\u202f: ${parts}`,
  objective: (amount) => `objectif ${amount}/mois`,
  noObjective: 'pas d’objectif',
  forecast: (amount) => `prévision ${amount}/mois`,
  forecastLateMark: (amount) => `prévision ${amount}/mois (en retard)`,
  noForecast: 'pas de prévision',
  noForecastLate: 'pas de prévision (en retard)',
  actual: (amount) => `réalisé ${amount}`,
  percent: (percent) => `${percent} de l’objectif`,
  onTrack: ':large_green_circle: en bonne voie',
  offTrack: ':red_circle: en retard',
  met: ':white_check_mark: tenu',
  missed: ':black_circle: non tenu',
  notApplicable: 'sans objet (avant le début du programme)',
  lastReview: (date) => `Dernier suivi du plan\u202f: ${date}`,
  noReview: 'Aucun suivi du plan enregistré pour l’instant.',
  digestTitle: 'Objectifs de ventes en retard ou prévisions manquantes',
  digestLine: (partner, quarter, parts) => `*${partner}*, ${quarter}\u202f: ${parts}`,
};

export const objectivesMessages: Record<Locale, ObjectivesMessages> = { fr, en };
