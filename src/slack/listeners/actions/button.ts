import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** A reply under the message clicked, seen by the clicker only; the message stays. */
export const ephemeral = (text: string) => ({
  response_type: 'ephemeral' as const,
  replace_original: false,
  text,
});
