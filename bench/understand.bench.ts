import { buildPartnerIndex, tokens, withinOneEdit } from '../src/assistant/partner-index.js';
import { understand } from '../src/assistant/understand.js';
import { loadCatalog } from '../src/program/catalog.load.js';
import { namesWrongPartner, understandContexts } from '../test/unit/understand.contexts.js';
import { CORPUS, type CorpusContext, PARTNERS, summary } from '../test/unit/understand.corpus.js';
import { DEV } from '../test/unit/understand.dev.js';
import { HELDOUT } from '../test/unit/understand.heldout.js';
import { percentile, round } from './support.js';

const SYLLABLES = [
  'zo',
  'rva',
  'qui',
  'lum',
  'dra',
  'ven',
  'tor',
  'sil',
  'mek',
  'ryx',
  'pol',
  'wen',
  'bax',
  'fio',
];
const SUFFIXES = ['Telecom', 'Networks', 'Services', 'Cloud', 'SAS', 'Connect', 'VoIP', 'IT', ''];

/** The questions asked: the corpus's, DEV's and HELDOUT's (both written blind, then tuned on). */
const SETS = [CORPUS, DEV, HELDOUT];

/** Made-up partner names, none a corpus partner's or a word of the questions (nor one typo from one). */
function generatedPartners(count: number): { id: string; name: string }[] {
  const taken = [
    ...PARTNERS.map((p) => tokens(p.name).low[0]!),
    ...SETS.flatMap((set) => Object.values(set).flatMap((e) => e.flatMap(([q]) => tokens(q).low))),
  ];
  const out: { id: string; name: string }[] = [];
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed;
  };
  while (out.length < count) {
    const word = Array.from({ length: 2 + (next() % 3) }, () => SYLLABLES[next() % SYLLABLES.length]).join(
      '',
    );
    if (taken.some((t) => t.length >= 4 && withinOneEdit(word, t))) continue;
    const suffix = SUFFIXES[next() % SUFFIXES.length];
    const name = `${word[0]!.toUpperCase()}${word.slice(1)} ${suffix} ${out.length}`.trim();
    out.push({ id: `g${out.length}`, name });
  }
  return out;
}

export interface UnderstandBenchResult {
  partners: number;
  questions: number;
  indexBuildMs: number;
  perQuestion: { meanMs: number; p50Ms: number; p99Ms: number };
  baseline: { meanMs: number; p50Ms: number };
  understood: number;
  wrongPartner: number;
  slowest: { question: string; ms: number };
}

/**
 * understand() over the corpus with `partnerCount` partners in the index (the corpus's own among them),
 * each question asked `rounds` times: the time per question, beside the time to split its words alone
 * (the baseline), and how many the corpus says it got right at that size.
 */
export async function benchUnderstand(partnerCount = 10_000, rounds = 20): Promise<UnderstandBenchResult> {
  const catalog = loadCatalog();
  const all = [...PARTNERS, ...generatedPartners(partnerCount - PARTNERS.length)];
  const built = performance.now();
  const partners = buildPartnerIndex(all);
  const indexBuildMs = performance.now() - built;
  const contexts = understandContexts(partners, catalog.tiers, catalog.obligations);
  const questions = SETS.flatMap((set) =>
    Object.entries(set).flatMap(([c, entries]) =>
      entries.map(([q, expected]) => ({
        context: contexts[c as CorpusContext],
        q,
        expected: expected as string,
      })),
    ),
  );
  // Warm up: the first calls compile the patterns and the code.
  for (const { q, context } of questions) understand(q, context);
  const times: number[] = [];
  const baseTimes: number[] = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++)
    for (const { q, context } of questions) {
      const t0 = performance.now();
      const u = understand(q, context);
      const t1 = performance.now();
      sink += tokens(q).low.length;
      const t2 = performance.now();
      times.push(t1 - t0);
      baseTimes.push(t2 - t1);
      sink += u.kind.length;
    }
  if (sink < 0) console.log(sink);
  const [slowest] = questions
    .map(({ q, context }) => {
      const t0 = performance.now();
      for (let i = 0; i < 20; i++) understand(q, context);
      return { q, ms: (performance.now() - t0) / 20 };
    })
    .sort((a, b) => b.ms - a.ms);
  let understood = 0;
  let wrongPartner = 0;
  for (const { q, context, expected } of questions) {
    const got = summary(understand(q, context));
    if (got === expected) understood += 1;
    if (namesWrongPartner(got, expected, (id) => all.some((p) => p.id === id))) wrongPartner += 1;
  }
  const sorted = [...times].sort((a, b) => a - b);
  const sortedBase = [...baseTimes].sort((a, b) => a - b);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    partners: all.length,
    questions: questions.length,
    indexBuildMs: round(indexBuildMs, 1),
    perQuestion: {
      meanMs: round(mean(times), 3),
      p50Ms: round(percentile(sorted, 50), 3),
      p99Ms: round(percentile(sorted, 99), 3),
    },
    baseline: { meanMs: round(mean(baseTimes), 4), p50Ms: round(percentile(sortedBase, 50), 4) },
    understood,
    wrongPartner,
    slowest: { question: slowest!.q, ms: round(slowest!.ms, 3) },
  };
}
