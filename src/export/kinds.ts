export const EXPORT_KINDS = ['portfolio', 'devoirs', 'history', 'revenue'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
