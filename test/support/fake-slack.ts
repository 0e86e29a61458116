import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webApi } from '@slack/bolt';

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

/** A file Slack holds (uploaded by a user, e.g. in a modal's file_input), served at its url_private_download. */
export interface HostedFile {
  id: string;
  name: string;
  title: string;
  bytes: Buffer;
  /** Who uploaded it. */
  user: string;
  url_private_download: string;
  /** Overrides the size files.info gives (default: the bytes' length). */
  size?: number;
  delayMs?: number;
}

/** What hostFile takes: the file's name and bytes; its id (a new one by default), uploader, title, size. */
export interface HostFileInput {
  id?: string;
  name: string;
  bytes: Buffer;
  user?: string;
  title?: string;
  /** Overrides the size files.info gives. */
  size?: number;
  /** How long its download waits before the bytes come (a large file on a slow link). */
  delayMs?: number;
}

/** A file the app uploaded (files.getUploadURLExternal, the POST, files.completeUploadExternal). */
export interface UploadedFileRecord {
  id: string;
  filename: string;
  title: string | undefined;
  channelId: string | undefined;
  initialComment: string | undefined;
  bytes: Buffer;
}

/** One GET of a hosted file's url_private_download, with the token it came with and the answer. */
export interface FileDownload {
  fileId: string;
  token: string | undefined;
  status: number;
}

export interface FakeSlackOptions {
  /**
   * The only token that may download hosted files (the test app's, TEST_BOT_TOKEN of slack-app.ts, by
   * default): any other, or none, gets 403.
   */
  botToken?: string;
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
  /** A guest of the workspace, as users.info says: multi-channel (is_restricted) or single-channel (both flags). */
  setGuest(userId: string, kind: 'multi-channel' | 'single-channel'): void;
  /**
   * conversations.info of a channel: shared outside the workspace with these teams, or not; and
   * conversations.members: these users (none by default).
   */
  setChannel(
    channelId: string,
    state: { externallyShared: boolean; teamIds?: string[]; members?: string[] },
  ): void;
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
  /**
   * A file as if a user uploaded it to Slack: files.info knows it and url_private_download serves it. With
   * the `id` of a file already hosted, replaces its bytes (a file edited or replaced in Slack).
   */
  hostFile(file: HostFileInput): HostedFile;
  /** Every GET of a hosted file's URL, with the token it carried. */
  readonly fileDownloads: FileDownload[];
  /** Every file the app uploaded and shared (completeUploadExternal), in order; each is hosted too. */
  readonly uploads: UploadedFileRecord[];
  /** Waits until `count` uploads were completed; returns them. */
  waitForUploads(count?: number, timeoutMs?: number): Promise<UploadedFileRecord[]>;
  /** Forgets calls, responses, faults, handlers, locales, hosted files and uploads. */
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

async function readBytes(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
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

/** A Web API client of this fake Slack that never retries: a test sees each call, and each failure, once. */
export function fakeSlackClient(slack: Pick<FakeSlack, 'apiUrl'>): InstanceType<typeof webApi.WebClient> {
  return new webApi.WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const teamId = options.teamId ?? 'T0TEST';
  const botUserId = options.botUserId ?? 'U0BOT';
  const botId = options.botId ?? 'B0BOT';
  const appId = options.appId ?? 'A0PARTNER';
  const enterpriseId = options.enterpriseId;
  const defaultLocale = options.defaultLocale ?? 'en-US';
  const botToken = options.botToken ?? 'xoxb-1111-2222-testbottokenvalue';
  const hosted = new Map<string, HostedFile>();
  const pendingUploads = new Map<string, { filename: string; length: number; bytes?: Buffer }>();
  const uploads: UploadedFileRecord[] = [];
  const fileDownloads: FileDownload[] = [];
  let fileCounter = 0;
  const calls: RecordedCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const faults = new Map<string, Fault[]>();
  const handlers = new Map<string, MethodHandler>();
  const locales = new Map<string, string>();
  const externalTeams = new Map<string, string>();
  const guests = new Map<string, 'multi-channel' | 'single-channel'>();
  const channels = new Map<string, { externallyShared: boolean; teamIds: string[]; members: string[] }>();
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
  const nextFileId = () => {
    fileCounter += 1;
    return `F0${String(fileCounter).padStart(6, '0')}${randomBytes(2).toString('hex').toUpperCase()}`;
  };
  const hostFile = (file: HostFileInput): HostedFile => {
    const id = file.id ?? nextFileId();
    const entry: HostedFile = {
      id,
      name: file.name,
      title: file.title ?? file.name,
      bytes: file.bytes,
      user: file.user ?? 'U0UPLOADER',
      url_private_download: `${base}/files-pri/${teamId}-${id}/download/${encodeURIComponent(file.name)}`,
      ...(file.size !== undefined ? { size: file.size } : {}),
      ...(file.delayMs !== undefined ? { delayMs: file.delayMs } : {}),
    };
    hosted.set(id, entry);
    return entry;
  };
  const fileObject = (f: HostedFile) => ({
    id: f.id,
    name: f.name,
    title: f.title,
    size: f.size ?? f.bytes.length,
    user: f.user,
    mode: 'hosted',
    filetype: f.name.split('.').pop() ?? '',
    mimetype: 'application/octet-stream',
    url_private: f.url_private_download.replace('/download/', '/'),
    url_private_download: f.url_private_download,
  });

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
    // Files (https://docs.slack.dev/reference/methods/files.info, files.getUploadURLExternal,
    // files.completeUploadExternal): hosted files are known to files.info; an upload URL on this server
    // takes the bytes; completing shares the file in channel_id and hosts it.
    'files.info': (call) => {
      const file = hosted.get(String(call.body.file ?? ''));
      return file ? { ok: true, file: fileObject(file) } : { ok: false, error: 'file_not_found' };
    },
    'files.getUploadURLExternal': (call) => {
      const filename = String(call.body.filename ?? '');
      const length = Number(call.body.length);
      if (!filename || !Number.isInteger(length) || length <= 0)
        return { ok: false, error: 'invalid_arguments' };
      const fileId = nextFileId();
      pendingUploads.set(fileId, { filename, length });
      return { ok: true, upload_url: `${base}/upload/${fileId}`, file_id: fileId };
    },
    'files.completeUploadExternal': (call) => {
      const files = Array.isArray(call.body.files)
        ? (call.body.files as { id?: string; title?: string }[])
        : [];
      const done: { id: string; title: string | undefined }[] = [];
      for (const f of files) {
        const pending = f.id ? pendingUploads.get(f.id) : undefined;
        if (!f.id || !pending?.bytes) return { ok: false, error: 'file_not_found' };
        pendingUploads.delete(f.id);
        const channelId = typeof call.body.channel_id === 'string' ? call.body.channel_id : undefined;
        uploads.push({
          id: f.id,
          filename: pending.filename,
          title: f.title,
          channelId,
          initialComment:
            typeof call.body.initial_comment === 'string' ? call.body.initial_comment : undefined,
          bytes: pending.bytes,
        });
        hostFile({ id: f.id, name: pending.filename, bytes: pending.bytes, user: botUserId, title: f.title });
        done.push({ id: f.id, title: f.title });
      }
      return { ok: true, files: done };
    },
    // The assistant panel (https://docs.slack.dev/reference/methods/assistant.threads.setStatus and its
    // siblings): each answers { ok: true }.
    'assistant.threads.setStatus': () => ({ ok: true }),
    'assistant.threads.setSuggestedPrompts': () => ({ ok: true }),
    'assistant.threads.setTitle': () => ({ ok: true }),
    'conversations.info': (call) => {
      const id = String(call.body.channel ?? '');
      // A channel not set up with setChannel is an internal one.
      const state = channels.get(id) ?? { externallyShared: false, teamIds: [], members: [] };
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
    // Paged as Slack pages it: `limit` members from the cursor, and the next cursor while more remain.
    'conversations.members': (call) => {
      const members = channels.get(String(call.body.channel ?? ''))?.members ?? [];
      const from = Number(call.body.cursor ?? 0);
      const to = from + Number(call.body.limit ?? 100);
      return {
        ok: true,
        members: members.slice(from, to),
        response_metadata: { next_cursor: to < members.length ? String(to) : '' },
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
        return {
          ok: true,
          user: { id, team_id: external, name: id.toLowerCase(), is_bot: false, is_stranger: true },
        };
      const guest = guests.get(id);
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
          is_restricted: guest !== undefined,
          is_ultra_restricted: guest === 'single-channel',
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
    const bytes = await readBytes(req);

    // A hosted file's url_private_download: the bytes for the bot token only (Slack serves a login page
    // otherwise; a 403 here makes the refusal plain).
    if (req.method === 'GET' && url.pathname.startsWith('/files-pri/')) {
      const fileId = url.pathname.split('/')[2]?.split('-').pop() ?? '';
      const file = hosted.get(fileId);
      const auth = req.headers.authorization;
      const token = auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
      const status = !file ? 404 : token === botToken ? 200 : 403;
      fileDownloads.push({ fileId, token, status });
      if (status !== 200 || !file) {
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status === 403 ? 'forbidden' : 'not found');
        return;
      }
      if (file.delayMs) await new Promise((resolve) => setTimeout(resolve, file.delayMs));
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.bytes.length });
      res.end(file.bytes);
      return;
    }
    // An upload URL from files.getUploadURLExternal: keeps the bytes until files.completeUploadExternal.
    if (url.pathname.startsWith('/upload/')) {
      const pending = pendingUploads.get(url.pathname.slice('/upload/'.length));
      if (req.method !== 'POST' || !pending) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      pending.bytes = bytes;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`OK - ${bytes.length}`);
      return;
    }

    const raw = bytes.toString('utf8');
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
    setGuest: (userId, kind) => {
      guests.set(userId, kind);
    },
    setChannel: (channelId, state) => {
      channels.set(channelId, {
        externallyShared: state.externallyShared,
        teamIds: state.teamIds ?? [],
        members: state.members ?? [],
      });
    },
    setUserEmail: (email, user) => {
      emails.set(email.toLowerCase(), user);
    },
    on: (method, handler) => {
      handlers.set(method, handler);
    },
    hostFile: (file) => hostFile(file),
    fileDownloads,
    uploads,
    waitForUploads: (count = 1, timeoutMs = 5_000) =>
      waitUntil(
        () => (uploads.length >= count ? [...uploads] : undefined),
        timeoutMs,
        `${count} completed upload(s)`,
      ),
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
      guests.clear();
      channels.clear();
      emails.clear();
      hosted.clear();
      pendingUploads.clear();
      uploads.length = 0;
      fileDownloads.length = 0;
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
