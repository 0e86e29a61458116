import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../src/i18n/import-issues.js';
import { detectDelimiter, normalizeHeader } from '../../src/import/csv-source.js';
import {
  parseAmountCents,
  parseBoolean,
  parseCode,
  parseIsoDate,
  parseMonth,
} from '../../src/import/values.js';
import { searchKey } from '../../src/program/text.js';

describe('parseAmountCents', () => {
  it.each([
    ['1234.56', 123456],
    ['1234,56', 123456],
    ['1 234,56', 123456],
    ['1\u00a0234,56 €', 123456],
    ['1\u202f234,56\u00a0€', 123456],
    ['1234,56 €', 123456],
    ['€1234.56', 123456],
    ['EUR 12', 1200],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1 234 567,89', 123456789],
    ['12,5', 1250],
    ['0', 0],
    ['0,00', 0],
    ['+3', 300],
    [' 42 ', 4200],
    [',50', 50],
  ])('reads %j as %i cents', (input, cents) => {
    expect(parseAmountCents(input)).toEqual({ ok: true, value: cents });
  });

  it.each([
    ['', /required/],
    ['abc', /not an amount/],
    ['12abc', /not an amount/],
    ['-12', /negative/],
    ['\u221212,00', /negative/],
    ['(12,00)', /negative/],
    ['12-', /negative/],
    ['1.234', /more than 2 decimals/],
    ['12,345', /more than 2 decimals/],
    ['1e5', /not an amount/],
    ['12,', /not an amount/],
    ['1 23,00', /groups of 3/],
    ['1.234.5', /groups of 3|mixed|not an amount/],
    ['1 234.567,00', /mixed/],
    ['1,234,56', /groups of 3|mixed|not an amount/],
  ])('refuses %j', (input, message) => {
    const result = parseAmountCents(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(describeProblem(result.error, 'en')).toMatch(message);
  });
});

describe('parseIsoDate', () => {
  it.each([
    ['2024-02-29', { ok: true, value: '2024-02-29' }],
    [' 2024-12-31 ', { ok: true, value: '2024-12-31' }],
    ['31/12/2024', { ok: true, value: '2024-12-31' }],
    ['31.12.2024', { ok: true, value: '2024-12-31' }],
    ['1/2/2024', { ok: true, value: '2024-02-01' }],
  ])('reads %j', (input, expected) => expect(parseIsoDate(input)).toEqual(expected));
  it.each([
    '',
    '2023-02-29',
    '2024-2-1',
    '12/31/2024',
    '31/02/2024',
    '31-12-2024',
    '2024-12-31T10:00',
    'tomorrow',
  ])('refuses %j', (input) => expect(parseIsoDate(input).ok).toBe(false));
});

describe('parseMonth', () => {
  it.each([
    ['2024-03', '2024-03-01'],
    ['2024-12', '2024-12-01'],
    ['2024-03-01', '2024-03-01'],
    ['03/2024', '2024-03-01'],
    ['3.2024', '2024-03-01'],
    ['janv. 2024', '2024-01-01'],
    ['Février 2024', '2024-02-01'],
    ['AOÛT 2024', '2024-08-01'],
    ['déc. 2024', '2024-12-01'],
    ['Jan 2024', '2024-01-01'],
    ['September 2024', '2024-09-01'],
  ])('reads %j as %s', (input, month) => expect(parseMonth(input)).toEqual({ ok: true, value: month }));
  it.each(['', '2024-13', '2024-00', '2024-3', '2024-03-15', '13/2024', 'juin', 'Smarch 2024', '2024'])(
    'refuses %j',
    (input) => expect(parseMonth(input).ok).toBe(false),
  );
});

describe('parseBoolean', () => {
  it.each([
    ['yes', true],
    ['YES', true],
    ['oui', true],
    ['Oui', true],
    ['true', true],
    ['1', true],
    ['no', false],
    ['non', false],
    ['False', false],
    ['0', false],
    ['', false],
  ])('reads %j as %s', (input, value) => expect(parseBoolean(input)).toEqual({ ok: true, value }));
  it.each(['maybe', '2', 'si'])('refuses %j', (input) => expect(parseBoolean(input).ok).toBe(false));
});

describe('parseCode', () => {
  const codes = ['admin', 'sales', 'technical'] as const;
  it('matches case-insensitively', () =>
    expect(parseCode(' Sales ', codes, 'profile')).toEqual({ ok: true, value: 'sales' }));
  it('names the expected codes', () => {
    const result = parseCode('boss', codes, 'profile');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(describeProblem(result.error, 'en')).toBe(
        'unknown profile "boss" (one of admin, sales, technical)',
      );
  });
});

describe('searchKey', () => {
  it.each([
    ['Société Générale', 'societe generale'],
    ['  ÉLAN   Télécom ', 'elan telecom'],
    ['Cœur de Réseau', 'coeur de reseau'],
    ['ACME', 'acme'],
  ])('%j -> %j', (input, key) => expect(searchKey(input)).toBe(key));
});

describe('header line', () => {
  it.each([
    ['a,b,c', ','],
    ['a;b;c', ';'],
    ['a\tb\tc', '\t'],
    ['"x;y",b,c', ','],
    ['single', ','],
  ])('%j is separated by %j', (line, delimiter) => expect(detectDelimiter(line)).toBe(delimiter));
  it('normalises header cells', () => {
    expect(normalizeHeader('\uFEFF Partner ID ')).toBe('partner_id');
    expect(normalizeHeader('Amount-EUR')).toBe('amount_eur');
    expect(normalizeHeader('Catégorie')).toBe('categorie');
    expect(normalizeHeader('Date d’entrée')).toBe('date_d_entree');
    expect(normalizeHeader(' Montant (€) ')).toBe('montant');
  });
});
