import { randomBytes } from 'node:crypto';
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
    api_app_id: DEFAULTS.apiAppId,
    is_enterprise_install: 'false',
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
  view?: { id?: string; type: 'home' | 'modal'; callbackId?: string; privateMetadata?: string };
  triggerId?: string;
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
    user: userOf(input.userId, teamId),
    api_app_id: DEFAULTS.apiAppId,
    token: DEFAULTS.verificationToken,
    trigger_id: input.triggerId ?? triggerId(),
    team: { id: teamId, domain: DEFAULTS.teamDomain },
    enterprise: null,
    is_enterprise_install: false,
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
        blocks: [],
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
}

export function viewSubmission(input: ViewSubmissionInput): SlackRequest {
  const teamId = input.teamId ?? DEFAULTS.teamId;
  return payloadForm({
    type: 'view_submission',
    team: { id: teamId, domain: DEFAULTS.teamDomain },
    user: userOf(input.userId, teamId),
    api_app_id: DEFAULTS.apiAppId,
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
      app_id: DEFAULTS.apiAppId,
      bot_id: 'B0BOT',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  });
}

export interface EventCallbackInput {
  teamId?: string;
  eventId?: string;
  /** The bot user the event is delivered to (authorizations[0].user_id). */
  botUserId?: string;
}

export function eventCallback(event: Record<string, unknown>, input: EventCallbackInput = {}): SlackRequest {
  const teamId = input.teamId ?? DEFAULTS.teamId;
  return {
    contentType: JSON_TYPE,
    body: JSON.stringify({
      token: DEFAULTS.verificationToken,
      team_id: teamId,
      api_app_id: DEFAULTS.apiAppId,
      event,
      type: 'event_callback',
      event_id: input.eventId ?? randomId('Ev'),
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [
        {
          enterprise_id: null,
          team_id: teamId,
          user_id: input.botUserId ?? DEFAULTS.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
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
