import { describe, expect, it } from 'vitest';
import { complete } from '../../src/console/completion.js';
import { answerField, fieldQuestion, formFields, stateValues } from '../../src/console/modal-form.js';
import { renderBlocks } from '../../src/console/render-text.js';
import { consoleMessages } from '../../src/i18n/index.js';
import { frenchTypographyIssues } from '../support/typography.js';

const words = {
  consoleWords: ['users', 'as', 'quit'],
  subcommands: ['status', 'tier', 'training', 'obligations'],
  partners: [
    { id: 'acme', name: 'Acme Télécom' },
    { id: 'alpes-voip', name: 'Alpes VoIP' },
    { id: 'beta', name: 'Beta Networks' },
  ],
};

describe('Tab completion in the console', () => {
  it('completes the first word among the console words, /partner and the subcommands', () => {
    expect(complete('t', words)).toEqual([['tier', 'training'], 't']);
    expect(complete('/pa', words)).toEqual([['/partner'], '/pa']);
    expect(complete('qu', words)).toEqual([['quit'], 'qu']);
  });

  it('completes the subcommand after /partner, then a partner by name (accents and case ignored) or id', () => {
    expect(complete('/partner ob', words)).toEqual([['obligations'], 'ob']);
    expect(complete('status a', words)).toEqual([['Acme Télécom', 'Alpes VoIP'], 'a']);
    expect(complete('/partner tier acme tele', words)).toEqual([['Acme Télécom'], 'acme tele']);
    expect(complete('tier ACME T', words)).toEqual([['Acme Télécom'], 'ACME T']);
    expect(complete('tier alpes-', words)).toEqual([['alpes-voip'], 'alpes-']);
    expect(complete('nonsense a', words)).toEqual([[], 'nonsense a']);
  });
});

const doneModal = {
  blocks: [
    { type: 'section', text: { type: 'mrkdwn', text: 'Acme' } },
    {
      type: 'input',
      block_id: 'item',
      label: { type: 'plain_text', text: 'Item' },
      element: {
        type: 'static_select',
        action_id: 'item',
        option_groups: [
          {
            options: [
              { text: { type: 'plain_text', text: 'Partner charter' }, value: 'doc-partner-charter' },
            ],
          },
          { options: [{ text: { type: 'plain_text', text: 'Zen charter' }, value: 'zen-charter' }] },
        ],
      },
    },
    {
      type: 'input',
      block_id: 'contact',
      optional: true,
      label: { type: 'plain_text', text: 'Contact' },
      element: { type: 'users_select', action_id: 'contact' },
    },
    {
      type: 'input',
      block_id: 'date',
      label: { type: 'plain_text', text: 'Done on' },
      element: { type: 'datepicker', action_id: 'date', initial_date: '2026-03-20' },
    },
  ],
};

describe('a modal asked field by field', () => {
  const fields = formFields(doneModal);
  const users = new Map([['U0ACME0ADM', 'Camille Acme']]);
  const en = consoleMessages.en.field;

  it('asks each input in order, with a select’s options numbered and what Enter keeps', () => {
    expect(fields.map((f) => [f.blockId, f.kind, f.optional])).toEqual([
      ['item', 'select', false],
      ['contact', 'user', true],
      ['date', 'date', false],
    ]);
    expect(fieldQuestion(fields[0]!, en)).toBe('  1. Partner charter\n  2. Zen charter\nItem: ');
    expect(fieldQuestion(fields[2]!, en)).toContain('Enter keeps 2026-03-20');
  });

  it('turns answers into the state Slack sends, and explains a wrong one', () => {
    expect(answerField(fields[0]!, '2', users, en)).toEqual({
      state: {
        type: 'static_select',
        selected_option: { text: { type: 'plain_text', text: 'Zen charter' }, value: 'zen-charter' },
      },
    });
    expect(answerField(fields[0]!, 'partner ch', users, en)).toMatchObject({
      state: { selected_option: { value: 'doc-partner-charter' } },
    });
    expect(answerField(fields[0]!, '9', users, en)).toEqual({
      error: 'Type the number of one of the 2 options.',
    });
    expect(answerField(fields[0]!, '', users, en)).toEqual({ error: 'Item is required.' });
    expect(answerField(fields[1]!, 'camille', users, en)).toEqual({
      state: { type: 'users_select', selected_user: 'U0ACME0ADM' },
    });
    expect(answerField(fields[1]!, '', users, en)).toEqual({ state: undefined });
    expect(answerField(fields[2]!, '', users, en)).toEqual({
      state: { type: 'datepicker', selected_date: '2026-03-20' },
    });
    expect(answerField(fields[2]!, '20/03/2026', users, en)).toEqual({ error: 'Type a date as YYYY-MM-DD.' });
    const fr = consoleMessages.fr.field;
    expect(fieldQuestion(fields[2]!, fr)).toBe('Done on (AAAA-MM-JJ\u202f; Entrée garde 2026-03-20)\u202f: ');
    expect(answerField(fields[0]!, '', users, fr)).toEqual({ error: 'Item\u202f: une valeur est requise.' });
    expect(answerField(fields[0]!, '9', users, fr)).toEqual({
      error: 'Tapez le numéro de l’une des 2\u00a0options.',
    });
    const states = new Map([['item', { type: 'static_select', selected_option: { value: 'zen-charter' } }]]);
    expect(stateValues(fields, states)).toEqual({
      item: { item: { type: 'static_select', selected_option: { value: 'zen-charter' } } },
      contact: { contact: { type: 'users_select', value: null } },
      date: { date: { type: 'datepicker', value: null } },
    });
  });
});

describe('buttons rendered to be pressed', () => {
  it('numbers every button, in actions blocks and as a section’s accessory, in reading order', () => {
    const seen: string[] = [];
    let n = 0;
    const text = renderBlocks(
      [
        {
          type: 'section',
          text: { type: 'mrkdwn', text: '• *Charter*' },
          accessory: { type: 'button', action_id: 'done', text: { type: 'plain_text', text: 'Mark done' } },
        },
        {
          type: 'actions',
          block_id: 'b1',
          elements: [
            { type: 'button', action_id: 'confirm', text: { type: 'plain_text', text: 'Confirm' } },
            { type: 'button', action_id: 'reject', text: { type: 'plain_text', text: 'Reject' } },
          ],
        },
      ],
      {
        number: (button, blockId) => {
          seen.push(`${button.action_id}@${blockId ?? '-'}`);
          return ++n;
        },
      },
    );
    expect(text).toBe('• Charter  [1] Mark done\n[2] Confirm [3] Reject');
    expect(seen).toEqual(['done@-', 'confirm@b1', 'reject@b1']);
  });
});

describe('the console’s own words', () => {
  const samples = (value: unknown): string[] => {
    if (typeof value === 'string') return [value];
    if (typeof value === 'function') {
      const text = (value as (...args: unknown[]) => unknown)('Acme', ['AAAA-MM-JJ', 'facultatif']);
      return samples(typeof text === 'string' ? text : (value as (n: number) => string)(2));
    }
    if (Array.isArray(value)) return value.flatMap(samples);
    if (value && typeof value === 'object') return Object.values(value).flatMap(samples);
    return [];
  };

  it('are French as the deck writes it (the keys are the same in every locale: the typecheck says so)', () => {
    const fr = samples(consoleMessages.fr);
    expect(fr.length).toBeGreaterThan(20);
    for (const text of fr) expect(frenchTypographyIssues(text, { ignore: ['Acme'] }), text).toEqual([]);
  });
});
