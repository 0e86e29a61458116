/**
 * Parsing rule of the write subcommands (documented in their usage lines): the partner comes first, then an
 * anchor token that cannot be part of a name in practice (a month YYYY-MM, an item code doc-…, a tier
 * code), then the rest. A partner name may contain spaces. When several tokens could be the anchor
 * ("Access Telecom premium …": `access` is a tier too), every reading is kept, in order, and the caller
 * picks the first whose partner text names exactly one partner. A name in quotes ("…", “…”, «…») is taken
 * as is, and the anchor must follow it.
 */

export interface AnchoredReading {
  /** The text before the anchor ('' when the command starts with it: the channel's partner). */
  partner: string;
  /** The anchor as typed. */
  anchor: string;
  /** The tokens after the anchor. */
  rest: string[];
}

const QUOTES: Record<string, string> = { '"': '"', '“': '”', '«': '»', '„': '“', "'": "'" };

/** A partner name typed alone, without the quotes it may be written in ("Acme Telecom", « Acme »). */
export function unquotedName(args: string): string {
  const text = args.trim();
  const close = QUOTES[text[0] ?? ''];
  return close && text.length > 2 && text.endsWith(close)
    ? text.slice(1, -1).replace(/\s+/g, ' ').trim()
    : text;
}

/** Every way of reading `args` as <partner> <anchor> <rest…>, the shortest partner first. */
export function anchoredReadings(args: string, isAnchor: (token: string) => boolean): AnchoredReading[] {
  const text = args.trim();
  const close = QUOTES[text[0] ?? ''];
  if (close) {
    const end = text.indexOf(close, 1);
    if (end > 1) {
      const partner = text.slice(1, end).replace(/\s+/g, ' ').trim();
      const [anchor, ...rest] = text
        .slice(end + 1)
        .trim()
        .split(' ')
        .filter(Boolean);
      return anchor !== undefined && isAnchor(anchor) ? [{ partner, anchor, rest }] : [];
    }
  }
  const tokens = text.split(' ').filter(Boolean);
  const readings: AnchoredReading[] = [];
  tokens.forEach((token, i) => {
    if (isAnchor(token))
      readings.push({ partner: tokens.slice(0, i).join(' '), anchor: token, rest: tokens.slice(i + 1) });
  });
  return readings;
}

export const MONTH_TOKEN = /^\d{4}-\d{1,2}(?:-\d{1,2})?$/;
export const ITEM_TOKEN = /^(?:doc|com|sales|zen|trn)-[a-z0-9-]+$/i;
export const TRAINING_TOKEN = /^trn-[a-z0-9-]+$/i;

/** How a contact was named in the command: a mention (<@U…> or <@U…|name>), a Slack id, or a name. */
export type ContactText = { slackUserId: string } | { name: string };

const MENTION = /^<@([UW][A-Z0-9]{2,20})(?:\|[^>]*)?>$/;
const USER_ID = /^[UW][A-Z0-9]{2,20}$/;

export function parseContactText(text: string): ContactText | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const mention = MENTION.exec(trimmed);
  if (mention) return { slackUserId: mention[1]! };
  if (USER_ID.test(trimmed)) return { slackUserId: trimmed };
  return { name: trimmed.replace(/^@/, '') };
}
