import { searchKey } from '../../program/text.js';
import { unescapeSlack } from '../views/escape.js';

/** Longer text is cut: no partner name or filter is that long, and lookups stay cheap. */
export const MAX_TEXT_LENGTH = 500;
/** Partner names and ids searched for are cut to this. */
export const MAX_QUERY_LENGTH = 100;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface ParsedCommand {
  /** The first word, lower-case and accent-free ('' when the text is empty). */
  word: string;
  /** The first word as typed. */
  typedWord: string;
  /** The rest, as typed (unescaped, trimmed, whitespace collapsed). */
  args: string;
  /** The whole text, cleaned the same way. */
  text: string;
}

/**
 * Slack sends the command text HTML-escaped (&amp; &lt; &gt;): unescape it first. Control characters
 * become spaces, runs of whitespace one space.
 */
export function cleanCommandText(raw: string): string {
  return unescapeSlack(raw.slice(0, MAX_TEXT_LENGTH * 2))
    .replace(/[\p{Cc}\p{Zl}\p{Zp}\u200B-\u200D\u2060\uFEFF]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TEXT_LENGTH)
    .replace(LONE_SURROGATE, '');
}

export function parseCommandText(raw: string): ParsedCommand {
  const text = cleanCommandText(raw);
  const space = text.indexOf(' ');
  const first = space < 0 ? text : text.slice(0, space);
  const args = space < 0 ? '' : text.slice(space + 1);
  return { word: searchKey(first), typedWord: first, args, text };
}
