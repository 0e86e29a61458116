import {
  type Clarification,
  type Intent,
  type IntentKind,
  type ListFilterIntent,
  type ObligationsFocus,
  PARTNER_INTENTS,
  type PartnerIntentKind,
  type Understanding,
} from './intents.js';
import {
  BENEFIT_NAMES,
  FILLER,
  NAME_MARKERS,
  PATTERNS,
  PROGRAM_WORDS,
  SINGLE_WORDS,
  TIER_QUALIFIED_NOUNS,
  TIER_WORDS_AS_WORDS,
} from './lexicon.js';
import { type NamedObligation, obligationsNamed } from './obligation-names.js';
import {
  closestPartners,
  FUZZY_MIN_LENGTH,
  type IndexedPartner,
  type PartnerIndex,
  SLACK_MARKUP,
  tokens,
  withinOneEdit,
} from './partner-index.js';

export interface UnderstandContext {
  /** The partners a question may name (buildPartnerIndex). */
  partners: PartnerIndex;
  /** The program's tiers, by code and labels ("business", "Business Partner"). */
  tiers: readonly { code: string; label: Readonly<Record<string, string>> }[];
  /** The program's obligations, by code and labels, for a question naming some (« la charte est signée ? »). */
  obligations?: readonly NamedObligation[];
  /** The question before this one in the same thread, if any: « et ses avantages ? » */
  previous?: {
    intent: IntentKind;
    partnerId?: string;
    focus?: ObligationsFocus;
    codes?: readonly string[];
  };
  /** The partner assumed when none is named: the channel's, else the asker's own. */
  defaultPartnerId?: string;
  /** Who asks, for the questions suggested when nothing is recognised. */
  audience?: 'staff' | 'contact' | 'other';
}

/** Longer text is cut: no question is that long, and understanding stays cheap. */
export const MAX_QUESTION_LENGTH = 500;

/** A number, an ordinal or an amount as typed (« 1er », "3rd", "500k"): never a partner's name. */
const NUMBER = /^\d+(?:er|re|e|eme|nd|st|rd|th|k)?$/;

/** The words a pattern's source spells out, its optional letters and endings both with and without. */
function spelledWords(source: string): string[] {
  const spelled = source
    .replace(/\\S\+|\\S\*?|\{[\d,]+\}/g, ' ')
    // "chang(?:e|ed)" stands for "change" and "changed"; "drop(?:ping)?" for "drop" and "dropping".
    .replace(/([a-z]+)\(\?:([a-z|]+)\)(\?)?/g, (_, stem: string, endings: string, optional?: string) =>
      [...(optional ? [stem] : []), ...endings.split('|').map((e) => stem + e)].join(' '),
    );
  // "owes?" stands for "owe" and "owes".
  return [spelled.replace(/\?/g, ''), spelled.replace(/[a-z]\?/g, '')].flatMap((variant) =>
    variant
      .replace(/[^a-z]+/g, ' ')
      .split(' ')
      .filter((w) => w.length > 1),
  );
}

/** Words the patterns are made of: a word that is one of them is never taken for a partner's name. */
const PATTERN_WORDS = new Set(Object.values(PATTERNS).flatMap((p) => spelledWords(p.source)));

/** The starts the patterns give for whole families of words ("recap\S*": recap, recapitulatif...). */
const PATTERN_STEMS = [
  ...new Set(
    Object.values(PATTERNS).flatMap((p) => [...p.source.matchAll(/([a-z]{4,})\\S\*/g)].map((m) => m[1]!)),
  ),
];

function isPatternWord(word: string): boolean {
  return PATTERN_WORDS.has(word) || PATTERN_STEMS.some((stem) => word.startsWith(stem));
}

/**
 * The words a typo in a question's keyword may stand for: the words that mean something alone ("palier",
 * "avantages"), and the long words of phrases (« prochaine », "evaluation"); not the short words of
 * phrases, too often other words' neighbours (« pris » of « pris en compte » beside « Paris »).
 */
const TYPO_TARGETS = [
  ...new Set([
    ...SINGLE_WORDS.flatMap(spelledWords).filter((w) => w.length >= FUZZY_MIN_LENGTH),
    ...[...PATTERN_WORDS].filter((w) => w.length >= 7),
  ]),
];

/**
 * The word of `candidates` that `word` stands for when it is one typo away from it ("pallier", "benfits",
 * "historiqe"): two neighbours swapped, or, for words of six letters or more, one letter added, dropped or
 * changed, the last letter kept (shorter words and different endings make other words, not typos:
 * « paris » is no « partis », "managed" no "manager", « commande » no « commandes »).
 */
function typoOf(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length < FUZZY_MIN_LENGTH || /\d/.test(word)) return undefined;
  const ending = word.slice(-1);
  for (const k of candidates)
    if (
      k.length >= FUZZY_MIN_LENGTH &&
      ((k.length === word.length && isSwap(word, k)) ||
        (word.length > FUZZY_MIN_LENGTH + 1 && k.endsWith(ending) && withinOneEdit(word, k)))
    )
      return k;
  return undefined;
}

/** Two words of one length that differ only by two neighbouring letters swapped. */
function isSwap(a: string, b: string): boolean {
  const i = [...a].findIndex((c, n) => c !== b[n]);
  return i >= 0 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** The list filters' patterns, to take them out of a question and see what else it asks. */
const FILTERS_EVERYWHERE = [PATTERNS.atRisk, PATTERNS.overdue, PATTERNS.withinReach, PATTERNS.left].map(
  (p) => new RegExp(p.source, 'g'),
);

interface PartnerMention {
  start: number;
  end: number;
  candidates: IndexedPartner[];
}

/**
 * What a question in plain French or English asks (decision: deterministic patterns over the words, no
 * model; see lexicon.ts). Pure: the partners, tiers and what the thread said before come in `context`.
 * When it cannot tell (two partners, two questions, an unknown name, nothing recognised) it says what
 * to ask back instead of guessing.
 */
export function understand(text: string, context: UnderstandContext): Understanding {
  const cleaned = text.slice(0, MAX_QUESTION_LENGTH).replace(SLACK_MARKUP, ' ');
  const { raw, low: typed } = tokens(cleaned);
  const tierWords = tierVocabulary(context.tiers);
  const isWord = (w: string) =>
    FILLER.has(w) || isPatternWord(w) || tierWords.has(w) || PROGRAM_WORDS.has(w) || NUMBER.test(w);
  const readAs = (w: string, i: number): string => {
    // « CA » in capitals is the deck's chiffre d'affaires, « ça » is not.
    if (raw[i] === 'CA') return 'revenue';
    // A keyword typed with a typo reads as the keyword, unless it is a word already or a partner's name
    // as typed. A capitalised word past the first is a name (« Paris » is no « partis »), or a tier's
    // with a typo (« Busines ») when it is near no partner's name.
    if (isWord(w) || context.partners.firstWordMatches(w, { fuzzy: false }).length > 0) return w;
    if (i > 0 && /^\p{Lu}/u.test(raw[i]!))
      return context.partners.firstWordMatches(w, { fuzzy: true }).length > 0
        ? w
        : (typoOf(w, tierWords.keys()) ?? w);
    return typoOf(w, TYPO_TARGETS) ?? typoOf(w, tierWords.keys()) ?? w;
  };
  const low = typed.map(readAs);
  // The benefits named by the catalog's words read as benefits (replaced twice: the matches share spaces).
  const s = ` ${low.join(' ')} `.replace(BENEFIT_NAMES, ' avantages ').replace(BENEFIT_NAMES, ' avantages ');
  const seen = new Map<string, boolean>();
  const has = (key: keyof typeof PATTERNS, on = s) => {
    if (on !== s) return PATTERNS[key].test(on);
    const known = seen.get(key);
    if (known !== undefined) return known;
    const found = PATTERNS[key].test(s);
    seen.set(key, found);
    return found;
  };

  // The words that name a tier (not « Starter » of the Starter Packs, nor "access" of "access to").
  const tierLow = tierNamesOnly(low, tierWords);
  const tierMentioned = findTier(tierLow, tierWords);
  const known = isWord;

  const mentions = findPartners(low, context.partners, known);
  const named = new Set(mentions.flatMap((m) => m.candidates.map((c) => c.id)));
  const single = mentions.length > 0 && mentions.every((m) => m.candidates.length === 1) && named.size === 1;
  const namedId = single ? [...named][0] : undefined;
  const nameLike = named.size === 0 ? findUnknownName(raw, low, known, mentions) : undefined;
  // An unknown word is taken for a name only in a question that asks something, or follows one up.
  const asked = joinedIntents(s, has);
  const asksSomething = asked.length > 0 || has('program') || has('nextEvaluation');
  const followsUp = has('followUp') && context.previous !== undefined;
  const unknownName =
    nameLike && (asksSomething || (followsUp && nameLike.placed)) ? nameLike.name : undefined;

  // A list of the asker's partners: "which partners are at risk?", « qui risque de descendre ? »
  const filterWords = has('atRisk') || has('overdue') || has('withinReach') || has('left');
  const withoutFilters = FILTERS_EVERYWHERE.reduce((acc, p) => acc.replace(p, '  '), s);
  // « qui a des devoirs en retard ? »: the duties are the filter's.
  const specificBesidesFilters = partnerIntents(withoutFilters, has).filter(
    (k) => k !== 'status' && !(k === 'obligations' && has('overdue') && has('whoever')),
  );
  const list =
    named.size === 0 &&
    !unknownName &&
    !has('manager') &&
    ((has('portfolio') &&
      !has('benefits') &&
      !has('bring') &&
      ((!has('program') && !has('nextEvaluation')) || filterWords)) ||
      (has('who') &&
        (has('whoever') || !has('subject')) &&
        filterWords &&
        specificBesidesFilters.length === 0) ||
      (context.previous?.intent === 'list' && filterWords && specificBesidesFilters.length === 0));

  // A question about the bot itself ("what can you do?") is help, whatever its other words.
  if (has('aboutBot') && named.size === 0 && !unknownName) return intent({ kind: 'help' });

  // "What does Premium bring?", and in a thread that asked it of a tier, « et Premium ? ».
  const tierAsked =
    has('benefits') || has('bring') || (asked.length === 0 && context.previous?.intent === 'tier-benefits');
  if (tierMentioned && named.size === 0 && tierAsked)
    return intent({ kind: 'tier-benefits', tier: tierMentioned });
  // Two tiers' benefits: which one first?
  const tiersMentioned = new Set(tierLow.map((w) => tierWords.get(w)).filter((t) => t !== undefined));
  if (tiersMentioned.size > 1 && named.size === 0 && tierAsked)
    return clarify(
      'intents',
      [...tiersMentioned].map((tier) => ({ kind: 'tier-benefits', tier })),
    );

  if (list) {
    const filters: ListFilterIntent[] = [];
    if (has('atRisk')) filters.push({ kind: 'at-risk' });
    if (has('withinReach')) filters.push({ kind: 'within-reach' });
    if (has('overdue')) filters.push({ kind: 'overdue' });
    if (has('left')) filters.push({ kind: 'left' });
    if (!filters.length && tierMentioned) filters.push({ kind: 'tier', tier: tierMentioned });
    if (filters.length > 1)
      return clarify(
        'intents',
        filters.map((filter) => ({ kind: 'list', filter })),
      );
    return intent(filters[0] ? { kind: 'list', filter: filters[0] } : { kind: 'list' });
  }

  let kinds = asked;
  const programAsked = has('program');
  // "When is the next tier evaluation?" asks a date, not what is missing for the next tier.
  const nextEvaluation = has('nextEvaluation') && !has('missingStrong');
  // A question about the program joined to one about a partner (« qui est notre manager et quand est la
  // prochaine évaluation ? ») asks both: the partner's side keeps its reads, the program's is offered too.
  const alsoAsked: Intent[] = [];
  const sides = coordinated(s);
  const partnerSides = (general: keyof typeof PATTERNS, vague: readonly PartnerIntentKind[]) => {
    if (sides.length < 2 || !sides.some((side) => has(general, side))) return [];
    const others = sides.filter((side) => !has(general, side));
    return [...new Set(others.flatMap((side) => partnerIntents(side, has)))].filter(
      (k) => !vague.includes(k),
    );
  };
  const besideEvaluation = nextEvaluation ? partnerSides('nextEvaluation', []) : [];
  const besideProgram = programAsked && named.size === 0 ? partnerSides('program', ['tier', 'status']) : [];
  if (besideEvaluation.length) {
    kinds = besideEvaluation;
    alsoAsked.push({ kind: 'next-evaluation' });
  } else if (nextEvaluation)
    kinds = kinds.filter((k) => k !== 'tier' && k !== 'status' && k !== 'history' && k !== 'missing');
  if (besideProgram.length) {
    kinds = [...new Set([...kinds, ...besideProgram])].filter((k) => k !== 'tier' && k !== 'status');
    alsoAsked.push({ kind: 'program' });
  } else if (programAsked && named.size === 0 && kinds.every((k) => k === 'tier' || k === 'status'))
    kinds = [];

  // Two questions about the program, one of them its next evaluation: which first?
  const programBeside =
    nextEvaluation && sides.some((side) => has('program', side) && !has('nextEvaluation', side));
  if (kinds.length === 0 && named.size === 0 && programBeside)
    return clarify('intents', [{ kind: 'program' }, { kind: 'next-evaluation' }]);
  if (kinds.length === 0) {
    if (nextEvaluation) return intent({ kind: 'next-evaluation' });
    if (programAsked && named.size === 0) return intent({ kind: 'program' });
    if (programAsked) kinds = ['tier'];
  }
  if (kinds.length === 0 && has('help') && named.size === 0) return intent({ kind: 'help' });

  // A tier named about a partner, nothing else asked: « Fibre est en Business ou en Premium ? »
  if (kinds.length === 0 && !programAsked && mentionsTier(tierLow, tierWords, mentions)) kinds = ['tier'];
  // ... or beside a status asked: "are they on track to keep Business?" asks the tier.
  if (kinds.length === 1 && kinds[0] === 'status' && mentionsTier(tierLow, tierWords, mentions))
    kinds = ['tier'];
  // Named, but nothing asked: a follow-up (« et pour Garonne ? ») asks the thread's question again.
  let repeated = false;
  if (kinds.length === 0 && (named.size > 0 || unknownName)) {
    const previous = context.previous?.intent;
    repeated = previous !== undefined && isPartnerKind(previous);
    kinds = [repeated ? (previous as PartnerIntentKind) : 'status'];
  }
  if (kinds.length === 0) {
    if (low.length > 0 && low.every((w) => FILLER.has(w))) return intent({ kind: 'help' });
    return clarify('unrecognised', suggestions(context));
  }

  // Trainings and no other kind of obligation: the obligations card narrowed to them; a follow-up
  // (« et pour Garonne ? ») keeps the part its thread was about.
  const focus: ObligationsFocus | undefined = repeated
    ? context.previous?.focus
    : has('trainings') && !has('otherDuties')
      ? 'trainings'
      : undefined;
  // Obligations named by their labels' words, the partners' names left out (« Bretagne Communication »).
  const ownWords = low.filter((_, i) => !mentions.some((m) => i >= m.start && i < m.end));
  const codes = repeated
    ? (context.previous?.codes ?? [])
    : obligationsNamed(
        ownWords,
        context.obligations ?? [],
        focus === 'trainings' ? { kind: 'training' } : {},
      );
  const about = (kind: PartnerIntentKind, partnerId: string): Intent =>
    kind !== 'obligations'
      ? { kind, partnerId }
      : { kind, partnerId, ...(focus ? { focus } : {}), ...(codes.length ? { codes } : {}) };

  // One partner for the question.
  const choose = (partnerId: string): Intent[] => kinds.map((kind) => about(kind, partnerId));
  if (named.size > 1) {
    const ids = mentions.flatMap((m) => m.candidates.map((c) => c.id));
    return clarify(
      'partners',
      [...new Set(ids)].slice(0, 10).map((partnerId) => about(kinds[0]!, partnerId)),
    );
  }
  let partnerId = namedId;
  let partnerFrom: 'named' | 'thread' | 'default' = 'named';
  if (!partnerId && unknownName) {
    const close = closestPartners(context.partners, unknownName.split(' ')[0]!);
    return {
      kind: 'clarify',
      reason: 'partner-unknown',
      query: unknownName,
      choices: close.map((p) => about(kinds[0]!, p.id)),
    };
  }
  if (!partnerId && context.previous?.partnerId) {
    partnerId = context.previous.partnerId;
    partnerFrom = 'thread';
  }
  if (!partnerId && context.defaultPartnerId) {
    partnerId = context.defaultPartnerId;
    partnerFrom = 'default';
  }
  if (!partnerId) return clarify('partner-missing', []);
  if (kinds.length > 1 || alsoAsked.length) return clarify('intents', [...choose(partnerId), ...alsoAsked]);
  return { kind: 'intent', intent: about(kinds[0]!, partnerId), partnerFrom };
}

function intent(i: Intent): Understanding {
  return { kind: 'intent', intent: i };
}

function clarify(reason: Clarification['reason'], choices: Intent[]): Clarification {
  return { kind: 'clarify', reason, choices };
}

function isPartnerKind(kind: IntentKind): kind is PartnerIntentKind {
  return (PARTNER_INTENTS as readonly string[]).includes(kind);
}

/** Two questions joined by « et », "and"...: each side may ask its own (« leur palier et leurs devoirs ? »). */
const COORDINATION = / (?:et|and|&|ainsi que|as well as|puis) /;

/** The sides of a question's coordinations, each with spaces around it like the whole. */
function coordinated(s: string): string[] {
  return s
    .split(COORDINATION)
    .map((side) => ` ${side.trim()} `)
    .filter((side) => side.trim().length > 0);
}

/**
 * The reads asked for, each side of a coordination counted on its own, so that a vaguer read named on its
 * side (« leur palier », "our tier") is not taken for part of the other side's.
 */
function joinedIntents(
  s: string,
  has: (key: keyof typeof PATTERNS, on?: string) => boolean,
): PartnerIntentKind[] {
  const whole = partnerIntents(s, has);
  const sides = coordinated(s)
    .map((side) => partnerIntents(side, has))
    .filter((kinds) => kinds.length > 0);
  if (sides.length < 2) return whole;
  return [...new Set([...whole, ...sides.flat()])];
}

/** The reads about one partner the words ask for, the vaguer ones left out when a precise one is there. */
function partnerIntents(
  s: string,
  has: (key: keyof typeof PATTERNS, on?: string) => boolean,
): PartnerIntentKind[] {
  const kinds = new Set<PartnerIntentKind>();
  if (has('manager', s)) kinds.add('manager');
  // Its people, unless their duties are what is asked (« la formation de notre référent technique »).
  if (has('contacts', s) && !has('trainings', s) && !has('obligations', s) && !has('duty', s))
    kinds.add('contacts');
  if (has('history', s)) kinds.add('history');
  if (has('zen', s)) kinds.add('zen');
  const duty = has('obligations', s) || (has('duty', s) && !has('missingStrong', s));
  if (duty && !has('zen', s)) kinds.add('obligations');
  const benefits = has('benefits', s);
  if (benefits) kinds.add('benefits');
  if (has('missingStrong', s)) kinds.add('missing');
  else if (has('nextTier', s) && !benefits && !has('bring', s)) kinds.add('missing');
  else if (has('nextTier', s) && has('bring', s)) kinds.add('benefits');
  if (has('tier', s) || has('demotion', s)) kinds.add('tier');
  // What a partner's tier brings it is its benefits: « que nous apporte notre palier ? »
  if (has('brings', s) && has('tier', s)) kinds.add('benefits');
  if (has('status', s)) kinds.add('status');
  if (kinds.size > 1) kinds.delete('status');
  if (kinds.size > 1) kinds.delete('tier');
  // Being entitled to something is asking a benefit, even a person (« le Commercial dédié, on y a droit ? »).
  if (has('entitlement', s)) {
    kinds.add('benefits');
    kinds.delete('manager');
    kinds.delete('obligations');
    kinds.delete('status');
  }
  if (kinds.has('manager')) return ['manager'];
  // What Experts Zen still needs is the Zen card's.
  if (kinds.has('zen')) kinds.delete('missing');
  // A partner's duties missed, and its promotions past, are part of its history.
  if (kinds.has('history')) {
    kinds.delete('obligations');
    kinds.delete('missing');
  }
  return [...kinds];
}

/** Each catalog's tier words, worked out once (the catalog does not change while it is in use). */
const TIER_VOCABULARIES = new WeakMap<UnderstandContext['tiers'], Map<string, string>>();

function tierVocabulary(tiers: UnderstandContext['tiers']): Map<string, string> {
  const known = TIER_VOCABULARIES.get(tiers);
  if (known) return known;
  const vocabulary = new Map<string, string>();
  TIER_VOCABULARIES.set(tiers, vocabulary);
  for (const t of tiers) {
    vocabulary.set(t.code.toLowerCase(), t.code);
    for (const label of Object.values(t.label))
      for (const w of tokens(label).low) if (w !== 'partner' && w !== 'partenaire') vocabulary.set(w, t.code);
  }
  return vocabulary;
}

/**
 * The question's words, a tier's name blanked where it is not the tier: where it qualifies one of the
 * catalog's benefits (« les Starter Packs », « le Trophée Partenaire Premium », "Business Partner
 * diplomas"), or where it is an ordinary word ("access to the wiki").
 */
function tierNamesOnly(low: string[], vocabulary: Map<string, string>): string[] {
  const between = new Set(['partenaire', 'partenaires', 'partner', 'partners', 'offres', 'offers']);
  const qualifies = (i: number, step: 1 | -1) => {
    for (let j = i + step, n = 0; j >= 0 && j < low.length && n < 2; j += step, n++) {
      if (TIER_QUALIFIED_NOUNS.has(low[j]!)) return true;
      if (!between.has(low[j]!)) return false;
    }
    return false;
  };
  const ordinary = (i: number) => TIER_WORDS_AS_WORDS[low[i]!]?.includes(low[i + 1] ?? '') ?? false;
  return low.map((w, i) =>
    vocabulary.has(w) && (ordinary(i) || qualifies(i, 1) || qualifies(i, -1)) ? '' : w,
  );
}

/** Whether a tier is named outside the partners' names (« en Business », "still Premium?"). */
function mentionsTier(low: string[], vocabulary: Map<string, string>, mentions: PartnerMention[]): boolean {
  return low.some((w, i) => vocabulary.has(w) && !mentions.some((m) => i >= m.start && i < m.end));
}

function findTier(low: string[], vocabulary: Map<string, string>): string | undefined {
  const found = new Set(low.map((w) => vocabulary.get(w)).filter((t): t is string => t !== undefined));
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The partners named, by position: a word that is a partner's first name word (exact, or for a word the
 * lexicon does not know, one typo away or its start), followed by as many of that name's other words as
 * the question has. Only the best matches at each position are kept.
 */
function findPartners(low: string[], index: PartnerIndex, known: (w: string) => boolean): PartnerMention[] {
  const mentions: PartnerMention[] = [];
  for (let i = 0; i < low.length; i++) {
    const word = low[i]!;
    if (word.length < 2) continue;
    const isKnown = known(word);
    const scored = index
      .firstWordMatches(word, { fuzzy: !isKnown })
      .map(({ partner, exact }) => {
        let k = 1;
        while (
          i + k < low.length &&
          k < partner.words.length &&
          (low[i + k] === partner.words[k] ||
            (low[i + k]!.length >= 4 && withinOneEdit(low[i + k]!, partner.words[k]!)))
        )
          k++;
        // The name's generic next word ("Telecom" after "Access") counts as said.
        if (k === 1 && partner.nextWord !== undefined && low[i + 1] === partner.nextWord) k = 2;
        return { partner, score: (exact ? 2 : 1) + 2 * (k - 1), length: k };
      })
      // A word of the lexicon ("access", "zen") is a partner's only followed by the name's next word
      // ("Access Telecom"), or when it is the partner's id.
      .filter((m) => !isKnown || m.length > 1 || isIdOf(word, m.partner));
    if (!scored.length) continue;
    const best = Math.max(...scored.map((m) => m.score));
    const top = scored.filter((m) => m.score === best);
    const length = Math.max(...top.map((m) => m.length));
    mentions.push({ start: i, end: i + length, candidates: top.map((m) => m.partner) });
    i += length - 1;
  }
  // The same partner named twice is one mention; a mention whose candidates include another's single
  // partner is that partner ("Acme ... Acme Télécom").
  const singles = new Set(mentions.filter((m) => m.candidates.length === 1).map((m) => m.candidates[0]!.id));
  return mentions.map((m) =>
    m.candidates.length > 1 && m.candidates.some((c) => singles.has(c.id))
      ? { ...m, candidates: m.candidates.filter((c) => singles.has(c.id)) }
      : m,
  );
}

function isIdOf(word: string, partner: IndexedPartner): boolean {
  return partner.id.toLowerCase() === word && !FILLER.has(word);
}

/**
 * A name the question seems to give (`placed` where a name goes, not only for want of other words) that is no partner's: unknown words right after « de », "for"..., or
 * capitalised ones past the first word, or a question made of nothing else.
 */
function findUnknownName(
  raw: string[],
  low: string[],
  known: (w: string) => boolean,
  mentions: PartnerMention[],
): { name: string; placed: boolean } | undefined {
  const inMention = (i: number) => mentions.some((m) => i >= m.start && i < m.end);
  const unknown = (i: number) => !known(low[i]!) && !inMention(i) && low[i]!.length >= 2;
  const run = (i: number) => {
    let j = i;
    while (j < low.length && unknown(j)) j++;
    return raw.slice(i, j).join(' ');
  };
  for (let i = 0; i < low.length; i++) {
    if (!unknown(i)) continue;
    const afterMarker = i > 0 && NAME_MARKERS.has(low[i - 1]!);
    // A capital starts a name anywhere, the question's first word included (« Zorglub est à quel palier ? »):
    // the words a question starts with otherwise are the lexicon's.
    const capitalised = /^\p{Lu}/u.test(raw[i]!) && (i > 0 || low.length > 1);
    if (afterMarker || capitalised) return { name: run(i), placed: true };
  }
  const content = low.map((_, i) => i).filter((i) => !FILLER.has(low[i]!));
  if (content.length > 0 && content.every(unknown)) return { name: run(content[0]!), placed: false };
  return undefined;
}

/** Three questions to try when nothing was recognised, chosen for who asks and where. */
function suggestions(context: UnderstandContext): Intent[] {
  const partnerId = context.previous?.partnerId ?? context.defaultPartnerId;
  if (context.audience === 'staff')
    return partnerId
      ? [{ kind: 'status', partnerId }, { kind: 'list', filter: { kind: 'at-risk' } }, { kind: 'help' }]
      : [
          { kind: 'list', filter: { kind: 'at-risk' } },
          { kind: 'list', filter: { kind: 'overdue' } },
          { kind: 'help' },
        ];
  if (partnerId)
    return [
      { kind: 'status', partnerId },
      { kind: 'obligations', partnerId },
      { kind: 'benefits', partnerId },
    ];
  return [{ kind: 'program' }, { kind: 'next-evaluation' }, { kind: 'help' }];
}
