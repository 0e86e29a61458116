import { parseArgs } from 'node:util';
import type { Db } from '../db/client.js';
import { ENCODING_NAMES } from '../import/decode.js';
import { importTemplate } from '../import/templates.js';
import type { Catalog } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { isLocale, LOCALES, type Locale } from '../program/locales.js';
import {
  describeNote,
  formatIssue,
  IMPORT_KINDS,
  ImportRejected,
  type ImportReport,
  importColumns,
  importCsv,
  isImportKind,
} from '../services/import.service.js';
import { describeError } from './describe-error.js';

import { importHelp } from './usages.js';

/** Errors printed for a rejected file; the rest are counted. */
export const MAX_PRINTED_ISSUES = 50;
/** Partners whose tier preview is printed; the rest are counted. */
const MAX_PRINTED_TIERS = 200;

export interface ImportCommandDeps {
  db: Db;
  catalog: Catalog;
  print: (line: string) => void;
  actor: string;
  today: IsoDate;
  /** The language of the file's problems and notes (LOCALE); the rest of the output is English. */
  locale: Locale;
}

function usage(print: (line: string) => void, problem?: string): number {
  if (problem) print(problem);
  for (const line of importHelp()) print(line);
  return 2;
}

/** `partner-bot import <kind> <file.csv> [--dry-run]`: the exit code is 0 when imported, 1 when refused, 2 on bad usage. */
export async function importCommand(args: string[], deps: ImportCommandDeps): Promise<number> {
  const { print } = deps;
  let values: { 'dry-run'?: boolean; help?: boolean; sheet?: string; template?: string; locale?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: {
        'dry-run': { type: 'boolean' },
        sheet: { type: 'string' },
        template: { type: 'string' },
        locale: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (err) {
    return usage(print, (err as Error).message);
  }
  if (values.help) {
    usage(print);
    return 0;
  }
  if (values.template !== undefined) {
    const kind = values.template;
    if (positionals.length) return usage(print, `Unexpected argument: ${positionals.join(' ')}`);
    if (!isImportKind(kind))
      return usage(print, `Unknown kind "${kind}" (expected one of ${IMPORT_KINDS.join(', ')}).`);
    const locale = values.locale ?? 'en';
    if (!isLocale(locale)) return usage(print, `--locale must be ${LOCALES.join(' or ')}, got "${locale}".`);
    const template = importTemplate(kind, importColumns(kind).header, locale);
    for (const line of template.trimEnd().split('\n')) print(line);
    return 0;
  }
  if (values.locale !== undefined) return usage(print, '--locale goes with --template.');
  const [kind, file, ...extra] = positionals;
  if (!kind || !file) return usage(print, 'The kind of data and the file are both required.');
  if (extra.length) return usage(print, `Unexpected argument: ${extra.join(' ')}`);
  if (!isImportKind(kind))
    return usage(print, `Unknown kind "${kind}" (expected one of ${IMPORT_KINDS.join(', ')}).`);

  try {
    const report = await importCsv(deps.db, deps.catalog, {
      kind,
      file,
      ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
      dryRun: Boolean(values['dry-run']),
      actor: deps.actor,
      today: deps.today,
    });
    for (const line of describeReport(report, deps.locale)) print(line);
    return 0;
  } catch (err) {
    if (err instanceof ImportRejected) {
      for (const line of describeRejection(err, deps.locale)) print(line);
      return 1;
    }
    print(`Import failed, nothing was written. ${describeError(err)}`);
    return 1;
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const SEPARATORS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** What was read: "xlsx, sheet Revenue" or "CSV, Windows-1252, semicolon". */
export function describeSource(
  report: Pick<ImportReport, 'format' | 'encoding' | 'delimiter' | 'sheet'>,
): string {
  if (report.format === 'xlsx') return `xlsx, sheet ${report.sheet}`;
  return [
    'CSV',
    report.encoding && ENCODING_NAMES[report.encoding],
    report.delimiter && SEPARATORS[report.delimiter],
  ]
    .filter(Boolean)
    .join(', ');
}

export function describeReport(report: ImportReport, locale: Locale): string[] {
  const counts = report.dryRun
    ? `this file would add ${report.inserted}, change ${report.updated}, leave ${report.unchanged} unchanged`
    : `${report.inserted} added, ${report.updated} changed, ${report.unchanged} unchanged`;
  const lines = [
    `${report.dryRun ? 'Dry run of' : 'Imported'} ${report.kind} from ${report.file} (${describeSource(report)}): ${plural(report.rows, 'row')}; ${counts}.`,
  ];
  if (report.ignoredColumns.length)
    lines.push(`Ignored columns (not part of ${report.kind}): ${report.ignoredColumns.join(', ')}`);
  for (const note of report.notes) lines.push(`Note: ${describeNote(note, locale)}`);
  if (report.tierPreview) {
    const { evaluationOn, partners } = report.tierPreview;
    const moved = partners.filter((p) => p.before !== p.after);
    lines.push(
      `Tiers at the next evaluation (${evaluationOn}) of the ${plural(partners.length, 'partner')} this file touches, ` +
        `before -> after it (months not recorded yet count as 0): ${moved.length} would differ.`,
    );
    for (const p of partners.slice(0, MAX_PRINTED_TIERS))
      lines.push(
        `  ${p.name} (${p.partnerId}): ${p.before ?? 'new'} -> ${p.after}${p.before === p.after ? ' (same)' : ''}`,
      );
    if (partners.length > MAX_PRINTED_TIERS)
      lines.push(`  ... and ${partners.length - MAX_PRINTED_TIERS} more`);
  }
  if (report.dryRun) lines.push('Nothing was written (dry run).');
  return lines;
}

export function describeRejection(err: ImportRejected, locale: Locale): string[] {
  const lines = [`${err.file} was rejected: ${plural(err.issueCount, 'error')}. Nothing was imported.`];
  for (const issue of err.issues.slice(0, MAX_PRINTED_ISSUES)) lines.push(`  ${formatIssue(issue, locale)}`);
  const more = err.issueCount - Math.min(err.issues.length, MAX_PRINTED_ISSUES);
  if (more > 0) lines.push(`  ... and ${more} more`);
  return lines;
}
