import type { CodeSubject, ImportProblem } from '../i18n/import-issues.js';
import { type IsoDate, isIsoDate } from '../program/dates.js';

/** A cell turned into a value, or the reason it cannot be (a problem for the person who made the file). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ImportProblem };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: ImportProblem): Parsed<T> => ({ ok: false, error });

// Spaces a spreadsheet puts between thousands: space, no-break space, narrow no-break space, thin space.
const GROUP_SPACES = /[ \u00a0\u202f\u2009]/;
const CURRENCY = /^(?:€|eur)\s*|\s*(?:€|eur)$/i;
const USUAL_AMOUNT =
  /^([0-9]{1,13}|[0-9]{1,3}(?:([ \u00a0\u202f\u2009])[0-9]{3}){1,4})(?:[.,]([0-9]{1,2}))?(?:\s?€)?$/;
const MINUS = /^[-\u2212]|^\(.*\)$|-$/;

/**
 * An amount in euros, as spreadsheets write it, to integer cents: "1234.56", "1234,56", "1 234,56 €",
 * "1.234,56", "1,234.56", with space, no-break or narrow no-break space between thousands. With a single
 * kind of separator it is the decimal one; with both, the last is. At most 2 decimals: "1.234" is
 * refused rather than guessed (1.234 € or 1 234 €?). Negative amounts are refused.
 */
export function parseAmountCents(input: string): Parsed<number> {
  const raw = input.trim();
  // The usual exports ("1234.56", "1234,56", "1 234,56 €") without the general path's allocations.
  const usual = USUAL_AMOUNT.exec(raw);
  if (usual) {
    const units = usual[2] ? usual[1]!.replace(/\D/g, '') : usual[1]!;
    return ok(Number(units) * 100 + (usual[3] ? Number(usual[3].padEnd(2, '0')) : 0));
  }
  if (raw === '') return fail({ code: 'amount.required' });
  const text = raw.replace(CURRENCY, '').trim();
  if (MINUS.test(text)) return fail({ code: 'amount.negative', value: raw });
  const body = text.startsWith('+') ? text.slice(1) : text;
  if (!/^[0-9., \u00a0\u202f\u2009]+$/.test(body) || !/[0-9]/.test(body))
    return fail({ code: 'amount.invalid', value: raw });
  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  const decimalAt = Math.max(lastDot, lastComma);
  const hasDecimal = decimalAt >= 0;
  const decimalSep = hasDecimal ? body[decimalAt] : undefined;
  const intPart = hasDecimal ? body.slice(0, decimalAt) : body;
  const fracPart = hasDecimal ? body.slice(decimalAt + 1) : '';
  if (!/^[0-9]*$/.test(fracPart)) return fail({ code: 'amount.malformed', value: raw });
  if (hasDecimal && fracPart.length === 0) return fail({ code: 'amount.malformed', value: raw });
  if (fracPart.length > 2) return fail({ code: 'amount.decimals', value: raw });
  // Whatever separates thousands must be one character, used consistently, between groups of 3 digits.
  const groupSeps = new Set(intPart.replace(/[0-9]/g, ''));
  if (groupSeps.size > 1 || (decimalSep !== undefined && groupSeps.has(decimalSep)))
    return fail({ code: 'amount.mixed-separators', value: raw });
  const [groupSep] = groupSeps;
  let digits = intPart;
  if (groupSep !== undefined) {
    if (!GROUP_SPACES.test(groupSep) && groupSep !== '.' && groupSep !== ',')
      return fail({ code: 'amount.malformed', value: raw });
    const groups = intPart.split(groupSep);
    if (!/^[0-9]{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^[0-9]{3}$/.test(g)))
      return fail({ code: 'amount.thousands', value: raw });
    digits = groups.join('');
  }
  if (digits === '') digits = '0';
  const cents = Number(digits) * 100 + Number(fracPart.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return fail({ code: 'amount.too-large', value: raw });
  return ok(cents);
}

function validDay(year: string, month: string, day: string): IsoDate | undefined {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

const DAY_FIRST = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

/**
 * A calendar day as spreadsheets write it: YYYY-MM-DD (also what an Excel date cell reads as),
 * DD/MM/YYYY or DD.MM.YYYY (day first, as in France; never month first).
 */
export function parseIsoDate(input: string): Parsed<IsoDate> {
  const raw = input.trim();
  if (raw === '') return fail({ code: 'date.required' });
  if (isIsoDate(raw)) return ok(raw);
  const dayFirst = DAY_FIRST.exec(raw);
  const day = dayFirst ? validDay(dayFirst[3]!, dayFirst[2]!, dayFirst[1]!) : undefined;
  if (day) return ok(day);
  return fail({ code: 'date.invalid', value: raw });
}

/** Month names and abbreviations, French and English, without accents or the final dot. */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['janv', 'janvier', 'jan', 'january'],
  ['fevr', 'fevrier', 'fev', 'feb', 'february'],
  ['mars', 'mar', 'march'],
  ['avr', 'avril', 'apr', 'april'],
  ['mai', 'may'],
  ['juin', 'jun', 'june'],
  ['juil', 'juillet', 'jul', 'july'],
  ['aout', 'aug', 'august'],
  ['sept', 'septembre', 'sep', 'september'],
  ['oct', 'octobre', 'october'],
  ['nov', 'novembre', 'november'],
  ['dec', 'decembre', 'december'],
];

function monthNumber(name: string): number | undefined {
  const key = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');
  const index = MONTH_NAMES.findIndex((names) => names.includes(key));
  return index < 0 ? undefined : index + 1;
}

const MONTH_ISO = /^(\d{4})-(\d{2})(?:-01)?$/;
const MONTH_FIRST = /^(\d{1,2})[/.](\d{4})$/;
const MONTH_NAMED = /^(\p{L}+\.?)[\s\-/]*(\d{4})$/u;

/**
 * A month, to its first day 'YYYY-MM-01': YYYY-MM (or YYYY-MM-01, an Excel date cell of the 1st),
 * MM/YYYY, or named: "janv. 2026", "février 2026", "Jan 2026", "January 2026".
 */
export function parseMonth(input: string): Parsed<IsoDate> {
  const raw = input.trim();
  if (raw === '') return fail({ code: 'month.required' });
  let year: string | undefined;
  let month: number | undefined;
  const iso = MONTH_ISO.exec(raw) ?? MONTH_FIRST.exec(raw);
  if (iso) {
    const [a, b] = [iso[1]!, iso[2]!];
    [year, month] = a.length === 4 ? [a, Number(b)] : [b, Number(a)];
  } else {
    const named = MONTH_NAMED.exec(raw);
    if (named) [year, month] = [named[2]!, monthNumber(named[1]!)];
  }
  if (!year || !month || month < 1 || month > 12) return fail({ code: 'month.invalid', value: raw });
  return ok(`${year}-${String(month).padStart(2, '0')}-01`);
}

const TRUE = new Set(['yes', 'oui', 'true', '1', 'y', 'o', 'vrai', 'x']);
const FALSE = new Set(['no', 'non', 'false', '0', 'n', 'faux']);

/** yes/no, oui/non, true/false, 1/0 in any case; an empty cell is `empty` (false unless told). */
export function parseBoolean(input: string, empty = false): Parsed<boolean> {
  const raw = input.trim().toLowerCase();
  if (raw === '') return ok(empty);
  if (TRUE.has(raw)) return ok(true);
  if (FALSE.has(raw)) return ok(false);
  return fail({ code: 'boolean.invalid', value: input.trim() });
}

/** One of a fixed list of codes, matched case-insensitively (the list shown when it is short). */
export function parseCode<T extends string>(
  input: string,
  codes: readonly T[],
  subject: CodeSubject,
): Parsed<T> {
  const raw = input.trim();
  const shown = codes.length <= 8 ? { codes } : {};
  if (raw === '') return fail({ code: 'code.required', subject, ...shown });
  const found = codes.find((c) => c === raw || c === raw.toLowerCase());
  if (found === undefined) return fail({ code: 'code.unknown', subject, value: raw, ...shown });
  return ok(found);
}
