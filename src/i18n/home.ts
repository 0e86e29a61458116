import type { Locale, PluralForms } from './format.js';

/** The App Home tab, in both locales; English is the reference shape. Arguments arrive formatted and escaped. */
const en = {
  staff: {
    title: 'Partner program',
    mine: 'Your partners',
    all: 'All partners',
    total: (scope: string, count: string) => `*${scope}*: ${count}`,
    partners: { one: '{n} partner', other: '{n} partners', zero: 'no partner' } as PluralForms,
    emptyPortfolio: 'You do not manage any partner yet.',
    actionsTitle: '*Record*',
    pendingTitle: (count: string) =>
      `:hourglass_flowing_sand: *Trainings awaiting your confirmation* (${count})`,
    pendingNone: ':white_check_mark: No training awaits confirmation.',
    pendingMore: (n: string) => `… and ${n} more: \`/partner confirm\``,
    overdueTitle: (count: string) => `:red_circle: *Overdue obligations*: ${count}`,
    overdueNone: ':white_check_mark: No partner has overdue obligations.',
    overdueLine: (name: string, id: string, count: string) => `${name} ${id} · ${count}`,
    overdueCount: { one: '{n} overdue', other: '{n} overdue' } as PluralForms,
    overdueMore: (n: string) => `… and ${n} more: \`/partner list overdue\``,
    atRiskTitle: (count: string) => `:warning: *At risk of demotion*: ${count}`,
    atRiskNone: ':white_check_mark: No partner is at risk of demotion.',
    atRiskLine: (name: string, id: string, toTier: string, missing: string) =>
      `${name} ${id} · would move down to ${toTier} · ${missing} a month missing`,
    atRiskMore: (n: string) => `… and ${n} more: \`/partner list at-risk\``,
    help: '`/partner help` lists every command; `/partner status [partner]` opens a card.',
  },
  contact: {
    title: 'Your partner program',
    ownTrainings: '*Your trainings to do*',
    noOwnTraining: ':white_check_mark: No training left for you to do.',
    help: '`/partner obligations` lists what is due; `/partner training trn-code` declares a training you did.',
  },
  stranger: {
    title: 'Dstny partner program',
    text: 'I help the Dstny partner managers and the contacts of Dstny partners follow the partner program: tiers, benefits, obligations and reminders. You are not registered as either.',
    whom: 'If you work for a Dstny partner, ask your partner manager (or the Dstny partner team) to add you as a contact of your company. Meanwhile, `/partner program` describes the program.',
  },
  unavailable:
    ':warning: The partner service is temporarily unavailable. Open this tab again in a few minutes.',
};

export type HomeMessages = typeof en;

const fr: HomeMessages = {
  staff: {
    title: 'Programme Partenaires',
    mine: 'Vos partenaires',
    all: 'Tous les partenaires',
    total: (scope, count) => `*${scope}*\u202f: ${count}`,
    partners: { one: '{n} partenaire', other: '{n} partenaires', zero: 'aucun partenaire' },
    emptyPortfolio: 'Vous ne gérez encore aucun partenaire.',
    actionsTitle: '*Saisir*',
    pendingTitle: (count) => `:hourglass_flowing_sand: *Formations à confirmer* (${count})`,
    pendingNone: ':white_check_mark: Aucune formation à confirmer.',
    pendingMore: (n) => `… et ${n} de plus\u202f: \`/partner confirm\``,
    overdueTitle: (count) => `:red_circle: *Devoirs en retard*\u202f: ${count}`,
    overdueNone: ':white_check_mark: Aucun partenaire n’a de devoir en retard.',
    overdueLine: (name, id, count) => `${name} ${id} · ${count}`,
    overdueCount: { one: '{n} en retard', other: '{n} en retard' },
    overdueMore: (n) => `… et ${n} de plus\u202f: \`/partner list overdue\``,
    atRiskTitle: (count) => `:warning: *En risque de rétrogradation*\u202f: ${count}`,
    atRiskNone: ':white_check_mark: Aucun partenaire en risque de rétrogradation.',
    atRiskLine: (name, id, toTier, missing) =>
      `${name} ${id} · passerait en ${toTier} · il manque ${missing} par mois`,
    atRiskMore: (n) => `… et ${n} de plus\u202f: \`/partner list at-risk\``,
    help: '`/partner help` liste toutes les commandes\u202f; `/partner status [partenaire]` ouvre une fiche.',
  },
  contact: {
    title: 'Votre Programme Partenaires',
    ownTrainings: '*Vos formations à suivre*',
    noOwnTraining: ':white_check_mark: Plus aucune formation à suivre de votre côté.',
    help: '`/partner obligations` liste ce qui est attendu\u202f; `/partner training code-trn` déclare une formation suivie.',
  },
  stranger: {
    title: 'Programme Partenaires Dstny',
    text: 'J’aide les responsables partenaires de Dstny et les contacts des partenaires Dstny à suivre le programme partenaires\u202f: statuts, avantages, devoirs et rappels. Vous n’êtes enregistré ni comme l’un ni comme l’autre.',
    whom: 'Si vous travaillez pour un partenaire Dstny, demandez à votre responsable partenaire (ou à l’équipe Partenaires Dstny) de vous ajouter comme contact de votre société. En attendant, `/partner program` présente le programme.',
  },
  unavailable:
    ':warning: Le service partenaires est momentanément indisponible. Rouvrez cet onglet dans quelques minutes.',
};

export const homeMessages: Record<Locale, HomeMessages> = { fr, en };
