import { announcementMessages } from '../../i18n/announcements.js';
import { colon, formatDate, label } from '../../i18n/format.js';
import { reminderMessages } from '../../i18n/reminders.js';
import type { Catalog, Locale } from '../../program/catalog.schema.js';
import { tierByCode } from '../../program/tiers.js';
import type { ApprovalOutcome, OverrideOutcome } from '../../services/evaluation-approval.service.js';
import type { DoneOutcome, SnoozeOutcome } from '../../services/reminder-actions.service.js';
import { MODAL_CALLBACK_IDS } from '../ids.js';
import { context, type KnownBlock, type ModalView } from './blocks.js';
import { escapeMrkdwn, mention } from './escape.js';

/** What the buttons of the scheduled messages answer, ephemerally, in the locale of those messages. */
export function reminderDoneReply(outcome: DoneOutcome, locale: Locale): string {
  const m = reminderMessages[locale].replies;
  switch (outcome.status) {
    case 'pending':
      return m.pending(escapeMrkdwn(label(outcome.training.label, locale)));
    case 'confirmed':
      return m.confirmed(escapeMrkdwn(label(outcome.training.label, locale)));
    case 'already-done':
      return m.alreadyDone(escapeMrkdwn(label(outcome.training.label, locale)));
    case 'no-contact':
      return m.noContact;
    case 'gone':
      return m.gone;
    case 'forbidden':
      return m.forbidden;
  }
}

export function reminderSnoozeReply(outcome: SnoozeOutcome, locale: Locale): string {
  const m = reminderMessages[locale].replies;
  switch (outcome.status) {
    case 'snoozed':
      return m.snoozed(
        escapeMrkdwn(label(outcome.training.label, locale)),
        formatDate(outcome.until, locale),
      );
    case 'forbidden':
      return m.forbidden;
    case 'gone':
    case 'invalid-days':
      return m.gone;
  }
}

/** An approval that did not happen: who approved it already, or why not. */
export function approvalRefusal(outcome: Exclude<ApprovalOutcome, { status: 'approved' }>, locale: Locale) {
  const m = announcementMessages[locale].preview;
  switch (outcome.status) {
    case 'already-approved':
      return m.alreadyApproved(mention(outcome.by));
    case 'forbidden':
      return m.forbidden;
    case 'unknown':
      return m.unknown;
  }
}

/** The preview once approved: its buttons gone, a line saying who approved it and what was released. */
export function approvedPreview(
  blocks: KnownBlock[],
  approver: string,
  released: number,
  locale: Locale,
): { text: string; blocks: KnownBlock[] } {
  const text = announcementMessages[locale].preview.approved(mention(approver), released);
  return { text, blocks: [...blocks.filter((b) => b.type !== 'actions'), context(text)] };
}

/** The override modal's answer; undefined when the modal should show the refusal on its reason field. */
export function overrideReply(
  outcome: OverrideOutcome,
  catalog: Catalog,
  tier: string,
  locale: Locale,
): { text: string } | { fieldError: string } {
  const a = announcementMessages[locale];
  const tierName = () => escapeMrkdwn(label(tierByCode(catalog, tier).label, locale));
  switch (outcome.status) {
    case 'forbidden':
      return { fieldError: a.preview.forbidden };
    case 'unknown':
      return { fieldError: a.preview.unknown };
    case 'overridden':
      return { text: a.override.done(escapeMrkdwn(outcome.partnerName), tierName()) };
    case 'same':
      return { text: a.override.same(escapeMrkdwn(outcome.partnerName), tierName()) };
    case 'not-evaluated':
    case 'invalid-tier':
      return { text: a.override.noChange };
  }
}

export interface EvaluationChange {
  partnerId: string;
  name: string;
  previousTier: string | null;
  tier: string;
}

/** The evaluation preview's Override modal: which partner, which tier, why (at most 100 partners). */
export function evaluationOverrideModal(
  catalog: Catalog,
  locale: Locale,
  semester: string,
  channelId: string | undefined,
  changes: EvaluationChange[],
): ModalView {
  const m = announcementMessages[locale].override;
  const tierName = (code: string | null) => (code ? label(tierByCode(catalog, code).label, locale) : '—');
  const plain = (text: string) => ({ type: 'plain_text' as const, text: text.slice(0, 75) });
  return {
    type: 'modal',
    callback_id: MODAL_CALLBACK_IDS.evaluationOverride,
    private_metadata: JSON.stringify({ s: semester, ...(channelId ? { c: channelId } : {}) }),
    title: plain(m.modalTitle.slice(0, 24)),
    submit: plain(m.submit),
    close: plain(m.cancel),
    blocks: [
      {
        type: 'input',
        block_id: 'partner',
        label: plain(m.partner),
        element: {
          type: 'static_select',
          action_id: 'partner',
          options: changes.slice(0, 100).map((c) => ({
            text: plain(`${c.name}${colon(locale)} ${tierName(c.previousTier)} → ${tierName(c.tier)}`),
            value: c.partnerId,
          })),
        },
      },
      {
        type: 'input',
        block_id: 'tier',
        label: plain(m.tier),
        element: {
          type: 'static_select',
          action_id: 'tier',
          options: catalog.tiers.map((t) => ({ text: plain(label(t.label, locale)), value: t.code })),
        },
      },
      {
        type: 'input',
        block_id: 'reason',
        label: plain(m.reason),
        hint: plain(m.reasonHint),
        element: { type: 'plain_text_input', action_id: 'reason', multiline: true, max_length: 500 },
      },
    ],
  };
}
