import type { types } from '@slack/bolt';
import type { Locale } from '../program/locales.js';
import type { KnownBlock } from '../slack/views/blocks.js';
import { unescapeSlack } from '../slack/views/escape.js';

export interface RenderOptions {
  /** Slack user id -> display name, to show <@U123> as @Name. */
  names?: ReadonlyMap<string, string>;
  /**
   * The reply's language, for the colon after a field's title ("Statut\u202f: …" in French). When left
   * out, a reply written the French way (a no-break space before its colons) is rendered the French way.
   */
  locale?: Locale;
  /**
   * Numbers a button so that it can be pressed ("[1] Confirm"); called once per button, in reading
   * order, with the id of the block it is in. Without it a button reads "[Confirm]".
   */
  number?: (button: RenderedButton, blockId: string | undefined) => number;
}

/** A button as a message carries it. */
export interface RenderedButton {
  type: 'button';
  action_id: string;
  value?: string;
  text: TextObject;
}

/** A reply whose text puts a no-break space before : ; ! ? is French. */
function looksFrench(texts: string[]): boolean {
  return texts.some((t) => /[\u00a0\u202f][:;!?]/.test(t));
}

function allTexts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) allTexts(v, out);
  else if (typeof value === 'object' && value !== null)
    for (const v of Object.values(value)) allTexts(v, out);
  return out;
}

/** Every emoji the views use, as the terminal shows it (test/console/console.test.ts checks none is missing). */
const EMOJI: Record<string, string> = {
  warning: '⚠',
  red_circle: '●',
  black_circle: '◆',
  large_yellow_circle: '○',
  large_green_circle: '◉',
  white_check_mark: '✓',
  x: '✗',
  hourglass_flowing_sand: '⌛',
  arrow_up: '↑',
  pause_button: '⏸',
  dart: '🎯',
  crystal_ball: '🔮',
  wave: '👋',
};

/** mrkdwn as terminal text: formatting marks removed, mentions and links spelled out, entities decoded. */
export function mrkdwnToText(text: string, options: RenderOptions = {}): string {
  const out = text
    .replace(
      /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g,
      (_, id: string, name?: string) => `@${options.names?.get(id) ?? name ?? id}`,
    )
    .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_, id: string, name?: string) => `#${name ?? id}`)
    .replace(/<!(channel|here|everyone)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<([^>|]+)\|([^>]+)>/g, '$2 ($1)')
    .replace(/<([^>]+)>/g, '$1')
    .replace(/(^|[^\w*])\*([^*\n]+)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w_])_([^_\n]+)_(?![\w_])/g, '$1$2')
    .replace(/(^|[^\w~])~([^~\n]+)~(?![\w~])/g, '$1$2')
    .replace(/`([^`\n]*)`/g, '$1')
    .replace(/:([a-z0-9_+-]+):/g, (whole, name: string) => EMOJI[name] ?? whole);
  return unescapeSlack(out);
}

type TextObject = { type: string; text: string };

function textOf(t: TextObject | undefined, options: RenderOptions): string {
  if (!t) return '';
  return t.type === 'mrkdwn' ? mrkdwnToText(t.text, options) : t.text;
}

function buttonsOf(elements: unknown[], options: RenderOptions, blockId?: string): string {
  return elements
    .map((e) => {
      const el = e as { type?: string; text?: TextObject };
      if (el.type !== 'button' || !el.text) return '';
      return options.number
        ? `[${options.number(el as RenderedButton, blockId)}] ${el.text.text}`
        : `[${el.text.text}]`;
    })
    .filter(Boolean)
    .join(' ');
}

/** A reply's blocks as plain text: headers, sections, fields, context lines, buttons as [Label]. */
export function renderBlocks(blocks: readonly types.AnyBlock[], options: RenderOptions = {}): string {
  const lines: string[] = [];
  const french = options.locale ? options.locale === 'fr' : looksFrench(allTexts(blocks));
  const colon = french ? '\u202f:' : ':';
  for (const block of blocks as readonly KnownBlock[]) {
    switch (block.type) {
      case 'header': {
        const text = textOf(block.text as TextObject, options);
        lines.push(text, '═'.repeat(Math.min(60, [...text].length)));
        break;
      }
      case 'section': {
        if (block.text) lines.push(textOf(block.text as TextObject, options));
        for (const field of block.fields ?? []) {
          const [title, ...rest] = textOf(field as TextObject, options).split('\n');
          if (rest.length <= 1) lines.push(rest.length ? `${title}${colon} ${rest[0]}` : (title ?? ''));
          else lines.push(`${title}${colon}`, ...rest.map((line) => `  ${line}`));
        }
        if (block.accessory) {
          const label = buttonsOf([block.accessory], options, block.block_id);
          if (label) lines[lines.length - 1] = `${lines[lines.length - 1]}  ${label}`;
        }
        break;
      }
      case 'context':
        lines.push(
          block.elements
            .map((e) => ('text' in e && typeof e.text === 'string' ? textOf(e as TextObject, options) : ''))
            .filter(Boolean)
            .join('  ·  '),
        );
        break;
      case 'divider':
        lines.push('─'.repeat(40));
        break;
      case 'actions':
        lines.push(buttonsOf(block.elements, options, block.block_id));
        break;
      default:
        break;
    }
  }
  return lines.join('\n');
}

/** A reply as text: its blocks, or its fallback text when it has none. */
export function renderReply(
  reply: { text: string; blocks?: readonly types.AnyBlock[] },
  options: RenderOptions = {},
): string {
  if (!reply.blocks?.length) return mrkdwnToText(reply.text, options);
  const locale = options.locale ?? (looksFrench([reply.text, ...allTexts(reply.blocks)]) ? 'fr' : undefined);
  return renderBlocks(reply.blocks, locale ? { ...options, locale } : options);
}
