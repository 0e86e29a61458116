import { webApi } from '@slack/bolt';
import type { Config } from '../config.js';

/** The metadata event type every outbox message carries, with its row id: how a lost outcome is found again. */
export const OUTBOX_EVENT_TYPE = 'partner_bot_outbox';

export interface PostedMessageMetadata {
  event_type: string;
  event_payload: { outbox_id: string; dedupe_key: string };
}

/** A page of conversations.history or conversations.replies, as far as the dispatcher reads it. */
interface HistoryQuery {
  channel: string;
  oldest?: string;
  limit?: number;
  cursor?: string;
  include_all_metadata?: boolean;
}

interface HistoryPage {
  ok?: boolean;
  messages?: HistoryMessage[];
  has_more?: boolean;
  response_metadata?: { next_cursor?: string };
}

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/**
 * The part of the Web API the dispatcher uses: a WebClient fits, and so does a small fake. Calls must fail
 * with the Web API client's coded errors (or anything else, treated as a network failure).
 */
export interface DeliveryClient {
  chat: {
    postMessage(args: {
      channel: string;
      text: string;
      blocks?: unknown[];
      metadata?: PostedMessageMetadata;
      thread_ts?: string;
      unfurl_links?: boolean;
      unfurl_media?: boolean;
    }): Promise<{ ok?: boolean; ts?: string; channel?: string }>;
  };
  conversations: {
    /** A thread's replies: where a threaded message is looked for again (they are not in the history). */
    replies?(args: HistoryQuery & { ts: string }): Promise<HistoryPage>;
    open(args: { users: string }): Promise<{ ok?: boolean; channel?: { id?: string } }>;
    history(args: HistoryQuery): Promise<HistoryPage>;
  };
}

/**
 * A Web API client for the dispatcher alone, unlike the Bolt app's: no automatic retries (a retried
 * timeout could post twice; the dispatcher retries itself, after looking for the first attempt), 429s
 * thrown at once with their Retry-After, and a request timeout.
 */
export function createDeliveryClient(
  config: Pick<Config, 'SLACK_BOT_TOKEN' | 'SLACK_API_URL'>,
  timeoutMs: number,
): DeliveryClient {
  if (!config.SLACK_BOT_TOKEN) throw new Error('SLACK_BOT_TOKEN is required to deliver the outbox');
  return new webApi.WebClient(config.SLACK_BOT_TOKEN, {
    ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}),
    timeout: timeoutMs,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logLevel: webApi.LogLevel.ERROR,
  }) satisfies DeliveryClient;
}

/** Whether a channel field names a user (a DM to open) rather than a conversation. */
export function isUserId(channel: string): boolean {
  return /^[UW][A-Z0-9]+$/.test(channel);
}
