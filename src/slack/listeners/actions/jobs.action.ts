import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { announcementMessages } from '../../../i18n/announcements.js';
import { formatDate, label } from '../../../i18n/format.js';
import { reminderMessages } from '../../../i18n/reminders.js';
import type { Catalog } from '../../../program/catalog.schema.js';
import { localDate } from '../../../program/dates.js';
import { tierByCode } from '../../../program/tiers.js';
import {
  approveEvaluation,
  evaluationChanges,
  overrideEvaluatedTier,
} from '../../../services/evaluation-approval.service.js';
import { markReminderDone, snoozeReminder } from '../../../services/reminder-actions.service.js';
import {
  ACTION_IDS,
  actionIdPattern,
  decodeValue,
  evaluationValue,
  MODAL_CALLBACK_IDS,
  reminderItemValue,
} from '../../ids.js';
import { partnerAnnouncements } from '../../views/announcements.view.js';
import type { KnownBlock, ModalView } from '../../views/blocks.js';
import { context } from '../../views/blocks.js';
import { escapeMrkdwn, mention } from '../../views/escape.js';
import type { ListenerDeps } from '../deps.js';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The buttons of the scheduled messages: Done and Snooze on training reminders, Approve and Override on
 * an evaluation preview (and the override modal's submission). Thin: ack, parse the value, call the
 * service (which checks who clicks), answer ephemerally. Messages in config.LOCALE, like the messages
 * the buttons sit on.
 */
export function registerJobActions(app: App, deps: ListenerDeps): void {
  const program = () => deps.catalog;
  const locale = deps.config.LOCALE;
  const today = () => localDate(deps.now(), deps.config.PROGRAM_TIMEZONE);
  const ephemeral = (text: string) => ({
    response_type: 'ephemeral' as const,
    replace_original: false,
    text,
  });

  app.action<BlockAction<ButtonAction>>(
    actionIdPattern(ACTION_IDS.reminderDone),
    async ({ ack, body, action, respond, logger }: ButtonArgs) => {
      await ack();
      const value = decodeValue(reminderItemValue, action.value);
      if (!value) return logger.warn(`Ignored a ${action.action_id} button with an unexpected value`);
      const m = reminderMessages[locale].replies;
      try {
        const outcome = await markReminderDone(
          deps.database.db,
          program(),
          { partnerId: value.p, obligation: value.o, contactId: value.c, by: body.user.id, today: today() },
          { locale },
        );
        const name = 'training' in outcome ? escapeMrkdwn(label(outcome.training.label, locale)) : '';
        const text =
          outcome.status === 'pending'
            ? m.pending(name)
            : outcome.status === 'confirmed'
              ? m.confirmed(name)
              : outcome.status === 'already-done'
                ? m.alreadyDone(name)
                : outcome.status === 'no-contact'
                  ? m.noContact
                  : outcome.status === 'gone'
                    ? m.gone
                    : m.forbidden;
        await respond(ephemeral(text));
      } catch (error) {
        logger.error(`${action.action_id}: failed`, error);
      }
    },
  );

  app.action<BlockAction<ButtonAction>>(
    actionIdPattern(ACTION_IDS.reminderSnooze),
    async ({ ack, body, action, respond, logger }: ButtonArgs) => {
      await ack();
      const value = decodeValue(reminderItemValue, action.value);
      if (!value?.d) return logger.warn(`Ignored a ${action.action_id} button with an unexpected value`);
      const m = reminderMessages[locale].replies;
      try {
        const outcome = await snoozeReminder(deps.database.db, program(), {
          partnerId: value.p,
          obligation: value.o,
          contactId: value.c,
          days: value.d,
          by: body.user.id,
          today: today(),
        });
        const text =
          outcome.status === 'snoozed'
            ? m.snoozed(
                escapeMrkdwn(label(outcome.training.label, locale)),
                formatDate(outcome.until, locale),
              )
            : outcome.status === 'forbidden'
              ? m.forbidden
              : m.gone;
        await respond(ephemeral(text));
      } catch (error) {
        logger.error(`${action.action_id}: failed`, error);
      }
    },
  );

  app.action<BlockAction<ButtonAction>>(
    ACTION_IDS.evaluationApprove,
    async ({ ack, body, action, respond, logger }: ButtonArgs) => {
      await ack();
      const value = decodeValue(evaluationValue, action.value);
      if (!value) return logger.warn(`Ignored a ${action.action_id} button with an unexpected value`);
      const m = announcementMessages[locale].preview;
      try {
        const outcome = await approveEvaluation(deps.database.db, {
          semester: value.s,
          by: body.user.id,
          now: deps.now(),
        });
        if (outcome.status !== 'approved') {
          const text =
            outcome.status === 'already-approved'
              ? m.alreadyApproved(mention(outcome.by))
              : outcome.status === 'forbidden'
                ? m.forbidden
                : m.unknown;
          await respond(ephemeral(text));
          return;
        }
        // The preview loses its buttons and says who approved it.
        const notice = m.approved(mention(body.user.id), outcome.released);
        const blocks = ((body.message?.blocks ?? []) as KnownBlock[]).filter((b) => b.type !== 'actions');
        await respond({ replace_original: true, text: notice, blocks: [...blocks, context(notice)] });
      } catch (error) {
        logger.error(`${action.action_id}: failed`, error);
      }
    },
  );

  app.action<BlockAction<ButtonAction>>(
    ACTION_IDS.evaluationOverride,
    async ({ ack, body, action, client, respond, logger }: ButtonArgs) => {
      await ack();
      const value = decodeValue(evaluationValue, action.value);
      if (!value) return logger.warn(`Ignored a ${action.action_id} button with an unexpected value`);
      const m = announcementMessages[locale].override;
      try {
        const changes = await evaluationChanges(deps.database.db, value.s);
        if (changes.length === 0) {
          await respond(ephemeral(m.noChange));
          return;
        }
        await client.views.open({
          trigger_id: body.trigger_id,
          view: overrideModal(program(), locale, value.s, body.channel?.id, changes.slice(0, 100)),
        });
      } catch (error) {
        logger.error(`${action.action_id}: failed`, error);
      }
    },
  );

  app.view<ViewSubmitAction>(
    MODAL_CALLBACK_IDS.evaluationOverride,
    async ({ ack, body, view, client, logger }: SubmitArgs) => {
      const values = view.state.values;
      const meta = decodeValue(
        evaluationValue.extend({ c: evaluationValue.shape.s.optional() }),
        view.private_metadata,
      );
      const partnerId = values.partner?.partner?.selected_option?.value;
      const tier = values.tier?.tier?.selected_option?.value;
      const reason = values.reason?.reason?.value?.trim();
      const a = announcementMessages[locale];
      if (!meta || !partnerId || !tier || !reason) return ack();
      try {
        const outcome = await overrideEvaluatedTier(
          deps.database.db,
          { catalog: program(), config: deps.config },
          { partnerAnnouncements },
          { semester: meta.s, partnerId, tier, reason, by: body.user.id, now: deps.now() },
        );
        if (outcome.status === 'forbidden' || outcome.status === 'unknown') {
          await ack({
            response_action: 'errors',
            errors: { reason: outcome.status === 'forbidden' ? a.preview.forbidden : a.preview.unknown },
          });
          return;
        }
        await ack();
        const tierName = escapeMrkdwn(label(tierByCode(program(), tier).label, locale));
        const text =
          outcome.status === 'overridden'
            ? a.override.done(escapeMrkdwn(outcome.partnerName), tierName)
            : outcome.status === 'same'
              ? a.override.same(escapeMrkdwn(outcome.partnerName), tierName)
              : a.override.noChange;
        if (meta.c) await client.chat.postEphemeral({ channel: meta.c, user: body.user.id, text });
        else await client.chat.postMessage({ channel: body.user.id, text });
      } catch (error) {
        logger.error(`${MODAL_CALLBACK_IDS.evaluationOverride}: failed`, error);
      }
    },
  );
}

function overrideModal(
  catalog: Catalog,
  locale: 'fr' | 'en',
  semester: string,
  channelId: string | undefined,
  changes: { partnerId: string; name: string; previousTier: string | null; tier: string }[],
): ModalView {
  const m = announcementMessages[locale].override;
  const tierName = (code: string | null) => (code ? label(tierByCode(catalog, code).label, locale) : '?');
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
          options: changes.map((c) => ({
            text: plain(`${c.name}: ${tierName(c.previousTier)} → ${tierName(c.tier)}`),
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
