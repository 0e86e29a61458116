import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from '@protobi/exceljs';
import { asc } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { auditLog, partners, revenueLines } from '../../src/db/schema.js';
import { type ImportKind, ImportRejected, type ImportReport } from '../../src/services/import.service.js';
import { type DroppableTestDatabase, useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { countRows as countTableRows, csvFile, importFile, inWords } from './support.js';

const NBSP = '\u00a0';

/** The same partners and revenue, as each spreadsheet program saves them. */
const PARTNER_ROWS = [
  ['reseaux', '« Réseaux » Sud', 'ambassador', '', '15/01/2025'],
  ['acme', 'Acmé Télécom', 'operator', 'standard', '01.02.2025'],
];
const REVENUE_ROWS = [
  ['reseaux', 'janv. 2026', 'recurring', `1${NBSP}234,56 €`],
  ['acme', '02/2026', 'one_off', '350'],
  ['acme', 'Feb 2026', 'minutes', '89,90'],
];
const PARTNER_HEADER = ['partner_id', 'name', 'type', 'operator_program', 'joined_on'];
const REVENUE_HEADER = ['partner_id', 'month', 'category', 'amount_eur'];

const quoted = (cell: string, sep: string) => (cell.includes(sep) ? `"${cell}"` : cell);
const text = (header: string[], rows: string[][], sep: string) =>
  `${[header, ...rows].map((r) => r.map((cell) => quoted(cell, sep)).join(sep)).join('\r\n')}\r\n`;

function bytesFile(bytes: Buffer, name: string): string {
  const path = csvFile('', { name });
  writeFileSync(path, bytes);
  return path;
}

function utf16be(value: string): Buffer {
  const le = iconv.encode(value, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
}

type Encoded = (header: string[], rows: string[][], name: string) => Promise<string> | string;

/** An Excel workbook with real date and number cells, made with the library the import reads with. */
async function workbook(kind: 'partners' | 'revenue', name: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Données');
  if (kind === 'partners') {
    sheet.addRow(['Partenaire', 'Nom', 'Type', 'Programme opérateur', "Date d'entrée"]);
    sheet.addRow(['reseaux', '« Réseaux » Sud', 'ambassador', null, new Date(Date.UTC(2025, 0, 15))]);
    sheet.addRow(['acme', 'Acmé Télécom', 'operator', 'standard', new Date(Date.UTC(2025, 1, 1))]);
    sheet.getColumn(5).numFmt = 'dd/mm/yyyy';
  } else {
    sheet.addRow(['Partenaire', 'Mois', 'Catégorie', 'Montant (€)']);
    sheet.addRow(['reseaux', new Date(Date.UTC(2026, 0, 1)), 'recurring', 1234.56]);
    sheet.addRow(['acme', new Date(Date.UTC(2026, 1, 1)), 'one_off', 350]);
    // A formula's result counts: 89,90 € computed in the sheet.
    sheet.addRow(['acme', new Date(Date.UTC(2026, 1, 1)), 'minutes', { formula: '80+9.9', result: 89.9 }]);
    sheet.getColumn(2).numFmt = 'mmm yyyy';
    sheet.getColumn(4).numFmt = '#,##0.00 "€"';
  }
  const path = csvFile('', { name });
  await book.xlsx.writeFile(path);
  return path;
}

const VARIANTS: Record<string, { encoded: Encoded; format: string; encoding?: string }> = {
  'UTF-8, comma': {
    encoded: (h, r, n) => csvFile(text(h, r, ','), { name: n }),
    format: 'csv',
    encoding: 'utf-8',
  },
  'UTF-8 with BOM, semicolon': {
    encoded: (h, r, n) => csvFile(text(h, r, ';'), { name: n, bom: true }),
    format: 'csv',
    encoding: 'utf-8-bom',
  },
  'Windows-1252, semicolon (French Excel)': {
    encoded: (h, r, n) => bytesFile(iconv.encode(text(h, r, ';'), 'windows1252'), n),
    format: 'csv',
    encoding: 'windows-1252',
  },
  'UTF-16 LE, tab (Texte Unicode)': {
    encoded: (h, r, n) =>
      bytesFile(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text(h, r, '\t'), 'utf16le')]), n),
    format: 'csv',
    encoding: 'utf-16le',
  },
  'UTF-16 BE, tab': {
    encoded: (h, r, n) => bytesFile(utf16be(text(h, r, '\t')), n),
    format: 'csv',
    encoding: 'utf-16be',
  },
  'French headers in another order': {
    encoded: (h, r, n) => {
      const french: Record<string, string> = {
        partner_id: 'Partenaire',
        name: 'Nom',
        type: 'TYPE',
        operator_program: 'Programme opérateur',
        joined_on: "Date d'entrée",
        month: 'Mois',
        category: 'Catégorie',
        amount_eur: 'Montant (€)',
      };
      const order = [...h.keys()].reverse();
      return csvFile(
        text(
          order.map((i) => french[h[i]!]!),
          r.map((row) => order.map((i) => row[i]!)),
          ';',
        ),
        { name: n },
      );
    },
    format: 'csv',
    encoding: 'utf-8',
  },
  'xlsx with date and number cells': {
    encoded: (h, _r, n) => workbook(h === PARTNER_HEADER ? 'partners' : 'revenue', n),
    format: 'xlsx',
  },
};

describe.each(BACKENDS)('spreadsheets as they are saved, on %s', (backend) => {
  let t: DroppableTestDatabase;
  useTestDatabase(backend, (db) => (t = db));

  const run = (kind: ImportKind, file: string): Promise<ImportReport> => importFile(t.db, kind, file);
  const countRows = (table: PgTable) => countTableRows(t.db, table);

  it.each(Object.entries(VARIANTS))('%s imports the same rows', async (name, variant) => {
    const ext = variant.format === 'xlsx' ? 'xlsx' : 'csv';
    const partnerReport = await run(
      'partners',
      await variant.encoded(PARTNER_HEADER, PARTNER_ROWS, `partners-${name.length}.${ext}`),
    );
    const revenueReport = await run(
      'revenue',
      await variant.encoded(REVENUE_HEADER, REVENUE_ROWS, `revenue-${name.length}.${ext}`),
    );
    for (const report of [partnerReport, revenueReport]) {
      expect(report.format).toBe(variant.format);
      expect(report.encoding).toBe(variant.encoding);
      expect(report.ignoredColumns).toEqual([]);
    }
    if (variant.format === 'xlsx') expect(revenueReport.sheet).toBe('Données');
    expect([revenueReport.rows, revenueReport.inserted]).toEqual([3, 3]);

    const partnerRows = await t.db.select().from(partners).orderBy(asc(partners.id));
    expect(partnerRows.map((p) => [p.id, p.name, p.type, p.operatorProgram, p.joinedOn])).toEqual([
      ['acme', 'Acmé Télécom', 'operator', 'standard', '2025-02-01'],
      ['reseaux', '« Réseaux » Sud', 'ambassador', null, '2025-01-15'],
    ]);
    const revenue = await t.db
      .select()
      .from(revenueLines)
      .orderBy(asc(revenueLines.partnerId), asc(revenueLines.category));
    expect(revenue.map((r) => [r.partnerId, r.month, r.category, Number(r.amountCents)])).toEqual([
      ['acme', '2026-02-01', 'minutes', 8990],
      ['acme', '2026-02-01', 'one_off', 35000],
      ['reseaux', '2026-01-01', 'recurring', 123456],
    ]);
  });

  it('rejects a Windows-1252 file with one bad row whole, writing nothing', async () => {
    await run('partners', VARIANTS['UTF-8, comma']!.encoded(PARTNER_HEADER, PARTNER_ROWS, 'p.csv') as string);
    const before = await countRows(auditLog);
    const bad = [...REVENUE_ROWS, ['reseaux', '13/2026', 'recurring', '1 000 €']];
    const file = bytesFile(iconv.encode(text(REVENUE_HEADER, bad, ';'), 'windows1252'), 'bad.csv');
    const err = await run('revenue', file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    expect(inWords((err as ImportRejected).issues)).toEqual([
      { line: 5, column: 'month', message: expect.stringMatching(/^"13\/2026" is not a month/) },
    ]);
    expect(await countRows(revenueLines)).toBe(0);
    expect(await countRows(auditLog)).toBe(before);
  });

  it('rejects an xlsx with an unknown category whole, writing nothing, and names a missing column', async () => {
    await run('partners', await workbook('partners', 'partners-bad.xlsx'));
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Revenue');
    sheet.addRow(['partner_id', 'month', 'category', 'amount_eur']);
    sheet.addRow(['acme', '2026-02', 'recurring', 10]);
    sheet.addRow(['acme', '2026-02', 'hardware', 10]);
    const path = join(csvFile('', { name: 'x.txt' }), '..', 'revenue-bad.xlsx');
    await book.xlsx.writeFile(path);
    const err = (await run('revenue', path).catch((e: unknown) => e)) as ImportRejected;
    expect(err).toBeInstanceOf(ImportRejected);
    expect(err.issues.map((i) => `${i.line}/${i.column}`)).toEqual(['3/category']);
    expect(await countRows(revenueLines)).toBe(0);

    const missing = csvFile('partenaire;mois;montant;remarque\nacme;2026-02;10;x\n', { name: 'missing.csv' });
    const refused = (await run('revenue', missing).catch((e: unknown) => e)) as ImportRejected;
    expect(inWords(refused.issues)).toEqual([
      {
        line: 1,
        column: 'category',
        message:
          'required column (or categorie) missing (found: partenaire, mois, montant, remarque; separator ";"; not recognised: remarque)',
      },
    ]);
  });

  it('reads the sheet --sheet names (any case), and names the sheets when none matches', async () => {
    await run('partners', await workbook('partners', 'partners-sheets.xlsx'));
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Notes').addRow(['nothing', 'to', 'import']);
    const revenue = book.addWorksheet('Revenus');
    revenue.addRow(['partenaire', 'mois', 'categorie', 'montant']);
    revenue.addRow(['acme', '2026-02', 'recurring', 12.5]);
    const path = join(csvFile('', { name: 'y.txt' }), '..', 'two-sheets.xlsx');
    await book.xlsx.writeFile(path);
    const report = await importFile(t.db, 'revenue', path, { sheet: 'REVENUS' });
    expect([report.sheet, report.inserted]).toEqual(['Revenus', 1]);
    const first = (await run('revenue', path).catch((e: unknown) => e)) as ImportRejected;
    expect(first.issues[0]!.column).toBe('partner_id');
    const none = (await importFile(t.db, 'revenue', path, { sheet: 'Ventes' }).catch(
      (e: unknown) => e,
    )) as ImportRejected;
    expect(inWords(none.issues)).toEqual([
      { message: 'no worksheet named "Ventes" (the workbook has: Notes, Revenus)' },
    ]);
    const text = csvFile('partner_id,month,category,amount_eur\n', { name: 'plain.csv' });
    const notBook = (await importFile(t.db, 'revenue', text, { sheet: 'x' }).catch(
      (e: unknown) => e,
    )) as ImportRejected;
    expect(inWords(notBook.issues)[0]!.message).toMatch(
      /^a worksheet can only be chosen in an .xlsx workbook/,
    );
  });
});
