import { z } from 'zod';

/**
 * Stable action_ids of every button the /partner replies carry, shared by the views that draw them and
 * the listeners that handle them. Never rename one: buttons already posted in Slack keep the old id.
 *
 * Slack wants action_ids unique within a block, so buttons repeated in one actions block (choices, list
 * rows) get a `:<index>` suffix; match them with `actionIdPattern(...)`.
 */
export const ACTION_IDS = {
  /** Re-runs the subcommand on the partner picked among several matches (replaces the question). */
  choosePartner: 'partner_choose',
  /** Opens a partner's status from a list row (a new ephemeral reply, the list stays). */
  openPartner: 'partner_open',
  /** Another page of `/partner list`. */
  listPage: 'partner_list_page',
  /** Posts the card in the channel for everyone (handled by the sharing listener). */
  share: 'partner_share',
  /** Staff: open the modals (handled by the write-side listeners). */
  recordRevenue: 'partner_record_revenue',
  markDone: 'partner_mark_done',
  overrideTier: 'partner_override_tier',
} as const;

export type ActionId = (typeof ACTION_IDS)[keyof typeof ACTION_IDS];

/** `partner_choose` and `partner_choose:3` alike. */
export function actionIdPattern(id: ActionId): RegExp {
  return new RegExp(`^${id}(?::\\d+)?$`);
}

export function indexedActionId(id: ActionId, index: number): string {
  return `${id}:${index}`;
}

const partnerId = z.string().min(1).max(200);
const subcommand = z.string().regex(/^[a-z][a-z-]{0,30}$/);

/** Value of choose/open/share buttons: which partner, and which subcommand to run or share. */
export const partnerActionValue = z.object({ p: partnerId, s: subcommand });
export type PartnerActionValue = z.infer<typeof partnerActionValue>;

/** Value of the staff buttons (record revenue, mark done, override tier): the partner. */
export const partnerRefValue = z.object({ p: partnerId });
export type PartnerRefValue = z.infer<typeof partnerRefValue>;

/** Value of the list's Previous/Next buttons: the filter typed (or none) and the page to show (1-based). */
export const listPageValue = z.object({
  f: z.string().max(100).optional(),
  n: z.number().int().min(1).max(100_000),
});
export type ListPageValue = z.infer<typeof listPageValue>;

export function encodeActionValue<T extends object>(value: T): string {
  return JSON.stringify(value);
}

/** Parses a button's value; undefined when it is not what this button carries (never trust it). */
export function decodeActionValue<T>(schema: z.ZodType<T>, raw: string | undefined): T | undefined {
  if (raw === undefined || raw.length > 2000) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
