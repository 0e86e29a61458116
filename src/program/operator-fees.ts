import type { Catalog, OperatorProgram } from './catalog.schema.js';

/**
 * Operators' fees on record (issue 14): the opening fee paid, and the retrocession of billed revenue
 * agreed, in hundredths of a percent (basis points): E-shop 2 %, E-shop managé 2 % to 4 % (catalog).
 */

/** "3", "3,5", "3.5 %", "3,5%" as basis points (350); undefined when it is not a percentage. */
export function parseRate(text: string): number | undefined {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(text.replace(/[\u00a0\u202f]/g, ' ').trim());
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export type RateCheck =
  | { ok: true }
  | { ok: false; reason: 'not-applicable' }
  | { ok: false; reason: 'out-of-range'; minBasisPoints: number; maxBasisPoints: number };

/** Whether a rate is one the operator's program agrees to (a program without retrocession takes none). */
export function checkRetrocession(
  catalog: Catalog,
  program: OperatorProgram,
  basisPoints: number,
): RateCheck {
  const range = catalog.operatorPrograms.find((p) => p.code === program)?.retrocessionPercent;
  if (!range) return { ok: false, reason: 'not-applicable' };
  const [min, max] = [Math.round(range.min * 100), Math.round(range.max * 100)];
  return basisPoints >= min && basisPoints <= max
    ? { ok: true }
    : { ok: false, reason: 'out-of-range', minBasisPoints: min, maxBasisPoints: max };
}

/** The program's own rate when it has a single one (E-shop: 2 %), else undefined. */
export function fixedRetrocession(catalog: Catalog, program: OperatorProgram): number | undefined {
  const range = catalog.operatorPrograms.find((p) => p.code === program)?.retrocessionPercent;
  return range && range.min === range.max ? Math.round(range.min * 100) : undefined;
}
