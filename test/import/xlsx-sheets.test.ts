import { join } from 'node:path';
import ExcelJS from '@protobi/exceljs';
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

/** Small sheets, each of one row: exceljs 4.4.0's reader lost the zip's last entries in 9 reads of 10. */
async function smallSheets(count: number): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (let s = 1; s <= count; s += 1) book.addWorksheet(`Feuille ${s}`).addRow(['partner_id', 'amount_eur']);
  book.getWorksheet(`Feuille ${count}`)!.addRow(['acme', 12.5]);
  const path = join(csvFile('', { name: 'y.txt' }), '..', `small-sheets-${count}.xlsx`);
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
      expect((missing as CsvFileError).issues.map((i) => i.problem.code)).toEqual(['workbook.sheet-missing']);
    }
    // What exceljs left unread would fail to open a moment later, outside any await.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(uncaught).toEqual([]);
  });

  it('reads every sheet of a workbook of small ones, every time (the streaming reader lost its last entries)', async () => {
    const path = await smallSheets(6);
    const names = Array.from({ length: 6 }, (_, i) => `Feuille ${i + 1}`);
    for (let i = 0; i < 100; i += 1) {
      const file = await openXlsxBytes(await openBytes(path), columns, { sheet: 'feuille 6' });
      const items: CsvItem[] = [];
      for await (const item of file.items) items.push(item);
      expect(items).toEqual([{ kind: 'row', line: 2, cells: { partner_id: 'acme', amount_eur: '12.50' } }]);
      const missing = await openXlsxBytes(await openBytes(path), columns, { sheet: 'Ventes' }).catch(
        (e: unknown) => e,
      );
      expect((missing as CsvFileError).issues.map((issue) => issue.problem)).toEqual([
        { code: 'workbook.sheet-missing', sheet: 'Ventes', sheets: names },
      ]);
    }
  });
});
