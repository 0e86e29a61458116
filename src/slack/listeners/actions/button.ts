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
