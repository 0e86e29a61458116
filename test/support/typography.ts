/**
 * A mechanical reader of user-facing text (PROGRAM.md section 10): what French typography and the deck's
 * vocabulary require, and the few rules English shares. Pure; any test can check its own messages with it:
 *
 *   expect(frenchTypographyIssues(text)).toEqual([]);
 *
 * What is not prose is left out before checking: code spans (`…`), Slack links, mentions and commands
 * (<https://…>, <@U…>, <#C…>, <!here>), bare URLs, emoji shortcodes (:white_check_mark:), HTML entities
 * (&amp;), and times (09:00).
 */

/** No-break spaces French accepts before : ; ! ? » and after «, and inside amounts. */
const NBSP = '\u00a0';
const NNBSP = '\u202f';
const NO_BREAK = new Set([NBSP, NNBSP]);

export interface TypographyOptions {
  /**
   * Text kept as the deck writes it (its labels): amounts inside are not checked ("2000€", "2%"), every
   * other rule still applies.
   */
  verbatim?: readonly string[];
  /** Sample values put in the text (names, reasons typed by a user): left out like code. */
  ignore?: readonly string[];
}

/** Stands for a part that is not prose: a letter-like mark, so "`x`: y" still shows the missing space. */
const HOLE = '◊';

/** The text with what is not prose replaced by HOLE (code, links, mentions, URLs, emoji, entities, times). */
export function proseOf(text: string, ignore: readonly string[] = []): string {
  let out = text;
  for (const value of ignore) if (value) out = out.split(value).join(HOLE);
  return out
    .replace(/`[^`\n]*`/g, HOLE)
    .replace(/<(?:[@#!][^>\n]*|(?:https?|mailto):[^>\n]*)>/g, HOLE)
    .replace(/\bhttps?:\/\/[^\s>)]+/g, HOLE)
    .replace(/:[a-z0-9_+-]+:/g, HOLE)
    .replace(/&(?:amp|lt|gt|quot|#\d+);/g, HOLE)
    .replace(/\b\d{1,2}:\d{2}\b/g, HOLE);
}

const FRENCH_MONTH =
  '(?:janv(?:\\.|ier)|févr(?:\\.|ier)|mars|avr(?:\\.|il)|mai|juin|juil(?:\\.|let)|août|sept(?:\\.|embre)|oct(?:\\.|obre)|nov(?:\\.|embre)|déc(?:\\.|embre))(?![a-zà-ÿ])';

/** Every French rule the text breaks, one line each (empty when the text is right). */
export function frenchTypographyIssues(text: string, options: TypographyOptions = {}): string[] {
  const issues: string[] = [];
  const prose = proseOf(text, options.ignore);
  const at = (index: number) => JSON.stringify(prose.slice(Math.max(0, index - 25), index + 15));

  for (const match of prose.matchAll(/[:;!?]/g)) {
    const i = match.index;
    const before = prose[i - 1];
    // "?!" and "!!": the space goes before the first mark only.
    if (before !== undefined && /[:;!?]/.test(before)) continue;
    if (before === undefined || before === '\n') continue;
    if (!NO_BREAK.has(before))
      issues.push(
        before === ' '
          ? `plain space before "${match[0]}": ${at(i)}`
          : `no space before "${match[0]}": ${at(i)}`,
      );
  }
  for (const match of prose.matchAll(/«/g))
    if (!NO_BREAK.has(prose[match.index + 1] ?? ''))
      issues.push(`no no-break space after «: ${at(match.index)}`);
  for (const match of prose.matchAll(/»/g))
    if (!NO_BREAK.has(prose[match.index - 1] ?? ''))
      issues.push(`no no-break space before »: ${at(match.index)}`);

  if (prose.includes('(s)')) issues.push(`"(s)" instead of a plural: ${at(prose.indexOf('(s)'))}`);
  for (const match of prose.matchAll(new RegExp(`(?<![\\d,.])1[ ${NBSP}${NNBSP}]${FRENCH_MONTH}`, 'g')))
    issues.push(`"1 …" for the first of a month (write "1er"): ${at(match.index)}`);
  for (const match of prose.matchAll(/'/g)) issues.push(`ASCII apostrophe (write ’): ${at(match.index)}`);
  for (const match of prose.matchAll(/"/g)) issues.push(`ASCII double quote (write « »): ${at(match.index)}`);
  for (const match of prose.matchAll(/\bobligations?\b/gi))
    issues.push(`"${match[0]}" (the deck says "devoirs"): ${at(match.index)}`);
  for (const match of prose.matchAll(/\b(?:grades?|paliers?)\b/gi))
    issues.push(`"${match[0]}" (the deck says "statut"): ${at(match.index)}`);

  let amounts = prose;
  for (const value of options.verbatim ?? [])
    if (value) amounts = amounts.split(value).join(value.replace(/[\d€%]/g, HOLE));
  for (const match of amounts.matchAll(/(\d(?:[\d \u00a0\u202f.,]*\d)?)([ \u00a0\u202f]?)([€%])/g)) {
    const [whole, number = '', space, sign] = match;
    if (!space || !NO_BREAK.has(space))
      issues.push(`no no-break space before "${sign}": ${at(match.index + whole.length - 1)}`);
    const integer = number.trim().split(',')[0] ?? '';
    if (/\d \d/.test(integer) || /\d\.\d{3}/.test(integer))
      issues.push(`thousands not separated by a no-break space: ${at(match.index)}`);
    if (/\d{4,}/.test(integer)) issues.push(`thousands not separated: ${at(match.index)}`);
  }
  return issues;
}

/** The English rules: real plurals, one apostrophe and quote style. */
export function englishTypographyIssues(
  text: string,
  options: Pick<TypographyOptions, 'ignore'> = {},
): string[] {
  const issues: string[] = [];
  const prose = proseOf(text, options.ignore);
  const at = (index: number) => JSON.stringify(prose.slice(Math.max(0, index - 25), index + 15));
  if (prose.includes('(s)')) issues.push(`"(s)" instead of a plural: ${at(prose.indexOf('(s)'))}`);
  for (const match of prose.matchAll(/\b1 (days|months|items|trainings|partners|declarations|benefits)\b/g))
    issues.push(`"${match[0]}": ${at(match.index)}`);
  const straight = prose.search(/['"]/);
  const curly = prose.search(/[‘’“”]/);
  if (straight >= 0 && curly >= 0) issues.push(`straight quote beside curly ones: ${at(straight)}`);
  return issues;
}
