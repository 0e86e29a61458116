import ExcelJS from '@protobi/exceljs';
import { COLUMN_NAMES } from '../import/header.js';
import { neutralise } from '../import/neutralise.js';
import type { Locale } from '../program/locales.js';
import type { ExportCell, ExportTable } from '../services/export.service.js';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

function headerOf(column: string, locale: Locale): string {
  return locale === 'fr' ? (COLUMN_NAMES[column]?.fr ?? column) : column;
}

/** Cents as French Excel reads a number: 1234,56 (decimal comma, no grouping, so it stays a number). */
function frenchAmount(cents: number): string {
  return `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

/** A rate as French Excel reads a number: 3,5 (hundredths of a percent: 350). */
function frenchRate(basisPoints: number): string {
  return String(basisPoints / 100).replace('.', ',');
}

function csvText(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return neutralise(cell);
  if ('cents' in cell) return frenchAmount(cell.cents);
  if ('basisPoints' in cell) return frenchRate(cell.basisPoints);
  return cell.date;
}

function quoteCsv(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV for French Excel: UTF-8 with a BOM (else Excel reads Windows-1252), `;` between cells, decimal
 * comma, CRLF; days as YYYY-MM-DD (Excel reads them as dates, the import too).
 */
export function tableToCsv(table: Pick<ExportTable, 'columns' | 'rows'>, locale: Locale): Buffer {
  const lines = [table.columns.map((c) => quoteCsv(headerOf(c, locale))).join(';')];
  for (const row of table.rows) lines.push(row.map((cell) => quoteCsv(csvText(cell))).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** An .xlsx workbook of one sheet: amounts as number cells, days as date cells, text neutralised. */
export async function tableToXlsx(table: ExportTable, locale: Locale): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(table.kind);
  sheet.addRow(table.columns.map((c) => headerOf(c, locale)));
  table.rows.forEach((row, i) => {
    const excelRow = sheet.getRow(i + 2);
    row.forEach((cell, j) => {
      const target = excelRow.getCell(j + 1);
      if (cell === null) return;
      if (typeof cell === 'string') target.value = neutralise(cell);
      else if ('cents' in cell) {
        target.value = cell.cents / 100;
        target.numFmt = '#,##0.00';
      } else if ('basisPoints' in cell) {
        target.value = cell.basisPoints / 100;
        target.numFmt = '0.0#';
      } else {
        const [y, m, d] = cell.date.split('-').map(Number);
        target.value = new Date(Date.UTC(y!, m! - 1, d!));
        target.numFmt = 'yyyy-mm-dd';
      }
    });
    excelRow.commit();
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function writeTable(table: ExportTable, format: ExportFormat, locale: Locale): Promise<Buffer> {
  return format === 'csv' ? tableToCsv(table, locale) : tableToXlsx(table, locale);
}
