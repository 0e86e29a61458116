import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, type ExportFormat, writeTable } from '../export/write-table.js';
import { isLocale, LOCALES } from '../program/locales.js';
import { EXPORT_KINDS, exportTable, isExportKind } from '../services/export.service.js';
import type { CliContext } from './context.js';
import { UsageError } from './usage-error.js';

import { EXPORT_USAGE } from './usages.js';

/** Writes one export of every partner to a file; prints where and how many rows. */
export async function exportCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string' }, out: { type: 'string' }, locale: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  });
  const [kind, ...extra] = positionals;
  if (!kind) throw new UsageError('the kind of export is required', EXPORT_USAGE);
  if (extra.length) throw new UsageError(`unexpected argument: ${extra.join(' ')}`, EXPORT_USAGE);
  if (!isExportKind(kind))
    throw new UsageError(`unknown export "${kind}" (one of ${EXPORT_KINDS.join(', ')})`, EXPORT_USAGE);
  const format = values.format ?? 'csv';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be csv or xlsx, got "${format}"`, EXPORT_USAGE);
  const locale = values.locale ?? ctx.config.LOCALE;
  if (!isLocale(locale))
    throw new UsageError(`--locale must be ${LOCALES.join(' or ')}, got "${locale}"`, EXPORT_USAGE);
  const today = ctx.today();
  const table = await exportTable(ctx.database.db, ctx.catalog, kind, {
    scope: { all: true },
    today,
    locale,
  });
  const out = values.out ?? `partner-bot-${kind}-${today}.${format}`;
  writeFileSync(out, await writeTable(table, format as ExportFormat, locale));
  ctx.print(
    `Exported ${kind} to ${out} (${format}): ${table.rows.length} ${table.rows.length === 1 ? 'row' : 'rows'}.`,
  );
  return 0;
}
