import type { CommandMessages } from './commands.js';
import { formatDate, type Locale, type PluralForms } from './format.js';
import { agree, elide, genderOf } from './french.js';

/**
 * What the write side says: the write subcommands of /partner, their modals, confirmations, refusals,
 * the Share button and the messages queued for managers and contacts. English is the reference shape;
 * `fr` must have exactly the same keys. Arguments arrive formatted and escaped (names, amounts, dates,
 * mentions, `code`).
 */
const en = {
  help: {
    revenue: {
      usage: '/partner revenue [partner] YYYY-MM category amount',
      summary: 'record a month of revenue (no argument: a form)',
    },
    training: {
      usage: '/partner training [@contact] trn-code [YYYY-MM-DD]',
      summary: 'record a training done (a contact declares its own; a manager confirms it)',
    },
    done: {
      usage: '/partner done [partner] item-code [YYYY-MM-DD]',
      summary: 'mark a checklist item done (no argument: a form)',
    },
    override: {
      usage: '/partner override [partner] tier reason…',
      summary: 'set a partner’s tier by hand (no argument: a form)',
    },
    confirm: { usage: '/partner confirm', summary: 'trainings declared by contacts, to confirm or reject' },
  },

  usage: {
    revenue:
      'Usage: `/partner revenue [partner] YYYY-MM category amount`, e.g. `/partner revenue Acme 2026-03 recurring 1 234,56`. Categories: `recurring`, `one_off`, `access_fees`, `minutes`. In a partner’s channel the partner can be left out. `/partner revenue` alone opens a form.',
    training:
      'Usage: `/partner training @contact trn-code [YYYY-MM-DD]`, e.g. `/partner training @Jane trn-online-admin 2026-03-02` (the date is today when left out).',
    trainingContact:
      'Usage: `/partner training trn-code [YYYY-MM-DD]`, e.g. `/partner training trn-online-admin`: declares your own training done; a manager confirms it.',
    done: 'Usage: `/partner done [partner] item-code [YYYY-MM-DD]`, e.g. `/partner done Acme doc-partner-charter`. `/partner done` alone opens a form.',
    override:
      'Usage: `/partner override [partner] tier reason…`, e.g. `/partner override Acme premium signed the 3-year framework contract`. Tiers: {tiers}. `/partner override` alone opens a form.',
    quotes:
      'The partner comes first; when its name contains a word that could be read as the month, code or tier, put it in quotes: `"Access Telecom" premium …`.',
    codes: (codes: string) => `Codes: ${codes}`,
  },

  issues: {
    notAllowed: 'This is for the Dstny partner team.',
    ownTrainingOnly: 'You can only declare your own trainings: `/partner training trn-code`.',
    partnerUnknown: 'This partner no longer exists.',
    monthMissing: 'Give the month, as YYYY-MM (e.g. 2026-03).',
    monthInvalid: (value: string) => `${value} is not a month: write it YYYY-MM (e.g. 2026-03).`,
    monthFuture: (value: string) =>
      `${value} has not started yet: revenue is recorded for past or current months.`,
    categoryUnknown: (value: string, categories: string) => `Unknown category ${value}: use ${categories}.`,
    amountMissing: 'Give the amount in euros (e.g. `1 234,56`).',
    amountInvalid: (value: string) =>
      `${value} is not an amount in euros: write e.g. \`1234,56\` or \`1 234.56\` (at most 2 decimals; a € sign is fine).`,
    amountNegative: (value: string) => `${value} is negative: an amount is 0 or more.`,
    amountTooLarge: (value: string) => `${value} is too large for a month’s revenue.`,
    trainingMissing: 'Give the training code (trn-…).',
    trainingUnknown: (value: string) => `Unknown training ${value}.`,
    trainingNotApplicable: (training: string, partner: string) => `${training} does not apply to ${partner}.`,
    trainingNotOwn: (training: string, roles: string) =>
      `${training} is not one of your trainings. You declare those of your profiles and referent roles (${roles}) and the partner-wide ones.`,
    /** A referent role, by its profile's label: "Admin referent". */
    referentRole: (profile: string) => `${profile} referent`,
    itemMissing: 'Give the item code (doc-…, com-…, sales-…, zen-…).',
    itemUnknown: (value: string) => `Unknown item ${value}.`,
    itemIsTraining: (value: string) =>
      `${value} is a training, done by a contact: \`/partner training @contact ${value}\`.`,
    itemComputed: (value: string) => `${value} follows from the tier: nothing to record.`,
    itemNotApplicable: (item: string, partner: string) => `${item} does not apply to ${partner}.`,
    contactMissing: 'Which contact? Mention them (@name) or give their Slack id.',
    contactUnknown: (value: string) => `No partner contact matches ${value}.`,
    contactAmbiguous: (value: string, names: string) =>
      `Several contacts match ${value}: ${names}. Mention one.`,
    contactOtherPartner: (contact: string, partner: string) => `${contact} is not a contact of ${partner}.`,
    dateInvalid: (value: string) => `${value} is not a date: write it YYYY-MM-DD (e.g. 2026-03-02).`,
    dateFuture: (value: string) => `${value} is in the future.`,
    tierMissing: 'Choose the tier.',
    tierUnknown: (value: string, tiers: string) => `Unknown tier ${value}: use ${tiers}.`,
    tierUnchanged: (tier: string) => `The partner already is ${tier}.`,
    reasonMissing: 'Give a reason: it is recorded in the tier history.',
    reasonTooLong: (max: string) => `The reason is too long (${max} characters at most).`,
    declarationGone: 'This declaration was already confirmed or rejected.',
    nothingWritten: 'Nothing was recorded.',
  },

  lookup: {
    ambiguous: (query: string) =>
      `Several partners match ${query}. Pick one to open the form, or type its id:`,
    none: (query: string) => `No partner matches ${query}.`,
    didYouMean: 'Did you mean (pick one to open the form):',
    unspecified: 'Which partner? Name it first, or run the command in the partner’s channel.',
    anchorMissing: (what: string) => `I could not find the ${what} in your command.`,
    anchorMonth: 'month (YYYY-MM)',
    anchorTier: 'tier',
    anchorItem: 'item code',
    anchorTraining: 'training code (trn-…)',
  },

  revenue: {
    /** `basis`: what the partner's revenue is named (« RRM », « CA »), for the languages that name it. */
    recorded: (partner: string, category: string, month: string, from: string, to: string, _basis: string) =>
      `:white_check_mark: Revenue recorded for *${partner}*, ${category}, ${month}: ${from} → *${to}*.`,
    recordedNew: (partner: string, category: string, month: string, amount: string, _basis: string) =>
      `:white_check_mark: Revenue recorded for *${partner}*, ${category}, ${month}: *${amount}*.`,
    unchanged: (partner: string, category: string, month: string, amount: string) =>
      `Nothing changed: *${partner}*, ${category}, ${month} already is ${amount}.`,
    average: (semester: string, from: string, to: string) =>
      `Semester ${semester} average so far: ${from} → *${to}* a month.`,
    averageSame: (semester: string, amount: string) =>
      `Semester ${semester} average so far: ${amount} a month (unchanged).`,
    noAverage: 'no month counted',
    projected: (tier: string) => `At this average the next evaluation gives *${tier}*.`,
    notCounted: (category: string) => `${category} does not count toward the tier: the average is unchanged.`,
    outside: (month: string, semester: string) =>
      `${month} is not in the current semester (${semester}): its average is unchanged.`,
  },

  training: {
    recorded: (training: string, contact: string, partner: string, date: string) =>
      `:white_check_mark: ${training} recorded as done by ${contact} (${partner}) on ${date}.`,
    confirmedDeclaration: 'It confirms their own declaration.',
    already: (training: string, contact: string, date: string) =>
      `Nothing changed: ${training} was already recorded done by ${contact} on ${date}.`,
    declared: (training: string, date: string) =>
      `:hourglass_flowing_sand: Thanks! ${training} (done on ${date}) is recorded and awaits a manager’s confirmation. Its reminders stop meanwhile.`,
    /** A declaration already waiting: `manager` is its mention, null when the partner has none. */
    alreadyWaiting: (training: string, date: string, manager: string | null) =>
      `${training} (declared done on ${date}) is already waiting for ${manager ? `${manager}’s` : 'a manager’s'} confirmation.`,
    alreadyConfirmed: (training: string, date: string) => `${training} is already recorded done on ${date}.`,
  },

  done: {
    recorded: (item: string, partner: string, date: string) =>
      `:white_check_mark: ${item} marked done for *${partner}* on ${date}.`,
    already: (item: string, partner: string, date: string) =>
      `Nothing changed: ${item} was already done for *${partner}* on ${date}.`,
  },

  override: {
    recorded: (partner: string, from: string, to: string, reason: string, until: string) =>
      `:white_check_mark: *${partner}* is now *${to}* (was ${from}). Reason: “${reason}”. It holds until the evaluation on ${until}.`,
  },

  confirm: {
    title: 'Trainings awaiting confirmation',
    text: (count: string) => `Trainings awaiting confirmation: ${count}`,
    count: { one: '{n} declaration', other: '{n} declarations', zero: 'no declaration' } as PluralForms,
    empty: ':white_check_mark: No training declaration awaits confirmation.',
    line: (partner: string, contact: string, training: string, date: string) =>
      `*${partner}* · ${contact}\n${training} · _declared done on ${date}_`,
    confirmButton: 'Confirm',
    rejectButton: 'Reject',
    rejectTitle: 'Reject the declaration?',
    rejectText: 'The training goes back to outstanding and its reminders resume.',
    rejectYes: 'Reject',
    rejectNo: 'Cancel',
    more: (n: string, command: string) => `… and ${n} more: ${command} after these.`,
    confirmed: (training: string, contact: string, partner: string) =>
      `:white_check_mark: Confirmed: ${training} for ${contact} (${partner}).`,
    rejected: (training: string, contact: string, partner: string) =>
      `Rejected: ${training} for ${contact} (${partner}). Its reminders resume.`,
  },

  modal: {
    revenueTitle: 'Record revenue',
    /** The revenue form for a named partner: its tier basis (RRM for an ambassador, CA for an operator). */
    revenueTitleFor: (_basis: string) => 'Record revenue',
    doneTitle: 'Mark done',
    overrideTitle: 'Override tier',
    submit: 'Save',
    cancel: 'Cancel',
    partner: 'Partner',
    partnerHint: 'Its id or name (the start of the name is enough).',
    partnerFixed: (name: string, id: string) => `*Partner:* ${name} ${id}`,
    partnerMissing: 'Name the partner.',
    partnerAmbiguous: (query: string, names: string) =>
      `Several partners match “${query}”: ${names}. Type the id.`,
    partnerNone: (query: string) => `No partner matches “${query}”.`,
    partnerSuggestions: (names: string) => `Did you mean ${names}?`,
    month: 'Month',
    monthHint: 'YYYY-MM, e.g. 2026-03',
    category: 'Category',
    amount: 'Amount (€)',
    amountHint: 'e.g. 1 234,56 or 1234.56',
    item: 'Item',
    itemHint: 'A training is done by one contact; the other items by the partner as a whole.',
    trainingsGroup: 'Trainings (per contact)',
    obligationsGroup: 'Documents and follow-up',
    zenGroup: 'Experts Zen',
    contact: 'Contact (for a training)',
    contactHint: 'Who did the training.',
    contactMissing: 'Pick the contact who did the training.',
    noContacts: 'This partner has no contact on file: trainings cannot be recorded yet.',
    date: 'Done on',
    tier: 'New tier',
    currentTier: (tier: string, since: string) => `Current tier: *${tier}* since ${since}.`,
    reason: 'Reason',
    reasonHint: 'Recorded in the tier history; the override holds until the next evaluation.',
    opening: 'Opening the form…',
    couldNotOpen: 'The form could not be opened. Please try again.',
  },

  share: {
    sharedBy: (who: string) => `Shared by ${who}`,
    otherPartnerChannel: (partner: string) =>
      `This card is about *${partner}*: it can only be shared in ${partner}’s own channel, not in another partner’s.`,
    notPartnerChannel: (partner: string) => `You can share *${partner}*’s cards in its own channel only.`,
    notVisible: 'You can’t share this card.',
    gone: 'This partner no longer exists.',
    noChannel: 'Open the card in a channel (with `/partner`) to share it there.',
    failed: 'The card could not be shared. Please try again.',
    sharedChannel: (partner: string) =>
      `People of other organisations read this channel: *${partner}*’s card stays in ${partner}’s own channel or an internal one.`,
  },

  staffOnly: 'Only the Dstny partner team can do this.',
};

export type WriteMessages = typeof en;

const fr: WriteMessages = {
  help: {
    revenue: {
      usage: '/partner revenue [partenaire] AAAA-MM catégorie montant',
      summary: 'saisir le revenu d’un mois, RRM ou CA (sans argument\u202f: un formulaire)',
    },
    training: {
      usage: '/partner training [@contact] code-trn [AAAA-MM-JJ]',
      summary:
        'enregistrer une formation suivie (un contact déclare la sienne\u202f; un responsable la confirme)',
    },
    done: {
      usage: '/partner done [partenaire] code [AAAA-MM-JJ]',
      summary: 'marquer un élément de la checklist comme fait (sans argument\u202f: un formulaire)',
    },
    override: {
      usage: '/partner override [partenaire] statut motif…',
      summary: 'accorder une dérogation de statut à un partenaire (sans argument\u202f: un formulaire)',
    },
    confirm: {
      usage: '/partner confirm',
      summary: 'formations déclarées par les contacts, à confirmer ou refuser',
    },
  },

  usage: {
    revenue:
      'Utilisation\u202f: `/partner revenue [partenaire] AAAA-MM catégorie montant`, par ex. `/partner revenue Acme 2026-03 recurring 1 234,56`. Catégories\u202f: `recurring`, `one_off`, `access_fees`, `minutes`. Dans le canal d’un partenaire, on peut omettre le partenaire. `/partner revenue` seul ouvre un formulaire.',
    training:
      'Utilisation\u202f: `/partner training @contact code-trn [AAAA-MM-JJ]`, par ex. `/partner training @Jeanne trn-online-admin 2026-03-02` (sans date\u202f: aujourd’hui).',
    trainingContact:
      'Utilisation\u202f: `/partner training code-trn [AAAA-MM-JJ]`, par ex. `/partner training trn-online-admin`\u202f: déclare votre formation suivie\u202f; un responsable la confirme.',
    done: 'Utilisation\u202f: `/partner done [partenaire] code [AAAA-MM-JJ]`, par ex. `/partner done Acme doc-partner-charter`. `/partner done` seul ouvre un formulaire.',
    override:
      'Utilisation\u202f: `/partner override [partenaire] statut motif…`, par ex. `/partner override Acme premium contrat cadre signé sur 3 ans`. Statuts\u202f: {tiers}. `/partner override` seul ouvre un formulaire.',
    quotes:
      'Le partenaire vient en premier\u202f; si son nom contient un mot qui pourrait être lu comme le mois, le code ou le statut, mettez-le entre guillemets\u202f: `"Access Telecom" premium …`.',
    codes: (codes) => `Codes\u202f: ${codes}`,
  },

  issues: {
    notAllowed: 'C’est réservé à l’équipe Partenaires Dstny.',
    ownTrainingOnly:
      'Vous ne pouvez déclarer que vos propres formations\u202f: `/partner training code-trn`.',
    partnerUnknown: 'Ce partenaire n’existe plus.',
    monthMissing: 'Indiquez le mois, au format AAAA-MM (par ex. 2026-03).',
    monthInvalid: (value) => `${value} n’est pas un mois\u202f: écrivez-le AAAA-MM (par ex. 2026-03).`,
    monthFuture: (value) =>
      `${value} n’a pas encore commencé\u202f: on saisit le revenu des mois passés ou du mois en cours.`,
    categoryUnknown: (value, categories) => `Catégorie inconnue ${value}\u202f: utilisez ${categories}.`,
    amountMissing: 'Indiquez le montant en euros (par ex. `1 234,56`).',
    amountInvalid: (value) =>
      `${value} n’est pas un montant en euros\u202f: écrivez par ex. \`1234,56\` ou \`1 234.56\` (2 décimales au plus, le signe € est accepté).`,
    amountNegative: (value) => `${value} est négatif\u202f: un montant vaut 0 ou plus.`,
    amountTooLarge: (value) => `${value} est trop grand pour le revenu d’un mois.`,
    trainingMissing: 'Indiquez le code de la formation (trn-…).',
    trainingUnknown: (value) => `Formation inconnue ${value}.`,
    trainingNotApplicable: (training, partner) => `${training} ne s’applique pas à ${partner}.`,
    trainingNotOwn: (training, roles) =>
      `${training} ne fait pas partie de vos formations. Vous déclarez celles de vos profils et rôles de référent (${roles}) et celles de tout le partenaire.`,
    referentRole: (profile) => `Référent ${profile.toLowerCase()}`,
    itemMissing: 'Indiquez le code de l’élément (doc-…, com-…, sales-…, zen-…).',
    itemUnknown: (value) => `Élément inconnu ${value}.`,
    itemIsTraining: (value) =>
      `${value} est une formation, suivie par un contact\u202f: \`/partner training @contact ${value}\`.`,
    itemComputed: (value) => `${value} découle du statut\u202f: rien à enregistrer.`,
    itemNotApplicable: (item, partner) => `${item} ne s’applique pas à ${partner}.`,
    contactMissing: 'Quel contact\u202f? Mentionnez-le (@nom) ou donnez son identifiant Slack.',
    contactUnknown: (value) => `Aucun contact partenaire ne correspond à ${value}.`,
    contactAmbiguous: (value, names) =>
      `Plusieurs contacts correspondent à ${value}\u202f: ${names}. Mentionnez-en un.`,
    contactOtherPartner: (contact, partner) => `${contact} n’est pas un contact ${elide('de', partner)}.`,
    dateInvalid: (value) => `${value} n’est pas une date\u202f: écrivez-la AAAA-MM-JJ (par ex. 2026-03-02).`,
    dateFuture: (value) => `${value} est dans le futur.`,
    tierMissing: 'Choisissez le statut.',
    tierUnknown: (value, tiers) => `Statut inconnu ${value}\u202f: utilisez ${tiers}.`,
    tierUnchanged: (tier) => `Le partenaire est déjà ${tier}.`,
    reasonMissing: 'Indiquez un motif\u202f: il est enregistré dans l’historique des statuts.',
    reasonTooLong: (max) => `Le motif est trop long (${max} caractères au plus).`,
    declarationGone: 'Cette déclaration a déjà été confirmée ou refusée.',
    nothingWritten: 'Rien n’a été enregistré.',
  },

  lookup: {
    ambiguous: (query) =>
      `Plusieurs partenaires correspondent à ${query}. Choisissez-en un pour ouvrir le formulaire, ou tapez son identifiant\u202f:`,
    none: (query) => `Aucun partenaire ne correspond à ${query}.`,
    didYouMean: 'Vouliez-vous dire (choisissez-en un pour ouvrir le formulaire)\u202f:',
    unspecified:
      'Quel partenaire\u202f? Nommez-le en premier, ou lancez la commande dans le canal du partenaire.',
    anchorMissing: (what) => `Je ne trouve pas ${what} dans votre commande.`,
    anchorMonth: 'le mois (AAAA-MM)',
    anchorTier: 'le statut',
    anchorItem: 'le code de l’élément',
    anchorTraining: 'le code de la formation (trn-…)',
  },

  revenue: {
    recorded: (partner, category, month, from, to, basis) =>
      `:white_check_mark: ${basis} enregistré pour *${partner}*, ${category}, ${month}\u202f: ${from} → *${to}*.`,
    recordedNew: (partner, category, month, amount, basis) =>
      `:white_check_mark: ${basis} enregistré pour *${partner}*, ${category}, ${month}\u202f: *${amount}*.`,
    unchanged: (partner, category, month, amount) =>
      `Rien n’a changé\u202f: *${partner}*, ${category}, ${month} vaut déjà ${amount}.`,
    average: (semester, from, to) =>
      `Moyenne du semestre ${semester} à ce jour\u202f: ${from} → *${to}* par mois.`,
    averageSame: (semester, amount) =>
      `Moyenne du semestre ${semester} à ce jour\u202f: ${amount} par mois (inchangée).`,
    noAverage: 'aucun mois compté',
    projected: (tier) => `À cette moyenne, la prochaine réévaluation donne *${tier}*.`,
    notCounted: (category) => `${category} ne compte pas pour le statut\u202f: la moyenne est inchangée.`,
    outside: (month, semester) =>
      `${month} n’est pas dans le semestre en cours (${semester})\u202f: sa moyenne est inchangée.`,
  },

  training: {
    recorded: (training, contact, partner, date) =>
      `:white_check_mark: ${training} ${agree(training, { m: 'enregistré comme suivi', f: 'enregistrée comme suivie' })} par ${contact} (${partner}) le ${date}.`,
    confirmedDeclaration: 'Cela confirme sa propre déclaration.',
    already: (training, contact, date) =>
      `Rien n’a changé\u202f: ${training} était déjà ${agree(training, { m: 'enregistré comme suivi', f: 'enregistrée comme suivie' })} par ${contact} le ${date}.`,
    declared: (training, date) =>
      `:hourglass_flowing_sand: Merci\u202f! ${training} (${agree(training, { m: 'suivi', f: 'suivie' })} le ${date}) est ${agree(training, { m: 'enregistré', f: 'enregistrée' })} et attend la confirmation d’un responsable. Les rappels correspondants s’arrêtent d’ici là.`,
    alreadyWaiting: (training, date, manager) =>
      `${training} (${agree(training, { m: 'déclaré suivi', f: 'déclarée suivie' })} le ${date}) attend déjà la confirmation ${manager ? `de ${manager}` : 'd’un responsable'}.`,
    alreadyConfirmed: (training, date) =>
      `${training} est déjà ${agree(training, { m: 'enregistré comme suivi', f: 'enregistrée comme suivie' })} le ${date}.`,
  },

  done: {
    recorded: (item, partner, date) =>
      genderOf(item)
        ? `:white_check_mark: ${item} ${agree(item, MARKED_DONE)} pour *${partner}* le ${date}.`
        : `:white_check_mark: Marqué comme fait pour *${partner}* le ${date}\u202f: ${item}.`,
    already: (item, partner, date) =>
      genderOf(item)
        ? `Rien n’a changé\u202f: ${item} était déjà ${agree(item, DONE)} pour *${partner}* le ${date}.`
        : `Rien n’a changé\u202f: déjà fait pour *${partner}* le ${date}\u202f: ${item}.`,
  },

  override: {
    recorded: (partner, from, to, reason, until) =>
      `:white_check_mark: *${partner}* est désormais *${to}* (auparavant ${from}). Motif\u202f: «\u202f${reason}\u202f». Valable jusqu’à la réévaluation du ${until}.`,
  },

  confirm: {
    title: 'Formations à confirmer',
    text: (count) => `Formations à confirmer\u202f: ${count}`,
    count: { one: '{n} déclaration', other: '{n} déclarations', zero: 'aucune déclaration' },
    empty: ':white_check_mark: Aucune déclaration de formation à confirmer.',
    line: (partner, contact, training, date) =>
      `*${partner}* · ${contact}\n${training} · _${agree(training, { m: 'déclaré suivi', f: 'déclarée suivie' })} le ${date}_`,
    confirmButton: 'Confirmer',
    rejectButton: 'Refuser',
    rejectTitle: 'Refuser la déclaration\u202f?',
    rejectText: 'La formation redevient à faire et ses rappels reprennent.',
    rejectYes: 'Refuser',
    rejectNo: 'Annuler',
    more: (n, command) => `… et ${n} de plus\u202f: ${command} après celles-ci.`,
    confirmed: (training, contact, partner) =>
      `:white_check_mark: Déclaration confirmée\u202f: ${training} pour ${contact} (${partner}).`,
    rejected: (training, contact, partner) =>
      `Déclaration refusée\u202f: ${training} pour ${contact} (${partner}). Ses rappels reprennent.`,
  },

  modal: {
    revenueTitle: 'Saisir le RRM ou le CA',
    revenueTitleFor: (basis) => `Saisir le ${basis}`,
    doneTitle: 'Marquer comme fait',
    overrideTitle: 'Accorder une dérogation',
    submit: 'Enregistrer',
    cancel: 'Annuler',
    partner: 'Partenaire',
    partnerHint: 'Son identifiant ou son nom (le début du nom suffit).',
    partnerFixed: (name, id) => `*Partenaire*\u202f: ${name} ${id}`,
    partnerMissing: 'Indiquez le partenaire.',
    partnerAmbiguous: (query, names) =>
      `Plusieurs partenaires correspondent à «\u202f${query}\u202f»\u202f: ${names}. Tapez l’identifiant.`,
    partnerNone: (query) => `Aucun partenaire ne correspond à «\u202f${query}\u202f».`,
    partnerSuggestions: (names) => `Vouliez-vous dire ${names}\u202f?`,
    month: 'Mois',
    monthHint: 'AAAA-MM, par ex. 2026-03',
    category: 'Catégorie',
    amount: 'Montant (€)',
    amountHint: 'par ex. 1\u202f234,56 ou 1234.56',
    item: 'Élément',
    itemHint: 'Une formation est suivie par un contact\u202f; les autres éléments concernent le partenaire.',
    trainingsGroup: 'Formations (par contact)',
    obligationsGroup: 'Documents et suivi',
    zenGroup: 'Experts Zen',
    contact: 'Contact (pour une formation)',
    contactHint: 'Qui a suivi la formation.',
    contactMissing: 'Choisissez le contact qui a suivi la formation.',
    noContacts:
      'Ce partenaire n’a aucun contact enregistré\u202f: impossible d’enregistrer une formation pour l’instant.',
    date: 'Fait le',
    tier: 'Nouveau statut',
    currentTier: (tier, since) => `Statut actuel\u202f: *${tier}* depuis le ${since}.`,
    reason: 'Motif',
    reasonHint: 'Enregistré dans l’historique\u202f; la dérogation vaut jusqu’à la prochaine réévaluation.',
    opening: 'Ouverture du formulaire…',
    couldNotOpen: 'Le formulaire n’a pas pu s’ouvrir. Merci de réessayer.',
  },

  share: {
    sharedBy: (who) => `Partagé par ${who}`,
    otherPartnerChannel: (partner) =>
      `Cette fiche concerne *${partner}*\u202f: elle ne peut être partagée que dans le canal ${elide('de', partner)}, pas dans celui d’un autre partenaire.`,
    notPartnerChannel: (partner) =>
      `Vous ne pouvez partager les fiches ${elide('de', `*${partner}*`)} que dans son propre canal.`,
    notVisible: 'Vous ne pouvez pas partager cette fiche.',
    gone: 'Ce partenaire n’existe plus.',
    noChannel: 'Ouvrez la fiche dans un canal (avec `/partner`) pour l’y partager.',
    failed: 'La fiche n’a pas pu être partagée. Merci de réessayer.',
    sharedChannel: (partner) =>
      `Des personnes d’autres organisations lisent ce canal : la fiche ${elide('de', `*${partner}*`)} reste dans son propre canal ou dans un canal interne.`,
  },

  staffOnly: 'Seule l’équipe Partenaires Dstny peut faire cela.',
};

/** « marqué comme fait » agreeing with the item (« Fiche de qualification marquée comme faite »). */
const MARKED_DONE = {
  m: 'marqué comme fait',
  f: 'marquée comme faite',
  mp: 'marqués comme faits',
  fp: 'marquées comme faites',
};
const DONE = { m: 'fait', f: 'faite', mp: 'faits', fp: 'faites' };

export const writeMessages: Record<Locale, WriteMessages> = { fr, en };

/** The locale of a set of /partner messages (help lines receive only those): the one the table carries. */
export function localeOfCommandMessages(m: CommandMessages): Locale {
  return m.locale;
}

/** The write messages matching a set of /partner messages. */
export function writeMessagesFor(m: CommandMessages): WriteMessages {
  return writeMessages[localeOfCommandMessages(m)];
}

/**
 * Messages queued in the outbox by the write services (plain mrkdwn, in config.LOCALE): the partner's
 * manager told of a contact's declaration, the contact told of the manager's decision.
 */
const notificationsEn = {
  declared: (d: { contact: string; contactName: string; partner: string; training: string; date: string }) =>
    `:hourglass_flowing_sand: ${mention(d.contact)} (${escapeText(d.contactName)}, ${escapeText(d.partner)}) declared *${escapeText(d.training)}* done on ${formatDate(d.date, 'en')}. Confirm or reject it with \`/partner confirm\` or from the bot’s Home tab.`,
  decided: (decision: 'confirm' | 'reject', d: { by: string; training: string; date: string }) =>
    decision === 'confirm'
      ? `:white_check_mark: ${mention(d.by)} confirmed your training *${escapeText(d.training)}* (done on ${formatDate(d.date, 'en')}).`
      : `${mention(d.by)} did not confirm your training *${escapeText(d.training)}* (declared done on ${formatDate(d.date, 'en')}): its reminders resume. Ask your partner manager if this is a mistake.`,
};

export type WriteNotifications = typeof notificationsEn;

const notificationsFr: WriteNotifications = {
  declared: (d) =>
    `:hourglass_flowing_sand: ${mention(d.contact)} (${escapeText(d.contactName)}, ${escapeText(d.partner)}) a déclaré *${escapeText(d.training)}* ${agree(d.training, { m: 'suivi', f: 'suivie' })} le ${formatDate(d.date, 'fr')}. Confirmez ou refusez cette déclaration avec \`/partner confirm\` ou depuis l’onglet Accueil du bot.`,
  decided: (decision, d) =>
    decision === 'confirm'
      ? `:white_check_mark: ${mention(d.by)} a confirmé votre formation *${escapeText(d.training)}* (suivie le ${formatDate(d.date, 'fr')}).`
      : `${mention(d.by)} n’a pas confirmé votre formation *${escapeText(d.training)}* (déclarée suivie le ${formatDate(d.date, 'fr')})\u202f: ses rappels reprennent. Parlez-en à votre responsable partenaire en cas d’erreur.`,
};

export const writeNotifications: Record<Locale, WriteNotifications> = {
  fr: notificationsFr,
  en: notificationsEn,
};

function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** A mention when the id looks like a Slack user id, else the escaped text. */
function mention(slackUserId: string): string {
  return /^[UW][A-Z0-9]{2,20}$/.test(slackUserId) ? `<@${slackUserId}>` : escapeText(slackUserId);
}
