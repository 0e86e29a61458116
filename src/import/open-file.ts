import type { Readable } from 'node:stream';
import { type CsvFile, openCsvBytes } from './csv-source.js';
import { isZip, openBytes } from './file-bytes.js';
import { type CsvColumns, CsvFileError } from './header.js';
import { openXlsxBytes } from './xlsx-source.js';

export interface OpenOptions {
  /** A workbook's worksheet (default: the first). */
  sheet?: string;
}

/** Opens a spreadsheet file, CSV/TSV text in any encoding read or an .xlsx workbook, by its content. */
export async function openImportFile(
  source: string | Readable,
  columns: CsvColumns,
  options: OpenOptions = {},
): Promise<CsvFile> {
  const bytes = await openBytes(source);
  if (isZip(bytes.head)) return openXlsxBytes(bytes, columns, options);
  if (options.sheet !== undefined) {
    bytes.destroy();
    throw new CsvFileError([{ problem: { code: 'file.sheet-of-text' } }]);
  }
  return openCsvBytes(bytes, columns);
}
