import type { Locale } from '../program/locales.js';
import { COLUMN_NAMES } from './header.js';
import type { ImportKind } from './kinds/kind.js';

/**
 * One example row per kind: the cells every locale writes alike, and those an English or a French
 * spreadsheet writes its own way (dates, amounts, yes/no, quarters). They match the demo data (acme,
 * U0ACME0ADM…) so that a template filled as it is imports on top of it.
 */
const EXAMPLES: Record<
  ImportKind,
  { row: Record<string, string>; as: Record<Locale, Record<string, string>> }
> = {
  partners: {
    row: {
      partner_id: 'loire-telecom',
      name: 'Loire Télécom',
      type: 'ambassador',
      operator_program: '',
      slack_channel_id: 'C0LOIRE',
      manager_slack_user_id: 'U0MANAGER1',
      tier: 'starter',
      left_on: '',
    },
    as: { en: { joined_on: '2026-01-15' }, fr: { joined_on: '15/01/2026' } },
  },
  contacts: {
    row: {
      partner_id: 'acme',
      slack_user_id: 'U0ACMENEW1',
      name: 'Sacha Bernard',
      email: 'sacha@acme.example',
      profile: 'sales',
    },
    as: { en: { referent: 'no' }, fr: { referent: 'non' } },
  },
  staff: {
    row: { slack_user_id: 'U0MANAGER3', name: 'Paul Girard', role: 'manager' },
    as: { en: {}, fr: {} },
  },
  revenue: {
    row: { partner_id: 'acme', category: 'recurring' },
    as: {
      en: { month: '2026-02', amount_eur: '1234.56' },
      fr: { month: 'févr. 2026', amount_eur: '1 234,56 €' },
    },
  },
  trainings: {
    row: { partner_id: 'acme', slack_user_id: 'U0ACME0ADM', training: 'trn-online-admin' },
    as: { en: { completed_on: '2026-02-10' }, fr: { completed_on: '10/02/2026' } },
  },
  checklist: {
    row: { partner_id: 'acme', item: 'doc-development-plan' },
    as: { en: { completed_on: '2026-02-20' }, fr: { completed_on: '20/02/2026' } },
  },
  objectives: {
    row: { partner_id: 'acme', forecast_eur: '', forecast_on: '' },
    as: {
      en: { quarter: '2026-Q3', objective_eur: '1500' },
      fr: { quarter: '2026-T3', objective_eur: '1 500' },
    },
  },
};

function csvCell(value: string, separator: string): string {
  return /["\r\n]/.test(value) || value.includes(separator) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A file to fill in: the header and one example row. English: comma-separated, column ids; French:
 * semicolon-separated (what French Excel opens), French headers, French dates and amounts.
 */
export function importTemplate(kind: ImportKind, header: readonly string[], locale: Locale): string {
  const separator = locale === 'fr' ? ';' : ',';
  const names = header.map((column) => (locale === 'fr' ? (COLUMN_NAMES[column]?.fr ?? column) : column));
  const example = { ...EXAMPLES[kind].row, ...EXAMPLES[kind].as[locale] };
  const row = header.map((column) => csvCell(example[column] ?? '', separator));
  return `${names.join(separator)}\n${row.join(separator)}\n`;
}
