import type { Locale } from '../program/locales.js';
import type { PluralForms } from './format.js';
import { agree, elide } from './french.js';

/**
 * Everything `/partner` says, in both locales. English is the reference shape: `fr` must have exactly
 * the same keys (a missing or extra one fails the typecheck). Values taking arguments are functions;
 * arguments are already formatted and escaped by the views (names, amounts, dates, mentions).
 * Catalog wording (tiers, benefits, obligations...) is not here: it comes from the catalog's labels.
 * `locale` names the table's own locale, so code handed a set of messages knows which language it speaks.
 */
const en = {
  locale: 'en' as Locale,
  andMore: (n: string) => `… and ${n} more`,
  days: { one: '{n} day', other: '{n} days' } as PluralForms,
  months: { one: '{n} month', other: '{n} months' } as PluralForms,
  partners: { one: '{n} partner', other: '{n} partners', zero: 'no partner' } as PluralForms,
  perMonth: (amount: string) => `${amount} a month`,
  bullet: '•',
  buttons: {
    share: 'Share in channel',
    recordRevenue: 'Record revenue',
    /** On a partner’s card: the revenue its tier is based on (RRM for an ambassador, CA for an operator). */
    recordBasis: (_basis: string) => 'Record revenue',
    markDone: 'Mark done',
    overrideTier: 'Override tier',
    previous: '← Previous',
    next: 'Next →',
    open: 'Status',
  },

  help: {
    title: '/partner: the Dstny partner program',
    text: 'How to use /partner',
    unknown: (typed: string) => `I don’t know ${typed}. Here is what I can do:`,
    partnerArgStaff:
      '_partner_ is a partner id or name (case and accents do not matter, the start of a name is enough). In a partner’s channel it can be left out.',
    partnerArgContact: 'Every answer is about your own partner: no need to name it.',
    stranger:
      'To see a partner’s tier, benefits and obligations, ask your partner manager or the Dstny partner team to add you as a contact.',
    commands: {
      status: { usage: '/partner status [partner]', summary: 'everything at a glance' },
      tier: { usage: '/partner tier [partner]', summary: 'tier, semester average, next evaluation' },
      benefits: {
        usage: '/partner benefits [partner]',
        summary: 'benefits in force and what the next tier adds',
      },
      obligations: {
        usage: '/partner obligations [partner] [code…]',
        summary: 'documents and trainings due, and who must act; with codes, those alone, done or not',
      },
      trainings: {
        usage: '/partner trainings [partner]',
        summary: 'the mandatory trainings alone, contact by contact',
      },
      contacts: {
        usage: '/partner contacts [partner]',
        summary: 'its people: profiles, referents, how they are reached, their trainings due',
      },
      zen: { usage: '/partner zen [partner]', summary: 'Experts Zen listing: what is still missing' },
      history: { usage: '/partner history [partner]', summary: 'tier history and overrides' },
      program: { usage: '/partner program', summary: 'the program: types, tiers, thresholds' },
      list: { usage: '/partner list [tier|overdue|at-risk|left]', summary: 'your partners, with a filter' },
      help: { usage: '/partner help', summary: 'this help' },
    },
  },

  fields: {
    tier: 'Tier',
    partnership: 'Partnership',
    basis: 'Tier basis',
    average: 'Semester average so far',
    nextEvaluation: 'Next evaluation',
    nextTier: 'Next tier',
    obligations: 'Obligations',
    benefits: 'Benefits',
    zen: 'Experts Zen',
    manager: 'Partner manager',
  },

  tier: {
    title: (name: string, tier: string) => `${name}: ${tier}`,
    text: (name: string, tier: string) => `${name} is ${tier}`,
    since: (date: string) => `since ${date}`,
    average: (amount: string, semester: string, months: string) =>
      `${amount} a month (${semester}, ${months})`,
    noMonthYet: (semester: string) => `no month counted yet (${semester})`,
    /** `months`: "July €1,200 · August nothing recorded, counts as 0 · …" (basis: "MRR", "Billed revenue"). */
    byMonth: (basis: string, months: string) => `${basis} month by month: ${months}`,
    nothingRecorded: '(nothing recorded: counts as 0)',
    evaluationOn: (date: string, days: string) => `${date} (in ${days})`,
    toNext: (tier: string, threshold: string, missing: string) =>
      `To reach *${tier}* (${threshold} a month on average): *${missing}* a month missing.`,
    nextReached: (tier: string) =>
      `The average so far already reaches *${tier}*: keep it up until the evaluation.`,
    topTier: (tier: string) => `*${tier}* is the top tier.`,
    demotion: (toTier: string, date: string, missing: string, current: string) =>
      `:warning: *At risk*: at this average the evaluation on ${date} would move the partner down to *${toTier}*. ${missing} a month more keeps *${current}*.`,
    override: (by: string, date: string, reason: string) => `Override by ${by} on ${date}: “${reason}”`,
  },

  benefits: {
    title: (name: string) => `${name}: benefits`,
    text: (name: string, tier: string) => `${name}’s benefits as ${tier}`,
    inForce: (tier: string) => `*Benefits in force* (${tier})`,
    activeUntil: (date: string) => `available until ${date}`,
    expiredOn: (date: string) => `expired on ${date}`,
    nextAdds: (tier: string) => `*What ${tier} adds*`,
    topTier: 'Top tier: every benefit of the program is in force.',
    dedicated: 'Dedicated support for every tier.',
    bizBoosterActive: (date: string) => `BizBooster until ${date}`,
    bizBoosterExpired: (date: string) => `BizBooster expired on ${date}`,
    count: { one: '{n} benefit', other: '{n} benefits' } as PluralForms,
  },

  obligations: {
    title: (name: string) => `${name}: obligations`,
    text: (name: string, summary: string) => `${name}’s obligations: ${summary}`,
    overdue: { one: '{n} overdue', other: '{n} overdue' } as PluralForms,
    outstanding: { one: '{n} to do', other: '{n} to do' } as PluralForms,
    pending: { one: '{n} awaiting confirmation', other: '{n} awaiting confirmation' } as PluralForms,
    done: { one: '{n} done', other: '{n} done' } as PluralForms,
    missed: { one: '{n} quarterly duty missed', other: '{n} quarterly duties missed' } as PluralForms,
    overdueTitle: ':red_circle: *Overdue*',
    missedTitle: ':black_circle: *Missed quarters*',
    outstandingTitle: ':large_yellow_circle: *To do*',
    pendingTitle: ':hourglass_flowing_sand: *Awaiting a manager’s confirmation*',
    nothingDue: ':white_check_mark: Nothing outstanding.',
    /** The card narrowed to trainings (a question about them). */
    trainingsTitle: (name: string) => `${name}: trainings`,
    trainingsText: (name: string, summary: string) => `${name}’s trainings: ${summary}`,
    noTrainingDue: ':white_check_mark: No training outstanding.',
    /** `command`: the /partner command that shows every obligation. */
    allObligations: (command: string) => `Documents and sales follow-up too: \`${command}\``,
    dueOn: (date: string) => `due ${date}`,
    late: (days: string) => `${days} late`,
    quarter: (date: string) => `by ${date} (this quarter)`,
    /** A calendar quarter: "Q2 2026". */
    quarterName: (year: number, quarter: number) => `Q${quarter} ${year}`,
    missedQuarter: (quarter: string, date: string) => `${quarter} missed (ended ${date})`,
    /** `item`: the training's label, for the words to agree with it in French. */
    declared: (date: string, _item?: string) => `declared done on ${date}`,
    /** `item`: the obligation's label, for the words to agree with it in French. */
    doneOn: (date: string, _item?: string) => `done on ${date}`,
    doneTitle: ':white_check_mark: *Done*',
    /** `typed`: a word shaped like an obligation's code that is none. */
    unknownCode: (typed: string) =>
      `${typed} is no obligation’s code: each line of \`/partner obligations\` ends with its own.`,
    /** Obligations named that this partner does not have. */
    notTheirs: 'Not among this partner’s obligations (another type, program or tier).',
    /** The card narrowed to one obligation: its label. */
    oneTitle: (name: string, label: string) => `${name}: ${label}`,
    /** `command`: the /partner command that shows every obligation. */
    everyObligation: (command: string) => `Every obligation: \`${command}\``,
    thePartner: 'the partner',
    contact: (mention: string, profile: string) => `${mention} (${profile})`,
    referent: (mention: string, profile: string) => `${mention} (${profile} referent)`,
    noContact: (profile: string) => `no ${profile} contact on file`,
    noReferent: (profile: string) => `no ${profile} referent designated`,
    /** The button of a contact's own item (staff get buttons.markDone). */
    declareDone: 'I’ve done it',
  },

  status: {
    title: (name: string) => `${name}`,
    text: (name: string, tier: string) => `${name}: ${tier}`,
    upToDate: 'up to date',
    bizBooster: (status: string) => status,
    zenEligible: 'eligible for the listing',
    zenUnmet: { one: '{n} requirement unmet', other: '{n} requirements unmet' } as PluralForms,
    topOverdue: '*Overdue*',
    topMissed: '*Missed quarters*',
    atRisk: (toTier: string) => `:warning: at risk of ${toTier}`,
    missing: (amount: string, tier: string) => `${amount} a month missing for ${tier}`,
    reached: (tier: string) => `${tier} reached so far`,
    top: 'top tier',
  },

  contacts: {
    title: (name: string) => `${name}: contacts`,
    text: (name: string, summary: string) => `${name}’s contacts: ${summary}`,
    count: { one: '{n} contact', other: '{n} contacts' } as PluralForms,
    none: 'No contact on file: an admin imports them (`/partner import`, contacts).',
    /** `profiles`: the profiles it is the referent for, "Admin, Sales". */
    referent: (profiles: string) => `${profiles} referent`,
    byEmail: (email: string) => `by e-mail${email ? ` (${email})` : ''}`,
    unreachable: ':warning: not on Slack and no e-mail: no reminder reaches them',
    trainingsOverdue: { one: '{n} training overdue', other: '{n} trainings overdue' } as PluralForms,
    trainingsToDo: { one: '{n} training to do', other: '{n} trainings to do' } as PluralForms,
    trainingsPending: {
      one: '{n} training awaiting confirmation',
      other: '{n} trainings awaiting confirmation',
    } as PluralForms,
    missingTitle: '*Missing*',
    /** `command`: the /partner command that shows the trainings. */
    trainingsHint: (command: string) => `Their trainings, one by one: \`${command}\``,
  },

  zen: {
    title: (name: string) => `${name}: Experts Zen`,
    text: (name: string, eligible: boolean) =>
      eligible
        ? `${name} is eligible for the Experts Zen listing`
        : `${name} is not yet eligible for the Experts Zen listing`,
    eligible: ':white_check_mark: *Eligible* for the Experts Zen listing.',
    notEligible: {
      one: ':x: *Not yet eligible*: {n} requirement unmet.',
      other: ':x: *Not yet eligible*: {n} requirements unmet.',
    } as PluralForms,
    unmetTitle: '*Still missing*',
    metTitle: '*Done*',
    domainsTitle: '*Expertise domains*',
  },

  program: {
    title: 'The Dstny partner program',
    text: 'The Dstny partner program: types, tiers and thresholds',
    typesTitle: '*Partnership types*',
    basis: (basis: string) => `Tier basis: ${basis}`,
    operatorProgramsTitle: '*Operator programs*',
    tiersTitle: '*Tiers*: average a month over the semester',
    range: (from: string, to: string) => `${from} to ${to}`,
    from: (from: string) => `${from} and more`,
    evaluationTitle: '*Re-evaluation*',
    portalTitle: '*MyDstny*',
  },

  list: {
    title: (scope: string) => scope,
    text: (scope: string, count: string) => `${scope}: ${count}`,
    mine: 'Your partners',
    all: 'All partners',
    overdue: 'with overdue obligations',
    atRisk: 'at risk of demotion',
    atTier: (tier: string) => `at ${tier}`,
    filtered: (scope: string, filter: string) => `${scope} ${filter}`,
    page: (page: string, pages: string, count: string) => `Page ${page} of ${pages} · ${count}`,
    empty: 'No partner matches.',
    emptyPortfolio: 'You do not manage any partner yet.',
    unknownFilter: (typed: string) => `Unknown filter ${typed}: use a tier, \`overdue\` or \`at-risk\`.`,
    noRevenue: 'no revenue counted yet',
    overdueCount: { one: ':red_circle: {n} overdue', other: ':red_circle: {n} overdue' } as PluralForms,
    atRiskFlag: (toTier: string) => `:warning: at risk of ${toTier}`,
    withinReach: 'close to a promotion',
    withinReachFlag: (toTier: string, missing: string) => `:arrow_up: ${toTier} within ${missing}`,
  },

  history: {
    title: (name: string) => `${name}: tier history`,
    text: (name: string) => `${name}’s tier history`,
    current: (tier: string, date: string) => `Current tier: *${tier}* since ${date}`,
    evaluation: (semester: string) => `Evaluation ${semester}`,
    override: (by: string) => `Override by ${by}`,
    import: 'Imported tier',
    change: (from: string, to: string) => `${from} → *${to}*`,
    kept: (tier: string) => `*${tier}* kept`,
    set: (tier: string) => `*${tier}*`,
    average: (amount: string, months: string) => `average ${amount} a month over ${months}`,
    computed: (tier: string) => `computed: ${tier}`,
    notEvaluated: (date: string) => `not evaluated: joined on ${date}`,
    notEvaluatedNoDate: 'not evaluated: joined too recently',
    overrideStands: (tier: string) => `*${tier}* kept: the override stands`,
    pending: (tier: string) => `awaiting approval: *${tier}*`,
    reason: (reason: string) => `reason: “${reason}”`,
    empty: 'No tier change recorded yet.',
    missedTitle: '*Quarterly duties missed*',
  },

  lookup: {
    choose: (query: string) => `Several partners match ${query}. Which one?`,
    none: (query: string) => `No partner matches ${query}.`,
    didYouMean: 'Did you mean:',
    noSuggestion: 'Try `/partner list` to see your partners.',
    unspecified: (usage: string) =>
      `Which partner? Name it (${usage}) or run the command in the partner’s channel.`,
    gone: 'This partner no longer exists.',
  },

  refusal: {
    stranger:
      'Sorry, I only answer Dstny’s partner managers and the contacts of Dstny partners. Ask your partner manager or the Dstny partner team to add you. Meanwhile, `/partner program` describes the program.',
    otherPartner: 'You can only see your own partner’s information. Leave the name out: `/partner status`.',
    staffOnly: (command: string) =>
      `${command} is for the Dstny partner team. \`/partner help\` lists what you can do.`,
  },

  unavailable: ':warning: The partner service is temporarily unavailable. Please try again in a few minutes.',

  /** Too many requests at once to answer within Slack's 3 s: said at once rather than late. */
  busy: ':hourglass_flowing_sand: I am busy right now: please try again in a moment.',
};

export type CommandMessages = typeof en;

const fr: CommandMessages = {
  locale: 'fr',
  andMore: (n) => `… et ${n} de plus`,
  days: { one: '{n} jour', other: '{n} jours' },
  months: { one: '{n} mois', other: '{n} mois' },
  partners: { one: '{n} partenaire', other: '{n} partenaires', zero: 'aucun partenaire' },
  perMonth: (amount) => `${amount} par mois`,
  bullet: '•',
  buttons: {
    share: 'Partager dans le canal',
    recordRevenue: 'Saisir le RRM ou le CA',
    recordBasis: (basis) => `Saisir le ${basis}`,
    markDone: 'Marquer comme fait',
    overrideTier: 'Accorder une dérogation',
    previous: '← Précédent',
    next: 'Suivant →',
    open: 'Statut',
  },

  help: {
    title: '/partner\u202f: le Programme Partenaires Dstny',
    text: 'Comment utiliser /partner',
    unknown: (typed) => `Je ne connais pas ${typed}. Voici ce que je sais faire\u202f:`,
    partnerArgStaff:
      '_partenaire_ est l’identifiant ou le nom d’un partenaire (sans souci des majuscules ni des accents, le début du nom suffit). Dans le canal d’un partenaire, on peut l’omettre.',
    partnerArgContact: 'Chaque réponse concerne votre partenaire\u202f: inutile de le nommer.',
    stranger:
      'Pour consulter le statut, les avantages et les devoirs d’un partenaire, demandez à votre responsable partenaire ou à l’équipe Partenaires Dstny de vous ajouter comme contact.',
    commands: {
      status: { usage: '/partner status [partenaire]', summary: 'l’essentiel en un coup d’œil' },
      tier: {
        usage: '/partner tier [partenaire]',
        summary: 'statut, moyenne du semestre, prochaine réévaluation',
      },
      benefits: {
        usage: '/partner benefits [partenaire]',
        summary: 'avantages acquis et ce que le statut suivant apporte',
      },
      obligations: {
        usage: '/partner obligations [partenaire] [code…]',
        summary:
          'documents et formations attendus, et qui doit agir\u202f; avec des codes, ceux-là seuls, faits ou non',
      },
      trainings: {
        usage: '/partner formations [partenaire]',
        summary: 'les formations obligatoires seules, contact par contact',
      },
      contacts: {
        usage: '/partner contacts [partenaire]',
        summary: 'ses contacts\u202f: profils, référents, comment les joindre, leurs formations dues',
      },
      zen: {
        usage: '/partner zen [partenaire]',
        summary: 'Référencement Experts Zen\u202f: ce qui manque encore',
      },
      history: {
        usage: '/partner history [partenaire]',
        summary: 'historique des statuts et des dérogations',
      },
      program: { usage: '/partner program', summary: 'le programme\u202f: types, statuts, seuils' },
      list: {
        usage: '/partner list [statut|overdue|at-risk|left]',
        summary: 'vos partenaires, avec un filtre',
      },
      help: { usage: '/partner help', summary: 'cette aide' },
    },
  },

  fields: {
    tier: 'Statut',
    partnership: 'Partenariat',
    basis: 'Base du statut',
    average: 'Moyenne du semestre à ce jour',
    nextEvaluation: 'Prochaine réévaluation',
    nextTier: 'Statut suivant',
    obligations: 'Devoirs',
    benefits: 'Avantages',
    zen: 'Experts Zen',
    manager: 'Responsable partenaire',
  },

  tier: {
    title: (name, tier) => `${name}\u202f: ${tier}`,
    text: (name, tier) => `${name} est ${tier}`,
    since: (date) => `depuis le ${date}`,
    average: (amount, semester, months) => `${amount} par mois (${semester}, ${months})`,
    noMonthYet: (semester) => `aucun mois compté pour l’instant (${semester})`,
    byMonth: (basis, months) => `${basis} mois par mois\u202f: ${months}`,
    nothingRecorded: '(rien d’enregistré\u202f: compte pour 0)',
    evaluationOn: (date, days) => `${date} (dans ${days})`,
    toNext: (tier, threshold, missing) =>
      `Pour atteindre *${tier}* (${threshold} par mois en moyenne)\u202f: il manque *${missing}* par mois.`,
    nextReached: (tier) =>
      `La moyenne à ce jour atteint déjà *${tier}*\u202f: à maintenir jusqu’à la réévaluation.`,
    topTier: (tier) => `*${tier}* est le statut le plus élevé.`,
    demotion: (toTier, date, missing, current) =>
      `:warning: *Risque de rétrogradation*\u202f: à cette moyenne, la réévaluation du ${date} ferait passer le partenaire en *${toTier}*. Il faut ${missing} de plus par mois pour rester *${current}*.`,
    override: (by, date, reason) => `Dérogation accordée par ${by} le ${date}\u202f: «\u202f${reason}\u202f»`,
  },

  benefits: {
    title: (name) => `${name}\u202f: avantages`,
    text: (name, tier) => `Avantages ${elide('de', name)} en ${tier}`,
    inForce: (tier) => `*Avantages acquis* (${tier})`,
    activeUntil: (date) => `disponible jusqu’au ${date}`,
    expiredOn: (date) => `expirée le ${date}`,
    nextAdds: (tier) => `*Ce ${elide('que', tier)} apporte en plus*`,
    topTier: 'Statut le plus élevé\u202f: tous les avantages du programme sont acquis.',
    dedicated: 'Accompagnement dédié pour tous les statuts.',
    bizBoosterActive: (date) => `Promo BizBooster jusqu’au ${date}`,
    bizBoosterExpired: (date) => `Promo BizBooster expirée le ${date}`,
    count: { one: '{n} avantage', other: '{n} avantages' },
  },

  obligations: {
    title: (name) => `${name}\u202f: devoirs`,
    text: (name, summary) => `Devoirs ${elide('de', name)}\u202f: ${summary}`,
    overdue: { one: '{n} en retard', other: '{n} en retard' },
    outstanding: { one: '{n} à faire', other: '{n} à faire' },
    pending: { one: '{n} en attente de confirmation', other: '{n} en attente de confirmation' },
    done: { one: '{n} fait', other: '{n} faits' },
    missed: { one: '{n} devoir trimestriel manqué', other: '{n} devoirs trimestriels manqués' },
    overdueTitle: ':red_circle: *En retard*',
    missedTitle: ':black_circle: *Trimestres manqués*',
    outstandingTitle: ':large_yellow_circle: *À faire*',
    pendingTitle: ':hourglass_flowing_sand: *En attente de la confirmation d’un responsable*',
    nothingDue: ':white_check_mark: Rien en attente.',
    trainingsTitle: (name) => `${name}\u202f: formations`,
    trainingsText: (name, summary) => `Formations ${elide('de', name)}\u202f: ${summary}`,
    noTrainingDue: ':white_check_mark: Aucune formation en attente.',
    allObligations: (command) => `Avec les documents et le suivi commercial\u202f: \`${command}\``,
    dueOn: (date) => `échéance ${date}`,
    late: (days) => `${days} de retard`,
    quarter: (date) => `avant le ${date} (ce trimestre)`,
    quarterName: (year, quarter) => `T${quarter}\u202f${year}`,
    missedQuarter: (quarter, date) => `${quarter} manqué (clos le ${date})`,
    declared: (date, item) =>
      `${agree(item ?? '', { m: 'déclaré suivi', f: 'déclarée suivie' }, 'déclaré fait')} le ${date}`,
    doneOn: (date, item) =>
      `${agree(item ?? '', { m: 'fait', f: 'faite', mp: 'faits', fp: 'faites' })} le ${date}`,
    doneTitle: ':white_check_mark: *Faits*',
    notTheirs: 'Ne fait pas partie des devoirs de ce partenaire (autre type, programme ou statut).',
    unknownCode: (typed) =>
      `${typed} n’est le code d’aucun devoir\u202f: chaque ligne de \`/partner obligations\` se termine par le sien.`,
    oneTitle: (name, label) => `${name}\u202f: ${label}`,
    everyObligation: (command) => `Tous les devoirs\u202f: \`${command}\``,
    thePartner: 'le partenaire',
    contact: (mention, profile) => `${mention} (${profile})`,
    referent: (mention, profile) => `${mention} (référent ${lower(profile)})`,
    noContact: (profile) => `aucun contact ${lower(profile)} enregistré`,
    noReferent: (profile) => `aucun référent ${lower(profile)} désigné`,
    declareDone: 'C’est fait',
  },

  status: {
    title: (name) => `${name}`,
    text: (name, tier) => `${name}\u202f: ${tier}`,
    upToDate: 'à jour',
    bizBooster: (status) => status,
    zenEligible: 'éligible au référencement',
    zenUnmet: { one: '{n} condition non remplie', other: '{n} conditions non remplies' },
    topOverdue: '*En retard*',
    topMissed: '*Trimestres manqués*',
    atRisk: (toTier) => `:warning: risque de passer en ${toTier}`,
    missing: (amount, tier) => `il manque ${amount} par mois pour ${tier}`,
    reached: (tier) => `${tier} atteint à ce jour`,
    top: 'statut le plus élevé',
  },

  contacts: {
    title: (name) => `${name}\u202f: contacts`,
    text: (name, summary) => `Contacts ${elide('de', name)}\u202f: ${summary}`,
    count: { one: '{n} contact', other: '{n} contacts' },
    none: 'Aucun contact enregistré\u202f: un administrateur les importe (`/partner import`, contacts).',
    referent: (profiles) => `référent ${lower(profiles)}`,
    byEmail: (email) => `par e-mail${email ? ` (${email})` : ''}`,
    unreachable: ':warning: ni sur Slack ni d’e-mail\u202f: aucun rappel ne lui parvient',
    trainingsOverdue: { one: '{n} formation en retard', other: '{n} formations en retard' },
    trainingsToDo: { one: '{n} formation à faire', other: '{n} formations à faire' },
    trainingsPending: {
      one: '{n} formation en attente de confirmation',
      other: '{n} formations en attente de confirmation',
    },
    missingTitle: '*Manquants*',
    trainingsHint: (command) => `Leurs formations, une à une\u202f: \`${command}\``,
  },

  zen: {
    title: (name) => `${name}\u202f: Experts Zen`,
    text: (name, eligible) =>
      eligible
        ? `${name} est éligible au Référencement Experts Zen`
        : `${name} n’est pas encore éligible au Référencement Experts Zen`,
    eligible: ':white_check_mark: *Éligible* au Référencement Experts Zen.',
    notEligible: {
      one: ':x: *Pas encore éligible*\u202f: {n} condition non remplie.',
      other: ':x: *Pas encore éligible*\u202f: {n} conditions non remplies.',
    },
    unmetTitle: '*Reste à faire*',
    metTitle: '*Fait*',
    domainsTitle: '*Domaines d’expertise*',
  },

  program: {
    title: 'Le Programme Partenaires Dstny',
    text: 'Le Programme Partenaires Dstny\u202f: types, statuts et seuils',
    typesTitle: '*Types de partenariat*',
    basis: (basis) => `Base du statut\u202f: ${basis}`,
    operatorProgramsTitle: '*Programmes Opérateurs*',
    tiersTitle: '*Statuts*\u202f: moyenne mensuelle sur le semestre',
    range: (from, to) => `de ${from} à ${to}`,
    from: (from) => `${from} et plus`,
    evaluationTitle: '*Réévaluation*',
    portalTitle: '*MyDstny*',
  },

  list: {
    title: (scope) => scope,
    text: (scope, count) => `${scope}\u202f: ${count}`,
    mine: 'Vos partenaires',
    all: 'Tous les partenaires',
    overdue: 'avec des devoirs en retard',
    atRisk: 'en risque de rétrogradation',
    atTier: (tier) => `en ${tier}`,
    filtered: (scope, filter) => `${scope} ${filter}`,
    page: (page, pages, count) => `Page ${page} sur ${pages} · ${count}`,
    empty: 'Aucun partenaire ne correspond.',
    emptyPortfolio: 'Vous ne gérez encore aucun partenaire.',
    unknownFilter: (typed) =>
      `Filtre inconnu ${typed}\u202f: indiquez un statut, \`overdue\` ou \`at-risk\`.`,
    noRevenue: 'aucun revenu compté pour l’instant',
    overdueCount: { one: ':red_circle: {n} en retard', other: ':red_circle: {n} en retard' },
    atRiskFlag: (toTier) => `:warning: risque de passer en ${toTier}`,
    withinReach: 'proches d’une promotion',
    withinReachFlag: (toTier, missing) => `:arrow_up: ${toTier} à ${missing} près`,
  },

  history: {
    title: (name) => `${name}\u202f: historique des statuts`,
    text: (name) => `Historique des statuts ${elide('de', name)}`,
    current: (tier, date) => `Statut actuel\u202f: *${tier}* depuis le ${date}`,
    evaluation: (semester) => `Réévaluation ${semester}`,
    override: (by) => `Dérogation par ${by}`,
    import: 'Statut importé',
    change: (from, to) => `${from} → *${to}*`,
    kept: (tier) => `*${tier}* maintenu`,
    set: (tier) => `*${tier}*`,
    average: (amount, months) => `moyenne ${amount} par mois sur ${months}`,
    computed: (tier) => `calculé\u202f: ${tier}`,
    notEvaluated: (date) => `non évalué : partenaire depuis le ${date}`,
    notEvaluatedNoDate: 'non évalué : partenaire trop récent',
    overrideStands: (tier) => `*${tier}* maintenu : la dérogation prime`,
    pending: (tier) => `en attente d’approbation : *${tier}*`,
    reason: (reason) => `motif\u202f: «\u202f${reason}\u202f»`,
    empty: 'Aucun changement de statut enregistré pour l’instant.',
    missedTitle: '*Devoirs trimestriels manqués*',
  },

  lookup: {
    choose: (query) => `Plusieurs partenaires correspondent à ${query}. Lequel\u202f?`,
    none: (query) => `Aucun partenaire ne correspond à ${query}.`,
    didYouMean: 'Vouliez-vous dire\u202f:',
    noSuggestion: 'Essayez `/partner list` pour voir vos partenaires.',
    unspecified: (usage) =>
      `Quel partenaire\u202f? Nommez-le (${usage}) ou lancez la commande dans le canal du partenaire.`,
    gone: 'Ce partenaire n’existe plus.',
  },

  refusal: {
    stranger:
      'Désolé, je ne réponds qu’aux responsables partenaires de Dstny et aux contacts des partenaires Dstny. Demandez à votre responsable partenaire ou à l’équipe Partenaires Dstny de vous ajouter. En attendant, `/partner program` présente le programme.',
    otherPartner:
      'Vous ne pouvez consulter que les informations de votre partenaire. Omettez le nom\u202f: `/partner status`.',
    staffOnly: (command) =>
      `${command} est réservé à l’équipe Partenaires Dstny. \`/partner help\` liste ce que vous pouvez faire.`,
  },

  unavailable:
    ':warning: Le service partenaires est momentanément indisponible. Merci de réessayer dans quelques minutes.',

  busy: ':hourglass_flowing_sand: Je suis très sollicité en ce moment\u202f: merci de réessayer dans un instant.',
};

/** A profile after « référent » or « contact » reads in lower case: « référent vente ». */
function lower(profile: string): string {
  return profile.toLocaleLowerCase('fr');
}

export const commandMessages: Record<Locale, CommandMessages> = { fr, en };
