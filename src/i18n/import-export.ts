import { formatNumber, type Locale, plural } from './format.js';

/**
 * Imports and exports from Slack (issue 12): `/partner import` (its modal, the preview, the error file)
 * and `/partner export` (the file by DM). English is the reference shape; `fr` has the same keys.
 * Arguments arrive formatted and escaped (file names, partner names, the import's own error messages).
 */
/** An English count, "1,234". */
const count = (n: number) => formatNumber(n, 'en');

const en = {
  help: {
    import: {
      usage: '/partner import',
      summary: 'import a spreadsheet (CSV or xlsx) from Slack, checked and previewed first (admins)',
    },
    export: {
      usage: '/partner export portfolio|obligations|history|revenue [csv|xlsx]',
      summary: 'get a spreadsheet of your partners by direct message (admins: every partner)',
    },
  },
  adminOnly: (command: string) =>
    `Only an admin of the Dstny partner program can use ${command}. Ask the partner team if you need to import a file.`,
  kinds: {
    partners: 'Partners',
    contacts: 'Contacts',
    staff: 'Partner team',
    revenue: 'Revenue',
    trainings: 'Trainings',
    checklist: 'Checklist items',
    objectives: 'Objectives and forecasts',
  },
  modal: {
    title: 'Import a file',
    previewTitle: 'Import preview',
    check: 'Check the file',
    import: 'Import',
    cancel: 'Cancel',
    close: 'Close',
    intro:
      'Choose what the file holds and upload it: CSV, TSV or text (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab) or an Excel workbook (.xlsx, first sheet). Nothing is written before you confirm the preview.',
    kind: 'What the file holds',
    file: 'File',
    fileHint: (max: string) => `One file, ${max} at most. Its first line names the columns.`,
  },
  progress: {
    reading: (file: string) => `:hourglass_flowing_sand: Reading ${file}…`,
    downloading: (size: string) => `Downloading the file (${size})…`,
    checking: 'Checking every row…',
    committing: 'Importing…',
    elapsed: (seconds: string) => `${seconds} s so far.`,
    patience: 'This can take a moment for a large file; this window updates by itself.',
  },
  source: {
    csv: 'CSV',
    sheet: (sheet: string) => `xlsx, sheet ${sheet}`,
    separators: { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as Record<string, string>,
  },
  preview: {
    summary: (kind: string, file: string, source: string, rows: string) =>
      `*${kind}* from ${file} (${source}): ${rows}.`,
    rows: { one: '{n} row', other: '{n} rows' },
    /** Counts of the file's rows: each row adds, changes or leaves one record. */
    counts: (added: number, changed: number, unchanged: number) =>
      `This file would add *${count(added)}*, change *${count(changed)}* and leave *${count(unchanged)}* unchanged.`,
    ignoredColumns: (columns: string) => `Ignored columns (not part of this kind): ${columns}`,
    note: (note: string) => `Note: ${note}`,
    tiersTitle: (date: string, moved: string) =>
      `*Tiers at the next evaluation (${date})*, before → after this file (${moved}):`,
    moved: { zero: 'none would change', one: '{n} would change', other: '{n} would change' },
    tierLine: (name: string, before: string, after: string) => `• ${name}: ${before} → ${after}`,
    newPartner: 'new',
    moreTiers: (n: string) => `… and ${n} more`,
    confirm: 'Press *Import* to write it, all or nothing; *Cancel* writes nothing.',
  },
  rejected: {
    title: (count: string) => `:x: *The file has ${count}: nothing can be imported.*`,
    errors: { one: '{n} error', other: '{n} errors' },
    firstErrors: (shown: string) => `The first ${shown}, by line:`,
    line: (where: string, message: string) => `• ${where}: ${message}`,
    where: (line: string | undefined, column: string | undefined) =>
      [line ? `line ${line}` : '', column ? `column ${column}` : ''].filter(Boolean).join(', ') || 'file',
    more: (n: string) => `… and ${n} more.`,
    fileSent: 'The rejected lines, each with its error, are in your direct messages with me (CSV).',
    fix: 'Fix the file and upload it again: nothing was written.',
    dmComment: (file: string, count: string) =>
      `The rejected lines of ${file}, with the error of each in the last column (${count}). Nothing was imported.`,
  },
  done: {
    title: ':white_check_mark: *Imported.*',
    counts: (kind: string, file: string, added: number, changed: number, unchanged: number) =>
      `*${kind}* from ${file}: ${count(added)} added, ${count(changed)} changed, ${count(unchanged)} unchanged.`,
  },
  failures: {
    noFile: 'Upload one file.',
    noKind: 'Choose what the file holds.',
    tooLarge: (size: string, max: string) =>
      `This file is ${size}: files of at most ${max} are imported from Slack. Split it, or import it with the command line.`,
    unreadable: 'Slack did not let me read this file. Upload it again here (not a link to a file elsewhere).',
    changed:
      'The file is no longer what was previewed (it changed or was deleted in Slack): nothing was imported. Upload it again to see a new preview.',
    unavailable: 'The import is temporarily unavailable: nothing was imported. Try again in a moment.',
    stale: 'This preview is no longer valid: nothing was imported. Run `/partner import` again.',
  },
  export: {
    usage:
      'Usage: `/partner export portfolio|obligations|history|revenue [csv|xlsx]`, e.g. `/partner export revenue xlsx`. CSV (the default) opens in French Excel as it is.',
    unknownKind: (typed: string) => `I cannot export ${typed}.`,
    sending: 'I’m sending you the file by direct message…',
    comment: (kind: string, rows: string, scope: string) => `Your ${kind} export: ${rows}, ${scope}.`,
    scopeAll: 'every partner',
    scopeMine: 'the partners you manage',
    kinds: {
      portfolio: 'portfolio',
      devoirs: 'obligations',
      history: 'tier history',
      revenue: 'revenue',
    },
    failed: 'I could not send the export: nothing was sent. Try again in a moment.',
  },
};

export type ImportExportMessages = typeof en;

/** « 1 ligne », « 3 lignes »: what an import counts is the file's rows. */
const lines = (n: number) => plural(n, { one: '{n} ligne', other: '{n} lignes' }, 'fr');

const fr: ImportExportMessages = {
  help: {
    import: {
      usage: '/partner import',
      summary:
        'importer un tableur (CSV ou xlsx) depuis Slack, vérifié et présenté avant d’être écrit (administrateurs)',
    },
    export: {
      usage: '/partner export portefeuille|devoirs|historique|ca [csv|xlsx]',
      summary:
        'recevoir en message privé un tableur de vos partenaires (administrateurs\u202f: tous les partenaires)',
    },
  },
  adminOnly: (command) =>
    `Seul un administrateur du Programme Partenaires Dstny peut utiliser ${command}. Adressez-vous à l’équipe Partenaires pour importer un fichier.`,
  kinds: {
    partners: 'Partenaires',
    contacts: 'Contacts',
    staff: 'Équipe Partenaires',
    revenue: 'Chiffre d’affaires',
    trainings: 'Formations',
    checklist: 'Éléments de la checklist',
    objectives: 'Objectifs et prévisions',
  },
  modal: {
    title: 'Importer un fichier',
    previewTitle: 'Aperçu de l’import',
    check: 'Vérifier le fichier',
    import: 'Importer',
    cancel: 'Annuler',
    close: 'Fermer',
    intro:
      'Choisissez ce que contient le fichier et déposez-le\u202f: CSV, TSV ou texte (UTF-8, UTF-16 ou Windows-1252\u202f; virgule, point-virgule ou tabulation) ou classeur Excel (.xlsx, première feuille). Rien n’est écrit avant que vous confirmiez l’aperçu.',
    kind: 'Contenu du fichier',
    file: 'Fichier',
    fileHint: (max) => `Un fichier, ${max} au plus. Sa première ligne nomme les colonnes.`,
  },
  progress: {
    reading: (file) => `:hourglass_flowing_sand: Lecture de ${file}…`,
    downloading: (size) => `Téléchargement du fichier (${size})…`,
    checking: 'Vérification de chaque ligne…',
    committing: 'Import en cours…',
    elapsed: (seconds) => `Depuis ${seconds}\u00a0s.`,
    patience:
      'Cela peut prendre un moment pour un gros fichier\u202f; cette fenêtre se met à jour toute seule.',
  },
  source: {
    csv: 'CSV',
    sheet: (sheet) => `xlsx, feuille ${sheet}`,
    separators: { ',': 'virgule', ';': 'point-virgule', '\t': 'tabulation' },
  },
  preview: {
    summary: (kind, file, source, rows) => `*${kind}* depuis ${file} (${source})\u202f: ${rows}.`,
    rows: { one: '{n} ligne', other: '{n} lignes' },
    counts: (added, changed, unchanged) =>
      `Ce fichier ajouterait *${lines(added)}*, en modifierait *${formatNumber(changed, 'fr')}* et en laisserait *${formatNumber(unchanged, 'fr')}* ${plural(unchanged, { one: 'inchangée', other: 'inchangées' }, 'fr')}.`,
    ignoredColumns: (columns) => `Colonnes ignorées (hors de ce type de fichier)\u202f: ${columns}`,
    note: (note) => `Remarque\u202f: ${note}`,
    tiersTitle: (date, moved) =>
      `*Statuts à la prochaine évaluation (${date})*, avant → après ce fichier (${moved})\u202f:`,
    moved: { zero: 'aucun ne changerait', one: '{n} changerait', other: '{n} changeraient' },
    tierLine: (name, before, after) => `• ${name}\u202f: ${before} → ${after}`,
    newPartner: 'nouveau',
    moreTiers: (n) => `… et ${n} de plus`,
    confirm: 'Appuyez sur *Importer* pour l’écrire, tout ou rien\u202f; *Annuler* n’écrit rien.',
  },
  rejected: {
    title: (count) => `:x: *Le fichier comporte ${count}\u202f: rien ne peut être importé.*`,
    errors: { one: '{n} erreur', other: '{n} erreurs' },
    firstErrors: (shown) => `Les ${shown} premières, par ligne\u202f:`,
    line: (where, message) => `• ${where}\u202f: ${message}`,
    where: (line, column) =>
      [line ? `ligne ${line}` : '', column ? `colonne ${column}` : ''].filter(Boolean).join(', ') ||
      'fichier',
    more: (n) => `… et ${n} de plus.`,
    fileSent: 'Les lignes refusées, chacune avec son erreur, sont dans vos messages privés avec moi (CSV).',
    fix: 'Corrigez le fichier et déposez-le de nouveau\u202f: rien n’a été écrit.',
    dmComment: (file, count) =>
      `Les lignes refusées de ${file}, avec l’erreur de chacune en dernière colonne (${count}). Rien n’a été importé.`,
  },
  done: {
    title: ':white_check_mark: *Importé.*',
    counts: (kind, file, added, changed, unchanged) =>
      `*${kind}* depuis ${file}\u202f: ${plural(added, { one: '{n} ligne ajoutée', other: '{n} lignes ajoutées' }, 'fr')}, ${plural(changed, { one: '{n} modifiée', other: '{n} modifiées' }, 'fr')}, ${plural(unchanged, { one: '{n} inchangée', other: '{n} inchangées' }, 'fr')}.`,
  },
  failures: {
    noFile: 'Déposez un fichier.',
    noKind: 'Choisissez ce que contient le fichier.',
    tooLarge: (size, max) =>
      `Ce fichier fait ${size}\u202f: depuis Slack, les fichiers de ${max} au plus sont importés. Découpez-le, ou importez-le en ligne de commande.`,
    unreadable:
      'Slack ne m’a pas laissé lire ce fichier. Déposez-le de nouveau ici (pas un lien vers un fichier ailleurs).',
    changed:
      'Le fichier n’est plus celui de l’aperçu (il a changé ou a été supprimé dans Slack)\u202f: rien n’a été importé. Déposez-le de nouveau pour voir un nouvel aperçu.',
    unavailable:
      'L’import est momentanément indisponible\u202f: rien n’a été importé. Réessayez dans un instant.',
    stale: 'Cet aperçu n’est plus valable\u202f: rien n’a été importé. Relancez `/partner import`.',
  },
  export: {
    usage:
      'Utilisation\u202f: `/partner export portefeuille|devoirs|historique|ca [csv|xlsx]`, par ex. `/partner export ca xlsx`. Le CSV (par défaut) s’ouvre tel quel dans Excel en français.',
    unknownKind: (typed) => `Je ne sais pas exporter ${typed}.`,
    sending: 'Je vous envoie le fichier en message privé…',
    comment: (kind, rows, scope) => `Votre export ${kind}\u202f: ${rows}, ${scope}.`,
    scopeAll: 'tous les partenaires',
    scopeMine: 'les partenaires que vous suivez',
    kinds: {
      portfolio: 'du portefeuille',
      devoirs: 'des devoirs',
      history: 'de l’historique des statuts',
      revenue: 'du chiffre d’affaires',
    },
    failed: 'Je n’ai pas pu envoyer l’export\u202f: rien n’a été envoyé. Réessayez dans un instant.',
  },
};

export const importExportMessages: Record<Locale, ImportExportMessages> = { fr, en };
