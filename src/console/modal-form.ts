import type { ConsoleMessages } from '../i18n/index.js';
import { searchKey } from '../program/text.js';

/** One input of a modal, as the console asks for it. */
export interface FormField {
  blockId: string;
  actionId: string;
  label: string;
  hint?: string | undefined;
  optional: boolean;
  kind: 'text' | 'select' | 'user' | 'date';
  /** A select's options (groups flattened), in the modal's order. */
  options: { text: string; value: string }[];
  /** What an empty answer keeps: the initial value, option or date. */
  initial?: string | undefined;
}

type Text = { text?: string };
type Option = { text?: Text; value?: string };
type Element = {
  type?: string;
  action_id?: string;
  options?: Option[];
  option_groups?: { options?: Option[] }[];
  initial_value?: string;
  initial_option?: Option;
  initial_date?: string;
  initial_user?: string;
};
type InputBlock = {
  type?: string;
  block_id?: string;
  label?: Text;
  hint?: Text;
  optional?: boolean;
  element?: Element;
};

const KINDS: Record<string, FormField['kind']> = {
  plain_text_input: 'text',
  number_input: 'text',
  static_select: 'select',
  users_select: 'user',
  datepicker: 'date',
};

/** The inputs of a modal the console can ask for, in order (other blocks are shown, not asked). */
export function formFields(view: { blocks?: unknown[] }): FormField[] {
  return ((view.blocks ?? []) as InputBlock[]).flatMap((block): FormField[] => {
    const element = block.element;
    const kind = element?.type ? KINDS[element.type] : undefined;
    if (block.type !== 'input' || !element || !kind || !block.block_id || !element.action_id) return [];
    const options = [
      ...(element.options ?? []),
      ...(element.option_groups ?? []).flatMap((g) => g.options ?? []),
    ]
      .filter((o) => o.value !== undefined)
      .map((o) => ({ text: o.text?.text ?? o.value!, value: o.value! }));
    const initial =
      element.initial_value ?? element.initial_option?.value ?? element.initial_date ?? element.initial_user;
    return [
      {
        blockId: block.block_id,
        actionId: element.action_id,
        label: block.label?.text ?? block.block_id,
        hint: block.hint?.text,
        optional: block.optional === true,
        kind,
        options,
        initial,
      },
    ];
  });
}

/** The question for a field: its label, its options numbered, what Enter keeps. */
export function fieldQuestion(field: FormField, say: ConsoleMessages['field']): string {
  const lines: string[] = [];
  if (field.kind === 'select')
    for (const [i, o] of field.options.entries()) lines.push(`  ${i + 1}. ${o.text}`);
  const notes = [
    field.hint,
    field.kind === 'date' ? say.date : undefined,
    field.kind === 'user' ? say.user : undefined,
    field.initial !== undefined ? say.keeps(initialText(field)) : field.optional ? say.optional : undefined,
  ].filter((note): note is string => Boolean(note));
  lines.push(say.question(field.label, notes));
  return lines.join('\n');
}

function initialText(field: FormField): string {
  return field.options.find((o) => o.value === field.initial)?.text ?? String(field.initial);
}

export type Answer = { state: Record<string, unknown> | undefined } | { error: string };

/**
 * A typed answer as the element's state Slack would send (undefined: left empty). A select takes the
 * option's number, value or text; a user field a user id or a name `users` maps to an id.
 */
export function answerField(
  field: FormField,
  typed: string,
  users: ReadonlyMap<string, string>,
  say: ConsoleMessages['field'],
): Answer {
  const text = typed.trim();
  const value = text === '' ? field.initial : text;
  if (value === undefined || value === '') {
    return field.optional ? { state: undefined } : { error: say.required(field.label) };
  }
  switch (field.kind) {
    case 'text':
      return { state: { type: 'plain_text_input', value } };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? { state: { type: 'datepicker', selected_date: value } }
        : { error: say.badDate };
    case 'select': {
      const key = searchKey(value);
      const n = /^\d+$/.test(value) ? Number(value) : undefined;
      const option =
        (n !== undefined ? field.options[n - 1] : undefined) ??
        field.options.find((o) => o.value === value || searchKey(o.text) === key) ??
        field.options.find((o) => searchKey(o.text).startsWith(key));
      return option
        ? {
            state: {
              type: 'static_select',
              selected_option: { text: { type: 'plain_text', text: option.text }, value: option.value },
            },
          }
        : { error: say.badOption(field.options.length) };
    }
    case 'user': {
      const key = searchKey(value.replace(/^@/, ''));
      const id = /^[UW][A-Z0-9]+$/.test(value)
        ? value
        : [...users].find(([, name]) => searchKey(name) === key || searchKey(name).startsWith(key))?.[0];
      return id ? { state: { type: 'users_select', selected_user: id } } : { error: say.noUser(value) };
    }
  }
}

/** Answers as view.state.values: block id -> action id -> state (empty optional fields left out). */
export function stateValues(
  fields: FormField[],
  states: ReadonlyMap<string, Record<string, unknown> | undefined>,
): Record<string, Record<string, Record<string, unknown>>> {
  const values: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const field of fields) {
    const state = states.get(field.blockId);
    values[field.blockId] = { [field.actionId]: state ?? { type: KIND_TYPES[field.kind], value: null } };
  }
  return values;
}

const KIND_TYPES: Record<FormField['kind'], string> = {
  text: 'plain_text_input',
  select: 'static_select',
  user: 'users_select',
  date: 'datepicker',
};
