import { redact } from '../logger.js';

/**
 * What a failed Web API call means for the message:
 * - rate-limited: Slack refused for now (HTTP 429); nothing was posted; wait retryAfterMs;
 * - rejected: Slack answered and posted nothing; `permanent` when retrying cannot help;
 * - in-doubt: no answer (timeout, network, 5xx): the post may or may not have landed.
 */
export type Failure =
  | { kind: 'rate-limited'; retryAfterMs: number; message: string }
  | { kind: 'rejected'; permanent: boolean; message: string }
  | { kind: 'in-doubt'; message: string };

/** Slack errors that no retry will fix: the channel, the token, the scopes or the message itself. */
const PERMANENT_ERRORS = new Set([
  'account_inactive',
  'channel_not_found',
  'invalid_auth',
  'invalid_blocks',
  'invalid_blocks_format',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'is_archived',
  'metadata_too_large',
  'missing_scope',
  'msg_too_long',
  'no_permission',
  'no_text',
  'not_allowed_token_type',
  'not_authed',
  'not_in_channel',
  'restricted_action',
  'token_revoked',
  'too_many_attachments',
  'user_not_found',
  'user_disabled',
  'cannot_dm_bot',
  // conversations.open: an external person the bot shares no channel with, or one it may not see.
  'invalid_user_combination',
  'user_not_visible',
]);

export class RequestTimeoutError extends Error {
  constructor(method: string, ms: number) {
    super(`${method} did not answer within ${ms} ms`);
    this.name = 'RequestTimeoutError';
  }
}

/** Error text fit for the outbox table and logs: one line, no token. */
export function errorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return redact(message.split('\n')[0] ?? '', []).slice(0, 500);
}

/** An earlier attempt of a message cannot be looked for: posting again could make a duplicate. */
export class UnverifiableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnverifiableError';
  }
}

export function classify(err: unknown): Failure {
  if (err instanceof UnverifiableError) return { kind: 'rejected', permanent: true, message: err.message };
  const e = err as {
    code?: string;
    retryAfter?: number;
    data?: { error?: string };
    statusCode?: number;
  };
  const message = errorText(err);
  switch (e?.code) {
    case 'slack_webapi_rate_limited_error':
      return { kind: 'rate-limited', retryAfterMs: Math.max(1, e.retryAfter ?? 1) * 1000, message };
    case 'slack_webapi_platform_error': {
      const error = e.data?.error ?? 'unknown_error';
      if (error === 'ratelimited') return { kind: 'rate-limited', retryAfterMs: 1000, message };
      return { kind: 'rejected', permanent: PERMANENT_ERRORS.has(error), message: error };
    }
    case 'slack_webapi_http_error': {
      const status = e.statusCode ?? 0;
      if (status === 429) return { kind: 'rate-limited', retryAfterMs: 1000, message };
      // A 5xx may come after Slack accepted the message; any other status means it was refused.
      if (status >= 500) return { kind: 'in-doubt', message };
      return { kind: 'rejected', permanent: false, message };
    }
    default:
      return { kind: 'in-doubt', message };
  }
}
