import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Intent } from '../../../assistant/intents.js';
import { answerIntent } from '../../assistant/answer.js';
import { deliverAnswer } from '../../assistant/deliver.js';
import {
  ACTION_IDS,
  type AssistantChoiceValue,
  actionIdPattern,
  assistantChoiceValue,
  decodeValue,
} from '../../ids.js';
import type { ListenerDeps } from '../deps.js';
import type { ListenerApp } from '../routes.js';
import type { ButtonArgs } from './button.js';

/** A button's value back to the question it asks; undefined when it is not one of ours. */
export function intentOfChoice(value: AssistantChoiceValue): Intent | undefined {
  switch (value.k) {
    case 'program':
    case 'help':
    case 'next-evaluation':
      return { kind: value.k };
    case 'tier-benefits':
      return value.t ? { kind: value.k, tier: value.t } : undefined;
    case 'list':
      if (!value.f) return { kind: 'list' };
      if (value.f === 'tier')
        return value.t ? { kind: 'list', filter: { kind: 'tier', tier: value.t } } : undefined;
      return { kind: 'list', filter: { kind: value.f } };
    default:
      if (!value.p) return undefined;
      if (value.k !== 'obligations') return { kind: value.k, partnerId: value.p };
      return {
        kind: value.k,
        partnerId: value.p,
        ...(value.o ? { focus: value.o } : {}),
        ...(value.c?.length ? { codes: value.c } : {}),
      };
  }
}

/**
 * A clarification's or suggestion's button: answers the question it names for whoever clicks, with the
 * same rules as a question typed where the buttons are (in the thread, or to the clicker alone).
 */
export function assistantChoice(deps: ListenerDeps) {
  return async ({ ack, body, action, client, logger }: ButtonArgs) => {
    await ack();
    const value = decodeValue(assistantChoiceValue, action.value);
    const intent = value && intentOfChoice(value);
    const channelId = body.channel?.id ?? body.container?.channel_id;
    if (!intent || !channelId) {
      logger.warn(`Ignored a ${action.action_id} button with an unexpected value`);
      return;
    }
    const container = body.container as { thread_ts?: string; message_ts?: string } | undefined;
    const message = body.message as { ts?: string; thread_ts?: string } | undefined;
    const threadTs =
      container?.thread_ts ?? message?.thread_ts ?? message?.ts ?? container?.message_ts ?? action.action_ts;
    const slackLocale = await deps.locales(client, body.user.id);
    const locale = value.l ?? slackLocale;
    const question = {
      userId: body.user.id,
      text: '',
      locale,
      surface: channelId.startsWith('D') ? ('direct' as const) : ('channel' as const),
      channelId,
      threadTs,
      userTeamId: body.user.team_id,
      botTeamId: body.team?.id,
    };
    const answer = await answerIntent(deps, question, intent);
    await deliverAnswer(
      deps,
      client,
      { channelId, threadTs, userId: body.user.id, key: `choice:${body.user.id}:${action.action_ts}` },
      answer,
    ).catch((error: unknown) => logger.error('The assistant could not answer a button', error));
  };
}

export function registerAssistantChoice(app: ListenerApp, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(actionIdPattern(ACTION_IDS.assistantChoice), assistantChoice(deps));
}
