import type { IsoDate } from '../program/dates.js';
import { formatDate, type Locale } from './format.js';
import { writeMessages } from './writes.js';

/**
 * The problems of an import file (issue 12), as typed values: a code and its parameters, worded here
 * in each locale at the last moment (the Slack modal and its error file in the admin's locale, the CLI
 * in LOCALE, logs in English). Parameters are raw: values from the file are quoted here ("x" / « x »).
 */

/** What a cell with a fixed list of codes holds. */
export type CodeSubject =
  | 'checklist-item'
  | 'locale'
  | 'partnership-type'
  | 'operator-program'
  | 'tier'
  | 'revenue-category'
  | 'role'
  | 'training'
  | 'profile';

export type SlackIdSubject = 'user' | 'channel' | 'team';

/** Why a file could not be read at all (a file system error). */
export type ReadFailure = 'missing' | 'denied' | 'directory' | 'other';

export type ImportProblem =
  // One cell.
  | { code: 'cell.required' }
  | { code: 'cell.too-long'; max: number }
  | { code: 'amount.required' }
  | { code: 'amount.negative'; value: string }
  | { code: 'amount.invalid'; value: string }
  | { code: 'amount.malformed'; value: string }
  | { code: 'amount.mixed-separators'; value: string }
  | { code: 'amount.thousands'; value: string }
  | { code: 'amount.decimals'; value: string }
  | { code: 'amount.too-large'; value: string }
  | { code: 'date.required' }
  | { code: 'date.invalid'; value: string }
  | { code: 'date.future'; date: IsoDate; today: IsoDate }
  | { code: 'month.required' }
  | { code: 'month.invalid'; value: string }
  | { code: 'month.future'; value: string }
  | { code: 'quarter.invalid'; value: string }
  | { code: 'boolean.invalid'; value: string }
  /** `codes` is absent when the list is too long to show (the program catalog's). */
  | { code: 'code.required'; subject: CodeSubject; codes?: readonly string[] }
  | { code: 'code.unknown'; subject: CodeSubject; value: string; codes?: readonly string[] }
  | { code: 'partner-id.invalid'; value: string }
  | { code: 'slack-id.invalid'; subject: SlackIdSubject; value: string; example: string }
  | { code: 'email.invalid'; value: string }
  | { code: 'contact.unreachable' }
  /** Trainings: the contact is named by its Slack user or its e-mail. */
  | { code: 'contact.unnamed' }
  | { code: 'profile.required'; profiles: readonly string[] }
  | { code: 'profile.empty'; value: string }
  | { code: 'profile.unknown'; value: string; profiles: readonly string[] }
  | { code: 'profile.twice'; profile: string; value: string }
  | { code: 'referent.invalid'; value: string }
  | { code: 'referent.not-held'; profiles: readonly string[]; held: readonly string[] }
  | { code: 'objective.amount-required' }
  | { code: 'forecast-on.without-forecast' }
  | { code: 'operator-program.required'; programs: readonly string[] }
  | { code: 'operator-program.ambassador'; value: string }
  | { code: 'left-on.before-joined'; leftOn: string; joinedOn: string }
  // One line.
  | { code: 'line.fields'; count: number; width: number }
  | { code: 'line.cells'; count: number; width: number }
  | { code: 'line.not-utf8' }
  | { code: 'line.not-text'; encoding: string }
  | { code: 'line.nul' }
  | { code: 'line.cell-errors'; cells: readonly { address: string; error: string }[] }
  | { code: 'csv.quote-not-closed' }
  | { code: 'csv.closing-quote' }
  | { code: 'csv.too-long' }
  | { code: 'csv.unreadable'; reason: string }
  // The file or its header.
  | { code: 'file.unreadable'; failure: ReadFailure; reason: string }
  | { code: 'file.not-workbook'; reason: string }
  | { code: 'file.sheet-of-text' }
  | { code: 'workbook.no-sheet' }
  | { code: 'workbook.sheet-missing'; sheet: string; sheets: readonly string[] }
  | { code: 'workbook.sheet-empty'; sheet: string; columns: readonly string[] }
  | { code: 'header.missing'; columns: readonly string[] }
  | { code: 'header.unreadable' }
  | { code: 'header.twice' }
  | {
      code: 'header.column-missing';
      french?: string;
      found: readonly string[];
      separator?: string;
      unknown: readonly string[];
    }
  // The rows together, and what is recorded.
  | { code: 'key.duplicate'; key: readonly string[]; firstLine: number }
  | { code: 'partner.unknown'; partner: string }
  | { code: 'channel.twice'; channel: string; firstLine: number }
  | { code: 'channel.taken'; channel: string; partner: string }
  | { code: 'contact.taken'; user: string; partner: string }
  | { code: 'contact.email-taken'; email: string; partner: string }
  | { code: 'referent.several'; partner: string; profile: string; users: string }
  /** By Slack user, or (user absent) by e-mail among the partner's contacts. */
  | { code: 'contact.unknown'; user?: string; email?: string; partner: string }
  | { code: 'contact.email-ambiguous'; partner: string; email: string }
  | { code: 'contact.other-partner'; user: string; partner: string; filePartner: string }
  | { code: 'conflict'; detail?: string };

/** What did not block an import but deserves a word (shown with the report). */
export type ImportNote =
  | {
      code: 'tiers-ignored';
      total: number;
      rows: readonly { partnerId: string; line: number; fileTier: string; tier: string }[];
    }
  | { code: 'managers-not-staff'; managers: readonly string[] }
  | { code: 'revenue-before-joining'; lines: number; partnerIds: readonly string[] };

export type ImportProblemCode = ImportProblem['code'];

type Wording<T extends { code: string }> = {
  [C in T['code']]: (p: Extract<T, { code: C }>) => string;
};

/** A cell's value in a message: quoted, shortened, control characters escaped. */
function quoteWith(open: string, close: string, escapeQuotes: boolean) {
  return (value: string): string => {
    const short = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    const escaped = JSON.stringify(short).slice(1, -1);
    return `${open}${escapeQuotes ? escaped : escaped.replaceAll('\\"', '"')}${close}`;
  };
}

const q: Record<Locale, (value: string) => string> = {
  en: quoteWith('"', '"', true),
  fr: quoteWith('«\u00a0', '\u00a0»', false),
};

const en: Wording<ImportProblem> = {
  'cell.required': () => 'required',
  'cell.too-long': (p) => `longer than ${p.max} characters`,
  'amount.required': () => 'an amount is required',
  'amount.negative': (p) => `${q.en(p.value)} is negative; amounts must be 0 or more`,
  'amount.invalid': (p) => `${q.en(p.value)} is not an amount (expected e.g. 1234,56 or 1 234.56)`,
  'amount.malformed': (p) => `${q.en(p.value)} is not an amount`,
  'amount.mixed-separators': (p) => `${q.en(p.value)} is not an amount (mixed separators)`,
  'amount.thousands': (p) => `${q.en(p.value)} is not an amount (thousands must come in groups of 3 digits)`,
  'amount.decimals': (p) =>
    `${q.en(p.value)} has more than 2 decimals (write 1234,56 or 1 234,56, not 1.234)`,
  'amount.too-large': (p) => `${q.en(p.value)} is too large`,
  'date.required': () => 'a date is required (YYYY-MM-DD or DD/MM/YYYY)',
  'date.invalid': (p) =>
    `${q.en(p.value)} is not a date (YYYY-MM-DD or DD/MM/YYYY, e.g. 2024-03-31 or 31/03/2024)`,
  'date.future': (p) => `${p.date} is in the future (today is ${p.today})`,
  'month.required': () => 'a month is required (YYYY-MM)',
  'month.invalid': (p) => `${q.en(p.value)} is not a month (YYYY-MM, MM/YYYY or "janv. 2026", e.g. 2024-03)`,
  'month.future': (p) => writeMessages.en.issues.monthFuture(p.value),
  'quarter.invalid': (p) => `${q.en(p.value)} is not a quarter (YYYY-Qn, e.g. 2026-Q3)`,
  'boolean.invalid': (p) => `${q.en(p.value)} is not yes or no (accepted: yes/no, oui/non, true/false, 1/0)`,
  'code.required': (p) => `${SUBJECTS.en[p.subject].name} is required (${expectedEn(p.codes)})`,
  'code.unknown': (p) => `unknown ${SUBJECTS.en[p.subject].name} ${q.en(p.value)} (${expectedEn(p.codes)})`,
  'partner-id.invalid': (p) => `${q.en(p.value)} is not a partner id (no spaces)`,
  'slack-id.invalid': (p) => `${q.en(p.value)} is not a Slack ${p.subject} id (like ${p.example})`,
  'email.invalid': (p) => `${q.en(p.value)} is not an email address`,
  'contact.unreachable': () =>
    'required unless an email is given (a contact not on Slack is reached by e-mail)',
  'contact.unnamed': () => 'required unless an email is given (a contact not on Slack)',
  'profile.required': (p) => `profile is required (one of ${p.profiles.join(', ')}, or several joined by +)`,
  'profile.empty': (p) =>
    `an empty profile in ${q.en(p.value)} (profiles are joined by +, such as admin+sales)`,
  'profile.unknown': (p) => `unknown profile ${q.en(p.value)} (one of ${p.profiles.join(', ')})`,
  'profile.twice': (p) => `profile ${p.profile} listed twice in ${q.en(p.value)}`,
  'referent.invalid': (p) =>
    `${q.en(p.value)} is not yes, no or a list of profiles (accepted: yes/no, oui/non, true/false, 1/0, or the profiles it is referent for, such as admin+technical)`,
  'referent.not-held': (p) =>
    `referent for ${p.profiles.join('+')}, a profile the contact does not hold (profile ${p.held.join('+')})`,
  'objective.amount-required': () => 'give objective_eur or forecast_eur (or both)',
  'forecast-on.without-forecast': () => 'a forecast_on needs a forecast_eur',
  'operator-program.required': (p) => `required for operators (${p.programs.join(', ')})`,
  'operator-program.ambassador': (p) => `must be empty for ambassadors (got ${q.en(p.value)})`,
  'left-on.before-joined': (p) =>
    `${p.leftOn} is before joined_on (${p.joinedOn}): a partner leaves after it joined`,
  'line.fields': (p) =>
    `${p.count} fields where the header has ${p.width} (a separator inside a value must be quoted)`,
  'line.cells': (p) => `${p.count} cells where the header has ${p.width}`,
  'line.not-utf8': () =>
    'not UTF-8 text (the lines before were): save the file as "CSV UTF-8" and import it again',
  'line.not-text': (p) =>
    `not ${p.encoding} text (a NUL or an undefined byte): save the file as "CSV UTF-8" and import it again`,
  'line.nul': () => 'a cell holds a NUL character',
  'line.cell-errors': (p) => p.cells.map((c) => `cell ${c.address} shows the error ${c.error}`).join('; '),
  'csv.quote-not-closed': () => 'a quoted value is never closed (a " is missing)',
  'csv.closing-quote': () =>
    'a quote closes in the middle of a value (a " inside a quoted value must be doubled: "")',
  'csv.too-long': () => 'this line is too long (an unclosed quote?)',
  'csv.unreadable': (p) => `cannot be read as CSV (${p.reason})`,
  'file.unreadable': (p) =>
    `cannot read the file: ${{ missing: 'no such file', denied: 'permission denied', directory: 'it is a directory', other: p.reason }[p.failure]}`,
  'file.not-workbook': (p) => `cannot read the file as an Excel workbook (.xlsx): ${p.reason}`,
  'file.sheet-of-text': () => 'a worksheet can only be chosen in an .xlsx workbook; this is a text file',
  'workbook.no-sheet': () => 'the workbook has no worksheet',
  'workbook.sheet-missing': (p) =>
    `no worksheet named "${p.sheet}" (the workbook has: ${p.sheets.join(', ') || 'none'})`,
  'workbook.sheet-empty': (p) =>
    `the worksheet "${p.sheet}" is empty; its first row must be the header: ${p.columns.join(', ')}`,
  'header.missing': (p) => `the first line must be the header: ${p.columns.join(',')}`,
  'header.unreadable': () => 'the header line cannot be read',
  'header.twice': () => 'this column appears twice in the header',
  'header.column-missing': (p) =>
    `required column${p.french ? ` (or ${p.french})` : ''} missing (found: ${p.found.join(', ') || 'nothing'}` +
    `${p.separator ? `; separator "${p.separator}"` : ''}${p.unknown.length ? `; not recognised: ${p.unknown.join(', ')}` : ''})`,
  'key.duplicate': (p) => `same ${p.key.join(', ')} as line ${p.firstLine}`,
  'partner.unknown': (p) => `unknown partner ${p.partner}`,
  'channel.twice': (p) =>
    `channel ${p.channel} is already used by another row of the file (line ${p.firstLine})`,
  'channel.taken': (p) => `channel ${p.channel} is already the channel of partner ${p.partner}`,
  'contact.taken': (p) =>
    `${p.user} is already a contact of partner ${p.partner} (a Slack user is the contact of one partner)`,
  'contact.email-taken': (p) =>
    `${p.email} is already a contact of partner ${p.partner} (a person is the contact of one partner)`,
  'referent.several': (p) =>
    `partner ${p.partner} would have several ${p.profile} referents (${p.users}); keep one`,
  'contact.unknown': (p) =>
    `no contact ${p.user ?? `with the e-mail ${p.email} at partner ${p.partner}`} (import contacts first)`,
  'contact.email-ambiguous': (p) =>
    `several contacts of partner ${p.partner} have the e-mail ${p.email} (give the slack_user_id of the one meant)`,
  'contact.other-partner': (p) => `${p.user} is a contact of partner ${p.partner}, not of ${p.filePartner}`,
  conflict: (p) => `conflicts with data already recorded${p.detail ? `: ${p.detail}` : ''}`,
};

const NBSP = '\u00a0';
const COLON = '\u202f:';
const SEMI = '\u202f;';

const fr: Wording<ImportProblem> = {
  'cell.required': () => 'obligatoire',
  'cell.too-long': (p) => `plus de ${p.max}${NBSP}caractères`,
  'amount.required': () => 'un montant est obligatoire',
  'amount.negative': (p) => `${q.fr(p.value)} est négatif${SEMI} un montant est positif ou nul`,
  'amount.invalid': (p) => `${q.fr(p.value)} n’est pas un montant (par ex. 1234,56 ou 1${NBSP}234,56)`,
  'amount.malformed': (p) => `${q.fr(p.value)} n’est pas un montant`,
  'amount.mixed-separators': (p) => `${q.fr(p.value)} n’est pas un montant (séparateurs mélangés)`,
  'amount.thousands': (p) =>
    `${q.fr(p.value)} n’est pas un montant (les milliers vont par groupes de 3${NBSP}chiffres)`,
  'amount.decimals': (p) =>
    `${q.fr(p.value)} a plus de 2${NBSP}décimales (écrivez 1234,56 ou 1${NBSP}234,56, pas 1.234)`,
  'amount.too-large': (p) => `${q.fr(p.value)} est trop grand`,
  'date.required': () => 'une date est obligatoire (JJ/MM/AAAA ou AAAA-MM-JJ)',
  'date.invalid': (p) =>
    `${q.fr(p.value)} n’est pas une date (JJ/MM/AAAA ou AAAA-MM-JJ, par ex. 31/03/2024 ou 2024-03-31)`,
  'date.future': (p) =>
    `le ${formatDate(p.date, 'fr')} est dans le futur (nous sommes le ${formatDate(p.today, 'fr')})`,
  'month.required': () => 'un mois est obligatoire (AAAA-MM)',
  'month.invalid': (p) =>
    `${q.fr(p.value)} n’est pas un mois (AAAA-MM, MM/AAAA ou «${NBSP}janv. 2026${NBSP}», par ex. 2024-03)`,
  'month.future': (p) => writeMessages.fr.issues.monthFuture(p.value),
  'quarter.invalid': (p) => `${q.fr(p.value)} n’est pas un trimestre (AAAA-Tn ou AAAA-Qn, par ex. 2026-T3)`,
  'boolean.invalid': (p) =>
    `${q.fr(p.value)} n’est ni oui ni non (acceptés${COLON} oui/non, yes/no, vrai/faux, 1/0)`,
  'code.required': (p) => `${SUBJECTS.fr[p.subject].the} est obligatoire (${expectedFr(p.codes)})`,
  'code.unknown': (p) => `${SUBJECTS.fr[p.subject].unknown} ${q.fr(p.value)} (${expectedFr(p.codes)})`,
  'partner-id.invalid': (p) => `${q.fr(p.value)} n’est pas un identifiant de partenaire (sans espace)`,
  'slack-id.invalid': (p) =>
    `${q.fr(p.value)} n’est pas un identifiant Slack ${SLACK_IDS_FR[p.subject]} (comme ${p.example})`,
  'email.invalid': (p) => `${q.fr(p.value)} n’est pas une adresse e-mail`,
  'contact.unreachable': () => 'obligatoire sans e-mail (un contact absent de Slack est joint par e-mail)',
  'contact.unnamed': () => 'obligatoire sans e-mail (pour un contact absent de Slack)',
  'profile.required': (p) =>
    `le profil est obligatoire (parmi ${p.profiles.join(', ')}, ou plusieurs joints par +)`,
  'profile.empty': (p) =>
    `un profil vide dans ${q.fr(p.value)} (les profils sont joints par +, comme admin+sales)`,
  'profile.unknown': (p) => `profil inconnu ${q.fr(p.value)} (parmi ${p.profiles.join(', ')})`,
  'profile.twice': (p) => `profil ${p.profile} cité deux fois dans ${q.fr(p.value)}`,
  'referent.invalid': (p) =>
    `${q.fr(p.value)} n’est ni oui, ni non, ni une liste de profils (acceptés${COLON} oui/non, yes/no, vrai/faux, 1/0, ou les profils dont le contact est référent, comme admin+technical)`,
  'referent.not-held': (p) =>
    `référent ${p.profiles.join('+')}, un profil que le contact n’a pas (profil ${p.held.join('+')})`,
  'objective.amount-required': () => 'indiquez objective_eur ou forecast_eur (ou les deux)',
  'forecast-on.without-forecast': () => 'un forecast_on demande un forecast_eur',
  'operator-program.required': (p) => `obligatoire pour les opérateurs (${p.programs.join(', ')})`,
  'operator-program.ambassador': (p) => `doit être vide pour les ambassadeurs (reçu ${q.fr(p.value)})`,
  'left-on.before-joined': (p) =>
    `${p.leftOn} précède joined_on (${p.joinedOn})${COLON} un partenaire part après son entrée`,
  'line.fields': (p) =>
    `${p.count}${NBSP}champs là où l’en-tête en a ${p.width} (un séparateur dans une valeur doit être entre guillemets)`,
  'line.cells': (p) => `${p.count}${NBSP}cellules là où l’en-tête en a ${p.width}`,
  'line.not-utf8': () =>
    `pas du texte UTF-8 (les lignes précédentes l’étaient)${COLON} enregistrez le fichier en «${NBSP}CSV UTF-8${NBSP}» et importez-le de nouveau`,
  'line.not-text': (p) =>
    `pas du texte ${p.encoding} (un NUL ou un octet non défini)${COLON} enregistrez le fichier en «${NBSP}CSV UTF-8${NBSP}» et importez-le de nouveau`,
  'line.nul': () => 'une cellule contient un caractère NUL',
  'line.cell-errors': (p) =>
    p.cells.map((c) => `la cellule ${c.address} affiche l’erreur ${c.error}`).join(`${SEMI} `),
  'csv.quote-not-closed': () =>
    'une valeur entre guillemets n’est jamais fermée (il manque un guillemet droit)',
  'csv.closing-quote': () =>
    'un guillemet se ferme au milieu d’une valeur (un guillemet droit dans une valeur entre guillemets s’écrit deux fois)',
  'csv.too-long': () => 'cette ligne est trop longue (un guillemet non fermé\u202f?)',
  'csv.unreadable': (p) => `illisible en CSV (${p.reason})`,
  'file.unreadable': (p) =>
    `impossible de lire le fichier${COLON} ${{ missing: 'fichier introuvable', denied: 'permission refusée', directory: 'c’est un dossier', other: p.reason }[p.failure]}`,
  'file.not-workbook': (p) =>
    `impossible de lire le fichier comme un classeur Excel (.xlsx)${COLON} ${p.reason}`,
  'file.sheet-of-text': () =>
    `une feuille ne se choisit que dans un classeur .xlsx${SEMI} ce fichier est du texte`,
  'workbook.no-sheet': () => 'le classeur n’a aucune feuille',
  'workbook.sheet-missing': (p) =>
    `aucune feuille nommée «${NBSP}${p.sheet}${NBSP}» (le classeur a${COLON} ${p.sheets.join(', ') || 'aucune'})`,
  'workbook.sheet-empty': (p) =>
    `la feuille «${NBSP}${p.sheet}${NBSP}» est vide${SEMI} sa première ligne doit être l’en-tête${COLON} ${p.columns.join(', ')}`,
  'header.missing': (p) => `la première ligne doit être l’en-tête${COLON} ${p.columns.join(',')}`,
  'header.unreadable': () => 'la ligne d’en-tête est illisible',
  'header.twice': () => 'cette colonne apparaît deux fois dans l’en-tête',
  'header.column-missing': (p) =>
    `colonne obligatoire${p.french ? ` (ou ${p.french})` : ''} absente (colonnes trouvées${COLON} ${p.found.join(', ') || 'aucune'}` +
    `${p.separator ? `${SEMI} séparateur «${NBSP}${SEPARATORS_FR[p.separator] ?? p.separator}${NBSP}»` : ''}` +
    `${p.unknown.length ? `${SEMI} non reconnues${COLON} ${p.unknown.join(', ')}` : ''})`,
  'key.duplicate': (p) => `mêmes ${p.key.join(', ')} que la ligne ${p.firstLine}`,
  'partner.unknown': (p) => `partenaire inconnu ${p.partner}`,
  'channel.twice': (p) =>
    `le canal ${p.channel} est déjà pris par une autre ligne du fichier (ligne ${p.firstLine})`,
  'channel.taken': (p) => `le canal ${p.channel} est déjà celui du partenaire ${p.partner}`,
  'contact.taken': (p) =>
    `${p.user} est déjà un contact du partenaire ${p.partner} (un utilisateur Slack est le contact d’un seul partenaire)`,
  'contact.email-taken': (p) =>
    `${p.email} est déjà un contact du partenaire ${p.partner} (une personne est le contact d’un seul partenaire)`,
  'referent.several': (p) =>
    `le partenaire ${p.partner} aurait plusieurs référents ${REFERENTS_FR[p.profile] ?? p.profile} (${p.users})${SEMI} gardez-en un`,
  'contact.unknown': (p) =>
    `aucun contact ${p.user ?? `avec l’e-mail ${p.email} chez le partenaire ${p.partner}`} (importez d’abord les contacts)`,
  'contact.email-ambiguous': (p) =>
    `plusieurs contacts du partenaire ${p.partner} ont l’e-mail ${p.email} (indiquez le slack_user_id de celui visé)`,
  'contact.other-partner': (p) =>
    `${p.user} est un contact du partenaire ${p.partner}, pas de ${p.filePartner}`,
  conflict: (p) => `en conflit avec les données déjà enregistrées${p.detail ? `${COLON} ${p.detail}` : ''}`,
};

/** The deck's words: Référent admin / vente / technique. */
const REFERENTS_FR: Record<string, string> = { admin: 'admin', sales: 'vente', technical: 'technique' };
const SEPARATORS_FR: Record<string, string> = { ',': ',', ';': ';', tab: 'tabulation' };
const SLACK_IDS_FR: Record<SlackIdSubject, string> = {
  user: 'd’utilisateur',
  channel: 'de canal',
  team: 'd’équipe',
};

const SUBJECTS: {
  en: Record<CodeSubject, { name: string }>;
  fr: Record<CodeSubject, { the: string; unknown: string }>;
} = {
  en: {
    'checklist-item': { name: 'checklist item' },
    locale: { name: 'locale' },
    'partnership-type': { name: 'partnership type' },
    'operator-program': { name: 'operator program' },
    tier: { name: 'tier' },
    'revenue-category': { name: 'revenue category' },
    role: { name: 'role' },
    training: { name: 'training' },
    profile: { name: 'profile' },
  },
  fr: {
    'checklist-item': { the: 'l’élément de checklist', unknown: 'élément de checklist inconnu' },
    locale: { the: 'la langue', unknown: 'langue inconnue' },
    'partnership-type': { the: 'le type de partenariat', unknown: 'type de partenariat inconnu' },
    'operator-program': { the: 'le programme opérateur', unknown: 'programme opérateur inconnu' },
    tier: { the: 'le statut', unknown: 'statut inconnu' },
    'revenue-category': {
      the: 'la catégorie de revenu (CA ou RRM)',
      unknown: 'catégorie de revenu (CA ou RRM) inconnue',
    },
    role: { the: 'le rôle', unknown: 'rôle inconnu' },
    training: { the: 'la formation', unknown: 'formation inconnue' },
    profile: { the: 'le profil', unknown: 'profil inconnu' },
  },
};

const expectedEn = (codes?: readonly string[]) =>
  codes ? `one of ${codes.join(', ')}` : 'see the program catalog';
const expectedFr = (codes?: readonly string[]) =>
  codes ? `parmi ${codes.join(', ')}` : 'voir le catalogue du programme';

const notesEn: Wording<ImportNote> = {
  'tiers-ignored': (p) => {
    const list = p.rows.map((r) => `${r.partnerId} (line ${r.line}: ${r.fileTier}, is ${r.tier})`);
    return (
      `tier column ignored for ${p.total} existing ${p.total === 1 ? 'partner' : 'partners'} ` +
      `(it only sets the starting tier of new partners; tiers then move by evaluation or override): ` +
      `${list.join(', ')}${p.total > list.length ? `, and ${p.total - list.length} more` : ''}`
    );
  },
  'managers-not-staff': (p) =>
    `managers not in the staff list (import staff to let them act as managers): ${p.managers.join(', ')}`,
  'revenue-before-joining': (p) =>
    `${p.lines} ${p.lines === 1 ? 'line is' : 'lines are'} for a month before the partner joined: ` +
    `recorded, but never counted toward a tier (${p.partnerIds.join(', ')}${p.partnerIds.length < 10 ? '' : ', …'})`,
};

const notesFr: Wording<ImportNote> = {
  'tiers-ignored': (p) => {
    const list = p.rows.map(
      (r) => `${r.partnerId} (ligne ${r.line}${COLON} ${r.fileTier}, actuellement ${r.tier})`,
    );
    const one = p.total <= 1;
    return (
      `colonne statut ignorée pour ${p.total}${NBSP}${one ? 'partenaire existant' : 'partenaires existants'} ` +
      `(elle ne fixe que le statut de départ des nouveaux partenaires${SEMI} les statuts évoluent ensuite par évaluation ou dérogation)${COLON} ` +
      `${list.join(', ')}${p.total > list.length ? `, et ${p.total - list.length} de plus` : ''}`
    );
  },
  'managers-not-staff': (p) =>
    `responsables partenaires absents de l’équipe Partenaires (importez l’équipe pour qu’ils puissent agir en responsables)${COLON} ${p.managers.join(', ')}`,
  'revenue-before-joining': (p) =>
    `${p.lines}${NBSP}${p.lines <= 1 ? 'ligne porte' : 'lignes portent'} sur un mois antérieur à l’entrée du partenaire${COLON} ` +
    `${p.lines <= 1 ? 'enregistrée' : 'enregistrées'}, mais jamais comptée${p.lines <= 1 ? '' : 's'} pour le statut (${p.partnerIds.join(', ')}${p.partnerIds.length < 10 ? '' : ', …'})`,
};

export const importIssueMessages: Record<Locale, Wording<ImportProblem>> = { fr, en };
export const importNoteMessages: Record<Locale, Wording<ImportNote>> = { fr: notesFr, en: notesEn };

function worded<T extends { code: string }>(table: Wording<T>, value: T): string {
  return (table[value.code as T['code']] as (p: T) => string)(value);
}

/** A problem in words, in the locale. */
export function describeProblem(problem: ImportProblem, locale: Locale): string {
  return worded(importIssueMessages[locale], problem);
}

/** A note in words, in the locale. */
export function describeNote(note: ImportNote, locale: Locale): string {
  return worded(importNoteMessages[locale], note);
}

/** "line 7, amount_eur: …" / « ligne 7, amount_eur : … »: where in the file, then what. */
export function describeWhere(
  where: { line?: number | undefined; column?: string | undefined },
  what: string,
  locale: Locale,
): string {
  const at = [
    where.line !== undefined ? `${locale === 'fr' ? 'ligne' : 'line'} ${where.line}` : undefined,
    where.column,
  ]
    .filter(Boolean)
    .join(', ');
  return at ? `${at}${locale === 'fr' ? COLON : ':'} ${what}` : what;
}
