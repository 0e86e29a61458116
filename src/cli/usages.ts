import { EXPORT_KINDS } from '../export/kinds.js';
import { IMPORT_KINDS, KINDS } from '../import/kinds/index.js';

/** Every command's usage line, apart from the commands themselves: `--help` loads these and the import kinds' columns only. */
export const ASK_USAGE =
  'partner-bot ask --user <slack_user_id> [--channel <channel_id>] [--locale fr|en] "/partner tier <partner>"';
export const EVALUATE_USAGE = 'partner-bot evaluate [--as-of YYYY-MM-DD] [--dry-run]';
export const CONTACTS_USAGE = 'partner-bot contacts link';
export const REMIND_USAGE = 'partner-bot remind [--as-of YYYY-MM-DD] [--dry-run]';
export const OUTBOX_USAGE = 'partner-bot outbox [--retry-failed] [--retry <id>]';
export const IMPORT_USAGE = `partner-bot import <${IMPORT_KINDS.join('|')}> <file.csv|file.xlsx> [--sheet name] [--dry-run]`;
export const TEMPLATE_USAGE = `partner-bot import --template <${IMPORT_KINDS.join('|')}> [--locale fr|en]`;
export const EXPORT_USAGE = `partner-bot export <${EXPORT_KINDS.join('|')}> [--format csv|xlsx] [--out file] [--locale fr|en]`;

export const EXPORT_DETAILS = [
  '  portfolio  every partner, with the partners import columns (re-imports as partners)',
  '  devoirs    every outstanding obligation: partner, item, status, due date, who must act',
  '  history    every tier change: evaluations, overrides, imports',
  '  revenue    every revenue line, with the revenue import columns (re-imports as revenue)',
  '  --format   csv (default: for French Excel, separator ;, UTF-8 with BOM, decimal comma) or xlsx',
  '  --out      the file to write (default: partner-bot-<kind>-<today>.<format>)',
  '  --locale   the language of the headers (default: LOCALE)',
];

/** What `import --help` prints, and a mistake in its arguments after the mistake. */
export function importHelp(): string[] {
  return [
    `Usage: ${IMPORT_USAGE}`,
    `       ${TEMPLATE_USAGE}`,
    'A CSV or tab-separated text file (UTF-8, UTF-16 or Windows-1252, separator , ; or tab) or an .xlsx workbook',
    '(its first sheet, or --sheet). Headers in English or French, in any order. Header row of each kind:',
    ...IMPORT_KINDS.map((kind) => {
      const { header, optional } = KINDS[kind];
      return `  ${kind.padEnd(10)} ${header.join(',')}${optional.length ? `  (optional: ${optional.join(', ')})` : ''}`;
    }),
    '--dry-run checks the file and shows what it would change (rows added, changed, unchanged; the tiers of the',
    'partners it touches at the next evaluation, before -> after), without writing anything.',
    '--template writes a header and one example row to fill in (--locale fr: French headers, separator ;).',
    'Run `partner-bot import --help` to see this again.',
  ];
}
