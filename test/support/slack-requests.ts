import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { computeSlackSignature } from '../../src/slack/request-verification.js';

/**
 * Requests shaped and signed like Slack's: slash commands (form fields), interactivity (a `payload` form
 * field holding JSON) and Events API callbacks (JSON). Build one, then send it with sendSlackRequest, or
 * prepare it once and post it several times (replays).
 */

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export interface SlackRequest {
  contentType: typeof FORM | typeof JSON_TYPE;
  body: string;
}

export const DEFAULTS = {
  teamId: 'T0TEST',
  teamDomain: 'dstny-partners',
  apiAppId: 'A0PARTNER',
  userId: 'U0ALICE',
  userName: 'alice',
  channelId: 'C0GENERAL',
  channelName: 'general',
  botUserId: 'U0BOT',
  /** Slack still sends the deprecated verification token; nothing must rely on it. */
  verificationToken: 'legacy-verification-token',
} as const;

const randomId = (prefix: string) => `${prefix}${randomBytes(5).toString('hex').toUpperCase()}`;
const triggerId = () => `${Date.now()}.${randomBytes(4).readUInt32BE()}.${randomBytes(8).toString('hex')}`;
const nowTs = () => `${(Date.now() / 1000).toFixed(6)}`;

function form(fields: Record<string, string | undefined>): SlackRequest {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) params.append(key, value);
  return { contentType: FORM, body: params.toString() };
}

function payloadForm(payload: Record<string, unknown>): SlackRequest {
  return form({ payload: JSON.stringify(payload) });
}

export interface SlashCommandInput {
  text?: string;
  command?: string;
  userId?: string;
  userName?: string;
  channelId?: string;
  channelName?: string;
  teamId?: string;
  /** Where the app may post delayed replies; use fakeSlack.responseUrl(). */
  responseUrl?: string;
  triggerId?: string;
  enterpriseId?: string;
  /** api_app_id (DEFAULTS.apiAppId, the fake Slack's app, unless given). */
  apiAppId?: string;
  isEnterpriseInstall?: boolean;
}

export function slashCommand(input: SlashCommandInput = {}): SlackRequest {
  return form({
    token: DEFAULTS.verificationToken,
    team_id: input.teamId ?? DEFAULTS.teamId,
    team_domain: DEFAULTS.teamDomain,
    enterprise_id: input.enterpriseId,
    channel_id: input.channelId ?? DEFAULTS.channelId,
    channel_name: input.channelName ?? DEFAULTS.channelName,
    user_id: input.userId ?? DEFAULTS.userId,
    user_name: input.userName ?? DEFAULTS.userName,
    command: input.command ?? '/partner',
    text: input.text ?? '',
    api_app_id: input.apiAppId ?? DEFAULTS.apiAppId,
    is_enterprise_install: input.isEnterpriseInstall ? 'true' : 'false',
    response_url: input.responseUrl ?? 'https://hooks.slack.invalid/commands/T0TEST/1/none',
    trigger_id: input.triggerId ?? triggerId(),
  });
}

function userOf(userId: string | undefined, teamId: string) {
  const id = userId ?? DEFAULTS.userId;
  return { id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: teamId };
}

export interface BlockActionsInput {
  actionId: string;
  value?: string;
  blockId?: string;
  /** 'button' by default; pass an element type and `extra` for selects etc. */
  type?: string;
  extra?: Record<string, unknown>;
  userId?: string;
  teamId?: string;
  /** In a message (default): channel, message ts and response_url. */
  channelId?: string;
  messageTs?: string;
  responseUrl?: string;
  /** In a view (App Home or modal) instead of a message. */
  view?: {
    id?: string;
    type: 'home' | 'modal';
    callbackId?: string;
    privateMetadata?: string;
    /** The view's blocks (none by default). */
    blocks?: unknown[];
  };
  triggerId?: string;
  apiAppId?: string;
  /** `enterprise: { id }` (null by default). */
  enterpriseId?: string;
  /** The acting user's own team, when not the installation's (an external user in a Slack Connect channel). */
  userTeamId?: string;
  isEnterpriseInstall?: boolean;
}

export function blockActions(input: BlockActionsInput): SlackRequest {
  const teamId = input.teamId ?? DEFAULTS.teamId;
  const action = {
    type: input.type ?? 'button',
    action_id: input.actionId,
    block_id: input.blockId ?? randomId('b'),
    ...(input.value !== undefined ? { value: input.value } : {}),
    action_ts: nowTs(),
    ...input.extra,
  };
  const common = {
    type: 'block_actions',
    user: userOf(input.userId, input.userTeamId ?? teamId),
    api_app_id: input.apiAppId ?? DEFAULTS.apiAppId,
    token: DEFAULTS.verificationToken,
    trigger_id: input.triggerId ?? triggerId(),
    team: { id: teamId, domain: DEFAULTS.teamDomain },
    enterprise: input.enterpriseId ? { id: input.enterpriseId, name: 'Enterprise' } : null,
    is_enterprise_install: input.isEnterpriseInstall ?? false,
    actions: [action],
    state: { values: {} },
  };
  if (input.view) {
    const viewId = input.view.id ?? randomId('V');
    return payloadForm({
      ...common,
      container: { type: 'view', view_id: viewId },
      view: {
        id: viewId,
        team_id: teamId,
        type: input.view.type,
        callback_id: input.view.callbackId ?? '',
        private_metadata: input.view.privateMetadata ?? '',
        blocks: input.view.blocks ?? [],
        state: { values: {} },
        hash: randomBytes(6).toString('hex'),
      },
    });
  }
  const channelId = input.channelId ?? DEFAULTS.channelId;
  const messageTs = input.messageTs ?? nowTs();
  return payloadForm({
    ...common,
    container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    channel: { id: channelId, name: DEFAULTS.channelName },
    message: { type: 'message', ts: messageTs, user: DEFAULTS.botUserId, text: '', blocks: [] },
    response_url: input.responseUrl ?? 'https://hooks.slack.invalid/actions/T0TEST/1/none',
  });
}

/** view.state.values: block_id -> action_id -> element state, e.g. { type: 'plain_text_input', value: 'x' }. */
export type ViewStateValues = Record<string, Record<string, Record<string, unknown>>>;

export interface ViewSubmissionInput {
  callbackId: string;
  values?: ViewStateValues;
  privateMetadata?: string;
  userId?: string;
  teamId?: string;
  viewId?: string;
  triggerId?: string;
  apiAppId?: string;
  enterpriseId?: string;
  /** The acting user's own team, when not the installation's (an external user in a Slack Connect channel). */
  userTeamId?: string;
  /**
   * view.app_installed_team_id: the installation's workspace, sent when the modal was opened from another
   * workspace through a Slack Connect channel (`teamId` is then that other workspace).
   */
  appInstalledTeamId?: string;
}

export function viewSubmission(input: ViewSubmissionInput): SlackRequest {
  const teamId = input.teamId ?? DEFAULTS.teamId;
  return payloadForm({
    type: 'view_submission',
    team: { id: teamId, domain: DEFAULTS.teamDomain },
    user: userOf(input.userId, input.userTeamId ?? teamId),
    api_app_id: input.apiAppId ?? DEFAULTS.apiAppId,
    token: DEFAULTS.verificationToken,
    trigger_id: input.triggerId ?? triggerId(),
    view: {
      id: input.viewId ?? randomId('V'),
      team_id: teamId,
      type: 'modal',
      callback_id: input.callbackId,
      private_metadata: input.privateMetadata ?? '',
      title: { type: 'plain_text', text: 'partner-bot' },
      blocks: [],
      state: { values: input.values ?? {} },
      hash: randomBytes(6).toString('hex'),
      app_id: input.apiAppId ?? DEFAULTS.apiAppId,
      bot_id: 'B0BOT',
      ...(input.appInstalledTeamId ? { app_installed_team_id: input.appInstalledTeamId } : {}),
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: input.enterpriseId ? { id: input.enterpriseId, name: 'Enterprise' } : null,
  });
}

export interface EventCallbackInput {
  teamId?: string;
  eventId?: string;
  /** The bot user the event is delivered to (authorizations[0].user_id). */
  botUserId?: string;
  apiAppId?: string;
  /** enterprise_id of the wrapper and of authorizations[0] (none by default). */
  enterpriseId?: string;
  /**
   * The installation the event is delivered to (authorizations[0].team_id), when the wrapper's team_id
   * (`teamId`) is another, connected workspace: an event of a Slack Connect channel.
   */
  installationTeamId?: string;
  /** Leave `authorizations` out (older event shape): the wrapper's team_id then names the installation. */
  withoutAuthorizations?: boolean;
}

export function eventCallback(event: Record<string, unknown>, input: EventCallbackInput = {}): SlackRequest {
  const teamId = input.teamId ?? DEFAULTS.teamId;
  return {
    contentType: JSON_TYPE,
    body: JSON.stringify({
      token: DEFAULTS.verificationToken,
      team_id: teamId,
      ...(input.enterpriseId ? { enterprise_id: input.enterpriseId } : {}),
      api_app_id: input.apiAppId ?? DEFAULTS.apiAppId,
      event,
      type: 'event_callback',
      event_id: input.eventId ?? randomId('Ev'),
      event_time: Math.floor(Date.now() / 1000),
      ...(input.withoutAuthorizations
        ? {}
        : {
            authorizations: [
              {
                enterprise_id: input.enterpriseId ?? null,
                team_id: input.installationTeamId ?? teamId,
                user_id: input.botUserId ?? DEFAULTS.botUserId,
                is_bot: true,
                is_enterprise_install: false,
              },
            ],
          }),
      is_ext_shared_channel: input.installationTeamId !== undefined && input.installationTeamId !== teamId,
    }),
  };
}

export function appHomeOpened(
  input: EventCallbackInput & { userId?: string; tab?: 'home' | 'messages'; viewId?: string } = {},
): SlackRequest {
  const userId = input.userId ?? DEFAULTS.userId;
  return eventCallback(
    {
      type: 'app_home_opened',
      user: userId,
      channel: `D${userId.replace(/^U/, '')}`,
      tab: input.tab ?? 'home',
      event_ts: nowTs(),
      ...(input.viewId ? { view: { id: input.viewId, type: 'home' } } : {}),
    },
    input,
  );
}

export interface SignOptions {
  signingSecret: string;
  /** Seconds since the epoch; now by default. */
  timestamp?: number;
  /** Sign with another secret (a forged request). */
  signWith?: string;
  /** Send this signature instead of the computed one, or null for none. */
  signature?: string | null;
  /** Send no X-Slack-Request-Timestamp header. */
  omitTimestamp?: boolean;
  /** Send neither header. */
  unsigned?: boolean;
  headers?: Record<string, string>;
}

export interface PreparedRequest {
  body: string;
  headers: Record<string, string>;
}

/** Signs exactly as Slack does: HMAC-SHA256 over `v0:<timestamp>:<raw body>` with the signing secret. */
export function prepareSlackRequest(request: SlackRequest, options: SignOptions): PreparedRequest {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': request.contentType, ...options.headers };
  if (!options.unsigned) {
    const signature =
      options.signature === undefined
        ? computeSlackSignature(options.signWith ?? options.signingSecret, timestamp, request.body)
        : options.signature;
    if (signature !== null) headers['x-slack-signature'] = signature;
    if (!options.omitTimestamp) headers['x-slack-request-timestamp'] = String(timestamp);
  }
  return { body: request.body, headers };
}

export interface SlackHttpResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON (throws if it is not). */
  json<T = Record<string, unknown>>(): T;
}

export async function postPrepared(url: string, prepared: PreparedRequest): Promise<SlackHttpResponse> {
  const response = await fetch(url, { method: 'POST', headers: prepared.headers, body: prepared.body });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: <T>() => JSON.parse(text) as T };
}

export function sendSlackRequest(
  url: string,
  request: SlackRequest,
  options: SignOptions,
): Promise<SlackHttpResponse> {
  return postPrepared(url, prepareSlackRequest(request, options));
}

/*
 * Raw HTTP over a socket, for the receiver's limits: a request whose body is left pending, sent slowly or
 * larger than the limit, which fetch cannot do. Loopback only.
 */

export interface RawRequestOptions {
  port: number;
  host?: string;
  path?: string;
  /** Sent as given (add content-length or transfer-encoding yourself). */
  headers: Record<string, string>;
  /**
   * Body bytes to send after the headers, from `chunk` repeated (64 KiB of "a" by default), honouring
   * backpressure, until sent or the server closes; 0 (the default) leaves the body pending. With
   * `chunked`, sent as chunks of a chunked body (which is then never terminated).
   */
  send?: number;
  chunk?: Buffer;
  chunked?: boolean;
  /** Stop before the blank line that ends the headers (a slowloris). */
  incompleteHeaders?: boolean;
  /** The client gives up (destroys the socket) after this; 10 s by default. */
  timeoutMs?: number;
}

export interface RawOutcome {
  /** The status the server answered, if any. */
  status: number | undefined;
  /** What the server sent (the first 16 KiB). */
  text: string;
  /** Body bytes the client handed to its socket before the server closed it. */
  bytesSent: number;
  /** From connect to close. */
  ms: number;
  /** True when the server closed (or reset) the connection, false when the client gave up first. */
  closedByServer: boolean;
  error?: string;
}

const DEFAULT_CHUNK = Buffer.alloc(64 * 1024, 'a');

/** One request over a fresh socket; resolves once the connection is closed, by the server or on timeout. */
export function rawRequest(options: RawRequestOptions): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect({ port: options.port, host: options.host ?? '127.0.0.1' });
    const received: Buffer[] = [];
    let receivedBytes = 0;
    let bytesSent = 0;
    let error: string | undefined;
    let gaveUp = false;
    let closed = false;
    const timer = setTimeout(() => {
      gaveUp = true;
      socket.destroy();
    }, options.timeoutMs ?? 10_000);
    socket.on('data', (data: Buffer) => {
      if (receivedBytes < 16 * 1024) received.push(data);
      receivedBytes += data.length;
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error ??= e.code ?? e.message;
    });
    socket.on('close', () => {
      closed = true;
      clearTimeout(timer);
      const text = Buffer.concat(received).toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(text)?.[1];
      resolve({
        status: status ? Number(status) : undefined,
        text,
        bytesSent,
        ms: performance.now() - started,
        closedByServer: !gaveUp,
        ...(error ? { error } : {}),
      });
    });
    socket.on('connect', async () => {
      const lines = [`POST ${options.path ?? '/slack/events'} HTTP/1.1`, 'host: 127.0.0.1'];
      for (const [name, value] of Object.entries(options.headers)) lines.push(`${name}: ${value}`);
      socket.write(options.incompleteHeaders ? `${lines.join('\r\n')}\r\n` : `${lines.join('\r\n')}\r\n\r\n`);
      const total = options.send ?? 0;
      const chunk = options.chunk ?? DEFAULT_CHUNK;
      while (bytesSent < total && !closed && !socket.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, total - bytesSent));
        const framed = options.chunked
          ? [Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]
          : [piece];
        let flushed = true;
        for (const part of framed) flushed = socket.write(part) && flushed;
        bytesSent += piece.length;
        if (!flushed) {
          await new Promise<void>((resume) => {
            const go = () => {
              socket.off('drain', go);
              socket.off('close', go);
              resume();
            };
            socket.once('drain', go);
            socket.once('close', go);
          });
        }
      }
    });
  });
}

/** Headers that pass the header check (a current timestamp, 64 hex digits) without being a real signature. */
export function wellFormedForgedHeaders(contentType: string = FORM): Record<string, string> {
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
    'x-slack-signature': `v0=${'0'.repeat(64)}`,
  };
}

export interface FloodOptions {
  port: number;
  /** Connections that send their headers (a large Content-Length, no signature) and never their body. */
  pending: number;
  /** Unsigned posts that try to send their whole body. */
  posts: number;
  /** Declared (and, for posts, attempted) body size; 3.9 MB by default, as in the tester's flood. */
  bodyBytes?: number;
  /** Forged-signature posts (well-formed headers, wrong HMAC) of `forgedBytes` each, sent whole. */
  forged?: number;
  forgedBytes?: number;
  /** Client-side give-up time of each connection. */
  timeoutMs?: number;
}

export interface FloodOutcome {
  connections: number;
  /** Answers by status ("none" when the connection closed without one). */
  statuses: Record<string, number>;
  /** Connections the client had to give up on (the server kept them open). */
  keptOpen: number;
  /** Body bytes the clients managed to hand to their sockets, all together. */
  bytesSent: number;
  ms: number;
}

/** All at once, each connection once; resolves when the server has closed every one of them. */
export async function unsignedFlood(options: FloodOptions): Promise<FloodOutcome> {
  const bodyBytes = options.bodyBytes ?? 3_900_000;
  const unsigned = { 'content-type': FORM, 'content-length': String(bodyBytes) };
  const started = performance.now();
  const all: Promise<RawOutcome>[] = [];
  const base = { port: options.port, timeoutMs: options.timeoutMs };
  for (let i = 0; i < options.pending; i += 1) all.push(rawRequest({ ...base, headers: unsigned }));
  for (let i = 0; i < options.posts; i += 1)
    all.push(rawRequest({ ...base, headers: unsigned, send: bodyBytes }));
  const forgedBytes = options.forgedBytes ?? 256 * 1024;
  for (let i = 0; i < (options.forged ?? 0); i += 1) {
    all.push(
      rawRequest({
        ...base,
        headers: { ...wellFormedForgedHeaders(), 'content-length': String(forgedBytes) },
        send: forgedBytes,
      }),
    );
  }
  const outcomes = await Promise.all(all);
  const statuses: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.status === undefined ? 'none' : String(o.status);
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  return {
    connections: outcomes.length,
    statuses,
    keptOpen: outcomes.filter((o) => !o.closedByServer).length,
    bytesSent: outcomes.reduce((sum, o) => sum + o.bytesSent, 0),
    ms: performance.now() - started,
  };
}

export interface MessageEventInput extends EventCallbackInput {
  text: string;
  userId?: string;
  channelId?: string;
  /** The message's own ts (a fresh one by default). */
  ts?: string;
  /** A reply in this thread. */
  threadTs?: string;
  /** The author's own team (Slack Connect: another organisation's). */
  userTeam?: string;
  /** Extra fields of the event (bot_id, subtype, edited...). */
  extra?: Record<string, unknown>;
}

/** app_mention (https://docs.slack.dev/reference/events/app_mention): the bot mentioned in a channel. */
export function appMention(input: MessageEventInput): SlackRequest {
  const ts = input.ts ?? nowTs();
  const userTeam = input.userTeam ?? input.teamId ?? DEFAULTS.teamId;
  return eventCallback(
    {
      type: 'app_mention',
      user: input.userId ?? DEFAULTS.userId,
      text: `<@${DEFAULTS.botUserId}> ${input.text}`,
      ts,
      channel: input.channelId ?? DEFAULTS.channelId,
      event_ts: ts,
      team: userTeam,
      user_team: userTeam,
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
      ...input.extra,
    },
    input,
  );
}

/** message.im (https://docs.slack.dev/reference/events/message.im): a message in the bot's DM. */
export function directMessage(input: MessageEventInput): SlackRequest {
  const ts = input.ts ?? nowTs();
  const userId = input.userId ?? DEFAULTS.userId;
  return eventCallback(
    {
      type: 'message',
      channel_type: 'im',
      channel: input.channelId ?? `D${userId.replace(/^U/, '')}`,
      user: userId,
      text: input.text,
      ts,
      event_ts: ts,
      team: input.userTeam ?? DEFAULTS.teamId,
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
      ...input.extra,
    },
    input,
  );
}

/** assistant_thread_started (https://docs.slack.dev/reference/events/assistant_thread_started). */
export function assistantThreadStarted(
  input: EventCallbackInput & { userId?: string; threadTs?: string; contextChannelId?: string } = {},
): SlackRequest {
  const userId = input.userId ?? DEFAULTS.userId;
  return eventCallback(
    {
      type: 'assistant_thread_started',
      assistant_thread: {
        user_id: userId,
        context: input.contextChannelId
          ? { channel_id: input.contextChannelId, team_id: DEFAULTS.teamId, enterprise_id: null }
          : {},
        channel_id: `D${userId.replace(/^U/, '')}`,
        thread_ts: input.threadTs ?? nowTs(),
      },
      event_ts: nowTs(),
    },
    input,
  );
}
