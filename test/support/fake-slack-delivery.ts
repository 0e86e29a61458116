import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { waitUntil } from './wait.js';

/**
 * A fake Slack Web API on 127.0.0.1 for outbox delivery: unlike test/support/fake-slack.ts it keeps the
 * messages posted per conversation (with their metadata) and answers conversations.history from them, and
 * it can accept a post and answer late (a process killed in between has lost the outcome, not the post).
 */

export interface DeliveryCall {
  method: string;
  body: Record<string, unknown>;
  at: number;
  /** What the fake answered: 'ok', 'error:<code>', 'http:<status>', 'hang'. */
  answer: string;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown;
  metadata: { event_type: string; event_payload: Record<string, unknown> } | undefined;
  at: number;
  /** A reply in this thread (not in the channel's history, as on Slack: in conversations.replies). */
  threadTs?: string;
}

type Fault =
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'hang' }
  | { kind: 'error'; error: string }
  | { kind: 'http'; status: number };

export interface FakeSlackDelivery {
  readonly apiUrl: string;
  readonly calls: DeliveryCall[];
  readonly posted: PostedMessage[];
  callsTo(method: string): DeliveryCall[];
  /** The messages carrying this outbox dedupe key in their metadata. */
  postsOf(dedupeKey: string): PostedMessage[];
  /** The next `times` calls of `method` meet this fault. */
  fault(method: string, fault: Fault, times?: number): void;
  /** chat.postMessage stores the message at once but answers after `ms`. */
  setPostDelay(ms: number): void;
  /** Rejects posts to these channels (by id) with channel_not_found. */
  setMissingChannels(channels: string[]): void;
  /**
   * conversations.open for these users answers this error, as Slack does for a user it will not open a DM
   * with (user_not_found, cannot_dm_bot, invalid_user_combination for an external person...).
   */
  refuseDms(users: Record<string, string>): void;
  waitFor(check: () => boolean, timeoutMs?: number, what?: string): Promise<void>;
  close(): Promise<void>;
}

function parseForm(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const first = value.trimStart()[0];
    if (first === '{' || first === '[') {
      try {
        body[key] = JSON.parse(value);
        continue;
      } catch {}
    }
    body[key] = value;
  }
  return body;
}

export async function startFakeSlackDelivery(): Promise<FakeSlackDelivery> {
  const calls: DeliveryCall[] = [];
  const posted: PostedMessage[] = [];
  const faults = new Map<string, { fault: Fault; remaining: number }[]>();
  const hanging = new Set<ServerResponse>();
  let missing = new Set<string>();
  let refusedDms = new Map<string, string>();
  let postDelayMs = 0;
  let seq = 0;

  const dmOf = (user: string) => `D${user.replace(/^[UW]/, '')}`;
  const nextTs = () => {
    seq += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(seq).padStart(6, '0')}`;
  };

  function takeFault(method: string): Fault | undefined {
    const queue = faults.get(method);
    const head = queue?.[0];
    if (!head) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    return head.fault;
  }

  function handle(method: string, body: Record<string, unknown>): { status: number; body: unknown } {
    switch (method) {
      case 'chat.postMessage': {
        const requested = String(body.channel ?? '');
        if (missing.has(requested)) return { status: 200, body: { ok: false, error: 'channel_not_found' } };
        const channel = /^[UW]/.test(requested) ? dmOf(requested) : requested;
        const ts = nextTs();
        posted.push({
          channel,
          ts,
          text: String(body.text ?? ''),
          blocks: body.blocks,
          metadata: body.metadata as PostedMessage['metadata'],
          at: Date.now(),
          ...(body.thread_ts ? { threadTs: String(body.thread_ts) } : {}),
        });
        return { status: 200, body: { ok: true, channel, ts, message: { ts, text: body.text } } };
      }
      case 'conversations.open': {
        const user = String(body.users ?? '').split(',')[0] ?? '';
        const refused = refusedDms.get(user);
        if (refused) return { status: 200, body: { ok: false, error: refused } };
        return { status: 200, body: { ok: true, channel: { id: dmOf(user) } } };
      }
      case 'conversations.history':
      case 'conversations.replies': {
        const channel = String(body.channel ?? '');
        const oldest = Number(body.oldest ?? 0);
        const limit = Number(body.limit ?? 100);
        const offset = Number(body.cursor ?? 0);
        const withMeta = body.include_all_metadata === true || body.include_all_metadata === 'true';
        const thread = method === 'conversations.replies' ? String(body.ts ?? '') : undefined;
        const all = posted
          .filter((m) => m.channel === channel && Number(m.ts) > oldest && m.threadTs === thread)
          .sort((a, b) => Number(b.ts) - Number(a.ts));
        const page = all.slice(offset, offset + limit);
        const more = offset + limit < all.length;
        return {
          status: 200,
          body: {
            ok: true,
            messages: page.map((m) => ({
              type: 'message',
              ts: m.ts,
              text: m.text,
              ...(withMeta && m.metadata ? { metadata: m.metadata } : {}),
            })),
            has_more: more,
            response_metadata: { next_cursor: more ? String(offset + limit) : '' },
          },
        };
      }
      case 'auth.test':
        return { status: 200, body: { ok: true, user_id: 'U0BOT', team_id: 'T0TEST', bot_id: 'B0BOT' } };
      default:
        return { status: 200, body: { ok: false, error: 'unknown_method' } };
    }
  }

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = parseForm(Buffer.concat(chunks).toString('utf8'), req.headers['content-type']);
    const method = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/^\/api\//, '');
    const call: DeliveryCall = { method, body, at: Date.now(), answer: 'ok' };
    calls.push(call);
    const fault = takeFault(method);
    if (fault?.kind === 'hang') {
      call.answer = 'hang';
      hanging.add(res);
      res.once('close', () => hanging.delete(res));
      return;
    }
    if (fault?.kind === 'rate-limit') {
      call.answer = 'http:429';
      res.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': String(fault.retryAfterSeconds),
      });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    if (fault?.kind === 'http') {
      call.answer = `http:${fault.status}`;
      res.writeHead(fault.status, { 'content-type': 'text/plain' });
      res.end('error');
      return;
    }
    const answer =
      fault?.kind === 'error'
        ? { status: 200, body: { ok: false, error: fault.error } }
        : handle(method, body);
    const ok = (answer.body as { ok?: boolean }).ok;
    call.answer = ok ? 'ok' : `error:${(answer.body as { error?: string }).error}`;
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    };
    if (method === 'chat.postMessage' && postDelayMs > 0) {
      hanging.add(res);
      setTimeout(() => {
        hanging.delete(res);
        send();
      }, postDelayMs);
    } else send();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    calls,
    posted,
    callsTo: (method) => calls.filter((c) => c.method === method),
    postsOf: (dedupeKey) => posted.filter((m) => m.metadata?.event_payload?.dedupe_key === dedupeKey),
    fault: (method, fault, times = 1) => {
      const queue = faults.get(method) ?? [];
      queue.push({ fault, remaining: times });
      faults.set(method, queue);
    },
    setPostDelay: (ms) => {
      postDelayMs = ms;
    },
    setMissingChannels: (channels) => {
      missing = new Set(channels);
    },
    refuseDms: (users) => {
      refusedDms = new Map(Object.entries(users));
    },
    waitFor: (check, timeoutMs = 10_000, what = 'a condition') => waitUntil(check, timeoutMs, what),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
