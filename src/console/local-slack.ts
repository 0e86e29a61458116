import type { webApi } from '@slack/bolt';
import type { DeliveryClient } from '../outbox/delivery-client.js';

/** Where the console's Slack "lives": never resolved, every call is answered in-process. */
export const LOCAL_SLACK_URL = 'https://slack.console.invalid';
export const LOCAL_API_URL = `${LOCAL_SLACK_URL}/api/`;

/** A message the app sent, as the console shows it. */
export interface PostedMessage {
  /** A channel id, a user id (a direct message), or undefined for a reply to the console user. */
  channel: string | undefined;
  ts: string;
  text: string;
  blocks?: unknown[];
  /** How it reached Slack: a command's ack, respond(), chat.*, or the outbox's delivery. */
  via: 'reply' | 'respond' | 'post' | 'ephemeral' | 'update' | 'outbox';
  /** respond() / chat.update replacing the message it answers. */
  replaces?: boolean;
  /** respond() posting for everyone in the channel (a shared card). */
  inChannel?: boolean;
}

/** A modal the app opened (views.open / push) or updated. */
export interface OpenedModal {
  id: string;
  view: Record<string, unknown>;
}

export interface LocalSlackEvents {
  message(message: PostedMessage): void;
  modal(modal: OpenedModal): void;
}

export interface LocalSlack {
  /** Given to Bolt (clientOptions.fetch): the Web API and every response_url, answered here. */
  fetch: webApi.FetchFunction;
  /** Given to the outbox dispatcher: what it delivers is shown like any post. */
  delivery: DeliveryClient;
  /** A response_url for a message the console shows, and the channel it is in. */
  responseUrl(channel: string | undefined): string;
  nextTs(): string;
}

const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

/** A form-encoded Web API call: complex arguments come JSON-encoded (the Web API client's way). */
function callArguments(body: unknown): Record<string, unknown> {
  if (typeof body !== 'string') return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    try {
      out[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
    } catch {
      out[key] = value;
    }
  }
  return out;
}

/**
 * The Slack the console's app talks to: the real Bolt listeners call the Web API and respond() as in
 * production, and each call is answered here and shown in the terminal instead of going to Slack.
 */
export function createLocalSlack(events: LocalSlackEvents): LocalSlack {
  let seq = 0;
  const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, '0')}`;
  const responseChannels = new Map<string, string | undefined>();
  let viewSeq = 0;

  const post = (channel: string | undefined, args: Record<string, unknown>, via: PostedMessage['via']) => {
    const ts = typeof args.ts === 'string' && via === 'update' ? args.ts : nextTs();
    events.message({
      channel,
      ts,
      text: typeof args.text === 'string' ? args.text : '',
      ...(Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
      via,
      ...(via === 'update' ? { replaces: true } : {}),
    });
    return ts;
  };

  const api = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    const channel = typeof args.channel === 'string' ? args.channel : undefined;
    switch (method) {
      case 'chat.postMessage':
        return { ok: true, channel, ts: post(channel, args, 'post') };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: post(channel, args, 'ephemeral') };
      case 'chat.update':
        return { ok: true, channel, ts: post(channel, args, 'update') };
      case 'views.open':
      case 'views.push':
      case 'views.update': {
        const id = typeof args.view_id === 'string' ? args.view_id : `V0CONSOLE${++viewSeq}`;
        const view = (args.view ?? {}) as Record<string, unknown>;
        events.modal({ id, view });
        return { ok: true, view: { ...view, id } };
      }
      case 'views.publish':
        return { ok: true, view: { id: 'V0CONSOLEHOME' } };
      case 'users.info':
        return { ok: true, user: { id: args.user, locale: 'en-US' } };
      case 'auth.test':
        return { ok: true, team_id: 'T0CONSOLE', user_id: 'U0CONSOLEBOT', bot_id: 'B0CONSOLE' };
      case 'conversations.open':
        return { ok: true, channel: { id: args.users } };
      case 'conversations.history':
        return { ok: true, messages: [], has_more: false };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };

  const fetch: webApi.FetchFunction = async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const body = init?.body;
    if (url.pathname.startsWith('/api/')) return json(api(url.pathname.slice(5), callArguments(body)));
    if (url.pathname.startsWith('/respond/')) {
      const channel = responseChannels.get(url.pathname.slice(9));
      const args = typeof body === 'string' ? (JSON.parse(body) as Record<string, unknown>) : {};
      events.message({
        channel,
        ts: nextTs(),
        text: typeof args.text === 'string' ? args.text : '',
        ...(Array.isArray(args.blocks) ? { blocks: args.blocks } : {}),
        via: 'respond',
        ...(args.replace_original === true ? { replaces: true } : {}),
        ...(args.response_type === 'in_channel' ? { inChannel: true } : {}),
      });
      return new Response('ok', { status: 200 });
    }
    return new Response('not found', { status: 404 });
  };

  const delivery: DeliveryClient = {
    chat: {
      postMessage: async (args) => ({
        ok: true,
        channel: args.channel,
        ts: post(args.channel, args, 'outbox'),
      }),
    },
    conversations: {
      open: async ({ users }) => ({ ok: true, channel: { id: users } }),
      history: async () => ({ ok: true, messages: [], has_more: false }),
    },
  };

  return {
    fetch,
    delivery,
    nextTs,
    responseUrl(channel) {
      const id = String(++seq);
      responseChannels.set(id, channel);
      return `${LOCAL_SLACK_URL}/respond/${id}`;
    },
  };
}
