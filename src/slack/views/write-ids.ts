import { z } from 'zod';

/**
 * Stable ids of the write side: modal callback ids, their input blocks, and the buttons that decide a
 * contact's training declaration. Never rename one: modals and messages already in Slack keep the old id.
 * (The buttons that open the modals and share a card are in ../action-ids.ts.)
 */
export const MODAL_CALLBACK_IDS = {
  revenue: 'partner_modal_revenue',
  done: 'partner_modal_done',
  override: 'partner_modal_override',
} as const;

export type ModalKind = keyof typeof MODAL_CALLBACK_IDS;

/** One input per block; the block id and the element's action id are the same word. */
export const MODAL_FIELDS = {
  partner: 'partner',
  month: 'month',
  category: 'category',
  amount: 'amount',
  item: 'item',
  contact: 'contact',
  date: 'date',
  tier: 'tier',
  reason: 'reason',
} as const;

export type ModalField = keyof typeof MODAL_FIELDS;

export const DECLARATION_ACTION_IDS = {
  confirm: 'partner_training_confirm',
  reject: 'partner_training_reject',
} as const;

/** Value of the Confirm/Reject buttons: the training_completions row. */
export const declarationValue = z.object({ c: z.number().int().positive() });
export type DeclarationValue = z.infer<typeof declarationValue>;

/**
 * What a modal carries to its submission: the partner when it was chosen before opening (a card's button),
 * and where it was opened from (the Home tab is refreshed after a write). Re-authorized on submission.
 */
export const modalMetadata = z.object({
  p: z.string().min(1).max(200).optional(),
  o: z.enum(['message', 'home', 'command']),
});
export type ModalMetadata = z.infer<typeof modalMetadata>;

export function encodeMetadata(metadata: ModalMetadata): string {
  return JSON.stringify(metadata);
}

export function decodeMetadata(raw: string | undefined): ModalMetadata | undefined {
  if (!raw || raw.length > 3000) return undefined;
  try {
    const parsed = modalMetadata.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
