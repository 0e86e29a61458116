import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../db/client.js';
import { createAuditRepository } from '../db/repositories/audit.repository.js';
import { createImportMergeRepository } from '../db/repositories/import-merge.repository.js';
import {
  createImportStagingRepository,
  type ImportStagingRepository,
  type StageCheckName,
  type StageCheckRows,
  type StageProblems,
} from '../db/repositories/import-staging.repository.js';
import { transaction } from '../db/transaction.js';
import type { CsvFile, Delimiter } from '../import/csv-source.js';
import type { TextEncoding } from '../import/decode.js';
import { CsvFileError } from '../import/header.js';
import {
  type ImportIssue,
  type ImportNote,
  type ImportProblem,
  ImportRejected,
  IssueList,
} from '../import/issues.js';
import { type ImportKind, KINDS } from '../import/kinds/index.js';
import type { ImportKindSpec, KindContext, StagedRow } from '../import/kinds/kind.js';
import { openImportFile } from '../import/open-file.js';
import type { Catalog } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { nextEvaluationOn } from '../program/semesters.js';
import { evaluateSemester } from './evaluation.service.js';

export { describeNote } from '../i18n/import-issues.js';
export {
  formatIssue,
  type ImportIssue,
  type ImportNote,
  type ImportProblem,
  ImportRejected,
} from '../import/issues.js';
export { IMPORT_KINDS, type ImportKind, isImportKind } from '../import/kinds/index.js';

/** The header row a file of this kind starts with, and the columns it may leave out. */
export function importColumns(kind: ImportKind): { header: readonly string[]; optional: readonly string[] } {
  return { header: KINDS[kind].header, optional: KINDS[kind].optional };
}

export interface ImportOptions {
  kind: ImportKind;
  /** A path, or a stream of the file's bytes. */
  file: string | Readable;
  /** The name the report and audit log give the file (default: the path's base name, or "stdin"). */
  fileName?: string;
  /** A workbook's worksheet (default: the first). */
  sheet?: string;
  /** Validate and compute what would change, then roll everything back. */
  dryRun?: boolean;
  /** Who the audit log and tier history name. */
  actor: string;
  /** More for the audit row (where the file came from: a Slack file's id and uploader). */
  auditDetails?: Record<string, unknown>;
  /** The program's calendar day: no completion after it; the tier preview is for the evaluation after it. */
  today: IsoDate;
}

/** A partner the file touches, and its tier at the next evaluation without the file and with it. */
export interface TierPreviewRow {
  partnerId: string;
  name: string;
  /** Null for a partner the file creates. */
  before: string | null;
  after: string;
}

export interface ImportReport {
  kind: ImportKind;
  file: string;
  dryRun: boolean;
  format: 'csv' | 'xlsx';
  /** CSV: the separator and the encoding read. */
  delimiter?: Delimiter;
  encoding?: TextEncoding;
  /** xlsx: the worksheet read. */
  sheet?: string;
  /** Data rows in the file (blank lines aside). */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Header columns that are not part of this kind, ignored. */
  ignoredColumns: string[];
  /** Observations that did not block the import (worded by describeNote). */
  notes: ImportNote[];
  /**
   * Dry runs of partners and revenue: for each partner the file touches, its tier at the next
   * evaluation before and after this file (other kinds do not move tiers).
   */
  tierPreview?: { evaluationOn: IsoDate; partners: TierPreviewRow[] };
}

/** Issues kept for the report (all are counted). */
export const MAX_LISTED_ISSUES = 1000;
/** Rows per staging insert: one JSON parameter each, so far from the 65 535 bind parameters limit. */
const BATCH_ROWS = 5000;

/** Ends a dry run's transaction (rolling it back) while carrying its report out. */
class DryRunComplete extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run: rolled back');
  }
}

/**
 * Imports one CSV file in one transaction: every row checked, the file applied whole or not at all.
 * Rows are streamed into a temporary staging table in batches, checked together in SQL (unknown
 * references, a natural key twice), then upserted on their natural keys, touching only rows whose
 * values differ; importing the same file again changes nothing. Throws ImportRejected, listing the
 * problems by line and column, when anything is wrong.
 */
export async function importCsv(db: Db, catalog: Catalog, options: ImportOptions): Promise<ImportReport> {
  const spec = KINDS[options.kind];
  if (!spec) throw new Error(`unknown import kind ${options.kind}`);
  const file = options.fileName ?? (typeof options.file === 'string' ? basename(options.file) : 'stdin');
  const ctx: KindContext = { catalog, today: options.today, actor: options.actor };
  let csv: CsvFile | undefined;
  try {
    csv = await openImportFile(
      options.file,
      { required: spec.header.filter((c) => !spec.optional.includes(c)), optional: spec.optional },
      { sheet: options.sheet },
    );
    const source = csv;
    return await transaction(db, async (tx) => {
      const stage = createImportStagingRepository(tx);
      await stage.create(spec.staging);
      const issues = new IssueList(MAX_LISTED_ISSUES);
      let rows = 0;
      let batch: StagedRow[] = [];
      let staging: Promise<void> = Promise.resolve();
      for await (const item of source.items) {
        if (item.kind === 'issue') {
          issues.add(item.issue);
          continue;
        }
        rows += 1;
        const parsed = spec.parse(item.cells, ctx);
        if (parsed.issues) {
          for (const issue of parsed.issues) issues.add({ line: item.line, ...issue });
          continue;
        }
        batch.push({ line: item.line, ...parsed.row });
        if (batch.length >= BATCH_ROWS) {
          // One batch in flight while the next is parsed: PostgreSQL works while we read.
          await staging;
          staging = stage.stage(spec.staging, batch);
          staging.catch(() => {});
          batch = [];
        }
      }
      await staging;
      await stage.stage(spec.staging, batch);
      await stage.analyze();
      await checkStage(stage, spec, issues);
      if (issues.count > 0) throw new ImportRejected(file, issues.sorted(), issues.count);

      const notes = (await spec.notes?.(stage, ctx)) ?? [];
      const previewsTiers = options.dryRun && (spec.kind === 'partners' || spec.kind === 'revenue');
      const evaluationOn = nextEvaluationOn(catalog, options.today);
      const tiersAtEvaluation = async () => {
        const evaluation = await evaluateSemester(tx, catalog, {
          asOf: evaluationOn,
          dryRun: true,
          actor: options.actor,
        });
        return new Map(evaluation.partners.map((p) => [p.partnerId, p]));
      };
      const touched = previewsTiers ? await stage.partnerIds() : [];
      const before = previewsTiers ? await tiersAtEvaluation() : undefined;
      const { inserted, updated } = await spec.apply(createImportMergeRepository(tx), ctx);
      const report: ImportReport = {
        kind: spec.kind,
        file,
        dryRun: Boolean(options.dryRun),
        format: source.format,
        ...(source.delimiter ? { delimiter: source.delimiter } : {}),
        ...(source.encoding ? { encoding: source.encoding } : {}),
        ...(source.sheet ? { sheet: source.sheet } : {}),
        rows,
        inserted,
        updated,
        unchanged: rows - inserted - updated,
        ignoredColumns: source.ignoredColumns,
        notes,
      };
      if (options.dryRun) {
        if (before) {
          const after = await tiersAtEvaluation();
          report.tierPreview = {
            evaluationOn,
            partners: touched.flatMap((partnerId) => {
              const now = after.get(partnerId);
              if (!now) return [];
              return [
                { partnerId, name: now.name, before: before.get(partnerId)?.tier ?? null, after: now.tier },
              ];
            }),
          };
        }
        throw new DryRunComplete(report);
      }
      await createAuditRepository(tx).record({
        actor: options.actor,
        action: `import.${spec.kind}`,
        details: { file, rows, inserted, updated, unchanged: report.unchanged, ...options.auditDetails },
      });
      return report;
    });
  } catch (err) {
    if (err instanceof DryRunComplete) return err.report;
    if (err instanceof CsvFileError) throw new ImportRejected(file, err.issues);
    const conflict = uniqueViolation(err);
    if (conflict) throw new ImportRejected(file, [{ problem: conflict }]);
    throw err;
  } finally {
    csv?.close();
  }
}

/** Duplicated natural keys and the kind's own set-based checks, each reported on its lines. */
async function checkStage(
  stage: ImportStagingRepository,
  spec: ImportKindSpec,
  issues: IssueList,
): Promise<void> {
  const duplicates = await stage.duplicates(spec.key, MAX_LISTED_ISSUES);
  addProblems(issues, spec.key.join('+'), duplicates, (r) => duplicateProblem(spec.key, r.firstLine));
  for (const { column, check } of spec.checks)
    addProblems(issues, column, await stage.check(check, MAX_LISTED_ISSUES), (r) =>
      stageCheckProblem(check, r),
    );
}

function addProblems<Row>(
  issues: IssueList,
  column: string,
  found: StageProblems<Row>,
  problem: (row: { line: number } & Row) => ImportProblem,
): void {
  if (found.lines.length === 0) return;
  issues.addCounted(
    found.lines.map((r): ImportIssue => ({ line: r.line, column, problem: problem(r) })),
    found.total,
  );
}

/** A natural key already on an earlier line. */
export function duplicateProblem(key: readonly string[], firstLine: number): ImportProblem {
  return { code: 'key.duplicate', key, firstLine: Number(firstLine) };
}

/** What each set-based check found, as a problem. */
const CHECK_PROBLEMS: { [N in StageCheckName]: (r: StageCheckRows[N]) => ImportProblem } = {
  'unknown-partner': (r) => ({ code: 'partner.unknown', partner: r.partner }),
  'channel-twice': (r) => ({ code: 'channel.twice', channel: r.channel, firstLine: Number(r.firstLine) }),
  'channel-of-another-partner': (r) => ({ code: 'channel.taken', channel: r.channel, partner: r.partner }),
  'contact-of-another-partner': (r) => ({ code: 'contact.taken', user: r.user, partner: r.partner }),
  'email-contact-of-another-partner': (r) => ({
    code: 'contact.email-taken',
    email: r.email,
    partner: r.partner,
  }),
  'several-referents': (r) => ({
    code: 'referent.several',
    partner: r.partner,
    profile: r.profile,
    users: r.users,
  }),
  'unknown-contact': (r) => ({
    code: 'contact.unknown',
    ...(r.user ? { user: r.user } : { email: r.email ?? '' }),
    partner: r.partner,
  }),
  'ambiguous-email-contact': (r) => ({ code: 'contact.email-ambiguous', partner: r.partner, email: r.email }),
  'contact-not-of-partner': (r) => ({
    code: 'contact.other-partner',
    user: r.user,
    partner: r.partner,
    filePartner: r.filePartner,
  }),
};

/** A line a set-based check refused, as a problem. */
export function stageCheckProblem<N extends StageCheckName>(check: N, row: StageCheckRows[N]): ImportProblem {
  return (CHECK_PROBLEMS[check] as (r: StageCheckRows[N]) => ImportProblem)(row);
}

/** A unique index refused a row the checks let through: say which. */
function uniqueViolation(err: unknown): ImportProblem | undefined {
  const e = err as { code?: string; detail?: string; cause?: { code?: string; detail?: string } };
  const cause = e.code === '23505' ? e : e.cause?.code === '23505' ? e.cause : undefined;
  if (!cause) return undefined;
  return { code: 'conflict', ...(cause.detail ? { detail: cause.detail } : {}) };
}
