import { Readable } from 'node:stream';
import ExcelJS from '@protobi/exceljs';
import type { CsvFile } from './csv-source.js';
import type { FileBytes } from './file-bytes.js';
import { type CsvColumns, CsvFileError, type CsvItem, cellsOf, mapHeader } from './header.js';

const NOT_BLANK = /\S/;
const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 date system, 1899-12-30, in days before 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569;

/** A date cell's day as YYYY-MM-DD (exceljs gives dates at UTC midnight). */
function isoDay(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/**
 * A number as the value parsers read it: integers as they are, amounts to the cent when the cell holds
 * cents (binary floating point aside), anything finer as it is (so the amount parser refuses it).
 */
export function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const cents = Math.round(n * 100);
  return Math.abs(n * 100 - cents) < 1e-6 ? (cents / 100).toFixed(2) : String(n);
}

function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  // Quoted text and [colour] or [$-locale] sections say nothing about dates.
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmy]/i.test(bare) && !/^general$/i.test(bare);
}

type CellValue = ExcelJS.CellValue;

/** One cell as text: dates as YYYY-MM-DD, numbers as numberText, formulas by their result. */
export function cellText(value: CellValue, numFmt?: string): string | { error: string } {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'number')
    return isDateFormat(numFmt) ? isoDay(new Date((value - EXCEL_EPOCH_DAYS) * DAY_MS)) : numberText(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined) return '';
    return cellText(result as CellValue, numFmt);
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text, numFmt);
  return String(value);
}

function notAWorkbook(err: unknown): CsvFileError {
  const reason = (err as Error)?.message?.split('\n')[0] ?? String(err);
  return new CsvFileError([{ problem: { code: 'file.not-workbook', reason } }]);
}

/**
 * Opens an .xlsx workbook with exceljs's streaming reader: rows are read from the zip as the consumer
 * asks for them. The first worksheet is read, or the one named `sheet` (case-insensitively); the first
 * row with content is the header; a row's line is its row number in Excel.
 */
export async function openXlsxBytes(
  bytes: FileBytes,
  columns: CsvColumns,
  options: { sheet?: string } = {},
): Promise<CsvFile> {
  async function* replay(): AsyncGenerator<Buffer> {
    yield bytes.head;
    if (bytes.ended) return;
    for (;;) {
      const next = await bytes.rest.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const input = Readable.from(replay());
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]();
  const close = () => {
    input.destroy();
    bytes.destroy();
  };
  /** The first of `items` that `pick` answers for (undefined: none); a read error closes the file, not a workbook. */
  const firstOf = async <T, R>(
    items: AsyncIterator<T>,
    pick: (item: T) => R | undefined | Promise<R | undefined>,
  ) => {
    try {
      for (;;) {
        const next = await items.next();
        if (next.done) return undefined;
        const picked = await pick(next.value);
        if (picked !== undefined) return picked;
      }
    } catch (err) {
      close();
      throw notAWorkbook(err);
    }
  };
  const seen: string[] = [];
  const wanted = options.sheet?.trim().toLowerCase();
  const worksheet = await firstOf(sheets, async (sheet) => {
    const name = (sheet as unknown as { name: string }).name;
    seen.push(name);
    if (wanted === undefined || name.toLowerCase() === wanted) return sheet;
    // A worksheet stored before the shared strings is replayed from a temporary file, which exceljs deletes
    // as soon as the next worksheet is asked for: one skipped unread could lose its file before opening
    // it, an uncaught ENOENT. So a skipped worksheet is read to its end first.
    for await (const _row of sheet) {
      // Nothing to keep.
    }
    return undefined;
  });
  if (!worksheet) {
    close();
    throw new CsvFileError([
      {
        problem:
          wanted === undefined
            ? { code: 'workbook.no-sheet' }
            : { code: 'workbook.sheet-missing', sheet: options.sheet ?? '', sheets: seen },
      },
    ]);
  }
  const sheetName = (worksheet as unknown as { name: string }).name;
  const rows = worksheet[Symbol.asyncIterator]();

  const recordOf = (row: ExcelJS.Row) => {
    const record: string[] = [];
    const errors: { address: string; error: string }[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = cellText(cell.value, cell.numFmt);
      if (typeof text === 'string') record[col - 1] = text;
      else {
        record[col - 1] = '';
        errors.push({ address: cell.address, error: text.error });
      }
    });
    for (let i = 0; i < record.length; i += 1) record[i] ??= '';
    return { record, errors };
  };

  const header = await firstOf(rows, (row) => {
    const { record } = recordOf(row);
    return record.some((cell) => NOT_BLANK.test(cell)) ? { line: row.number, record } : undefined;
  });
  if (!header) {
    close();
    throw new CsvFileError([
      {
        line: 1,
        problem: {
          code: 'workbook.sheet-empty',
          sheet: sheetName,
          columns: [...columns.required, ...columns.optional],
        },
      },
    ]);
  }
  let map: ReturnType<typeof mapHeader>;
  try {
    map = mapHeader(header.record, columns);
  } catch (err) {
    close();
    throw err;
  }

  async function* items(): AsyncGenerator<CsvItem, void, undefined> {
    try {
      for (;;) {
        let next: IteratorResult<ExcelJS.Row>;
        try {
          next = await rows.next();
        } catch (err) {
          throw notAWorkbook(err);
        }
        if (next.done) return;
        const line = next.value.number;
        const { record, errors } = recordOf(next.value);
        if (!record.some((cell) => NOT_BLANK.test(cell)) && errors.length === 0) continue;
        if (errors.length) {
          yield { kind: 'issue', issue: { line, problem: { code: 'line.cell-errors', cells: errors } } };
          continue;
        }
        if (record.length > map.width && record.slice(map.width).some((cell) => NOT_BLANK.test(cell))) {
          yield {
            kind: 'issue',
            issue: { line, problem: { code: 'line.cells', count: record.length, width: map.width } },
          };
          continue;
        }
        if (record.some((cell) => cell.includes('\0'))) {
          yield { kind: 'issue', issue: { line, problem: { code: 'line.nul' } } };
          continue;
        }
        yield { kind: 'row', line, cells: cellsOf(record, map) };
      }
    } finally {
      close();
    }
  }

  return { format: 'xlsx', sheet: sheetName, ignoredColumns: map.ignoredColumns, items: items(), close };
}
