import type { Locale } from './format.js';
import { agree, elide } from './french.js';

/**
 * Benefits used (issue 14): `/partner use`, its refusals, and the lines of the benefits card, the status
 * card, the history and the manager's digest. English is the reference shape; `fr` has the same keys.
 * Arguments arrive formatted and escaped (the benefit's label from the catalog, dates, mentions).
 */
const en = {
  help: {
    use: {
      usage: '/partner use [partner] bizbooster|training|tech-review …',
      summary:
        'record a benefit used: BizBooster (order reference), the free training seat, the monthly technical review (no argument: a form)',
    },
  },
  usage:
    'Usage: `/partner use [partner] bizbooster ORDER-REF`, `/partner use [partner] training @contact TRAINING…` (Premium, one seat a year) or `/partner use [partner] tech-review NOTE…` (Premium, one a month).',
  anchorBenefit: 'benefit (bizbooster, training or tech-review)',
  issues: {
    benefitMissing: 'Which benefit? `bizbooster`, `training` or `tech-review`.',
    benefitUnknown: (value: string) =>
      `Unknown benefit ${value}: use \`bizbooster\`, \`training\` or \`tech-review\`.`,
    benefitNotHeld: (benefit: string, partner: string) => `${partner}’s tier does not give “${benefit}”.`,
    benefitExpired: (benefit: string, date: string) => `“${benefit}” expired on ${date}.`,
    benefitUsed: (benefit: string, date: string, reference: string) =>
      `“${benefit}” was already used on ${date} (${reference}).`,
    referenceBizBooster: 'Give the order reference.',
    referenceTraining: 'Give the training the seat is for.',
    referenceReview: 'Give a short note of the technical review.',
    referenceTooLong: (max: string) => `Too long (${max} characters at most).`,
  },
  used: (benefit: string, partner: string, date: string, reference: string) =>
    `:white_check_mark: “${benefit}” used by *${partner}* on ${date}: ${reference}.`,
  usedBy: (contact: string) => `Seat taken by ${contact}.`,
  /** The benefits card. */
  title: '*Benefits used*',
  bizBoosterAvailable: (benefit: string, date: string) => `${benefit}: available until ${date}`,
  bizBoosterUsed: (benefit: string, date: string, reference: string) =>
    `${benefit}: used on ${date} (${reference})`,
  bizBoosterExpired: (benefit: string, date: string) => `${benefit}: expired on ${date}, not used`,
  seatAvailable: (benefit: string, year: string) => `${benefit}: available for ${year}`,
  seatUsed: (benefit: string, year: string, contact: string, training: string) =>
    `${benefit}: ${year} seat used by ${contact} (${training})`,
  reviews: (benefit: string, months: string) => `${benefit}: ${months}`,
  monthDone: (month: string) => `${month} :white_check_mark:`,
  monthMissed: (month: string) => `${month} :black_circle: missed`,
  monthDue: (month: string) => `${month} to do`,
  /** The status card: the months without a technical review. */
  reviewsMissed: (months: string) => `:black_circle: Monthly technical review missed: ${months}`,
  /** The history. */
  historyTitle: '*Benefits used*',
  historyLine: (date: string, benefit: string, reference: string) => `${date} · ${benefit} · ${reference}`,
  /** The manager's digest. */
  digestTitle: 'Monthly technical reviews missed',
  digestLine: (partner: string, months: string) => `*${partner}*: ${months}`,
};

export type BenefitUsesMessages = typeof en;

/** « Promo BizBooster utilisée », « Point technique mensuel utilisé »: agreed with the benefit's label. */
const USED = { m: 'utilisé', f: 'utilisée', mp: 'utilisés', fp: 'utilisées' };

const fr: BenefitUsesMessages = {
  help: {
    use: {
      usage: '/partner use [partenaire] bizbooster|training|tech-review …',
      summary:
        'enregistrer un avantage utilisé\u202f: BizBooster (référence de commande), la formation gratuite, le point technique mensuel (sans argument\u202f: un formulaire)',
    },
  },
  usage:
    'Utilisation\u202f: `/partner use [partenaire] bizbooster RÉF-COMMANDE`, `/partner use [partenaire] training @contact FORMATION…` (Premium, une place par an) ou `/partner use [partenaire] tech-review NOTE…` (Premium, un par mois).',
  anchorBenefit: 'l’avantage (bizbooster, training ou tech-review)',
  issues: {
    benefitMissing: 'Quel avantage\u202f? `bizbooster`, `training` ou `tech-review`.',
    benefitUnknown: (value) =>
      `Avantage inconnu ${value}\u202f: utilisez \`bizbooster\`, \`training\` ou \`tech-review\`.`,
    benefitNotHeld: (benefit, partner) =>
      `Le statut ${elide('de', partner)} ne donne pas «\u202f${benefit}\u202f».`,
    benefitExpired: (benefit, date) => `«\u202f${benefit}\u202f» a expiré le ${date}.`,
    benefitUsed: (benefit, date, reference) =>
      `«\u202f${benefit}\u202f» a déjà été ${agree(benefit, USED)} le ${date} (${reference}).`,
    referenceBizBooster: 'Indiquez la référence de la commande.',
    referenceTraining: 'Indiquez la formation concernée.',
    referenceReview: 'Indiquez une courte note du point technique.',
    referenceTooLong: (max) => `Trop long (${max}\u00a0caractères au plus).`,
  },
  used: (benefit, partner, date, reference) =>
    `:white_check_mark: «\u202f${benefit}\u202f» ${agree(benefit, USED)} par *${partner}* le ${date}\u202f: ${reference}.`,
  usedBy: (contact) => `Place prise par ${contact}.`,
  title: '*Avantages utilisés*',
  bizBoosterAvailable: (benefit, date) => `${benefit}\u202f: disponible jusqu’au ${date}`,
  bizBoosterUsed: (benefit, date, reference) =>
    `${benefit}\u202f: ${agree(benefit, USED)} le ${date} (${reference})`,
  bizBoosterExpired: (benefit, date) =>
    `${benefit}\u202f: ${agree(benefit, { m: 'expiré', f: 'expirée' })} le ${date}, non ${agree(benefit, USED)}`,
  seatAvailable: (benefit, year) => `${benefit}\u202f: disponible pour ${year}`,
  seatUsed: (benefit, year, contact, training) =>
    `${benefit}\u202f: place ${year} prise par ${contact} (${training})`,
  reviews: (benefit, months) => `${benefit}\u202f: ${months}`,
  monthDone: (month) => `${month} :white_check_mark:`,
  monthMissed: (month) => `${month} :black_circle: manqué`,
  monthDue: (month) => `${month} à faire`,
  reviewsMissed: (months) => `:black_circle: Point technique mensuel manqué\u202f: ${months}`,
  historyTitle: '*Avantages utilisés*',
  historyLine: (date, benefit, reference) => `${date} · ${benefit} · ${reference}`,
  digestTitle: 'Points techniques mensuels manqués',
  digestLine: (partner, months) => `*${partner}*\u202f: ${months}`,
};

export const benefitUsesMessages: Record<Locale, BenefitUsesMessages> = { fr, en };
