import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBytes } from '../../src/import/file-bytes.js';
import { CsvFileError, type CsvItem } from '../../src/import/header.js';
import { openXlsxBytes } from '../../src/import/xlsx-source.js';
import { csvFile } from './support.js';

const columns = { required: ['partner_id', 'amount_eur'], optional: [] };

/**
 * Five sheets of notes, then the one to read. exceljs writes the worksheets before the shared strings, so
 * its reader keeps each one in a temporary file until the shared strings have been read.
 */
async function notesThenRevenue(): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (let s = 1; s <= 5; s += 1) {
    const notes = book.addWorksheet(`Notes ${s}`);
    for (let r = 1; r <= 200; r += 1) notes.addRow(['nothing', 'to', `import ${s}.${r}`]);
  }
  const revenue = book.addWorksheet('Revenus');
  revenue.addRow(['partner_id', 'amount_eur']);
  revenue.addRow(['acme', 12.5]);
  const path = join(csvFile('', { name: 'x.txt' }), '..', 'notes-then-revenue.xlsx');
  await book.xlsx.writeFile(path);
  return path;
}

describe('a workbook whose sheet to read comes after others', () => {
  const uncaught: unknown[] = [];
  const record = (error: unknown) => uncaught.push(error);
  beforeEach(() => {
    uncaught.length = 0;
    process.on('uncaughtException', record);
  });
  afterEach(() => {
    process.off('uncaughtException', record);
  });

  it('reads the sheet named, time after time, without losing the skipped sheets’ temporary files', async () => {
    const path = await notesThenRevenue();
    for (let i = 0; i < 60; i += 1) {
      const file = await openXlsxBytes(await openBytes(path), columns, { sheet: 'revenus' });
      const items: CsvItem[] = [];
      for await (const item of file.items) items.push(item);
      expect([file.sheet, items]).toEqual([
        'Revenus',
        [{ kind: 'row', line: 2, cells: { partner_id: 'acme', amount_eur: '12.50' } }],
      ]);
      // A sheet named that is not there: every sheet is skipped.
      const missing = await openXlsxBytes(await openBytes(path), columns, { sheet: 'Ventes' }).catch(
        (e: unknown) => e,
      );
      expect(missing).toBeInstanceOf(CsvFileError);
    }
    // What exceljs left unread would fail to open a moment later, outside any await.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(uncaught).toEqual([]);
  });
});
