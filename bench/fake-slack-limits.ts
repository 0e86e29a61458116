import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Slack Web API on 127.0.0.1 that enforces Slack's posting limits, for the delivery bench:
 * chat.postMessage is refused with HTTP 429 and Retry-After when the channel had a message less than
 * `perChannelIntervalMs` ago (Slack: about one message per second per channel), or when the workspace
 * budget is spent (a token bucket of `workspacePerSecond`, bursts of `workspaceBurst`). Only accepted posts
 * are kept, counted per outbox dedupe key (from the message metadata) to find losses and duplicates.
 * conversations.open answers at once (Slack's limit on it is separate and far above this bench's pace).
 */

export interface PostingLimits {
  perChannelIntervalMs: number;
  workspacePerSecond: number;
  workspaceBurst: number;
}

export interface LimitedFakeSlack {
  readonly apiUrl: string;
  /** Accepted posts per dedupe key. */
  readonly postsByKey: Map<string, number>;
  readonly accepted: number;
  readonly rateLimited: { channel: number; workspace: number };
  /** When the first and the last post were accepted (performance.now()). */
  readonly firstPostAt: number | undefined;
  readonly lastPostAt: number | undefined;
  reset(): void;
  close(): Promise<void>;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) body[key] = value;
  return body;
}

function dedupeKeyOf(metadata: unknown): string | undefined {
  const parsed = typeof metadata === 'string' ? (JSON.parse(metadata) as unknown) : metadata;
  const payload = (parsed as { event_payload?: { dedupe_key?: unknown } } | undefined)?.event_payload;
  return typeof payload?.dedupe_key === 'string' ? payload.dedupe_key : undefined;
}

export async function startLimitedFakeSlack(limits: PostingLimits): Promise<LimitedFakeSlack> {
  const postsByKey = new Map<string, number>();
  const lastPostInChannel = new Map<string, number>();
  let tokens = limits.workspaceBurst;
  let refilledAt = performance.now();
  let accepted = 0;
  let seq = 0;
  let firstPostAt: number | undefined;
  let lastPostAt: number | undefined;
  const rateLimited = { channel: 0, workspace: 0 };

  const takeToken = (now: number): boolean => {
    tokens = Math.min(
      limits.workspaceBurst,
      tokens + ((now - refilledAt) / 1000) * limits.workspacePerSecond,
    );
    refilledAt = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0];
      const body = parseBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']);
      const json = (
        status: number,
        answer: Record<string, unknown>,
        headers: Record<string, string> = {},
      ) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(answer));
      };
      switch (method) {
        case 'auth.test':
          return json(200, { ok: true, team_id: 'T0BENCH', user_id: 'U0BOT', bot_id: 'B0BOT' });
        case 'conversations.open': {
          const user = String(body.users ?? '').split(',')[0] ?? '';
          return json(200, { ok: true, channel: { id: `D${user.replace(/^[UW]/, '')}` } });
        }
        case 'conversations.history':
          // Only asked after an uncertain attempt; none happen here, so nothing was posted earlier.
          return json(200, { ok: true, messages: [], has_more: false });
        case 'chat.postMessage': {
          const channel = String(body.channel ?? '');
          const now = performance.now();
          const last = lastPostInChannel.get(channel);
          if (last !== undefined && now - last < limits.perChannelIntervalMs) {
            rateLimited.channel += 1;
            return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
          }
          if (!takeToken(now)) {
            rateLimited.workspace += 1;
            return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
          }
          lastPostInChannel.set(channel, now);
          const key = dedupeKeyOf(body.metadata) ?? `(no key) ${channel}`;
          postsByKey.set(key, (postsByKey.get(key) ?? 0) + 1);
          accepted += 1;
          firstPostAt ??= now;
          lastPostAt = now;
          seq += 1;
          const ts = `${Math.floor(Date.now() / 1000)}.${String(seq).padStart(6, '0')}`;
          return json(200, { ok: true, channel, ts, message: { ts, text: body.text } });
        }
        default:
          return json(200, { ok: false, error: 'unknown_method' });
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    postsByKey,
    get accepted() {
      return accepted;
    },
    rateLimited,
    get firstPostAt() {
      return firstPostAt;
    },
    get lastPostAt() {
      return lastPostAt;
    },
    reset() {
      postsByKey.clear();
      lastPostInChannel.clear();
      accepted = 0;
      firstPostAt = undefined;
      lastPostAt = undefined;
      rateLimited.channel = 0;
      rateLimited.workspace = 0;
      tokens = limits.workspaceBurst;
      refilledAt = performance.now();
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
