import { describeProblem } from '../i18n/import-issues.js';
import type { ImportIssue } from './issues.js';
import { unneutralise } from './neutralise.js';

export interface CsvColumns {
  required: readonly string[];
  optional: readonly string[];
}

/** A data line: its number in the file (header = 1) and its cells by column name, trimmed ('' if absent). */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

export type CsvItem = ({ kind: 'row' } & CsvRow) | { kind: 'issue'; issue: ImportIssue };

/** The file cannot be read as a file of this kind at all (unreadable, empty, header incomplete). */
export class CsvFileError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(issues.map((i) => describeProblem(i.problem, 'en')).join('; '));
    this.name = 'CsvFileError';
  }
}

/**
 * Each column's French header (what `--template … --locale fr` writes) and the other names a
 * spreadsheet may give it, already normalised (normalizeHeader). English names are the column ids.
 */
export const COLUMN_NAMES: Record<string, { fr: string; aliases: readonly string[] }> = {
  partner_id: {
    fr: 'partenaire',
    aliases: ['partner', 'id_partenaire', 'partenaire_id', 'identifiant_partenaire', 'code_partenaire'],
  },
  name: { fr: 'nom', aliases: ['raison_sociale', 'full_name', 'nom_complet'] },
  type: { fr: 'type', aliases: ['type_partenariat', 'partenariat', 'partnership_type'] },
  operator_program: { fr: 'programme_operateur', aliases: ['programme', 'program', 'programme_op'] },
  slack_channel_id: { fr: 'canal_slack', aliases: ['slack_channel', 'canal', 'id_canal_slack', 'channel'] },
  manager_slack_user_id: {
    fr: 'manager_slack',
    aliases: ['manager', 'responsable', 'manager_id', 'id_manager_slack', 'responsable_slack'],
  },
  joined_on: {
    fr: 'date_entree',
    aliases: ['date_d_entree', 'entree', 'entree_le', 'adhesion', 'date_adhesion', 'joined'],
  },
  tier: { fr: 'statut', aliases: ['palier', 'niveau', 'statut_initial'] },
  left_on: { fr: 'date_depart', aliases: ['depart', 'depart_le', 'sortie', 'date_sortie', 'left'] },
  slack_user_id: {
    fr: 'utilisateur_slack',
    aliases: ['id_slack', 'slack_id', 'slack_user', 'id_utilisateur_slack', 'user_id'],
  },
  email: { fr: 'email', aliases: ['e_mail', 'courriel', 'mail', 'adresse_email', 'adresse_e_mail'] },
  profile: { fr: 'profil', aliases: ['profils', 'profiles'] },
  referent: { fr: 'referent', aliases: ['referente', 'referents'] },
  role: { fr: 'role', aliases: [] },
  month: { fr: 'mois', aliases: ['periode', 'period'] },
  category: { fr: 'categorie', aliases: ['categorie_de_revenu', 'revenue_category'] },
  amount_eur: {
    fr: 'montant',
    aliases: ['montant_eur', 'amount', 'montant_ht', 'amount_euros', 'montant_euros'],
  },
  training: { fr: 'formation', aliases: ['code_formation', 'training_code'] },
  completed_on: {
    fr: 'fait_le',
    aliases: ['date', 'realise_le', 'realisee_le', 'date_realisation', 'termine_le', 'completed', 'done_on'],
  },
  item: { fr: 'devoir', aliases: ['element', 'code', 'item_code', 'code_devoir'] },
  slack_team_id: { fr: 'equipe_slack', aliases: ['team_id', 'espace_slack', 'slack_team'] },
  locale: { fr: 'langue', aliases: ['language', 'lang'] },
  quarter: { fr: 'trimestre', aliases: ['periode_trimestre', 'quarter_code'] },
  objective_eur: { fr: 'objectif', aliases: ['objectif_eur', 'objectif_mensuel', 'objective'] },
  forecast_eur: { fr: 'prevision', aliases: ['prevision_eur', 'previsions', 'forecast'] },
  forecast_on: { fr: 'prevision_le', aliases: ['date_prevision', 'forecast_date'] },
  // Written by the portfolio export only (src/export/kinds.ts): an operator's fees on record.
  opening_fee_paid_on: { fr: 'frais_ouverture_payes_le', aliases: [] },
  retrocession_percent: { fr: 'retrocession_pourcent', aliases: [] },
  /** The last column of a rejected-lines file (slack-import.service.ts): never imported. */
  error: { fr: 'erreur', aliases: [] },
};

/**
 * Header cells compare trimmed, case- and accent-insensitively, anything but letters and digits read as
 * one underscore ("Date d’entrée" is date_d_entree, "Montant (€)" is montant).
 */
export function normalizeHeader(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The column id a normalised header cell names among `known`, if any. */
function columnOf(name: string, known: readonly string[]): string | undefined {
  if (known.includes(name)) return name;
  return known.find((column) => {
    const names = COLUMN_NAMES[column];
    return names !== undefined && (names.fr === name || names.aliases.includes(name));
  });
}

export interface HeaderMap {
  /** Header columns that no known column matches: ignored (reported, so a typo does not go unnoticed). */
  ignoredColumns: string[];
  width: number;
  positions: (readonly [string, number | undefined])[];
}

/**
 * Maps a header row to the expected columns, in any order, under their English or French names.
 * A missing required column or one named twice is an error that names it, with what was found.
 */
export function mapHeader(
  headerCells: readonly string[],
  columns: CsvColumns,
  separator?: string,
): HeaderMap {
  const header = headerCells.map(normalizeHeader);
  const known = [...columns.required, ...columns.optional];
  const issues: ImportIssue[] = [];
  const index = new Map<string, number>();
  const ignoredColumns: string[] = [];
  header.forEach((name, i) => {
    if (name === '') return;
    const column = columnOf(name, known);
    if (column === undefined) ignoredColumns.push(name);
    else if (index.has(column)) issues.push({ line: 1, column, problem: { code: 'header.twice' } });
    else index.set(column, i);
  });
  const found = header.filter(Boolean);
  for (const name of columns.required)
    if (!index.has(name)) {
      const french = COLUMN_NAMES[name]?.fr;
      issues.push({
        line: 1,
        column: name,
        problem: {
          code: 'header.column-missing',
          ...(french && french !== name ? { french } : {}),
          found,
          ...(separator ? { separator } : {}),
          unknown: ignoredColumns,
        },
      });
    }
  if (issues.length) throw new CsvFileError(issues);
  return {
    ignoredColumns,
    width: header.length,
    positions: known.map((name) => [name, index.get(name)] as const),
  };
}

/** A data row's cells by column, trimmed; a formula neutralised by our export ("'=x") reads as it was. */
export function cellsOf(record: readonly string[], map: HeaderMap): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [name, i] of map.positions)
    cells[name] = i === undefined ? '' : unneutralise((record[i] ?? '').trim());
  return cells;
}
