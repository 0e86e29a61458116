import { pipeline, Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import type { ImportProblem } from '../i18n/import-issues.js';
import { type DecodedText, decodeBytes, ENCODING_NAMES, type TextEncoding } from './decode.js';
import { type FileBytes, openBytes, readError } from './file-bytes.js';
import { type CsvColumns, CsvFileError, type CsvItem, cellsOf, mapHeader } from './header.js';

export {
  type CsvColumns,
  CsvFileError,
  type CsvItem,
  type CsvRow,
  normalizeHeader,
} from './header.js';

export type Delimiter = ',' | ';' | '\t';

export interface CsvFile {
  format: 'csv' | 'xlsx';
  delimiter?: Delimiter;
  /** How the text was decoded (final once `items` is read to its end); none for a workbook. */
  readonly encoding?: TextEncoding;
  /** The worksheet read, for a workbook. */
  sheet?: string;
  /** Header columns that no known column matches: ignored (reported, so a typo does not go unnoticed). */
  ignoredColumns: string[];
  items: AsyncGenerator<CsvItem, void, undefined>;
  /** Releases the file if `items` is not read to its end. */
  close(): void;
}

/** Longest header line looked at to guess the separator, and longest record accepted. */
const MAX_HEADER_CHARS = 64 * 1024;
const MAX_RECORD_CHARS = 1_000_000;
const NOT_BLANK = /\S/;
// U+FFFD stands for bytes that were not text in the encoding read; PostgreSQL text cannot hold NUL.
const notText = (cell: string) => cell.includes('\uFFFD') || cell.includes('\0');

/** The separator used most in the header line outside quotes: comma, semicolon or tab (comma if none). */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch] += 1;
  }
  let best: Delimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

export async function openCsv(source: string | Readable, columns: CsvColumns): Promise<CsvFile> {
  return openCsvBytes(await openBytes(source), columns);
}

/**
 * Opens a CSV export for streaming: decodes it (decode.ts), detects the separator from the header
 * line, maps header cells to the expected columns and yields data rows with their line numbers, or
 * issues (a malformed line, a wrong number of fields) in file order. Rows are parsed by csv-parse as
 * the consumer asks for them, so a file of any size is never held in memory.
 */
export async function openCsvBytes(bytes: FileBytes, columns: CsvColumns): Promise<CsvFile> {
  const decoded: DecodedText = decodeBytes(
    bytes.head,
    bytes.ended ? { next: async () => ({ done: true, value: undefined }) } : bytes.rest,
  );
  const text = decoded.text;
  const fail = (err: CsvFileError): never => {
    bytes.destroy();
    throw err;
  };

  // Read until the end of the header line to choose the separator.
  const head: string[] = [];
  let headLength = 0;
  try {
    while (headLength < MAX_HEADER_CHARS) {
      const next = await text.next();
      if (next.done) break;
      head.push(next.value);
      headLength += next.value.length;
      if (next.value.includes('\n') || next.value.includes('\r')) break;
    }
  } catch (err) {
    fail(readError(err));
  }
  const headText = head.join('');
  const headerLine = headText.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)[0] ?? '';
  if (headerLine.trim() === '')
    fail(
      new CsvFileError([
        {
          line: 1,
          problem: { code: 'header.missing', columns: [...columns.required, ...columns.optional] },
        },
      ]),
    );
  const delimiter = detectDelimiter(headerLine);

  async function* replay(): AsyncGenerator<string> {
    yield headText;
    yield* text;
  }

  // Malformed records are skipped by the parser and reported in their place: after `after` records.
  // Line numbers are counted here (records plus line breaks inside quoted values, blank lines kept
  // as records): csv-parse's per-record `info` would cost more than the parsing itself.
  const skipped: { after: number; parserLine: number; problem: ImportProblem }[] = [];
  const parser = parse({
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    on_skip: (err: CsvError | undefined) => {
      if (!err) return;
      skipped.push({
        after: parser.info.records,
        parserLine: Number(err.lines),
        problem: describeCsvError(err),
      });
    },
  });
  pipeline(Readable.from(replay()), parser, () => {});
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const close = () => {
    parser.destroy();
    bytes.destroy();
  };

  let first: IteratorResult<string[]>;
  try {
    first = await records.next();
  } catch (err) {
    close();
    throw readError(err);
  }
  if (first.done) {
    close();
    throw new CsvFileError([{ line: 1, problem: { code: 'header.unreadable' } }]);
  }
  const headerRecord = first.value;
  let map: ReturnType<typeof mapHeader>;
  try {
    map = mapHeader(headerRecord, columns, delimiter === '\t' ? 'tab' : delimiter);
  } catch (err) {
    close();
    throw err;
  }
  const { width } = map;

  async function* items(): AsyncGenerator<CsvItem, void, undefined> {
    let received = 1;
    let nextLine = 2 + lineBreaks(headerRecord);
    // csv-parse counts a CRLF inside a quoted value as two lines: its line numbers drift by `drift`.
    let drift = 0;
    try {
      for (;;) {
        let next: IteratorResult<string[]>;
        try {
          next = await records.next();
        } catch (err) {
          throw readError(err);
        }
        while (skipped.length && (next.done || skipped[0]!.after <= received)) {
          const skip = skipped.shift()!;
          yield { kind: 'issue', issue: { line: nextLine, problem: skip.problem } };
          nextLine = Math.max(nextLine + 1, skip.parserLine - drift + 1);
        }
        if (next.done) return;
        const record = next.value;
        received += 1;
        const line = nextLine;
        let blank = true;
        let notUtf8 = false;
        for (const cell of record) {
          if (blank && NOT_BLANK.test(cell)) blank = false;
          if (notText(cell)) notUtf8 = true;
          if (cell.includes('\n') || cell.includes('\r')) {
            nextLine += cell.split(/\r\n|\r|\n/).length - 1;
            drift += cell.split('\r\n').length - 1;
          }
        }
        nextLine += 1;
        if (blank) continue;
        if (record.length > width && record.slice(width).some((cell) => NOT_BLANK.test(cell))) {
          yield {
            kind: 'issue',
            issue: { line, problem: { code: 'line.fields', count: record.length, width } },
          };
          continue;
        }
        if (notUtf8) {
          yield { kind: 'issue', issue: { line, problem: notTextProblem(decoded.encoding) } };
          continue;
        }
        yield { kind: 'row', line, cells: cellsOf(record, map) };
      }
    } finally {
      close();
    }
  }

  return {
    format: 'csv',
    delimiter,
    get encoding() {
      return decoded.encoding;
    },
    ignoredColumns: map.ignoredColumns,
    items: items(),
    close,
  };
}

function notTextProblem(encoding: TextEncoding): ImportProblem {
  return encoding === 'utf-8'
    ? { code: 'line.not-utf8' }
    : { code: 'line.not-text', encoding: ENCODING_NAMES[encoding] };
}

function lineBreaks(record: string[]): number {
  let breaks = 0;
  for (const cell of record)
    if (cell.includes('\n') || cell.includes('\r')) breaks += cell.split(/\r\n|\r|\n/).length - 1;
  return breaks;
}

function describeCsvError(err: CsvError): ImportProblem {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { code: 'csv.quote-not-closed' };
    case 'CSV_INVALID_CLOSING_QUOTE':
      return { code: 'csv.closing-quote' };
    case 'CSV_MAX_RECORD_SIZE':
      return { code: 'csv.too-long' };
    default:
      return { code: 'csv.unreadable', reason: err.message.split('\n')[0] ?? '' };
  }
}
