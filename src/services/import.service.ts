import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/client.js';
import { auditLog } from '../db/schema.js';
import { transaction } from '../db/transaction.js';
import { type CsvFile, CsvFileError, type Delimiter, openCsv } from '../import/csv-source.js';
import { type ImportIssue, ImportRejected, IssueList } from '../import/issues.js';
import { type ImportKind, KINDS } from '../import/kinds/index.js';
import type { ImportKindSpec, KindContext, StagedRow, StagingType } from '../import/kinds/kind.js';
import type { Catalog } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { nextEvaluationOn } from '../program/semesters.js';
import { evaluateSemester } from './evaluation.service.js';

export { formatIssue, type ImportIssue, ImportRejected } from '../import/issues.js';
export { IMPORT_KINDS, type ImportKind } from '../import/kinds/index.js';

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
  /** Validate and compute what would change, then roll everything back. */
  dryRun?: boolean;
  /** Who the audit log and tier history name. */
  actor: string;
  /** The program's calendar day: no completion after it; the tier preview is for the evaluation after it. */
  today: IsoDate;
}

export interface TierChange {
  partnerId: string;
  name: string;
  previousTier: string;
  tier: string;
}

export interface ImportReport {
  kind: ImportKind;
  file: string;
  dryRun: boolean;
  delimiter: Delimiter;
  /** Data rows in the file (blank lines aside). */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Header columns that are not part of this kind, ignored. */
  ignoredColumns: string[];
  /** Observations that did not block the import. */
  notes: string[];
  /**
   * Dry runs of partners and revenue: the tier changes the next evaluation would make with this data
   * in place (other kinds do not move tiers).
   */
  tierPreview?: { evaluationOn: IsoDate; changes: TierChange[] };
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
    csv = await openCsv(options.file, {
      required: spec.header.filter((c) => !spec.optional.includes(c)),
      optional: spec.optional,
    });
    const source = csv;
    return await transaction(db, async (tx) => {
      await createStage(tx, spec);
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
          staging = stageBatch(tx, spec, batch);
          staging.catch(() => {});
          batch = [];
        }
      }
      await staging;
      await stageBatch(tx, spec, batch);
      await tx.execute(sql`analyze import_stage`);
      await checkStage(tx, spec, ctx, issues);
      if (issues.count > 0) throw new ImportRejected(file, issues.sorted(), issues.count);

      const notes = (await spec.notes?.(tx, ctx)) ?? [];
      const { inserted, updated } = await spec.apply(tx, ctx);
      const report: ImportReport = {
        kind: spec.kind,
        file,
        dryRun: Boolean(options.dryRun),
        delimiter: source.delimiter,
        rows,
        inserted,
        updated,
        unchanged: rows - inserted - updated,
        ignoredColumns: source.ignoredColumns,
        notes,
      };
      if (options.dryRun) {
        if (spec.kind === 'partners' || spec.kind === 'revenue') {
          const evaluationOn = nextEvaluationOn(catalog, options.today);
          const evaluation = await evaluateSemester(tx, catalog, {
            asOf: evaluationOn,
            dryRun: true,
            actor: options.actor,
          });
          report.tierPreview = {
            evaluationOn,
            changes: evaluation.changes.map(({ partnerId, name, previousTier, tier }) => ({
              partnerId,
              name,
              previousTier,
              tier,
            })),
          };
        }
        throw new DryRunComplete(report);
      }
      await tx.insert(auditLog).values({
        actor: options.actor,
        action: `import.${spec.kind}`,
        details: { file, rows, inserted, updated, unchanged: report.unchanged },
      });
      return report;
    });
  } catch (err) {
    if (err instanceof DryRunComplete) return err.report;
    if (err instanceof CsvFileError) throw new ImportRejected(file, err.issues);
    const conflict = uniqueViolation(err);
    if (conflict) throw new ImportRejected(file, [{ message: conflict }]);
    throw err;
  } finally {
    csv?.close();
  }
}

const SQL_TYPES: Record<StagingType, string> = {
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  date: 'date',
  boolean: 'boolean',
};

async function createStage(tx: Db, spec: ImportKindSpec): Promise<void> {
  const definitions = Object.entries(spec.staging).map(([name, type]) => `, ${name} ${SQL_TYPES[type]}`);
  await tx.execute(
    sql.raw(
      `create temporary table import_stage (line integer not null${definitions.join('')}) on commit drop`,
    ),
  );
}

/**
 * One statement per batch, each column as one array parameter unnested into rows: a handful of bind
 * parameters whatever the batch size (far from the 65 535 limit), and no per-row parsing of JSON keys.
 */
async function stageBatch(tx: Db, spec: ImportKindSpec, batch: StagedRow[]): Promise<void> {
  if (batch.length === 0) return;
  const columns: [string, StagingType][] = [['line', 'integer'], ...Object.entries(spec.staging)];
  const arrays = columns.map(
    ([name, type]) =>
      sql`${arrayLiteral(batch.map((row) => row[name] ?? null))}::${sql.raw(SQL_TYPES[type])}[]`,
  );
  await tx.execute(
    sql`insert into import_stage (${sql.raw(columns.map(([name]) => name).join(', '))})
      select * from unnest(${sql.join(arrays, sql`, `)})`,
  );
}

/** A PostgreSQL array literal: every text quoted (with " and \ escaped), NULL for null. */
export function arrayLiteral(values: (string | number | boolean | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) out += ',';
    if (value === null || value === undefined) out += 'NULL';
    else if (typeof value === 'number') out += String(value);
    else if (typeof value === 'boolean') out += value ? 't' : 'f';
    else out += `"${value.replace(/["\\]/g, '\\$&')}"`;
  }
  return `${out}}`;
}

/** Duplicated natural keys and the kind's own set-based checks, each reported on its lines. */
async function checkStage(tx: Db, spec: ImportKindSpec, ctx: KindContext, issues: IssueList): Promise<void> {
  const keys = spec.key.join(', ');
  const joinOn = spec.key.map((k) => `s.${k} = d.${k}`).join(' and ');
  const duplicates = {
    column: spec.key.join('+'),
    query: sql.raw(`select s.line, 'same ${spec.key.join(', ')} as line ' || d.first_line as message
      from (select ${keys}, min(line) as first_line from import_stage group by ${keys} having count(*) > 1) d
      join import_stage s on ${joinOn} and s.line <> d.first_line`),
  };
  for (const check of [duplicates, ...spec.checks(ctx)]) {
    const found = rowsOf<{ line: number; message: string; total: number }>(
      await tx.execute(
        sql`select line, message, count(*) over ()::int as total from (${check.query}) c
          order by line limit ${MAX_LISTED_ISSUES}`,
      ),
    );
    if (found.length === 0) continue;
    issues.addCounted(
      found.map((r): ImportIssue => ({ line: Number(r.line), column: check.column, message: r.message })),
      Number(found[0]!.total),
    );
  }
}

/** A unique index refused a row the checks let through: say which, in words. */
function uniqueViolation(err: unknown): string | undefined {
  const e = err as { code?: string; detail?: string; cause?: { code?: string; detail?: string } };
  const cause = e.code === '23505' ? e : e.cause?.code === '23505' ? e.cause : undefined;
  if (!cause) return undefined;
  return `conflicts with data already recorded${cause.detail ? `: ${cause.detail}` : ''}`;
}
