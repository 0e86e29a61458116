import { describe, expect, it } from 'vitest';
import {
  describeNote,
  describeProblem,
  type ImportNote,
  type ImportProblem,
  type ImportProblemCode,
  importIssueMessages,
  importNoteMessages,
} from '../../src/i18n/import-issues.js';
import { formatIssue, ImportRejected } from '../../src/import/issues.js';
import { LOCALES } from '../../src/program/locales.js';
import { englishTypographyIssues, frenchTypographyIssues } from '../support/typography.js';

/** One problem of each code (a code missing here fails the typecheck), with values from a file. */
const SAMPLES: { [C in ImportProblemCode]: Extract<ImportProblem, { code: C }> } = {
  'cell.required': { code: 'cell.required' },
  'cell.too-long': { code: 'cell.too-long', max: 200 },
  'amount.required': { code: 'amount.required' },
  'amount.negative': { code: 'amount.negative', value: '-12' },
  'amount.invalid': { code: 'amount.invalid', value: 'lots' },
  'amount.malformed': { code: 'amount.malformed', value: '12,' },
  'amount.mixed-separators': { code: 'amount.mixed-separators', value: '1 234.567,00' },
  'amount.thousands': { code: 'amount.thousands', value: '1 23,00' },
  'amount.decimals': { code: 'amount.decimals', value: '1.234' },
  'amount.too-large': { code: 'amount.too-large', value: '99999999999999999999' },
  'date.required': { code: 'date.required' },
  'date.invalid': { code: 'date.invalid', value: '31/02/2026' },
  'date.future': { code: 'date.future', date: '2027-01-01', today: '2026-03-15' },
  'month.required': { code: 'month.required' },
  'month.invalid': { code: 'month.invalid', value: '13/2026' },
  'month.future': { code: 'month.future', value: '2027-01' },
  'quarter.invalid': { code: 'quarter.invalid', value: '2026-Q5' },
  'boolean.invalid': { code: 'boolean.invalid', value: 'maybe' },
  'code.required': { code: 'code.required', subject: 'tier', codes: ['starter', 'business'] },
  'code.unknown': { code: 'code.unknown', subject: 'revenue-category', value: 'hardware' },
  'partner-id.invalid': { code: 'partner-id.invalid', value: 'ac me' },
  'slack-id.invalid': {
    code: 'slack-id.invalid',
    subject: 'channel',
    value: 'general',
    example: 'C0123ABCD',
  },
  'email.invalid': { code: 'email.invalid', value: 'nobody' },
  'contact.unreachable': { code: 'contact.unreachable' },
  'contact.unnamed': { code: 'contact.unnamed' },
  'profile.required': { code: 'profile.required', profiles: ['admin', 'sales', 'technical'] },
  'profile.empty': { code: 'profile.empty', value: 'admin++sales' },
  'profile.unknown': { code: 'profile.unknown', value: 'boss', profiles: ['admin', 'sales', 'technical'] },
  'profile.twice': { code: 'profile.twice', profile: 'sales', value: 'sales+Sales' },
  'referent.invalid': { code: 'referent.invalid', value: 'perhaps' },
  'referent.not-held': { code: 'referent.not-held', profiles: ['technical'], held: ['admin', 'sales'] },
  'objective.amount-required': { code: 'objective.amount-required' },
  'forecast-on.without-forecast': { code: 'forecast-on.without-forecast' },
  'operator-program.required': { code: 'operator-program.required', programs: ['standard', 'premium'] },
  'operator-program.ambassador': { code: 'operator-program.ambassador', value: 'standard' },
  'left-on.before-joined': { code: 'left-on.before-joined', leftOn: '2025-01-01', joinedOn: '2026-01-15' },
  'line.fields': { code: 'line.fields', count: 5, width: 4 },
  'line.cells': { code: 'line.cells', count: 5, width: 4 },
  'line.not-utf8': { code: 'line.not-utf8' },
  'line.not-text': { code: 'line.not-text', encoding: 'UTF-16 LE' },
  'line.nul': { code: 'line.nul' },
  'line.cell-errors': {
    code: 'line.cell-errors',
    cells: [
      { address: 'B3', error: '#DIV/0!' },
      { address: 'C3', error: '#REF!' },
    ],
  },
  'csv.quote-not-closed': { code: 'csv.quote-not-closed' },
  'csv.closing-quote': { code: 'csv.closing-quote' },
  'csv.too-long': { code: 'csv.too-long' },
  'csv.unreadable': { code: 'csv.unreadable', reason: 'Invalid Record Length' },
  'file.unreadable': { code: 'file.unreadable', failure: 'missing', reason: 'ENOENT' },
  'file.not-workbook': { code: 'file.not-workbook', reason: 'end of central directory not found' },
  'file.sheet-of-text': { code: 'file.sheet-of-text' },
  'workbook.no-sheet': { code: 'workbook.no-sheet' },
  'workbook.sheet-missing': { code: 'workbook.sheet-missing', sheet: 'Ventes', sheets: ['Notes', 'Revenus'] },
  'workbook.sheet-empty': {
    code: 'workbook.sheet-empty',
    sheet: 'Revenus',
    columns: ['partner_id', 'month'],
  },
  'header.missing': { code: 'header.missing', columns: ['partner_id', 'month'] },
  'header.unreadable': { code: 'header.unreadable' },
  'header.twice': { code: 'header.twice' },
  'header.column-missing': {
    code: 'header.column-missing',
    french: 'categorie',
    found: ['partenaire', 'mois', 'remarque'],
    separator: ';',
    unknown: ['remarque'],
  },
  'key.duplicate': { code: 'key.duplicate', key: ['partner_id', 'month'], firstLine: 2 },
  'partner.unknown': { code: 'partner.unknown', partner: 'nobody' },
  'channel.twice': { code: 'channel.twice', channel: 'C9', firstLine: 2 },
  'channel.taken': { code: 'channel.taken', channel: 'C2', partner: 'beta' },
  'contact.taken': { code: 'contact.taken', user: 'U1', partner: 'acme' },
  'contact.email-taken': { code: 'contact.email-taken', email: 'al@acme.example', partner: 'acme' },
  'referent.several': { code: 'referent.several', partner: 'acme', profile: 'sales', users: 'U2, U5' },
  'contact.unknown': { code: 'contact.unknown', email: 'al@acme.example', partner: 'acme' },
  'contact.email-ambiguous': { code: 'contact.email-ambiguous', partner: 'acme', email: 'al@acme.example' },
  'contact.other-partner': {
    code: 'contact.other-partner',
    user: 'U1',
    partner: 'acme',
    filePartner: 'beta',
  },
  conflict: { code: 'conflict', detail: 'Key (id)=(acme) already exists.' },
};

const NOTES: ImportNote[] = [
  {
    code: 'tiers-ignored',
    total: 3,
    rows: [{ partnerId: 'acme', line: 2, fileTier: 'premium', tier: 'starter' }],
  },
  {
    code: 'tiers-ignored',
    total: 1,
    rows: [{ partnerId: 'acme', line: 2, fileTier: 'premium', tier: 'starter' }],
  },
  { code: 'managers-not-staff', managers: ['U0MGR1', 'U0MGR2'] },
  { code: 'revenue-before-joining', lines: 2, partnerIds: ['gamma'] },
  { code: 'revenue-before-joining', lines: 1, partnerIds: ['gamma'] },
];

/** What a sample puts in the text from the file (left out of the typography check, like a user's words). */
function valuesOf(sample: object): string[] {
  return Object.values(sample).flatMap((v) =>
    typeof v === 'string'
      ? [v]
      : Array.isArray(v)
        ? v.flatMap((x) => (typeof x === 'object' ? valuesOf(x) : [String(x)]))
        : [],
  );
}

const samples = Object.values(SAMPLES) as ImportProblem[];

describe('import problems in words', () => {
  it('word every code in every locale, the same codes in each', () => {
    const codes = Object.keys(SAMPLES).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(importIssueMessages[locale]).sort()).toEqual(codes);
      expect(Object.keys(importNoteMessages[locale]).sort()).toEqual([
        'managers-not-staff',
        'revenue-before-joining',
        'tiers-ignored',
      ]);
      for (const sample of samples) expect(describeProblem(sample, locale).trim()).not.toBe('');
    }
  });

  it.each(samples.map((s) => [s.code, s] as const))(
    '%s: French is French, with its typography',
    (_, sample) => {
      const fr = describeProblem(sample, 'fr');
      const en = describeProblem(sample, 'en');
      expect(fr).not.toBe(en);
      const ignore = valuesOf(sample).filter((v) => v.length > 1);
      expect(frenchTypographyIssues(fr, { ignore })).toEqual([]);
      expect(englishTypographyIssues(en, { ignore })).toEqual([]);
      const prose = ignore.reduce((text, value) => text.split(value).join(' '), fr);
      expect(prose).not.toMatch(/\b(is|the|not|line|tier|revenue)\b/);
    },
  );

  it('quote a value « like this » in French and "like this" in English, shortened and escaped', () => {
    const value = `ab"c\n${'x'.repeat(50)}`;
    const problem: ImportProblem = { code: 'amount.invalid', value };
    expect(describeProblem(problem, 'en')).toMatch(/^"ab\\"c\\nx{32}\.\.\." is not an amount/);
    expect(describeProblem(problem, 'fr')).toMatch(/^«\u00a0ab"c\\nx{32}\.\.\.\u00a0» n’est pas un montant/);
  });

  it('word the notes in both locales, with real plurals and French typography', () => {
    for (const note of NOTES) {
      const fr = describeNote(note, 'fr');
      expect(fr).not.toBe(describeNote(note, 'en'));
      expect(frenchTypographyIssues(fr, { ignore: valuesOf(note).filter((v) => v.length > 1) })).toEqual([]);
    }
    expect(describeNote(NOTES[0]!, 'fr')).toContain('pour 3\u00a0partenaires existants');
    expect(describeNote(NOTES[0]!, 'fr')).toContain('et 2 de plus');
    expect(describeNote(NOTES[1]!, 'fr')).toContain('pour 1\u00a0partenaire existant (');
    expect(describeNote(NOTES[4]!, 'fr')).toMatch(
      /^1\u00a0ligne porte .* enregistrée, mais jamais comptée pour/,
    );
  });

  it('say where, then what: "line 7, amount_eur: …" / « ligne 7, amount_eur : … »', () => {
    const issue = { line: 7, column: 'amount_eur', problem: SAMPLES['amount.invalid'] };
    expect(formatIssue(issue, 'en')).toBe(
      'line 7, amount_eur: "lots" is not an amount (expected e.g. 1234,56 or 1 234.56)',
    );
    expect(formatIssue(issue, 'fr')).toBe(
      'ligne 7, amount_eur\u202f: «\u00a0lots\u00a0» n’est pas un montant (par ex. 1234,56 ou 1\u00a0234,56)',
    );
    expect(formatIssue({ problem: SAMPLES['workbook.no-sheet'] }, 'fr')).toBe(
      'le classeur n’a aucune feuille',
    );
  });

  it('keep the log in English: ImportRejected says what in English', () => {
    const err = new ImportRejected('ca.csv', [
      { line: 3, column: 'partner_id', problem: SAMPLES['partner.unknown'] },
    ]);
    expect(err.message).toBe(
      'ca.csv was rejected, nothing was imported: 1 error (first: line 3, partner_id: unknown partner nobody)',
    );
  });
});
