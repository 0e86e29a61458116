import { beforeEach, describe, expect, it } from 'vitest';
import { type DroppableTestDatabase, useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { csvFile, importCli } from './support.js';

describe.each(BACKENDS)('partner-bot import on %s', (backend) => {
  let t: DroppableTestDatabase;
  let out: string[];
  useTestDatabase(backend, (db) => (t = db));
  beforeEach(() => {
    out = [];
  });

  const cli = (...args: string[]) => importCli(t.db, out)(...args);

  const partnersFile = () =>
    csvFile(
      [
        'partner_id,name,type,operator_program,slack_channel_id,manager_slack_user_id,joined_on,tier',
        'acme,Acme,ambassador,,,,2025-01-01,',
        'beta,Beta,operator,standard,,,2025-01-01,',
      ],
      { name: 'partners.csv' },
    );

  it('imports and says what changed', async () => {
    expect(await cli('partners', partnersFile())).toBe(0);
    expect(out).toEqual([
      'Imported partners from partners.csv (CSV, UTF-8, comma): 2 rows; 2 added, 0 changed, 0 unchanged.',
    ]);
  });

  it('shows a dry run with what this file changes: its rows, and the tiers of the partners it touches', async () => {
    await cli('partners', partnersFile());
    out = [];
    const lines = [
      'partner_id,month,category,amount_eur',
      ...['01', '02', '03'].map((m) => `acme,2026-${m},recurring,2000`),
    ];
    expect(await cli('revenue', csvFile(lines, { name: 'revenue.csv' }), '--dry-run')).toBe(0);
    expect(out).toEqual([
      'Dry run of revenue from revenue.csv (CSV, UTF-8, comma): 3 rows; this file would add 3, change 0, leave 0 unchanged.',
      'Tiers at the next evaluation (2026-07-01) of the 1 partner this file touches, before -> after it (months not recorded yet count as 0): 1 would differ.',
      '  Acme (acme): starter -> business',
      'Nothing was written (dry run).',
    ]);
  });

  it('lists at most 50 errors, then how many more, and exits 1', async () => {
    const lines = ['slack_user_id,name,role', ...Array.from({ length: 60 }, (_, i) => `U0${i},Name,boss`)];
    expect(await cli('staff', csvFile(lines, { name: 'staff.csv' }))).toBe(1);
    expect(out[0]).toBe('staff.csv was rejected: 60 errors. Nothing was imported.');
    expect(out[1]).toBe('  line 2, role: unknown role "boss" (one of admin, manager)');
    expect(out).toHaveLength(1 + 50 + 1);
    expect(out.at(-1)).toBe('  ... and 10 more');
  });

  it('words the problems and notes in LOCALE: French when it is fr, the rest of its output as in English', async () => {
    const french = (...args: string[]) => importCli(t.db, out, 'fr')(...args);
    const lines = ['slack_user_id,name,role', 'U01,Name,boss', 'U02,,admin'];
    expect(await french('staff', csvFile(lines, { name: 'staff.csv' }))).toBe(1);
    expect(out).toEqual([
      'staff.csv was rejected: 2 errors. Nothing was imported.',
      '  ligne 2, role\u202f: rôle inconnu «\u00a0boss\u00a0» (parmi admin, manager)',
      '  ligne 3, name\u202f: obligatoire',
    ]);
    out = [];
    expect(await french('partners', partnersFile())).toBe(0);
    out = [];
    const revenue = ['partner_id,month,category,amount_eur', 'acme,2024-01,recurring,10'];
    expect(await french('revenue', csvFile(revenue, { name: 'early.csv' }), '--dry-run')).toBe(0);
    expect(out).toContain(
      'Note: 1\u00a0ligne porte sur un mois antérieur à l’entrée du partenaire\u202f: enregistrée, mais jamais comptée pour le statut (acme)',
    );
  });

  it('explains a file it cannot read', async () => {
    expect(await cli('staff', '/nonexistent/staff.csv')).toBe(1);
    expect(out).toEqual([
      'staff.csv was rejected: 1 error. Nothing was imported.',
      '  cannot read the file: no such file',
    ]);
  });

  it.each([
    [[], /kind of data and the file are both required/],
    [['revenue'], /kind of data and the file are both required/],
    [['money', 'x.csv'], /Unknown kind "money"/],
    [['revenue', 'a.csv', 'b.csv'], /Unexpected argument: b.csv/],
    [['revenue', 'a.csv', '--force'], /Unknown option '--force'/],
  ])('answers %j with the usage and exit code 2', async (args, problem) => {
    expect(await cli(...args)).toBe(2);
    expect(out[0]).toMatch(problem);
    expect(out[1]).toMatch(
      /^Usage: partner-bot import <partners\|contacts\|staff\|revenue\|trainings\|checklist|objectives> <file.csv\|file.xlsx> \[--sheet name\] \[--dry-run\]$/,
    );
    expect(out.join('\n')).toContain('revenue    partner_id,month,category,amount_eur');
  });

  it('prints help', async () => {
    expect(await cli('--help')).toBe(0);
    expect(out[0]).toMatch(/^Usage: /);
  });
});
