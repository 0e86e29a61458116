import type { types } from '@slack/bolt';

export type KnownBlock = types.KnownBlock;
export type Button = types.Button;
export type SectionBlock = types.SectionBlock;
export type ActionsBlock = types.ActionsBlock;
export type ModalView = types.ModalView;

/** What every view returns: the notification/fallback text and the blocks. */
export interface View {
  text: string;
  blocks: KnownBlock[];
}

/** Block Kit's limits (https://docs.slack.dev/reference/block-kit). */
export const LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  elementsPerActions: 25,
  elementsPerContext: 10,
  contextText: 2000,
  /** Our own bound on the fallback text (Slack truncates at 40 000). */
  messageText: 3000,
} as const;

/** Cuts text to at most `max` UTF-16 units, ending with "…", never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Slack refuses empty text objects. */
function nonEmpty(text: string): string {
  return text.trim() === '' ? ' ' : text;
}

export function header(text: string): KnownBlock {
  return {
    type: 'header',
    text: {
      type: 'plain_text',
      // Runs of spaces and line breaks become one space; no-break spaces (French typography) stay.
      text: truncate(nonEmpty(text.replace(/[^\S\u00a0\u202f]+/g, ' ')), LIMITS.headerText),
      emoji: true,
    },
  };
}

export function section(mrkdwn: string, accessory?: Button): SectionBlock {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: truncate(nonEmpty(mrkdwn), LIMITS.sectionText) },
    ...(accessory ? { accessory } : {}),
  };
}

/** Two-column fields, ten per section at most. */
export function fields(items: string[]): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  for (let i = 0; i < items.length; i += LIMITS.fieldsPerSection) {
    blocks.push({
      type: 'section',
      fields: items
        .slice(i, i + LIMITS.fieldsPerSection)
        .map((text) => ({ type: 'mrkdwn' as const, text: truncate(nonEmpty(text), LIMITS.fieldText) })),
    });
  }
  return blocks;
}

export function context(...texts: string[]): KnownBlock {
  return {
    type: 'context',
    elements: texts
      .slice(0, LIMITS.elementsPerContext)
      .map((text) => ({ type: 'mrkdwn' as const, text: truncate(nonEmpty(text), LIMITS.contextText) })),
  };
}

export function divider(): KnownBlock {
  return { type: 'divider' };
}

export function button(options: {
  text: string;
  actionId: string;
  value?: string;
  style?: 'primary' | 'danger';
}): Button {
  if (options.value !== undefined && options.value.length > LIMITS.buttonValue)
    throw new Error(`button value over ${LIMITS.buttonValue} characters`);
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(nonEmpty(options.text), LIMITS.buttonText), emoji: true },
    action_id: options.actionId,
    ...(options.value !== undefined ? { value: options.value } : {}),
    ...(options.style ? { style: options.style } : {}),
  };
}

/** Buttons in actions blocks of at most 25 elements each. */
export function actions(buttons: Button[]): ActionsBlock[] {
  const blocks: ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.elementsPerActions)
    blocks.push({ type: 'actions', elements: buttons.slice(i, i + LIMITS.elementsPerActions) });
  return blocks;
}

/**
 * Packs lines into as few sections as fit (3 000 characters each), using at most `maxBlocks` sections;
 * lines that do not fit are counted in a last "… and N more" line.
 */
export function lineSections(
  lines: string[],
  options: { maxBlocks: number; more: (n: number) => string },
): KnownBlock[] {
  return lineSectionsOf(lines, (line) => line, options);
}

/**
 * lineSections over items rendered one by one, only as far as they fit: a list of thousands renders the
 * few hundred lines shown, not all of them.
 */
export function lineSectionsOf<T>(
  items: readonly T[],
  render: (item: T) => string,
  /** total: how many lines there are in all, when `items` holds only the first ones. */
  options: { maxBlocks: number; more: (n: number) => string; total?: number },
): KnownBlock[] {
  const texts: string[] = [];
  let current = '';
  let used = 0;
  for (const [i, item] of items.entries()) {
    const line = truncate(render(item), LIMITS.sectionText - 100);
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= LIMITS.sectionText - 100) {
      current = candidate;
      used = i + 1;
      continue;
    }
    if (texts.length + 1 >= options.maxBlocks) break;
    texts.push(current);
    current = line;
    used = i + 1;
  }
  if (current) {
    const rest = (options.total ?? items.length) - used;
    texts.push(rest > 0 ? `${current}\n${options.more(rest)}` : current);
  }
  return texts.map((text) => section(text));
}

/**
 * The last guard before a message leaves: at most 50 blocks; what is cut is said in a context line.
 * Views keep within budget themselves; this only catches a mistake.
 */
export function capBlocks(
  blocks: KnownBlock[],
  more: (n: number) => string,
  max: number = LIMITS.blocksPerMessage,
) {
  if (blocks.length <= max) return blocks;
  const kept = blocks.slice(0, max - 1);
  return [...kept, context(more(blocks.length - kept.length))];
}

export function view(text: string, blocks: KnownBlock[]): View {
  return { text: truncate(nonEmpty(text), LIMITS.messageText), blocks };
}
