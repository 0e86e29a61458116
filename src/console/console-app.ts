import { randomBytes } from 'node:crypto';
import { App, type Receiver, type ReceiverEvent } from '@slack/bolt';
import type { Deps } from '../deps.js';
import { createLogger, type Logger } from '../logger.js';
import type { Locale } from '../program/catalog.schema.js';
import { PARTNER_COMMAND } from '../slack/listeners/commands/partner.command.js';
import { createListenerDeps, registerListeners } from '../slack/listeners/index.js';
import { createLocalSlack, LOCAL_API_URL, type LocalSlack, type LocalSlackEvents } from './local-slack.js';

const TEAM_ID = 'T0CONSOLE';
const APP_ID = 'A0CONSOLE';

/** A button shown in the console, with what Slack would send back when it is clicked. */
export interface PressableButton {
  actionId: string;
  value?: string | undefined;
  blockId?: string | undefined;
  label: string;
  /** The message it is on. */
  message: { channel: string | undefined; ts: string; text: string; blocks: unknown[] };
}

/** A modal's submission: its state values, block id -> action id -> element state, as Slack sends them. */
export type ModalValues = Record<string, Record<string, Record<string, unknown>>>;

export interface ConsoleApp {
  readonly slack: LocalSlack;
  /** `/partner <text>` as `user` in `channel`; the ack's reply and anything posted come as events. */
  command(user: string, channel: string | undefined, text: string): Promise<void>;
  /**
   * A sentence typed to the bot, as Slack's Events API delivers a mention of it; the assistant's listeners
   * answer in the thread `thread` names, so that a follow-up is about the same partner.
   */
  say(user: string, channel: string | undefined, text: string, thread: string): Promise<void>;
  press(user: string, button: PressableButton): Promise<void>;
  /** Resolves with the ack's body: `{ response_action: 'errors', errors }`, or undefined when it closed. */
  submit(
    user: string,
    modal: { id: string; view: Record<string, unknown> },
    values: ModalValues,
  ): Promise<unknown>;
}

/** Bolt takes its events from the console: nothing listens on a network. */
class ConsoleReceiver implements Receiver {
  init(): void {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

const ids = (prefix: string) => `${prefix}${randomBytes(4).toString('hex')}`;

/**
 * The real Bolt app with the real listeners, as `src/main.ts` builds it for Slack, fed by the console
 * instead of a receiver: each command, click and submission is the body Slack would send, and each Web
 * API call and respond() is answered by the local Slack (local-slack.ts) and shown in the terminal.
 */
export function createConsoleApp(options: {
  deps: Deps;
  events: LocalSlackEvents;
  /** The language the console answers in (`lang`), instead of the user's Slack locale. */
  locale: () => Locale;
  /** Told about what the listeners log as errors. */
  onError?: ((message: string) => void) | undefined;
}): ConsoleApp {
  const slack = createLocalSlack(options.events);
  const logger: Logger = createLogger({
    level: 'error',
    name: 'console',
    sink: (record) => options.onError?.(record.message),
  });
  const app = new App({
    token: 'xoxb-console',
    botId: 'B0CONSOLE',
    botUserId: 'U0CONSOLEBOT',
    tokenVerificationEnabled: false,
    receiver: new ConsoleReceiver(),
    logger,
    logLevel: logger.getLevel(),
    clientOptions: { slackApiUrl: LOCAL_API_URL, fetch: slack.fetch, retryConfig: { retries: 0 } },
  });
  const listenerDeps = {
    ...createListenerDeps({ ...options.deps, logger }),
    locales: async () => options.locale(),
  };
  registerListeners(app, listenerDeps);

  const user = (id: string) => ({ id, username: id, name: id, team_id: TEAM_ID });
  const common = (userId: string) => ({
    api_app_id: APP_ID,
    token: 'console',
    team: { id: TEAM_ID, domain: 'console' },
    enterprise: null,
    is_enterprise_install: false,
    user: user(userId),
    trigger_id: ids('trigger.'),
  });
  const dispatch = async (body: Record<string, unknown>, onAck?: (response: unknown) => void) => {
    let acked: unknown;
    const event: ReceiverEvent = {
      body,
      ack: async (response?: unknown) => {
        acked = response;
        onAck?.(response);
      },
    };
    await app.processEvent(event);
    return acked;
  };

  return {
    slack,
    async command(userId, channel, text) {
      // The reply is shown when the listener acks it, before a modal it then opens.
      const shown = (acked: unknown) => {
        const reply = acked as { text?: string; blocks?: unknown[] } | undefined;
        if (reply && (reply.text || reply.blocks))
          options.events.message({
            channel,
            ts: slack.nextTs(),
            text: reply.text ?? '',
            ...(reply.blocks ? { blocks: reply.blocks } : {}),
            via: 'reply',
          });
      };
      await dispatch(
        {
          command: PARTNER_COMMAND,
          text,
          user_id: userId,
          user_name: userId,
          channel_id: channel ?? 'D0CONSOLE',
          channel_name: channel ?? 'directmessage',
          team_id: TEAM_ID,
          team_domain: 'console',
          api_app_id: APP_ID,
          token: 'console',
          response_url: slack.responseUrl(channel),
          trigger_id: ids('trigger.'),
        },
        shown,
      );
    },
    async say(userId, channel, text, thread) {
      const ts = slack.nextTs();
      // A mention, also outside a channel: it keeps one thread, as the assistant panel does.
      const event = { type: 'app_mention', text: `<@U0CONSOLEBOT> ${text}`, channel: channel ?? 'D0CONSOLE' };
      await dispatch({
        token: 'console',
        team_id: TEAM_ID,
        api_app_id: APP_ID,
        type: 'event_callback',
        event_id: ids('Ev'),
        event_time: Math.floor(Date.now() / 1000),
        event: { ...event, user: userId, user_team: TEAM_ID, ts, event_ts: ts, thread_ts: thread },
      });
    },
    async press(userId, button) {
      const { message } = button;
      const channel = message.channel ?? 'D0CONSOLE';
      await dispatch({
        type: 'block_actions',
        ...common(userId),
        container: { type: 'message', message_ts: message.ts, channel_id: channel, is_ephemeral: true },
        channel: { id: channel, name: channel },
        message: { type: 'message', ts: message.ts, text: message.text, blocks: message.blocks },
        response_url: slack.responseUrl(message.channel),
        actions: [
          {
            type: 'button',
            action_id: button.actionId,
            block_id: button.blockId ?? ids('b'),
            text: { type: 'plain_text', text: button.label },
            ...(button.value !== undefined ? { value: button.value } : {}),
            action_ts: slack.nextTs(),
          },
        ],
        state: { values: {} },
      });
    },
    async submit(userId, modal, values) {
      return dispatch({
        type: 'view_submission',
        ...common(userId),
        view: {
          ...modal.view,
          id: modal.id,
          team_id: TEAM_ID,
          type: 'modal',
          state: { values },
          hash: ids(''),
          app_id: APP_ID,
          app_installed_team_id: TEAM_ID,
        },
        response_urls: [],
      });
    },
  };
}
