import type { Locale } from '../program/locales.js';
import { type PluralForms, plural } from './format.js';
import { agree } from './french.js';

/**
 * The Monday manager digest, in both locales. English is the reference shape; arguments arrive formatted
 * and escaped.
 */
const en = {
  title: 'Your partner portfolio this week',
  text: (items: number) =>
    `Your partner portfolio this week: ${plural(items, { one: '{n} point', other: '{n} points' }, 'en')} to look at.`,
  demotions: 'At risk of demotion',
  demotion: (partner: string, average: string, missing: string, tier: string, days: string, date: string) =>
    `*${partner}*: ${average} a month so far, *${missing} a month short* of keeping ${tier}; ${days} (evaluation ${date})`,
  promotions: 'Within reach of a promotion',
  promotion: (partner: string, missing: string, tier: string, threshold: string, days: string) =>
    `*${partner}*: ${missing} a month short of ${tier} (${threshold} a month); ${days}`,
  promotionReached: (partner: string, tier: string, days: string) =>
    `*${partner}*: on track for ${tier} if it keeps its average; ${days}`,
  overdue: 'Overdue obligations',
  overdueLine: (partner: string, obligation: string, date: string, days: string, who: string) =>
    `*${partner}*: ${obligation}, due ${date} (${days} overdue)${who ? `, ${who}` : ''}`,
  pending: 'Trainings awaiting your confirmation',
  pendingLine: (partner: string, training: string, contact: string, date: string) =>
    `*${partner}*: ${training}, declared done by ${contact} on ${date}`,
  missed: 'Quarterly duties missed',
  /** `quarters`: the quarters missed, oldest first, "Q2 2026, Q3 2026". */
  missedLine: (partner: string, duty: string, quarters: string) =>
    `*${partner}*: ${duty}, missed ${quarters}`,
  quarterName: (year: number, quarter: number) => `Q${quarter} ${year}`,
  days: { one: '{n} day', other: '{n} days' } as PluralForms,
  /** The time left before the evaluation, as the digest's lines end with it. */
  daysLeft: { one: '{n} day left', other: '{n} days left' } as PluralForms,
  more: (n: number) => `… and ${n} more`,
  unreached: 'Contacts the reminders could not reach',
  unreachedLine: (partner: string, contact: string, trainings: string) =>
    `*${partner}*: ${contact}, reachable neither on Slack nor by e-mail, for ${trainings}`,
};

export type DigestMessages = typeof en;

const fr: DigestMessages = {
  title: 'Votre portefeuille partenaires cette semaine',
  text: (items) =>
    `Votre portefeuille partenaires cette semaine\u202f: ${plural(items, { one: '{n} point', other: '{n} points' }, 'fr')} à regarder.`,
  demotions: 'Risque de rétrogradation',
  demotion: (partner, average, missing, tier, days, date) =>
    `*${partner}*\u202f: ${average} par mois à ce jour, *il manque ${missing} par mois* pour rester ${tier}\u202f; ${days} (réévaluation le ${date})`,
  promotions: 'Promotion à portée',
  promotion: (partner, missing, tier, threshold, days) =>
    `*${partner}*\u202f: il manque ${missing} par mois pour ${tier} (${threshold} par mois)\u202f; ${days}`,
  promotionReached: (partner, tier, days) =>
    `*${partner}*\u202f: en bonne voie pour ${tier} s’il garde sa moyenne\u202f; ${days}`,
  overdue: 'Devoirs en retard',
  overdueLine: (partner, obligation, date, days, who) =>
    `*${partner}*\u202f: ${obligation}, avant le ${date} (${days} de retard)${who ? `, ${who}` : ''}`,
  pending: 'Formations à confirmer',
  pendingLine: (partner, training, contact, date) =>
    `*${partner}*\u202f: ${training}, ${agree(training, { m: 'déclaré suivi', f: 'déclarée suivie' })} par ${contact} le ${date}`,
  missed: 'Devoirs trimestriels manqués',
  missedLine: (partner, duty, quarters) => `*${partner}*\u202f: ${duty}, manqué ${quarters}`,
  quarterName: (year, quarter) => `T${quarter}\u202f${year}`,
  days: { one: '{n} jour', other: '{n} jours' },
  daysLeft: { one: '{n} jour restant', other: '{n} jours restants' },
  more: (n) => `… et ${n} de plus`,
  unreached: 'Contacts que les rappels n’ont pas pu joindre',
  unreachedLine: (partner, contact, trainings) =>
    `*${partner}*\u202f: ${contact}, joignable ni sur Slack ni par e-mail, pour ${trainings}`,
};

export const digestMessages: Record<Locale, DigestMessages> = { fr, en };
