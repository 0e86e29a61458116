import { searchKey } from '../program/text.js';

export interface CompletionWords {
  /** What the console itself understands: users, as, in, lang, remind, evaluate, help, quit. */
  consoleWords: readonly string[];
  /** /partner's subcommands. */
  subcommands: readonly string[];
  /** Partner ids and names (a name may hold spaces). */
  partners: readonly { id: string; name: string }[];
}

/**
 * Tab completion for a readline completer: the first word (a console word, a subcommand or /partner),
 * the subcommand after /partner, then a partner's name or id. Returns the candidates and the part of the
 * line they replace.
 */
export function complete(line: string, words: CompletionWords): [string[], string] {
  const match = /^(\s*)(\/?partner\s+)?(\S*)(?:(\s+)(.*))?$/s.exec(line);
  if (!match) return [[], line];
  const [, , partnerWord, first = '', gap, rest] = match;
  if (gap === undefined) {
    const pool = partnerWord ? words.subcommands : [...words.consoleWords, '/partner', ...words.subcommands];
    return [unique(pool.filter((w) => w.startsWith(first.toLowerCase()))), first];
  }
  if (!words.subcommands.includes(first.toLowerCase())) return [[], line];
  const typed = rest ?? '';
  const key = searchKey(typed);
  const hits = words.partners.flatMap((p) => {
    if (searchKey(p.name).startsWith(key)) return [p.name];
    return p.id.toLowerCase().startsWith(typed.toLowerCase()) ? [p.id] : [];
  });
  return [unique(hits).sort(), typed];
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
