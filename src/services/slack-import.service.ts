import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Db } from '../db/client.js';
import { tableToCsv } from '../export/write-table.js';
import { CsvFileError } from '../import/header.js';
import { openImportFile } from '../import/open-file.js';
import type { Catalog } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import type { Locale } from '../program/locales.js';
import {
  formatIssue,
  type ImportIssue,
  type ImportKind,
  ImportRejected,
  type ImportReport,
  importColumns,
  importCsv,
} from './import.service.js';

/**
 * Imports of a file uploaded in Slack (issue 12): the bytes are already downloaded (src/slack/files.ts);
 * this checks them in full with the import service, in a dry run for the preview, then for real. A file
 * with errors also comes back as a CSV of its rejected lines, each with its error.
 */

/** A file as Slack holds it: its bytes, and who uploaded it where (for the audit log). */
export interface UploadedFile {
  bytes: Buffer;
  name: string;
  slackFileId: string;
  /** The Slack user who uploaded it (files.info `user`). */
  uploadedBy?: string | undefined;
}

export interface SlackImportInput {
  kind: ImportKind;
  file: UploadedFile;
  /** The admin who imports it (the audit row's actor). */
  actor: string;
  today: IsoDate;
  /** The admin's: the rejected-lines file's separator and the words of its errors. */
  locale: Locale;
}

/** The CSV of the rejected lines: the kind's columns as the file gave them, then `error`. */
export interface RejectedLines {
  csv: Buffer;
  /** Lines in it. */
  lines: number;
}

export type SlackImportOutcome =
  | { kind: 'valid'; report: ImportReport; digest: string }
  | {
      kind: 'rejected';
      rejection: ImportRejected;
      rejectedLines?: RejectedLines | undefined;
      digest: string;
    };

/** The SHA-256 of a file's bytes: the preview's and the import's must be the same file. */
export function fileDigest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Validates the whole file and computes what it would change; writes nothing. */
export function previewSlackImport(
  db: Db,
  catalog: Catalog,
  input: SlackImportInput,
): Promise<SlackImportOutcome> {
  return runImport(db, catalog, input, true);
}

/** Imports the file all or nothing (checked again in full), audited with the Slack file and its uploader. */
export function commitSlackImport(
  db: Db,
  catalog: Catalog,
  input: SlackImportInput,
): Promise<SlackImportOutcome> {
  return runImport(db, catalog, input, false);
}

async function runImport(
  db: Db,
  catalog: Catalog,
  input: SlackImportInput,
  dryRun: boolean,
): Promise<SlackImportOutcome> {
  const { file } = input;
  const digest = fileDigest(file.bytes);
  try {
    const report = await importCsv(db, catalog, {
      kind: input.kind,
      file: Readable.from([file.bytes]),
      fileName: file.name,
      dryRun,
      actor: input.actor,
      today: input.today,
      auditDetails: {
        source: 'slack',
        slackFileId: file.slackFileId,
        uploadedBy: file.uploadedBy ?? null,
        sha256: digest,
      },
    });
    return { kind: 'valid', report, digest };
  } catch (err) {
    if (!(err instanceof ImportRejected)) throw err;
    const rejectedLines = await rejectedLinesOf(input.kind, file.bytes, err.issues, input.locale);
    return { kind: 'rejected', rejection: err, rejectedLines, digest };
  }
}

/**
 * The lines the issues name, read again from the file, each with its errors in a last `error` column
 * (French Excel CSV, cells neutralised, as the exports). Issues on a line that is not a row (a malformed
 * line) still get a line, with only the error. Undefined when no issue names a line (a missing column).
 */
async function rejectedLinesOf(
  kind: ImportKind,
  bytes: Buffer,
  issues: readonly ImportIssue[],
  locale: Locale,
): Promise<RejectedLines | undefined> {
  const byLine = new Map<number, string[]>();
  for (const issue of issues) {
    if (issue.line === undefined) continue;
    byLine.set(issue.line, [...(byLine.get(issue.line) ?? []), formatIssue(issue, locale)]);
  }
  if (byLine.size === 0) return undefined;
  const { header, optional } = importColumns(kind);
  const cellsByLine = new Map<number, Record<string, string>>();
  try {
    const source = await openImportFile(Readable.from([bytes]), {
      required: header.filter((c) => !optional.includes(c)),
      optional,
    });
    try {
      for await (const item of source.items)
        if (item.kind === 'row' && byLine.has(item.line)) cellsByLine.set(item.line, item.cells);
    } finally {
      source.close();
    }
  } catch (err) {
    if (!(err instanceof CsvFileError)) throw err;
  }
  const rows = [...byLine.entries()]
    .sort(([a], [b]) => a - b)
    .map(([line, errors]) => {
      const cells = cellsByLine.get(line);
      return [...header.map((column) => cells?.[column] ?? ''), errors.join(' | ')];
    });
  return { csv: tableToCsv({ columns: [...header, 'error'], rows }, locale), lines: rows.length };
}
