import { editDistance, searchKey } from '../program/text.js';

/** Words that only qualify a company's name: "Acme Télécom SAS" is asked about as "Acme". */
const GENERIC_NAME_WORDS = new Set([
  'telecom',
  'telecoms',
  'telecommunications',
  'sas',
  'sasu',
  'sarl',
  'sa',
  'eurl',
  'inc',
  'ltd',
  'llc',
  'gmbh',
  'group',
  'groupe',
  'the',
  'la',
  'le',
  'les',
  'et',
  'and',
  '&',
]);

export interface IndexedPartner {
  id: string;
  name: string;
  /** The name's distinctive words, in order ("garonne", "it" for "Garonne IT"). */
  words: string[];
  /** The word of the whole name after its first distinctive one ("telecom" in "Access Telecom"). */
  nextWord: string | undefined;
}

/**
 * Partners by the words of their names, for finding the partners a question names: exact words, a word
 * one typo away (an index of every word with one letter deleted, so a lookup costs a few map reads, not a
 * scan), and the start of a long word. Built from the names alone; pure.
 */
export interface PartnerIndex {
  readonly size: number;
  byId(id: string): IndexedPartner | undefined;
  /** Partners whose name has `word` at `position` 0 (its first distinctive word), exact or near. */
  firstWordMatches(word: string, options: { fuzzy: boolean }): { partner: IndexedPartner; exact: boolean }[];
  /** Every partner. */
  all(): readonly IndexedPartner[];
  /** Partners whose first word may be up to a few typos from `word` (to be checked), for suggestions. */
  around(word: string): IndexedPartner[];
}

/**
 * The words of a text as typed (accents removed, case kept: a capital may start a name) and as the index
 * and the understander compare them (lower case, ligatures spelled out).
 */
/** Mentions, channel links, special mentions and links as Slack writes them: no words of a question. */
export const SLACK_MARKUP = /<[@#!][^>]*>|<https?:[^>]*>/g;

export function tokens(text: string): { raw: string[]; low: string[] } {
  const raw = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  return { raw, low: raw.map(searchKey) };
}

export function words(text: string): string[] {
  return tokens(text).low;
}

function nameWords(name: string): string[] {
  const all = words(name);
  const distinctive = all.filter((w) => !GENERIC_NAME_WORDS.has(w));
  return distinctive.length ? distinctive : all;
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** The shortest word matched one typo away or by its start: shorter ones are too often other words. */
export const FUZZY_MIN_LENGTH = 4;

function push<T>(map: Map<string, T[]>, key: string, value: T) {
  const list = map.get(key);
  // One partner's keys come together: only the last entry can already be it.
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

export function buildPartnerIndex(partners: readonly { id: string; name: string }[]): PartnerIndex {
  const list: IndexedPartner[] = partners.map((p) => {
    const distinctive = nameWords(p.name);
    const all = words(p.name);
    const next = distinctive[0] === undefined ? undefined : all[all.indexOf(distinctive[0]) + 1];
    return { id: p.id, name: p.name, words: distinctive, nextWord: next };
  });
  const ids = new Map(list.map((p) => [p.id.toLowerCase(), p]));
  const exact = new Map<string, IndexedPartner[]>();
  const near = new Map<string, IndexedPartner[]>();
  const prefixes = new Map<string, IndexedPartner[]>();
  for (const p of list) {
    const first = p.words[0];
    if (!first) continue;
    push(exact, first, p);
    const id = p.id.toLowerCase();
    if (id !== first) push(exact, id, p);
    if (first.length >= FUZZY_MIN_LENGTH) {
      push(near, first, p);
      for (const d of deletions(first)) push(near, d, p);
      for (let n = FUZZY_MIN_LENGTH; n < first.length; n++) push(prefixes, first.slice(0, n), p);
    }
  }
  return {
    size: list.length,
    byId: (id) => ids.get(id.toLowerCase()),
    all: () => list,
    around(word) {
      const found = new Set<IndexedPartner>();
      const keys = new Set([word, ...deletions(word)]);
      for (const d of [...keys]) for (const dd of deletions(d)) keys.add(dd);
      for (const key of keys) {
        for (const p of near.get(key) ?? []) found.add(p);
        for (const p of exact.get(key) ?? []) found.add(p);
        for (const p of prefixes.get(key) ?? []) found.add(p);
      }
      return [...found];
    },
    firstWordMatches(word, { fuzzy }) {
      const found = new Map<IndexedPartner, boolean>();
      for (const p of exact.get(word) ?? []) found.set(p, true);
      if (found.size || !fuzzy || word.length < FUZZY_MIN_LENGTH) return [...found].map(toMatch);
      // One typo: the word itself or one of its deletions is the name's word or one of its deletions.
      for (const key of [word, ...deletions(word)])
        for (const p of near.get(key) ?? []) if (withinOneEdit(word, p.words[0]!)) found.set(p, false);
      for (const p of prefixes.get(word) ?? []) found.set(p, false);
      return [...found].map(toMatch);
    },
  };
}

function toMatch([partner, exact]: [IndexedPartner, boolean]) {
  return { partner, exact };
}

/** Levenshtein distance of at most 1, or a swap of two neighbouring letters. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diffs: number[] = [];
    for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
    if (diffs.length === 1) return true;
    const [i, j] = diffs;
    return diffs.length === 2 && j === i! + 1 && a[i!] === b[j] && a[j] === b[i!];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

/** The few partners whose first word is closest to `word` (two typos at most), closest first. */
export function closestPartners(index: PartnerIndex, word: string, max = 3): IndexedPartner[] {
  const limit = Math.max(1, Math.min(2, Math.floor(word.length / 3)));
  return index
    .around(word)
    .map((p) => ({ p, d: editDistance(word, (p.words[0] ?? '').slice(0, word.length + 2)) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.p.name.localeCompare(b.p.name))
    .slice(0, max)
    .map((x) => x.p);
}
