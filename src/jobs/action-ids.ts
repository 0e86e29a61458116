import { z } from 'zod';

/**
 * Buttons the scheduled messages carry, shared by the message builders and the action listeners. Never
 * rename one: messages already posted keep the old id. Buttons repeated in one actions block get a
 * `:<n>` suffix (Slack wants action_ids unique within a block).
 */
export const JOB_ACTION_IDS = {
  reminderDone: 'reminder_done',
  /** Suffixed with the days: reminder_snooze:1, reminder_snooze:7. */
  reminderSnooze: 'reminder_snooze',
  evaluationApprove: 'evaluation_approve',
  evaluationOverride: 'evaluation_override',
} as const;

/** The override modal's callback_id. */
export const EVALUATION_OVERRIDE_VIEW = 'evaluation_override_submit';

export const REMINDER_DONE_PATTERN = /^reminder_done(?::\d+)?$/;
export const REMINDER_SNOOZE_PATTERN = /^reminder_snooze:\d+$/;

/** A reminder button's item: partner, obligation code, contact (null for the partner's own item). */
export const reminderItemValue = z.object({
  p: z.string().min(1).max(200),
  o: z.string().min(1).max(100),
  c: z.number().int().positive().nullable(),
  /** Snooze buttons only: days. */
  d: z.number().int().positive().max(365).optional(),
});
export type ReminderItemValue = z.infer<typeof reminderItemValue>;

/** Approve/Override buttons: the semester code. */
export const evaluationValue = z.object({ s: z.string().min(1).max(50) });
export type EvaluationValue = z.infer<typeof evaluationValue>;
