import { z } from 'zod';
import { ALL_INTENT_KINDS, OBLIGATIONS_FOCUSES } from '../assistant/intents.js';
import { IMPORT_KINDS } from '../import/kinds/kind.js';
import { LOCALES } from '../program/locales.js';

/**
 * Every stable id the app puts in Slack (button action_ids, modal callback ids, input blocks) and the one
 * codec for what buttons and modals carry. Views draw them, listeners match them. Never rename one:
 * messages, modals and buttons already in Slack keep the old id.
 *
 * Slack wants action_ids unique within a block, so buttons repeated in one actions block (choices, list
 * rows, a reminder's items, snooze lengths) get a `:<n>` suffix; match them with `actionIdPattern(...)`.
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
  /** A manager decides a contact's training declaration. */
  confirmDeclaration: 'partner_training_confirm',
  rejectDeclaration: 'partner_training_reject',
  /** A reminder's item done; suffixed with the item's index. */
  reminderDone: 'reminder_done',
  /** Suffixed with the days: reminder_snooze:1, reminder_snooze:7. */
  reminderSnooze: 'reminder_snooze',
  /** An admin releases or amends a held evaluation's announcements. */
  evaluationApprove: 'evaluation_approve',
  evaluationOverride: 'evaluation_override',
  /** An item of `/partner obligations` done: Mark done (staff), I've done it (its contact); suffixed. */
  obligationDone: 'partner_obligation_done',
  /** The assistant's clarification and suggestion buttons: answers the question the button names. */
  assistantChoice: 'assistant_choice',
  /** Staff: open the objective, forecast and plan review modals (issue 14). */
  setObjective: 'partner_set_objective',
  giveForecast: 'partner_give_forecast',
  reviewPlan: 'partner_review_plan',
} as const;

export type ActionId = (typeof ACTION_IDS)[keyof typeof ACTION_IDS];

/** `partner_choose` and `partner_choose:3` alike. */
export function actionIdPattern(id: ActionId): RegExp {
  return new RegExp(`^${id}(?::\\d+)?$`);
}

export function indexedActionId(id: ActionId, index: number): string {
  return `${id}:${index}`;
}

export const MODAL_CALLBACK_IDS = {
  revenue: 'partner_modal_revenue',
  done: 'partner_modal_done',
  override: 'partner_modal_override',
  objective: 'partner_modal_objective',
  forecast: 'partner_modal_forecast',
  review: 'partner_modal_review',
  /** Program depth: a benefit used, an operator's fees, an Experts Zen listing (depth-modals.view.ts). */
  use: 'partner_modal_use',
  fees: 'partner_modal_fees',
  zenList: 'partner_modal_zen_list',
  /** The evaluation preview's Override modal. */
  evaluationOverride: 'evaluation_override_submit',
} as const;

/** The forms of the program's depth, opened from their commands typed alone (depth.submission.ts). */
export type DepthModalKind = 'use' | 'fees' | 'zenList';

export type ModalKind = Exclude<keyof typeof MODAL_CALLBACK_IDS, 'evaluationOverride' | DepthModalKind>;

/**
 * `/partner import` (issue 12): the modal asking for the kind and the file, and the preview whose submit
 * is "Import". Apart from MODAL_CALLBACK_IDS: they are not write forms.
 */
export const IMPORT_CALLBACK_IDS = {
  upload: 'partner_modal_import',
  preview: 'partner_modal_import_preview',
} as const;

/** The import modal's inputs (block id = action id). */
export const IMPORT_FIELDS = { kind: 'import_kind', file: 'import_file' } as const;

/**
 * What the preview carries to "Import": the kind, the Slack file and the SHA-256 of the bytes previewed
 * (the file is downloaded again and must be the same), and its name.
 */
export const importMetadata = z.object({
  k: z.enum(IMPORT_KINDS),
  f: z.string().regex(/^F[A-Z0-9]{1,30}$/),
  h: z.string().regex(/^[0-9a-f]{64}$/),
  n: z.string().max(200),
});
export type ImportMetadata = z.infer<typeof importMetadata>;

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
  quarter: 'quarter',
  note: 'note',
  benefit: 'benefit',
  reference: 'reference',
  rate: 'rate',
  domains: 'domains',
  zone: 'zone',
  hours: 'hours',
} as const;

export type ModalField = keyof typeof MODAL_FIELDS;

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

/** Value of the Confirm/Reject buttons: the training_completions row. */
export const declarationValue = z.object({ c: z.number().int().positive() });
export type DeclarationValue = z.infer<typeof declarationValue>;

/** A reminder button's item: partner, obligation code, contact (null for the partner's own item). */
export const reminderItemValue = z.object({
  p: partnerId,
  o: z.string().min(1).max(100),
  c: z.number().int().positive().nullable(),
  /** Snooze buttons only: days. */
  d: z.number().int().positive().max(365).optional(),
});
export type ReminderItemValue = z.infer<typeof reminderItemValue>;

/** Approve/Override buttons: the semester code. */
export const evaluationValue = z.object({ s: z.string().min(1).max(50) });
export type EvaluationValue = z.infer<typeof evaluationValue>;

/**
 * What a modal carries to its submission: the partner when it was chosen before opening (a card's button),
 * and where it was opened from (the Home tab is refreshed after a write). Re-authorized on submission.
 */
export const modalMetadata = z.object({
  p: partnerId.optional(),
  o: z.enum(['message', 'home', 'command']),
});
export type ModalMetadata = z.infer<typeof modalMetadata>;

/** Obligations by their catalog codes, as a button carries them (checked against the catalog on use). */
const obligationCodes = z
  .array(z.string().regex(/^[a-z0-9-]{1,100}$/))
  .max(10)
  .optional();

/** An obligations item's button: partner, obligation code, the contact who owes it (null: the partner), the card. */
export const obligationItemValue = z.object({
  p: partnerId,
  o: z.string().min(1).max(100),
  c: z.number().int().positive().nullable(),
  /** The part of the obligations the card showed, shown again after the click. */
  f: z.enum(OBLIGATIONS_FOCUSES).optional(),
  /** The obligations the card was narrowed to, by code. */
  k: obligationCodes,
});
export type ObligationItemValue = z.infer<typeof obligationItemValue>;

/** Slack's own limits: 2 000 characters for a button value, 3 000 for a modal's private_metadata. */
const MAX_ENCODED = 3000;

/** A button's value or a modal's private_metadata. */
export function encodeValue<T extends object>(value: T): string {
  return JSON.stringify(value);
}

/** Parses what a button or modal carries; undefined when it is not what `schema` says (never trust it). */
export function decodeValue<T>(schema: z.ZodType<T>, raw: string | undefined): T | undefined {
  if (raw === undefined || raw.length > MAX_ENCODED) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An assistant button's question, already understood: the intent's kind, and its partner, tier or list
 * filter. Re-authorized on click like a question typed.
 */
export const assistantChoiceValue = z.object({
  k: z.enum(ALL_INTENT_KINDS),
  p: partnerId.optional(),
  t: z.string().min(1).max(50).optional(),
  f: z.enum(['at-risk', 'overdue', 'within-reach', 'left', 'tier']).optional(),
  /** The part of the obligations asked about. */
  o: z.enum(OBLIGATIONS_FOCUSES).optional(),
  /** The obligations asked about, by code. */
  c: obligationCodes,
  /** The language to answer in. */
  l: z.enum(LOCALES).optional(),
});
export type AssistantChoiceValue = z.infer<typeof assistantChoiceValue>;
