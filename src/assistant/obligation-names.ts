import { tokens } from './partner-index.js';

/** An obligation as the catalog names it (code, kind, and label in each language). */
export interface NamedObligation {
  code: string;
  kind: string;
  label: Readonly<Record<string, string>>;
}

/**
 * Words of the labels that name no obligation in particular: kinds of obligation, the deck's filler and the
 * languages' small words ("Formation obligatoire en ligne", "Mandatory operator webinar").
 */
const GENERIC = new Set(
  `formation formations training trainings obligatoire obligatoires mandatory partenaire partenaires partner
  partners document documents de du des d la le les l un une et en pour par sur a au aux avec ses son sa the
  of for to on in and by with an its their 1 2 3 4 5 6 7 8 9 0`.split(/\s+/),
);

/** A word without its plural's s: « webinars » names the « Webinar obligatoire Opérateurs ». */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : word;
}

/** Each catalog's obligations by the words of their labels, worked out once (the catalog does not change). */
const VOCABULARIES = new WeakMap<readonly NamedObligation[], Map<string, Set<string>>>();

function vocabulary(obligations: readonly NamedObligation[]): Map<string, Set<string>> {
  const known = VOCABULARIES.get(obligations);
  if (known) return known;
  const byWord = new Map<string, Set<string>>();
  for (const { code, label } of obligations)
    for (const text of Object.values(label))
      for (const word of tokens(text).low)
        if (!GENERIC.has(word) && word.length > 1) {
          const codes = byWord.get(singular(word)) ?? new Set<string>();
          codes.add(code);
          byWord.set(singular(word), codes);
        }
  VOCABULARIES.set(obligations, byWord);
  return byWord;
}

/**
 * The obligations a question names by their labels' own words (« la charte », "the MyDstny training",
 * « le référent technique »): those sharing the most words with it, in the catalog's order; none when no
 * such word is there.
 */
export function obligationsNamed(
  words: readonly string[],
  obligations: readonly NamedObligation[],
  options: { kind?: string } = {},
): string[] {
  // The vocabulary is the whole catalog's (built once); `kind` narrows the obligations scored.
  const byWord = vocabulary(obligations);
  const allowed = new Set(
    obligations.filter((o) => options.kind === undefined || o.kind === options.kind).map((o) => o.code),
  );
  const score = new Map<string, number>();
  for (const word of new Set(words.map(singular)))
    for (const code of byWord.get(word) ?? [])
      if (allowed.has(code)) score.set(code, (score.get(code) ?? 0) + 1);
  const best = Math.max(0, ...score.values());
  if (best === 0) return [];
  return obligations.map((o) => o.code).filter((code) => score.get(code) === best);
}
