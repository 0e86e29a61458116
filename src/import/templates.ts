import type { Locale } from '../program/locales.js';
import { COLUMN_NAMES } from './header.js';
import type { ImportKind } from './kinds/kind.js';

/**
 * One example row per kind, by column, as an English or a French spreadsheet writes it. They match
 * the demo data (acme, U0ACME0ADM…) so that a template filled as it is imports on top of it.
 */
const EXAMPLES: Record<ImportKind, Record<Locale, Record<string, string>>> = {
  partners: {
    en: {
      partner_id: 'loire-telecom',
      name: 'Loire Télécom',
      type: 'ambassador',
      operator_program: '',
      slack_channel_id: 'C0LOIRE',
      manager_slack_user_id: 'U0MANAGER1',
      joined_on: '2026-01-15',
      tier: 'starter',
      left_on: '',
    },
    fr: {
      partner_id: 'loire-telecom',
      name: 'Loire Télécom',
      type: 'ambassador',
      operator_program: '',
      slack_channel_id: 'C0LOIRE',
      manager_slack_user_id: 'U0MANAGER1',
      joined_on: '15/01/2026',
      tier: 'starter',
      left_on: '',
    },
  },
  contacts: {
    en: {
      partner_id: 'acme',
      slack_user_id: 'U0ACMENEW1',
      name: 'Sacha Bernard',
      email: 'sacha@acme.example',
      profile: 'sales',
      referent: 'no',
    },
    fr: {
      partner_id: 'acme',
      slack_user_id: 'U0ACMENEW1',
      name: 'Sacha Bernard',
      email: 'sacha@acme.example',
      profile: 'sales',
      referent: 'non',
    },
  },
  staff: {
    en: { slack_user_id: 'U0MANAGER3', name: 'Paul Girard', role: 'manager' },
    fr: { slack_user_id: 'U0MANAGER3', name: 'Paul Girard', role: 'manager' },
  },
  revenue: {
    en: { partner_id: 'acme', month: '2026-02', category: 'recurring', amount_eur: '1234.56' },
    fr: { partner_id: 'acme', month: 'févr. 2026', category: 'recurring', amount_eur: '1 234,56 €' },
  },
  trainings: {
    en: {
      partner_id: 'acme',
      slack_user_id: 'U0ACME0ADM',
      training: 'trn-online-admin',
      completed_on: '2026-02-10',
    },
    fr: {
      partner_id: 'acme',
      slack_user_id: 'U0ACME0ADM',
      training: 'trn-online-admin',
      completed_on: '10/02/2026',
    },
  },
  checklist: {
    en: { partner_id: 'acme', item: 'doc-development-plan', completed_on: '2026-02-20' },
    fr: { partner_id: 'acme', item: 'doc-development-plan', completed_on: '20/02/2026' },
  },
  objectives: {
    en: { partner_id: 'acme', quarter: '2026-Q3', objective_eur: '1500', forecast_eur: '', forecast_on: '' },
    fr: { partner_id: 'acme', quarter: '2026-T3', objective_eur: '1 500', forecast_eur: '', forecast_on: '' },
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
  const example = EXAMPLES[kind][locale];
  const row = header.map((column) => csvCell(example[column] ?? '', separator));
  return `${names.join(separator)}\n${row.join(separator)}\n`;
}
