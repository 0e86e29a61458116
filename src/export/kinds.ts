export const EXPORT_KINDS = ['portfolio', 'devoirs', 'history', 'revenue'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export function isExportKind(value: unknown): value is ExportKind {
  return (EXPORT_KINDS as readonly unknown[]).includes(value);
}

/**
 * What the portfolio export adds after the partners import's columns (which it keeps, in their order, so
 * that it re-imports as it is: the import reports these as ignored): an operator's fees on record, the
 * day its opening fee was paid and the retrocession agreed (E-shop, E-shop managé), in percent of billed
 * revenue. Empty for an ambassador and for what is not recorded.
 */
export const OPERATOR_FEE_COLUMNS = ['opening_fee_paid_on', 'retrocession_percent'] as const;
