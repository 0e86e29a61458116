import { describe, expect, it } from 'vitest';
import { buildPartnerIndex } from '../../src/assistant/partner-index.js';
import { understand } from '../../src/assistant/understand.js';
import { assistantMessages } from '../../src/i18n/assistant.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import { namesWrongPartner, understandContexts } from './understand.contexts.js';
import { CORPUS, type CorpusContext, PARTNERS, summary } from './understand.corpus.js';
import { DEV } from './understand.dev.js';
import { FRESH } from './understand.fresh.js';
import { HELDOUT } from './understand.heldout.js';

const catalog = loadCatalog('src/program/catalog.yml');
const partners = buildPartnerIndex(PARTNERS);
const CONTEXTS = understandContexts(partners, catalog.tiers, catalog.obligations);

type Set = Record<CorpusContext, readonly (readonly [question: string, expected: string])[]>;

function questionsOf(set: Set) {
  return Object.entries(set).flatMap(([context, entries]) =>
    entries.map(([question, expected]) => ({ context: context as CorpusContext, question, expected })),
  );
}

const questions = questionsOf(CORPUS);

/** What a question is understood as, in one of the contexts, as `summary` writes it. */
const ask = (q: string, context: CorpusContext = 'dm') => summary(understand(q, CONTEXTS[context]));

/**
 * A set's questions understood, with the share understood exactly and the questions answered with a wrong
 * partner (worse than a miss: a partner named with confidence that is not the one asked about).
 */
function score(name: string, set: Set) {
  const results = questionsOf(set).map((q) => ({
    ...q,
    got: summary(understand(q.question, CONTEXTS[q.context])),
  }));
  const misses = results.filter((r) => r.got !== r.expected);
  const wrongPartner = results.filter((r) =>
    namesWrongPartner(r.got, r.expected, (id) => PARTNERS.some((p) => p.id === id)),
  );
  const share = (results.length - misses.length) / results.length;
  console.log(
    `${name}: understood ${results.length - misses.length} of ${results.length} ` +
      `(${(share * 100).toFixed(1)} %), wrong partner ${wrongPartner.length}`,
  );
  for (const m of misses) console.log(`  [${m.context}] ${m.question} -> ${m.got} (expected ${m.expected})`);
  return { results, share, wrongPartner: wrongPartner.map((r) => `${r.question} -> ${r.got}`) };
}

describe('understanding questions in plain French and English', () => {
  it('has a corpus of at least 200 questions, in both languages, with clarifications', () => {
    expect(questions.length).toBeGreaterThanOrEqual(200);
    expect(questions.filter((q) => q.expected.startsWith('clarify')).length).toBeGreaterThanOrEqual(20);
  });

  it('understands at least 95 % of the corpus exactly, and never names a wrong partner', () => {
    const { share, wrongPartner } = score('CORPUS', CORPUS);
    expect(wrongPartner).toEqual([]);
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it.each<[name: string, how: string, set: Set, size: number]>([
    ['DEV', 'questions written blind', DEV, 150],
    ['HELDOUT', 'measured blind, then tuned on', HELDOUT, 80],
    // FRESH was written blind by a third person and measured once, on the understander tuned on DEV and
    // HELDOUT: 96 of 100. Its misses are left as they were measured, as a check on new phrasings.
    ['FRESH', 'written blind, never tuned on', FRESH, 100],
  ])(
    'understands at least 95 % of %s (%s) exactly, and never names a wrong partner',
    (name, _how, set, size) => {
      const { results, share, wrongPartner } = score(name, set);
      expect(results.length).toBe(size);
      expect(wrongPartner).toEqual([]);
      expect(share).toBeGreaterThanOrEqual(0.95);
    },
  );

  it('asks back rather than guessing on every question the corpus, DEV or HELDOUT says to clarify', () => {
    for (const q of [...questions, ...questionsOf(DEV), ...questionsOf(HELDOUT)].filter((x) =>
      x.expected.startsWith('clarify'),
    ))
      expect(understand(q.question, CONTEXTS[q.context]).kind, q.question).toBe('clarify');
  });

  it('offers the partners that fit, and three questions when nothing is recognised', () => {
    const two = understand('où en est Alpes ?', CONTEXTS.dm);
    expect(two).toMatchObject({ kind: 'clarify', reason: 'partners' });
    expect(two.kind === 'clarify' && two.choices.map((c) => ('partnerId' in c ? c.partnerId : ''))).toEqual([
      'alpes',
      'alpes-cloud',
    ]);
    const none = understand('la météo à Paris demain', CONTEXTS.contact);
    expect(none.kind === 'clarify' && none.choices.length).toBe(3);
    const unknown = understand('où en est Garonnne Telekom ?', CONTEXTS.dm);
    expect(summary(unknown)).toBe('status garonne');
    const typo = understand('les devoirs de Zorbonne', CONTEXTS.dm);
    expect(typo).toMatchObject({ kind: 'clarify', reason: 'partner-unknown', query: 'Zorbonne' });
    expect(summary(understand('les devoirs de Garonnx', CONTEXTS.dm))).toBe('obligations garonne');
  });

  it('reads a keyword through one typo, but not another word or a name', () => {
    expect(ask('les avanatges de Kappa')).toBe('benefits kappa');
    expect(ask('historiqe de Hexa')).toBe('history hexa');
    expect(ask('quel est le plaier de Jura ?')).toBe('tier jura');
    expect(ask('obligatoins of Iris')).toBe('obligations iris');
    // A different ending is another word: « commande » is no « commandes » (help).
    expect(ask('commande des cafés', 'contact')).toBe('clarify unrecognised');
    // Nor is a short word: « paris » is no « partis » (the partners that left).
    expect(ask('qui est à Paris ?')).toBe('clarify unrecognised');
    expect(ask('qui est à paris ?')).toBe('clarify unrecognised');
  });

  it('asks back when two questions are joined, each side asking its own', () => {
    const reasonOf = (q: string, context: CorpusContext) => {
      const u = understand(q, CONTEXTS[context]);
      return u.kind === 'clarify' ? u.reason : summary(u);
    };
    expect(reasonOf('leur palier et leur historique ?', 'acme')).toBe('intents');
    expect(reasonOf('our tier and our obligations?', 'contact')).toBe('intents');
    expect(reasonOf('avantages du palier Access et du palier Business', 'dm')).toBe('intents');
    // One question with « et » in it is still one question.
    expect(reasonOf('historique des paliers et des trimestres manqués', 'acme')).toBe('history acme');
    expect(reasonOf('ok et leurs avantages ?', 'acme')).toBe('benefits acme');
  });

  it('understands every example of its help, in both languages, the French in the deck’s words (« statut »)', () => {
    const expected = {
      staff: [
        'status acme',
        'obligations garonne',
        'list at-risk',
        'list within-reach',
        'missing delta',
        'contacts garonne',
        'tier-benefits premium',
      ],
      contact: [
        'status garonne',
        'benefits garonne',
        'obligations garonne',
        'obligations garonne',
        'missing garonne',
        'manager garonne',
        'next-evaluation',
      ],
      other: ['program', 'tier-benefits business', 'next-evaluation'],
    } as const;
    for (const locale of ['fr', 'en'] as const)
      for (const [audience, intents] of Object.entries(expected) as [
        keyof typeof expected,
        readonly string[],
      ][])
        expect(
          assistantMessages[locale].help[audience].map((q) =>
            ask(q, audience === 'contact' ? 'contact' : 'dm'),
          ),
          `${locale} ${audience}`,
        ).toEqual(intents);
    const h = assistantMessages.fr.help;
    expect(h.staff[4]).toBe('Combien manque-t-il à Delta pour le statut suivant\u00a0?');
    expect(assistantMessages.fr.tierBenefits.cumulative).toBe(
      'Un statut comprend les avantages des statuts inférieurs.',
    );
  });

  it('takes pronouns and courtesy for what they are, never for a partner unknown', () => {
    expect(ask('any promo left for them?', 'acme')).toBe('benefits acme');
    expect(ask("d'accord, merci beaucoup", 'thread')).toBe('help');
    expect(ask('super, et qui les suit ?', 'thread')).toBe('manager delta');
  });

  it("knows the catalog's benefits and duties by their names, in both languages, never as a partner's", () => {
    // The Experts Zen listing is the Zen card's.
    for (const b of catalog.benefits.filter((x) => x.code !== 'experts-zen-listing'))
      for (const q of [`on a droit à « ${b.label.fr} » ?`, `do we get the ${b.label.en}?`])
        expect(ask(q, 'contact'), q).toBe('benefits garonne');
    for (const o of catalog.obligations)
      for (const q of [`notre « ${o.label.fr} » est fait ?`, `is our ${o.label.en} done?`, `${o.label.en}?`])
        expect(ask(q, 'contact'), q).toBe('obligations garonne');
    // A tier's name in a benefit's is not the tier asked about; nor is "access to".
    expect(ask('on a reçu le Trophée Partenaire Premium ?', 'contact')).toBe('benefits garonne');
    expect(ask('do we have access to the Starter Packs?', 'contact')).toBe('benefits garonne');
    expect(ask('que donne le palier Access ?', 'contact')).toBe('tier-benefits access');
  });

  it('reads months, ordinals and small words as words, a program question joined to another as two, the past as history', () => {
    const cases: [question: string, expected: string, context?: CorpusContext][] = [
      ['qui pourrait descendre d’un palier en Janvier ?', 'list at-risk'],
      ['la réévaluation a lieu le 1er Juillet ?', 'next-evaluation'],
      ['les avantages dont profite Kappa', 'benefits kappa'],
      ['what are the fees for operators and when is the next review?', 'clarify intents'],
      ['leur palier, et quand est la prochaine évaluation ?', 'clarify intents', 'acme'],
      ['how long until the tiers are recomputed?', 'next-evaluation', 'acme'],
      // A past change of tier is the history's, not the next evaluation's.
      ['when did they last change tier?', 'history acme', 'acme'],
      ['has Bretagne ever been demoted?', 'history bretagne'],
      // A partner as the subject is the partner asked about, not a list; what its tier brings, its benefits.
      ['any chance they get demoted?', 'tier acme', 'acme'],
      ['any partner about to be demoted?', 'list at-risk', 'acme'],
      ['que nous apporte notre palier ?', 'benefits garonne', 'contact'],
    ];
    for (const [question, expected, context] of cases)
      expect(ask(question, context), question).toBe(expected);
  });

  it('narrows the obligations to the trainings when they alone are asked about', () => {
    const focus = (q: string, context: CorpusContext = 'contact') => {
      const u = understand(q, CONTEXTS[context]);
      return u.kind === 'intent' && u.intent.kind === 'obligations' ? (u.intent.focus ?? 'all') : summary(u);
    };
    for (const q of [
      'mes formations',
      'quelles formations dois-je encore suivre ?',
      'il nous reste des webinars à faire ?',
      'what trainings do we still have to do?',
      'any overdue trainings?',
    ])
      expect(focus(q), q).toBe('trainings');
    expect(focus('formations en retard chez Kappa ?', 'dm')).toBe('trainings');
    // Another kind of obligation, or obligations as a whole, beside the trainings: the whole card.
    for (const q of [
      'nos devoirs et nos formations ?',
      'formations et documents en retard ?',
      'what trainings and contracts are missing?',
      'quels documents nous manquent ?',
      'que doit-on encore faire ?',
    ])
      expect(focus(q), q).toBe('all');
  });

  it('asks for a partner’s people by their contacts and referents; the vendor’s contact is the manager', () => {
    const cases: [question: string, expected: string, context?: CorpusContext][] = [
      ['qui sont les contacts de Garonne ?', 'contacts garonne'],
      ['qui est le référent technique chez Kappa ?', 'contacts kappa'],
      ['liste des contacts de Jura', 'contacts jura'],
      ['les interlocuteurs de Hexa', 'contacts hexa'],
      ['who are the contacts at Hexa?', 'contacts hexa'],
      ['nos référents', 'contacts garonne', 'contact'],
      ['who is our sales referent?', 'contacts garonne', 'contact'],
      ['contacts', 'contacts acme', 'acme'],
      // Their duties are the obligations'; the vendor's person is the manager.
      ['la formation de notre référent technique est faite ?', 'obligations garonne', 'contact'],
      ['qui est notre contact chez Dstny ?', 'manager garonne', 'contact'],
      ['who should we contact at Dstny?', 'manager garonne', 'contact'],
    ];
    for (const [question, expected, context] of cases)
      expect(ask(question, context), question).toBe(expected);
  });

  it('names the obligations a question is about by their labels’ words, never by a partner’s name', () => {
    const codesOf = (q: string, context: CorpusContext = 'contact') => {
      const u = understand(q, CONTEXTS[context]);
      if (u.kind !== 'intent' || u.intent.kind !== 'obligations') return summary(u);
      return u.intent.codes ?? [];
    };
    expect(codesOf('Kappa a-t-elle signé la charte ?', 'dm')).toEqual(['doc-partner-charter']);
    expect(codesOf('has Jura signed the partner charter?', 'dm')).toEqual(['doc-partner-charter']);
    expect(codesOf('la fiche de qualification de Hexa est faite ?', 'dm')).toEqual([
      'doc-qualification-form',
    ]);
    expect(codesOf('nos prévisions de ventes ?')).toEqual(['sales-forecast']);
    // Both labels hold « plan » and « développement ».
    expect(codesOf('notre plan de développement ?')).toEqual(['doc-development-plan', 'sales-plan-review']);
    // Plurals read as the label's singular; a question about trainings names trainings only.
    expect(codesOf('les webinars opérateurs sont faits ?')).toEqual([
      'trn-operator-webinar-1',
      'trn-operator-webinar-2',
      'trn-operator-webinar-3',
    ]);
    expect(codesOf('la formation présentielle du référent technique ?')).toEqual([
      'trn-onsite-referent-technical',
    ]);
    // Words every kind of obligation has, and a partner's name (« Communication »), name none.
    expect(codesOf('quels documents nous manquent ?')).toEqual([]);
    expect(codesOf('quelles formations dois-je encore suivre ?')).toEqual([]);
    expect(codesOf('que doit encore faire Bretagne Communication ?', 'dm')).toEqual([]);
    // A follow-up asks about the same ones.
    const thread = {
      ...CONTEXTS.dm,
      previous: { intent: 'obligations' as const, partnerId: 'kappa', codes: ['doc-partner-charter'] },
    };
    expect(understand('et pour Hexa ?', thread)).toMatchObject({
      intent: { kind: 'obligations', partnerId: 'hexa', codes: ['doc-partner-charter'] },
    });
  });

  it('keeps a thread on the trainings when a follow-up names another partner, and offers them in its choices', () => {
    const thread = (focus?: 'trainings') => ({
      ...CONTEXTS.dm,
      previous: { intent: 'obligations' as const, partnerId: 'acme', ...(focus ? { focus } : {}) },
    });
    const followUp = understand('et pour Kappa ?', thread('trainings'));
    expect(followUp).toMatchObject({
      kind: 'intent',
      intent: { kind: 'obligations', partnerId: 'kappa', focus: 'trainings' },
    });
    // A thread about the whole card stays on it; a follow-up asking for something else leaves the trainings.
    expect(understand('et pour Kappa ?', thread())).toMatchObject({ intent: { kind: 'obligations' } });
    expect(understand('et pour Kappa ?', thread())).not.toMatchObject({ intent: { focus: 'trainings' } });
    expect(understand('et ses documents ?', thread('trainings'))).not.toMatchObject({
      intent: { focus: 'trainings' },
    });
    expect(understand('et ses avantages ?', thread('trainings'))).toMatchObject({
      intent: { kind: 'benefits' },
    });
    // Two partners that fit the name, or two things asked: the trainings are what each choice shows.
    const partners = understand('formations en retard chez Alpes ?', CONTEXTS.dm);
    expect(partners).toMatchObject({ kind: 'clarify', reason: 'partners' });
    const two = understand('leur statut et leurs formations ?', CONTEXTS.acme);
    expect(two).toMatchObject({ kind: 'clarify', reason: 'intents' });
    const choices = [partners, two].flatMap((u) => (u.kind === 'clarify' ? u.choices : []));
    expect(choices.filter((c) => c.kind === 'obligations')).toEqual([
      { kind: 'obligations', partnerId: 'alpes', focus: 'trainings' },
      { kind: 'obligations', partnerId: 'alpes-cloud', focus: 'trainings' },
      { kind: 'obligations', partnerId: 'acme', focus: 'trainings' },
    ]);
  });

  it('is deterministic and ignores Slack mentions and markup', () => {
    const a = understand('<@U0BOT> où en est Acme ?', CONTEXTS.dm);
    expect(a).toEqual(understand('où en est Acme ?', CONTEXTS.dm));
    expect(summary(a)).toBe('status acme');
  });
});
