import type { Locale } from './format.js';
import { elide } from './french.js';

/**
 * Operators' fees on record (issue 14): `/partner fees`, its refusals and the status card's line.
 * English is the reference shape; `fr` has the same keys. Arguments arrive formatted and escaped.
 */
const en = {
  help: {
    fees: {
      usage: '/partner fees [partner] [paid YYYY-MM-DD] [rate N%]',
      summary: 'an operator’s opening fee paid and its agreed retrocession (no argument: a form)',
    },
  },
  usage:
    'Usage: `/partner fees [partner] paid 2026-01-15` (the opening fee, paid that day; `paid` alone: today) and/or `rate 3.5%` (E-shop Operator: 2%; Managed E-shop Operator: 2% to 4%).',
  anchor: 'word `paid` or `rate`',
  issues: {
    notOperator: (partner: string) => `${partner} is not an operator: it has no operator fees.`,
    feesMissing: 'Give `paid [YYYY-MM-DD]`, `rate N%`, or both.',
    rateInvalid: (value: string) => `${value} is not a percentage (e.g. 3.5%).`,
    rateOutOfRange: (value: string, min: string, max: string) =>
      min === max
        ? `${value}: this program’s retrocession is ${min}.`
        : `${value} is not between ${min} and ${max}.`,
    rateNotApplicable: (program: string) => `${program} has no retrocession.`,
  },
  recorded: (partner: string) => `:white_check_mark: Operator fees of *${partner}* recorded.`,
  /** The status card's line. */
  field: 'Operator fees',
  paid: (date: string) => `opening fee paid on ${date}`,
  notPaid: (amount: string) => `opening fee (${amount}) not recorded as paid`,
  rate: (rate: string) => `retrocession ${rate} of billed revenue`,
  noRate: 'retrocession not recorded',
};

export type OperatorFeesMessages = typeof en;

const fr: OperatorFeesMessages = {
  help: {
    fees: {
      usage: '/partner fees [partenaire] [paid AAAA-MM-JJ] [rate N %]',
      summary:
        'frais d’ouverture payés et rétrocession convenue d’un opérateur (sans argument\u202f: un formulaire)',
    },
  },
  usage:
    'Utilisation\u202f: `/partner fees [partenaire] paid 2026-01-15` (frais d’ouverture payés ce jour-là\u202f; `paid` seul\u202f: aujourd’hui) et/ou `rate 3,5 %` (E-shop\u202f: 2\u00a0%\u202f; E-shop managé\u202f: de 2\u00a0% à 4\u00a0%).',
  anchor: 'le mot `paid` ou `rate`',
  issues: {
    notOperator: (partner) => `${partner} n’est pas opérateur\u202f: il n’a pas de frais opérateur.`,
    feesMissing: 'Indiquez `paid [AAAA-MM-JJ]`, `rate N %`, ou les deux.',
    rateInvalid: (value) => `${value} n’est pas un pourcentage (par ex. 3,5\u00a0%).`,
    rateOutOfRange: (value, min, max) =>
      min === max
        ? `${value}\u202f: la rétrocession de ce programme est de ${min}.`
        : `${value} n’est pas compris entre ${min} et ${max}.`,
    rateNotApplicable: (program) => `${program} n’a pas de rétrocession.`,
  },
  recorded: (partner) => `:white_check_mark: Frais opérateur ${elide('de', `*${partner}*`)} enregistrés.`,
  field: 'Frais opérateur',
  paid: (date) => `frais d’ouverture payés le ${date}`,
  notPaid: (amount) => `frais d’ouverture (${amount}) non enregistrés comme payés`,
  rate: (rate) => `rétrocession de ${rate} du CA facturé`,
  noRate: 'rétrocession non enregistrée',
};

export const operatorFeesMessages: Record<Locale, OperatorFeesMessages> = { fr, en };
