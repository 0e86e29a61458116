import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';

export const PARTNER_COMMAND = '/partner';

export type CommandHandler = (args: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;

/** Placeholder until the subcommands land: answers every /partner with the help text. */
export const PLACEHOLDER_HELP_TEXT = [
  '*/partner* - the Dstny partner program',
  '`/partner help` this help',
  '`/partner tier|benefits|obligations|status|zen|history [partner]` about a partner',
  '`/partner program` the program, `/partner list` the partners',
].join('\n');

export function partnerCommand(_deps: ListenerDeps): CommandHandler {
  return async ({ ack }) => {
    await ack({ response_type: 'ephemeral', text: PLACEHOLDER_HELP_TEXT });
  };
}
