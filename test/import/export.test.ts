import { writeFileSync } from 'node:fs';
import ExcelJS from '@protobi/exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories/index.js';
import { type ExportFormat, writeTable } from '../../src/export/write-table.js';
import { type ExportCell, exportTable } from '../../src/services/export.service.js';
import { recordOperatorFees } from '../../src/services/operator-fees.service.js';
import { loadPartnerStatus } from '../../src/services/partner-status.service.js';
import { type DroppableTestDatabase, useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { seedDemoAsOf } from '../support/demo.js';
import { givenStaff } from '../support/rows.js';
import { catalog, csvFile, importFile, TODAY } from './support.js';

/** The demo's E-shop managé operator (2 % to 4 %). */
const ESHOP_MANAGED = 'euro-trunk';

const HOSTILE = '=HYPERLINK("http://evil.example","click")';

describe.each(BACKENDS)('exports on %s', (backend) => {
  let t: DroppableTestDatabase;
  useTestDatabase(backend, (db) => (t = db));
  beforeEach(() => seedDemoAsOf(t.db, TODAY));

  const exported = async (
    kind: 'portfolio' | 'revenue' | 'devoirs' | 'history',
    format: ExportFormat,
    locale: 'fr' | 'en' = 'fr',
  ) => {
    const table = await exportTable(t.db, catalog, kind, { scope: { all: true }, today: TODAY, locale });
    const path = csvFile('', { name: `${kind}-${locale}.${format}` });
    writeFileSync(path, await writeTable(table, format, locale));
    return { table, path };
  };

  it('writes CSV for French Excel: BOM, semicolons, decimal comma, French headers', async () => {
    const { path, table } = await exported('revenue', 'csv');
    const text = (await import('node:fs')).readFileSync(path, 'utf8');
    expect(text.startsWith('\uFEFFpartenaire;mois;categorie;montant\r\n')).toBe(true);
    const first = table.rows[0]!;
    const cents = (first[3] as { cents: number }).cents;
    expect(text.split('\r\n')[1]).toBe(
      `${first[0]};${first[1]};${first[2]};${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`,
    );
  });

  it.each([
    ['portfolio', 'partners', 'csv'],
    ['portfolio', 'partners', 'xlsx'],
    ['revenue', 'revenue', 'csv'],
    ['revenue', 'revenue', 'xlsx'],
  ] as const)('the %s export re-imports as %s (%s), changing nothing', async (kind, importKind, format) => {
    const { path, table } = await exported(kind, format);
    expect(table.rows.length).toBeGreaterThan(5);
    const report = await importFile(t.db, importKind, path);
    expect([report.rows, report.inserted, report.updated, report.unchanged]).toEqual([
      table.rows.length,
      0,
      0,
      table.rows.length,
    ]);
  });

  it('the portfolio gives each operator’s fees on record: opening fee paid on, retrocession agreed', async () => {
    await givenStaff(t.db, 'U0FEES', 'manager', 'Fee Manager');
    const fees = (partnerId: string, paidOn: string | undefined, rate: string | undefined) =>
      recordOperatorFees(
        t.db,
        catalog,
        { by: 'U0FEES', partnerId, paidOn, rate, now: new Date(`${TODAY}T10:00:00Z`) },
        TODAY,
      );
    expect((await fees('acme', '2026-01-15', '2')).ok).toBe(true);
    expect((await fees(ESHOP_MANAGED, undefined, '3,5 %')).ok).toBe(true);

    const { table, path } = await exported('portfolio', 'csv');
    expect(table.columns.slice(-2)).toEqual(['opening_fee_paid_on', 'retrocession_percent']);
    const text = (await import('node:fs')).readFileSync(path, 'utf8');
    const lines = text.split('\r\n');
    expect(lines[0]).toMatch(/;langue;frais_ouverture_payes_le;retrocession_pourcent$/);
    expect(lines.find((l) => l.startsWith('acme;'))).toMatch(/;2026-01-15;2$/);
    expect(lines.find((l) => l.startsWith(`${ESHOP_MANAGED};`))).toMatch(/;;3,5$/);
    // An ambassador, and an operator with nothing recorded, have both cells empty.
    expect(lines.find((l) => l.startsWith('alpes-voip;'))).toMatch(/;;$/);
    expect(lines.find((l) => l.startsWith('cloudcall;'))).toMatch(/;;$/);

    const xlsx = await exported('portfolio', 'xlsx', 'en');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.path);
    const sheet = book.worksheets[0]!;
    const header = sheet.getRow(1).values as unknown[];
    const rateColumn = header.indexOf('retrocession_percent');
    const paidColumn = header.indexOf('opening_fee_paid_on');
    const rows = new Map<unknown, unknown[]>();
    sheet.eachRow((row) => rows.set(row.getCell(1).value, row.values as unknown[]));
    expect(rows.get(ESHOP_MANAGED)![rateColumn]).toBe(3.5);
    expect(rows.get('acme')![paidColumn]).toEqual(new Date('2026-01-15T00:00:00Z'));

    // The import does not know these columns: the export still re-imports, changing nothing.
    const report = await importFile(t.db, 'partners', path);
    expect([report.inserted, report.updated]).toEqual([0, 0]);
  });

  it('neutralises a hostile cell in CSV and xlsx, and it re-imports as it was', async () => {
    await importFile(
      t.db,
      'partners',
      csvFile([
        'partner_id;name;type;joined_on',
        `evil;"${HOSTILE.replace(/"/g, '""')}";ambassador;2026-01-01`,
      ]),
    );
    const csv = await exported('portfolio', 'csv', 'en');
    const text = (await import('node:fs')).readFileSync(csv.path, 'utf8');
    const line = text.split('\r\n').find((l) => l.startsWith('evil;'))!;
    expect(line.split(';')[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""click"")"`);

    const xlsx = await exported('portfolio', 'xlsx', 'en');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx.path);
    const cells: unknown[] = [];
    book.worksheets[0]!.eachRow((row) => {
      if (row.getCell(1).value === 'evil') cells.push(row.getCell(2).value);
    });
    expect(cells).toEqual([`'${HOSTILE}`]);

    for (const { path } of [csv, xlsx]) {
      const report = await importFile(t.db, 'partners', path);
      expect(report.updated).toBe(0);
    }
  });

  it("lists each partner's devoirs as its status card does, the plan reviews recorded included", async () => {
    const repos = createRepositories(t.db);
    const devoirs = () =>
      exportTable(t.db, catalog, 'devoirs', { scope: { all: true }, today: TODAY, locale: 'en' });
    // A review of the plan owed for the quarter of TODAY (due on its last day), by some partner.
    const planReview = (rows: ExportCell[][], partnerId?: unknown) =>
      rows.find(
        (r) =>
          (partnerId === undefined || r[0] === partnerId) &&
          r[1] === 'sales-plan-review' &&
          (r[4] as { date: string }).date === '2026-03-31',
      );
    const partnerId = planReview((await devoirs()).rows)?.[0] as string;
    expect(partnerId).toBeTruthy();

    await repos.planReviews.add({
      partnerId,
      reviewedOn: '2026-02-10',
      note: 'Q1',
      reviewedBy: 'U0MANAGER1',
    });
    const { rows } = await devoirs();
    expect(planReview(rows, partnerId)).toBeUndefined();
    for (const { id } of await repos.partners.byManager(undefined)) {
      const card = (await loadPartnerStatus(repos.partners, catalog, id, TODAY))!;
      expect(rows.filter((r) => r[0] === id).map((r) => [r[1], r[3], r[4]])).toEqual(
        card.obligations
          .filter((o) => o.status !== 'done')
          .map((o) => [o.obligation.code, o.status, o.dueOn ? { date: o.dueOn } : null]),
      );
    }
  });

  it('exports the outstanding devoirs and the tier history', async () => {
    const devoirs = await exportTable(t.db, catalog, 'devoirs', {
      scope: { all: true },
      today: TODAY,
      locale: 'fr',
    });
    expect(devoirs.rows.length).toBeGreaterThan(0);
    expect(devoirs.rows.every((r) => r[3] !== 'done')).toBe(true);
    const history = await exportTable(t.db, catalog, 'history', {
      scope: { all: true },
      today: TODAY,
      locale: 'fr',
    });
    expect(history.rows.map((r) => r[0])).toContain('acme');
    const mine = await exportTable(t.db, catalog, 'portfolio', {
      scope: { managerSlackUserId: 'U0MANAGER2' },
      today: TODAY,
      locale: 'fr',
    });
    expect(mine.rows.map((r) => r[0])).toEqual([
      'fibre-ouest',
      'garonne-it',
      'hexa-phone',
      'iris-telecom',
      'kappa-solutions',
    ]);
  });
});
