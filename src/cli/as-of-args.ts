import { parseArgs } from 'node:util';
import { isIsoDate } from '../program/dates.js';
import { UsageError } from './usage-error.js';

/** `[--as-of YYYY-MM-DD] [--dry-run]`, the day defaulting to today in the program's time zone. */
export function parseAsOfArgs(
  args: string[],
  today: string,
  usage: string,
): { asOf: string; dryRun: boolean } {
  const { values } = parseArgs({
    args,
    options: { 'as-of': { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  const asOf = values['as-of'] ?? today;
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of must be a date as YYYY-MM-DD, got "${asOf}"`, usage);
  return { asOf, dryRun: values['dry-run'] };
}
