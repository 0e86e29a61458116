import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll } from 'vitest';
import { importCommand } from '../../src/cli/import.command.js';
import type { Db } from '../../src/db/client.js';
import { describeProblem } from '../../src/i18n/import-issues.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import type { Locale } from '../../src/program/locales.js';
import {
  type ImportIssue,
  type ImportKind,
  type ImportOptions,
  importCsv,
} from '../../src/services/import.service.js';

export const catalog = loadCatalog();
export const TODAY = '2026-03-15';
export const ACTOR = 'cli:tester';

/** Imports `file` as `kind`, by ACTOR on TODAY (a dry run, a worksheet, … as `options` say). */
export function importFile(
  db: Db,
  kind: ImportKind,
  file: ImportOptions['file'],
  options: Partial<Pick<ImportOptions, 'dryRun' | 'sheet'>> = {},
) {
  return importCsv(db, catalog, { kind, file, actor: ACTOR, today: TODAY, ...options });
}

/** `partner-bot import <args>` on `db`, by ACTOR on TODAY, with LOCALE `locale`; what it prints goes to `out`. */
export function importCli(db: Db, out: string[], locale: Locale = 'en') {
  return (...args: string[]) =>
    importCommand(args, {
      db,
      catalog,
      print: (line) => out.push(line),
      actor: ACTOR,
      today: TODAY,
      locale,
    });
}

/** Issues as a reader sees them: where, and the problem in English words (`message`). */
export function inWords(issues: readonly ImportIssue[]) {
  return issues.map(({ problem, ...where }) => ({ ...where, message: describeProblem(problem, 'en') }));
}

/** How many rows a table holds. */
export async function countRows(db: Db, table: PgTable): Promise<number> {
  return (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
}

const dir = mkdtempSync(join(tmpdir(), 'partner-bot-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

/** Writes a CSV fixture to a temporary file and returns its path. Lines are joined with `eol`. */
export function csvFile(
  lines: string[] | string,
  options: { eol?: string; bom?: boolean; name?: string } = {},
) {
  const text = Array.isArray(lines) ? `${lines.join(options.eol ?? '\n')}${options.eol ?? '\n'}` : lines;
  counter += 1;
  const path = join(dir, options.name ?? `file-${counter}.csv`);
  writeFileSync(path, `${options.bom ? '\uFEFF' : ''}${text}`, 'utf8');
  return path;
}
