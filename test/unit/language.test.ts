import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writtenIn } from '../../src/assistant/language.js';
import { DEV, type QuestionSet } from './understand.dev.js';
import { FRESH } from './understand.fresh.js';
import { HELDOUT } from './understand.heldout.js';

/**
 * The sets' questions with their language: each file marks its French and its English questions with a
 * `// French` and a `// English` comment, one entry a line starting with `[` (checked against the set).
 */
function labelled(file: string, set: QuestionSet) {
  const labels: Record<string, string[]> = {};
  let context: string | undefined;
  let language: string | undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const opened = /^ {2}(\w+): \[/.exec(line);
    if (opened) {
      context = opened[1]!;
      labels[context] = [];
      language = undefined;
    } else if (line.includes('// French')) language = 'fr';
    else if (line.includes('// English')) language = 'en';
    else if (context && language && /^ {4}\[/.test(line)) labels[context]!.push(language);
  }
  return Object.entries(set).flatMap(([context, entries]) => {
    expect(labels[context], `${file}: ${context}`).toHaveLength(entries.length);
    return entries.map(([question], i) => ({ question, language: labels[context]![i]! }));
  });
}

describe('the language a question is written in', () => {
  it('tells French from English in sentences, with or without accents, and follow-ups', () => {
    for (const q of [
      'où en est Acme ?',
      'ou en est acme',
      'et pour Garonne ?',
      'quelles formations reste-t-il à Acme ?',
      'formations',
      'c’est quoi notre palier ?',
      '<@U0BOT> qu’est-ce qu’on doit encore faire ?',
    ])
      expect(writtenIn(q), q).toBe('fr');
    for (const q of [
      'where is Acme at?',
      'and for Beta?',
      'what does Garonne IT still owe?',
      'any overdue trainings?',
      'who manages them?',
    ])
      expect(writtenIn(q), q).toBe('en');
  });

  it('says nothing when the words do not tell: a name, a command word, Slack markup', () => {
    for (const q of ['Acme ?', 'status acme', 'Experts Zen', '<@U0BOT>', '', 'ok'])
      expect(writtenIn(q), q).toBeUndefined();
  });

  it.each([
    ['DEV', 'test/unit/understand.dev.ts', DEV],
    ['FRESH', 'test/unit/understand.fresh.ts', FRESH],
    ['HELDOUT', 'test/unit/understand.heldout.ts', HELDOUT],
  ] as const)('names the language of 95 %% of %s’s questions, and never the wrong one', (_, file, set) => {
    const questions = labelled(file, set);
    expect(questions.length).toBeGreaterThan(50);
    const wrong = questions.filter((q) => {
      const got = writtenIn(q.question);
      return got !== undefined && got !== q.language;
    });
    const told = questions.filter((q) => writtenIn(q.question) === q.language);
    expect(wrong).toEqual([]);
    expect(told.length / questions.length).toBeGreaterThanOrEqual(0.95);
  });
});
