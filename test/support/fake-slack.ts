import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Slack's Web API on 127.0.0.1 (random port), faking Slack only at the HTTP boundary.
 * Point the app at `apiUrl` (SLACK_API_URL) and use `responseUrl()` as a request's response_url.
 */

export interface RecordedCall {
  method: string;
  /** Form fields or JSON body; JSON-encoded form fields (blocks, view...) are parsed back to objects. */
  body: Record<string, unknown>;
  /** From `Authorization: Bearer ...`, else the body's `token` field. */
  token: string | undefined;
  contentType: string | undefined;
}

export interface ResponseUrlPost {
  /** The id in the response URL, as given to responseUrl(id). */
  id: string;
  url: string;
  body: Record<string, unknown>;
}

export type MethodAnswer =
  | { kind: 'json'; status?: number; body: Record<string, unknown>; headers?: Record<string, string> }
  | { kind: 'hang' };

export type MethodHandler = (call: RecordedCall) => Record<string, unknown>;

export interface FakeSlackOptions {
  teamId?: string;
  botUserId?: string;
  botId?: string;
  /** The app the bot belongs to, as bots.info says (A0PARTNER, the api_app_id of test requests, by default). */
  appId?: string;
  /** The Enterprise Grid org of the workspace, in auth.test (none by default). */
  enterpriseId?: string;
  /** Locale of users.info for users without their own (Slack's default is en-US). */
  defaultLocale?: string;
}

export interface FakeSlack {
  /** Base URL of the fake Web API, ending with /api/. */
  readonly apiUrl: string;
  /** Every Web API call, in arrival order (faults included). */
  readonly calls: RecordedCall[];
  /** Everything posted to a response URL, in arrival order. */
  readonly responses: ResponseUrlPost[];
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;
  readonly enterpriseId: string | undefined;
  callsTo(method: string): RecordedCall[];
  /** A URL on this server to use as response_url; posts to it are recorded under `id`. */
  responseUrl(id?: string): string;
  responsesTo(id: string): ResponseUrlPost[];
  setUserLocale(userId: string, locale: string): void;
  /**
   * A person of another organisation (Slack Connect): users.info names its own team and, as Slack may for
   * an external person, no locale.
   */
  setExternalUser(userId: string, teamId: string): void;
  /** conversations.info of a channel: shared outside the workspace with these teams, or not. */
  setChannel(channelId: string, state: { externallyShared: boolean; teamIds?: string[] }): void;
  /** users.lookupByEmail finds this user (else users_not_found). */
  setUserEmail(email: string, user: { id: string; teamId?: string }): void;
  /** Replaces the default answer of a method (kept until reset()). */
  on(method: string, handler: MethodHandler): void;
  /** The next `times` calls of `method` answer HTTP 429 with Retry-After. */
  rateLimit(method: string, options?: { times?: number; retryAfterSeconds?: number }): void;
  /** The next `times` calls of `method` never get an answer (until close()). */
  hang(method: string, options?: { times?: number }): void;
  /** The next `times` calls of `method` answer `{ ok: false, error }`, or an HTTP error when `status` is given. */
  fail(method: string, options?: { times?: number; error?: string; status?: number }): void;
  /** Waits until `count` calls of `method` were recorded; returns them. */
  waitForCalls(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** Waits until `count` posts to response URLs were recorded (all ids, or only `id`). */
  waitForResponses(count?: number, options?: { id?: string; timeoutMs?: number }): Promise<ResponseUrlPost[]>;
  /** Forgets calls, responses, faults, handlers and locales. */
  reset(): void;
  /** Runs `listener` on every reset() (an app forgetting what it learned from this Slack); returns its undo. */
  onReset(listener: () => void): () => void;
  close(): Promise<void>;
}

function parseFormValue(value: string): unknown {
  const first = value.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : { value: parsed };
    } catch {
      return { raw };
    }
  }
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) body[key] = parseFormValue(value);
  return body;
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function waitUntil<T>(read: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

interface Fault {
  remaining: number;
  answer: MethodAnswer;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const teamId = options.teamId ?? 'T0TEST';
  const botUserId = options.botUserId ?? 'U0BOT';
  const botId = options.botId ?? 'B0BOT';
  const appId = options.appId ?? 'A0PARTNER';
  const enterpriseId = options.enterpriseId;
  const defaultLocale = options.defaultLocale ?? 'en-US';
  const calls: RecordedCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const faults = new Map<string, Fault[]>();
  const handlers = new Map<string, MethodHandler>();
  const locales = new Map<string, string>();
  const externalTeams = new Map<string, string>();
  const channels = new Map<string, { externallyShared: boolean; teamIds: string[] }>();
  const emails = new Map<string, { id: string; teamId?: string }>();
  const hanging = new Set<ServerResponse>();
  const resetListeners = new Set<() => void>();
  let tsCounter = 0;
  let base = '';

  const nextTs = () => {
    tsCounter += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(tsCounter).padStart(6, '0')}`;
  };
  const dmChannelOf = (userId: string) => `D${userId.replace(/^U/, '')}`;

  const defaults: Record<string, MethodHandler> = {
    'auth.test': () => ({
      ok: true,
      url: 'https://fake.slack.invalid/',
      team: 'Fake Team',
      user: 'partner-bot',
      team_id: teamId,
      user_id: botUserId,
      bot_id: botId,
      ...(enterpriseId ? { enterprise_id: enterpriseId } : {}),
      is_enterprise_install: false,
    }),
    'bots.info': (call) =>
      call.body.bot === botId
        ? {
            ok: true,
            bot: {
              id: botId,
              deleted: false,
              name: 'partner-bot',
              updated: 0,
              app_id: appId,
              user_id: botUserId,
            },
          }
        : { ok: false, error: 'bot_not_found' },
    'chat.postMessage': (call) => {
      const requested = String(call.body.channel ?? '');
      // Posting to a user id lands in the app's DM with that user, as on Slack.
      const channel =
        requested.startsWith('U') || requested.startsWith('W') ? dmChannelOf(requested) : requested;
      const ts = nextTs();
      return { ok: true, channel, ts, message: { type: 'message', text: call.body.text, ts, bot_id: botId } };
    },
    'chat.postEphemeral': () => ({ ok: true, message_ts: nextTs() }),
    'chat.update': (call) => ({
      ok: true,
      channel: call.body.channel,
      ts: call.body.ts,
      text: call.body.text,
    }),
    'chat.delete': (call) => ({ ok: true, channel: call.body.channel, ts: call.body.ts }),
    'views.open': (call) => ({
      ok: true,
      view: { id: `V${nextTs().replace('.', '')}`, ...(call.body.view as object) },
    }),
    'views.update': (call) => ({ ok: true, view: { id: call.body.view_id, ...(call.body.view as object) } }),
    'views.push': (call) => ({
      ok: true,
      view: { id: `V${nextTs().replace('.', '')}`, ...(call.body.view as object) },
    }),
    'views.publish': (call) => ({
      ok: true,
      view: { id: `V${nextTs().replace('.', '')}`, type: 'home', ...(call.body.view as object) },
    }),
    'conversations.open': (call) => {
      const users = String(call.body.users ?? '');
      return { ok: true, channel: { id: dmChannelOf(users.split(',')[0] ?? 'U') } };
    },
    // The assistant panel (https://docs.slack.dev/reference/methods/assistant.threads.setStatus and its
    // siblings): each answers { ok: true }.
    'assistant.threads.setStatus': () => ({ ok: true }),
    'assistant.threads.setSuggestedPrompts': () => ({ ok: true }),
    'assistant.threads.setTitle': () => ({ ok: true }),
    'conversations.info': (call) => {
      const id = String(call.body.channel ?? '');
      // A channel not set up with setChannel is an internal one.
      const state = channels.get(id) ?? { externallyShared: false, teamIds: [] };
      const others = state.externallyShared ? state.teamIds : [];
      return {
        ok: true,
        channel: {
          id,
          is_channel: true,
          is_shared: others.length > 0,
          is_ext_shared: state.externallyShared,
          is_org_shared: false,
          context_team_id: teamId,
          shared_team_ids: [teamId, ...others],
        },
      };
    },
    'users.lookupByEmail': (call) => {
      const found = emails.get(String(call.body.email ?? '').toLowerCase());
      if (!found) return { ok: false, error: 'users_not_found' };
      return {
        ok: true,
        user: { id: found.id, team_id: found.teamId ?? teamId, name: found.id.toLowerCase(), is_bot: false },
      };
    },
    'users.info': (call) => {
      const id = String(call.body.user ?? '');
      const external = externalTeams.get(id);
      if (external)
        return { ok: true, user: { id, team_id: external, name: id.toLowerCase(), is_bot: false } };
      const withLocale = call.body.include_locale === true || call.body.include_locale === 'true';
      return {
        ok: true,
        user: {
          id,
          team_id: teamId,
          name: id.toLowerCase(),
          real_name: `User ${id}`,
          tz: 'Europe/Paris',
          is_bot: false,
          ...(withLocale ? { locale: locales.get(id) ?? defaultLocale } : {}),
        },
      };
    },
  };

  function answerFor(call: RecordedCall): MethodAnswer {
    const queue = faults.get(call.method);
    const fault = queue?.[0];
    if (fault) {
      fault.remaining -= 1;
      if (fault.remaining <= 0) queue.shift();
      return fault.answer;
    }
    const handler = handlers.get(call.method) ?? defaults[call.method];
    if (!handler) return { kind: 'json', body: { ok: false, error: 'unknown_method' } };
    return { kind: 'json', body: handler(call) };
  }

  function addFault(method: string, times: number, answer: MethodAnswer) {
    const queue = faults.get(method) ?? [];
    queue.push({ remaining: times, answer });
    faults.set(method, queue);
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const contentType = req.headers['content-type'];
    const raw = await readText(req);
    const body = parseBody(raw, contentType);

    if (url.pathname.startsWith('/response/')) {
      const id = decodeURIComponent(url.pathname.slice('/response/'.length));
      responses.push({ id, url: `${base}${url.pathname}`, body });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404);
      res.end();
      return;
    }
    const method = url.pathname.slice('/api/'.length);
    const authorization = req.headers.authorization;
    const token = authorization?.startsWith('Bearer ')
      ? authorization.slice('Bearer '.length)
      : typeof body.token === 'string'
        ? body.token
        : undefined;
    const call: RecordedCall = { method, body, token, contentType };
    calls.push(call);
    const answer = answerFor(call);
    if (answer.kind === 'hang') {
      hanging.add(res);
      res.once('close', () => hanging.delete(res));
      return;
    }
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${base}/api/`,
    calls,
    responses,
    teamId,
    botUserId,
    botId,
    appId,
    enterpriseId,
    callsTo: (method) => calls.filter((c) => c.method === method),
    responseUrl: (id = randomBytes(6).toString('hex')) => `${base}/response/${encodeURIComponent(id)}`,
    responsesTo: (id) => responses.filter((r) => r.id === id),
    setUserLocale: (userId, locale) => {
      locales.set(userId, locale);
    },
    setExternalUser: (userId, team) => {
      externalTeams.set(userId, team);
    },
    setChannel: (channelId, state) => {
      channels.set(channelId, { externallyShared: state.externallyShared, teamIds: state.teamIds ?? [] });
    },
    setUserEmail: (email, user) => {
      emails.set(email.toLowerCase(), user);
    },
    on: (method, handler) => {
      handlers.set(method, handler);
    },
    rateLimit: (method, { times = 1, retryAfterSeconds = 1 } = {}) =>
      addFault(method, times, {
        kind: 'json',
        status: 429,
        headers: { 'retry-after': String(retryAfterSeconds) },
        body: { ok: false, error: 'ratelimited' },
      }),
    hang: (method, { times = 1 } = {}) => addFault(method, times, { kind: 'hang' }),
    fail: (method, { times = 1, error = 'internal_error', status } = {}) =>
      addFault(method, times, {
        kind: 'json',
        status: status ?? 200,
        body: { ok: false, error: status ? `http_${status}` : error },
      }),
    waitForCalls: (method, count = 1, timeoutMs = 5_000) =>
      waitUntil(
        () => {
          const found = calls.filter((c) => c.method === method);
          return found.length >= count ? found : undefined;
        },
        timeoutMs,
        `${count} call(s) to ${method}`,
      ),
    waitForResponses: (count = 1, { id, timeoutMs = 5_000 } = {}) =>
      waitUntil(
        () => {
          const found = id === undefined ? responses : responses.filter((r) => r.id === id);
          return found.length >= count ? [...found] : undefined;
        },
        timeoutMs,
        `${count} post(s) to a response URL`,
      ),
    reset: () => {
      calls.length = 0;
      responses.length = 0;
      faults.clear();
      handlers.clear();
      locales.clear();
      externalTeams.clear();
      channels.clear();
      emails.clear();
      for (const listener of resetListeners) listener();
    },
    onReset: (listener) => {
      const own = () => listener();
      resetListeners.add(own);
      return () => resetListeners.delete(own);
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
