import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { z } from 'zod';
import { decodeValue } from '../../ids.js';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** A reply under the message clicked, seen by the clicker only; the message stays. */
export const ephemeral = (text: string) => ({
  response_type: 'ephemeral' as const,
  replace_original: false,
  text,
});

/** Tells the clicker alone: under the message clicked, or by DM from a view without one (App Home). */
export async function tellClicker(
  { body, respond, client }: Pick<ButtonArgs, 'body' | 'respond' | 'client'>,
  text: string,
): Promise<void> {
  if (body.response_url) await respond(ephemeral(text));
  else await client.chat.postMessage({ channel: body.user.id, text });
}

/**
 * A button's listener: acknowledged at once, its value decoded with `schema` (any other value is ignored,
 * with a warning), then `work`; a failure is logged under the button's action id.
 */
export function buttonListener<Value>(
  schema: z.ZodType<Value>,
  work: (args: ButtonArgs, value: Value) => Promise<unknown>,
): (args: ButtonArgs) => Promise<void> {
  return async (args) => {
    const { ack, action, logger } = args;
    await ack();
    const value = decodeValue(schema, action.value);
    if (!value) return logger.warn(`Ignored a ${action.action_id} button with an unexpected value`);
    try {
      await work(args, value);
    } catch (error) {
      logger.error(`${action.action_id}: failed`, error);
    }
  };
}
