import type { BlockAction, ButtonAction } from '@slack/bolt';
import { identifyActor } from '../../../services/actor.service.js';
import { channelReadByPartners } from '../../../services/channel-state.service.js';
import { mayShareCard } from '../../../services/share.service.js';
import { ACTION_IDS, actionIdPattern, decodeValue, partnerActionValue } from '../../ids.js';
import { handlePartnerCommand } from '../../partner-command/handle.js';
import { READ_SUBCOMMANDS } from '../../partner-command/subcommands.js';
import type { View } from '../../views/blocks.js';
import { escapeMrkdwn } from '../../views/escape.js';
import { sharedCardView } from '../../views/share.view.js';
import { type ListenerDeps, userWriteContext } from '../deps.js';
import type { ListenerApp } from '../routes.js';
import { type ButtonArgs, tellClicker } from './button.js';

/** The cards that can be shared: the read subcommands about one partner. */
const SHAREABLE = new Set(READ_SUBCOMMANDS.filter((s) => s.access === 'partner').map((s) => s.name));

/** Whether a reply is the card about this partner (it carries its own Share button), not a refusal. */
function isCardAbout(reply: View, partnerId: string, subcommand: string): boolean {
  const value = JSON.stringify({ p: partnerId, s: subcommand });
  return reply.blocks.some(
    (b) =>
      b.type === 'actions' &&
      b.elements.some(
        (e) =>
          (e as { action_id?: string }).action_id === ACTION_IDS.share &&
          (e as { value?: string }).value === value,
      ),
  );
}

/**
 * "Share in channel": posts the card, rendered again now for the asker, for everyone in the channel
 * (through the response URL, so the bot needs no membership), when the sharing rule allows it
 * (services/share.service.ts); else an ephemeral refusal. The button's value is only a request.
 */
export function shareCard(deps: ListenerDeps) {
  return async ({ ack, body, action, client, respond, logger }: ButtonArgs) => {
    await ack();
    const userId = body.user.id;
    const value = decodeValue(partnerActionValue, action.value);
    if (!value || !SHAREABLE.has(value.s)) {
      logger.warn('Ignored a share button with an unexpected value');
      return;
    }
    const { locale, ctx } = await userWriteContext(deps, client, userId);
    const channelId = body.channel?.id ?? body.container?.channel_id;
    const refuse = (text: string) => tellClicker({ body, respond, client }, text);
    try {
      if (!channelId || !body.response_url) return void (await refuse(ctx.w.share.noChannel));
      const actor = await identifyActor(deps.db, userId);
      const decision = await mayShareCard(deps.partners, actor, value.p, channelId, () =>
        channelReadByPartners(deps.db, client, channelId, deps.outsiders),
      );
      if (!decision.allowed) {
        const s = ctx.w.share;
        const text =
          decision.reason === 'other-partner-channel'
            ? s.otherPartnerChannel(escapeMrkdwn(decision.partner.name))
            : decision.reason === 'not-partner-channel'
              ? s.notPartnerChannel(escapeMrkdwn(decision.partner.name))
              : decision.reason === 'shared-channel'
                ? s.sharedChannel(escapeMrkdwn(decision.partner.name))
                : decision.reason === 'gone'
                  ? s.gone
                  : s.notVisible;
        return void (await refuse(text));
      }
      const card = await handlePartnerCommand(deps, {
        userId,
        channelId,
        text: value.s,
        partnerId: value.p,
        locale,
        audience: 'channel',
      });
      if (!isCardAbout(card, value.p, value.s)) {
        // Unavailable or refused on the way: say so to the asker only.
        return void (await respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: card.text,
          blocks: card.blocks,
        }));
      }
      const shared = sharedCardView(ctx, card, userId);
      await respond({
        response_type: 'in_channel',
        replace_original: false,
        text: shared.text,
        blocks: shared.blocks,
      });
    } catch (error) {
      logger.error('share: could not post the card', error);
      await refuse(ctx.w.share.failed).catch(() => {});
    }
  };
}

export function registerShareAction(app: ListenerApp, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(actionIdPattern(ACTION_IDS.share), shareCard(deps));
}
