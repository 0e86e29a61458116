import type { Applied, ImportMergeRepository } from '../../db/repositories/import-merge.repository.js';
import type {
  ImportStagingRepository,
  StageCheckName,
  StagedRow,
  StagingType,
} from '../../db/repositories/import-staging.repository.js';
import type { ImportNote, ImportProblem, SlackIdSubject } from '../../i18n/import-issues.js';
import type { Catalog } from '../../program/catalog.schema.js';
import type { IsoDate } from '../../program/dates.js';
import type { Parsed } from '../values.js';

export const IMPORT_KINDS = [
  'partners',
  'contacts',
  'staff',
  'revenue',
  'trainings',
  'checklist',
  'objectives',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return (IMPORT_KINDS as readonly unknown[]).includes(value);
}

export interface KindContext {
  catalog: Catalog;
  today: IsoDate;
  actor: string;
}

export type { Applied } from '../../db/repositories/import-merge.repository.js';
export type { StagedRow, StagingType } from '../../db/repositories/import-staging.repository.js';

export type RowResult = { row: StagedRow; issues?: undefined } | { row?: undefined; issues: CellIssue[] };

export interface CellIssue {
  column: string;
  problem: ImportProblem;
}

/** A set-based check on the staged rows (its SQL in import-staging.repository.ts), reported on `column`. */
export interface StageCheck {
  column: string;
  check: StageCheckName;
}

/**
 * One kind of import. Rows are checked one by one in JS (`parse`), staged in the temporary table
 * `import_stage` (a `line` column plus `staging`), checked together in SQL (`checks`, plus duplicates
 * of `key` by the service), then merged into the real tables by `apply` (the SQL of those steps is in
 * import-staging.repository.ts and import-merge.repository.ts).
 */
export interface ImportKindSpec {
  kind: ImportKind;
  /** The header row, in the documented order. */
  header: readonly string[];
  /** Header columns a file may leave out. */
  optional: readonly string[];
  staging: Readonly<Record<string, StagingType>>;
  /** The natural key, as staging columns; a key twice in one file is an error. */
  key: readonly string[];
  parse(cells: Record<string, string>, ctx: KindContext): RowResult;
  checks: readonly StageCheck[];
  /** Observations that do not block the import (e.g. a column that does not apply to existing rows). */
  notes?(stage: ImportStagingRepository, ctx: KindContext): Promise<ImportNote[]>;
  apply(merge: ImportMergeRepository, ctx: KindContext): Promise<Applied>;
}

/** Reads and checks the cells of one row, collecting every problem instead of stopping at the first. */
export class Cells {
  readonly issues: CellIssue[] = [];

  constructor(private readonly cells: Record<string, string>) {}

  issue(column: string, problem: ImportProblem): void {
    this.issues.push({ column, problem });
  }

  /** The cell, or null when empty; longer than `max` is an error. */
  optional(column: string, max = 200): string | null {
    const value = this.cells[column] ?? '';
    if (value === '') return null;
    if (value.length > max) {
      this.issue(column, { code: 'cell.too-long', max });
      return null;
    }
    return value;
  }

  required(column: string, max = 200): string {
    const value = this.cells[column] ?? '';
    if (value === '') this.issue(column, { code: 'cell.required' });
    return this.optional(column, max) ?? '';
  }

  parse<T>(column: string, parser: (value: string) => Parsed<T>): T | null {
    const result = parser(this.cells[column] ?? '');
    if (result.ok) return result.value;
    this.issue(column, result.error);
    return null;
  }

  /** A partner id: required, no spaces. */
  partnerId(column = 'partner_id'): string {
    const value = this.required(column, 64);
    if (value && /\s/.test(value)) this.issue(column, { code: 'partner-id.invalid', value });
    return value;
  }

  /** A Slack id such as U0123ABCD (users) or C0123ABCD (channels): upper-cased, letters and digits. */
  slackId(column: string, prefixes: string, what: SlackIdSubject, required: boolean): string | null {
    const value = required ? this.required(column, 32) : this.optional(column, 32);
    if (!value) return null;
    const id = value.toUpperCase();
    if (!new RegExp(`^[${prefixes}][A-Z0-9]{2,}$`).test(id)) {
      this.issue(column, {
        code: 'slack-id.invalid',
        subject: what,
        value,
        example: `${prefixes[0]}0123ABCD`,
      });
      return null;
    }
    return id;
  }

  result(row: StagedRow): RowResult {
    return this.issues.length ? { issues: this.issues } : { row };
  }
}

/** A future day is refused for things already done. */
export function notAfterToday(cells: Cells, column: string, date: IsoDate | null, today: IsoDate): void {
  if (date && date > today) cells.issue(column, { code: 'date.future', date, today });
}

/** A partner_id naming no partner. */
export const UNKNOWN_PARTNER: StageCheck = { column: 'partner_id', check: 'unknown-partner' };
