import type { Locale } from './format.js';

/**
 * The forms of the program's depth (issue 14) opened by `/partner use`, `/partner fees` and
 * `/partner zen list` typed alone, and the certification renewal reminders (Experts Zen requirements
 * that lapse: catalog validForMonths). English is the reference shape; `fr` has the same keys.
 * Arguments arrive formatted and escaped.
 */
const en = {
  use: {
    title: 'Benefit used',
    benefit: 'Benefit',
    bizbooster: 'BizBooster (on an order)',
    training: 'Free training seat (Premium, 1 a year)',
    techReview: 'Monthly technical review (Premium)',
    reference: 'Order reference, training or note',
    referenceHint:
      'BizBooster: the order reference. Free training seat: the training. Technical review: a short note.',
    contact: 'Contact (for the free training seat)',
    contactHint: 'Who takes the seat.',
  },
  fees: {
    title: 'Operator fees',
    paidOn: 'Opening fee paid on',
    paidOnHint: 'Leave it empty to keep what is recorded.',
    rate: 'Retrocession agreed (%)',
    rateHint: (programs: string) => `${programs}. Leave it empty to keep what is recorded.`,
  },
  zen: {
    title: 'Experts Zen listing',
    domains: 'Expertise domains',
    domainsHint: 'Every domain it is certified for.',
    zone: 'Zone (French départements)',
    zoneHint: 'e.g. 69, 01, 38 (2A and 2B for Corsica; 971, 972… overseas).',
    hours: 'Guaranteed intervention time (hours)',
    adminsOnly: 'Only an admin lists a partner in the Experts Zen directory.',
  },
  renewal: {
    title: 'Certification to renew',
    text: (partner: string) => `${partner}: an Experts Zen certification lapses soon`,
    intro: (partner: string) => `*${partner}*, a certification of your Experts Zen listing lapses soon:`,
    line: (requirement: string, doneOn: string, lapsesOn: string, days: string) =>
      `*${requirement}*: done on ${doneOn}, valid until ${lapsesOn} (${days} left)`,
    outro:
      'Renew it before then: once it lapses, the listing is suspended and left out of `/partner experts`. Your manager records the renewal (`/partner done … zen-qcm`).',
    /** `/partner zen`: each certification that lapses, and where it stands. */
    zenTitle: '*Certifications, to renew before they lapse*',
    valid: (requirement: string, lapsesOn: string) =>
      `:white_check_mark: ${requirement}: valid until ${lapsesOn}`,
    dueAgain: (requirement: string, lapsesOn: string) =>
      `:hourglass_flowing_sand: ${requirement}: to renew, lapses on ${lapsesOn}`,
    lapsed: (requirement: string, lapsedOn: string) => `:black_circle: ${requirement}: lapsed on ${lapsedOn}`,
  },
};

export type DepthModalsMessages = typeof en;

const fr: DepthModalsMessages = {
  use: {
    title: 'Avantage utilisé',
    benefit: 'Avantage',
    bizbooster: 'BizBooster (sur une commande)',
    training: 'Formation gratuite (Premium, 1 par an)',
    techReview: 'Point technique mensuel (Premium)',
    reference: 'Référence de commande, formation ou note',
    referenceHint:
      'BizBooster\u202f: la référence de commande. Formation gratuite\u202f: la formation. Point technique\u202f: une courte note.',
    contact: 'Contact (pour la formation gratuite)',
    contactHint: 'Qui prend la place.',
  },
  fees: {
    title: 'Frais opérateur',
    paidOn: 'Frais d’ouverture payés le',
    paidOnHint: 'Laisser vide pour garder ce qui est enregistré.',
    rate: 'Rétrocession convenue (%)',
    rateHint: (programs) => `${programs}. Laisser vide pour garder ce qui est enregistré.`,
  },
  zen: {
    title: 'Référencement Zen',
    domains: 'Domaines d’expertise',
    domainsHint: 'Chaque domaine sur lequel il est certifié.',
    zone: 'Zone (départements)',
    zoneHint: 'par ex. 69, 01, 38 (2A et 2B pour la Corse\u202f; 971, 972… outre-mer).',
    hours: 'Temps d’intervention garanti (heures)',
    adminsOnly: 'Seul un administrateur référence un partenaire parmi les Experts Zen.',
  },
  renewal: {
    title: 'Certification à renouveler',
    text: (partner) => `${partner}\u202f: une certification Experts Zen arrive à échéance`,
    intro: (partner) =>
      `*${partner}*, une certification de votre référencement Experts Zen arrive bientôt à échéance\u202f:`,
    line: (requirement, doneOn, lapsesOn, days) =>
      `*${requirement}*\u202f: faite le ${doneOn}, valable jusqu’au ${lapsesOn} (encore ${days})`,
    outro:
      'Renouvelez-la avant cette date\u202f: une fois échue, le référencement est suspendu et n’apparaît plus dans `/partner experts`. Votre responsable enregistre le renouvellement (`/partner done … zen-qcm`).',
    zenTitle: '*Certifications, à renouveler avant leur échéance*',
    valid: (requirement, lapsesOn) => `:white_check_mark: ${requirement}\u202f: valable jusqu’au ${lapsesOn}`,
    dueAgain: (requirement, lapsesOn) =>
      `:hourglass_flowing_sand: ${requirement}\u202f: à renouveler, échue le ${lapsesOn}`,
    lapsed: (requirement, lapsedOn) => `:black_circle: ${requirement}\u202f: échue depuis le ${lapsedOn}`,
  },
};

export const depthModalsMessages: Record<Locale, DepthModalsMessages> = { fr, en };
