import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import type { ImportIssue } from './issues.js';

export type Delimiter = ',' | ';' | '\t';

export interface CsvColumns {
  required: readonly string[];
  optional: readonly string[];
}

/** A data line: its number in the file (header = 1) and its cells by column name, trimmed ('' if absent). */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

export type CsvItem = ({ kind: 'row' } & CsvRow) | { kind: 'issue'; issue: ImportIssue };

export interface CsvFile {
  delimiter: Delimiter;
  /** Header columns that no known column matches: ignored (reported, so a typo does not go unnoticed). */
  ignoredColumns: string[];
  items: AsyncGenerator<CsvItem, void, undefined>;
  /** Releases the file if `items` is not read to its end. */
  close(): void;
}

/** The file cannot be read as a CSV of this kind at all (unreadable, empty, header incomplete). */
export class CsvFileError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(issues.map((i) => i.message).join('; '));
    this.name = 'CsvFileError';
  }
}

/** Longest header line looked at to guess the separator, and longest record accepted. */
const MAX_HEADER_BYTES = 64 * 1024;
const MAX_RECORD_CHARS = 1_000_000;
const NOT_BLANK = /\S/;
// U+FFFD stands for bytes that were not UTF-8; PostgreSQL text cannot hold NUL.
const notText = (cell: string) => cell.includes('\uFFFD') || cell.includes('\0');

/** Header cells compare trimmed, case-insensitively, with spaces or hyphens read as underscores. */
export function normalizeHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

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

function toBuffer(chunk: unknown): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), 'utf8');
}

function readError(err: unknown): CsvFileError {
  const e = err as NodeJS.ErrnoException;
  const reason =
    e.code === 'ENOENT'
      ? 'no such file'
      : e.code === 'EACCES'
        ? 'permission denied'
        : e.code === 'EISDIR'
          ? 'it is a directory'
          : (e.message ?? String(err)).split('\n')[0];
  return new CsvFileError([{ message: `cannot read the file: ${reason}` }]);
}

/**
 * Opens a CSV export for streaming: detects the separator from the header line, skips a UTF-8 BOM,
 * maps header cells to the expected columns and yields data rows with their line numbers, or issues
 * (a malformed line, a wrong number of fields) in file order. Rows are parsed by csv-parse as the
 * consumer asks for them, so a file of any size is never held in memory.
 */
export async function openCsv(source: string | Readable, columns: CsvColumns): Promise<CsvFile> {
  const stream = typeof source === 'string' ? createReadStream(source) : source;
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<unknown>;
  const fail = (err: CsvFileError): never => {
    stream.destroy();
    throw err;
  };

  // Read until the end of the header line to choose the separator.
  const head: Buffer[] = [];
  let headLength = 0;
  let ended = false;
  try {
    while (headLength < MAX_HEADER_BYTES) {
      const next = await chunks.next();
      if (next.done) {
        ended = true;
        break;
      }
      const chunk = toBuffer(next.value);
      head.push(chunk);
      headLength += chunk.length;
      if (chunk.includes(0x0a) || chunk.includes(0x0d)) break;
    }
  } catch (err) {
    fail(readError(err));
  }
  const headBuffer = Buffer.concat(head);
  const headerLine =
    headBuffer
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r\n|\r|\n/)[0] ?? '';
  if (headerLine.trim() === '')
    fail(
      new CsvFileError([
        {
          line: 1,
          message: `the first line must be the header: ${[...columns.required, ...columns.optional].join(',')}`,
        },
      ]),
    );
  const delimiter = detectDelimiter(headerLine);

  async function* replay(): AsyncGenerator<Buffer> {
    yield headBuffer;
    if (ended) return;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield toBuffer(next.value);
    }
  }

  // Malformed records are skipped by the parser and reported in their place: after `after` records.
  // Line numbers are counted here (records plus line breaks inside quoted values, blank lines kept
  // as records): csv-parse's per-record `info` would cost more than the parsing itself.
  const skipped: { after: number; parserLine: number; message: string }[] = [];
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
        message: describeCsvError(err),
      });
    },
  });
  pipeline(Readable.from(replay()), parser, () => {});
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  const close = () => {
    parser.destroy();
    stream.destroy();
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
    throw new CsvFileError([{ line: 1, message: 'the header line cannot be read' }]);
  }
  const headerRecord = first.value;
  const header = headerRecord.map(normalizeHeader);
  const known = [...columns.required, ...columns.optional];
  const headerIssues: ImportIssue[] = [];
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (!known.includes(name)) return;
    if (index.has(name))
      headerIssues.push({ line: 1, column: name, message: 'this column appears twice in the header' });
    else index.set(name, i);
  });
  for (const name of columns.required)
    if (!index.has(name))
      headerIssues.push({
        line: 1,
        column: name,
        message: `required column missing (found: ${header.filter(Boolean).join(', ') || 'nothing'}; separator "${delimiter === '\t' ? 'tab' : delimiter}")`,
      });
  if (headerIssues.length) {
    close();
    throw new CsvFileError(headerIssues);
  }
  const ignoredColumns = header.filter((name) => name !== '' && !known.includes(name));
  const width = header.length;
  const positions = known.map((name) => [name, index.get(name)] as const);

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
          yield { kind: 'issue', issue: { line: nextLine, message: skip.message } };
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
            issue: {
              line,
              message: `${record.length} fields where the header has ${width} (a separator inside a value must be quoted)`,
            },
          };
          continue;
        }
        if (notUtf8) {
          yield {
            kind: 'issue',
            issue: { line, message: 'not UTF-8 text: save the file as "CSV UTF-8" and import it again' },
          };
          continue;
        }
        const cells: Record<string, string> = {};
        for (const [name, i] of positions) cells[name] = i === undefined ? '' : (record[i] ?? '').trim();
        yield { kind: 'row', line, cells };
      }
    } finally {
      close();
    }
  }

  return { delimiter, ignoredColumns, items: items(), close };
}

function lineBreaks(record: string[]): number {
  let breaks = 0;
  for (const cell of record)
    if (cell.includes('\n') || cell.includes('\r')) breaks += cell.split(/\r\n|\r|\n/).length - 1;
  return breaks;
}

function describeCsvError(err: CsvError): string {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted value is never closed (a " is missing)';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote closes in the middle of a value (a " inside a quoted value must be doubled: "")';
    case 'CSV_MAX_RECORD_SIZE':
      return 'this line is too long (an unclosed quote?)';
    default:
      return `cannot be read as CSV (${err.message.split('\n')[0]})`;
  }
}
