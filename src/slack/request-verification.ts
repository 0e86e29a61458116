import { createHmac, timingSafeEqual } from 'node:crypto';
import { parse as parseQueryString } from 'node:querystring';

/**
 * Verification of Slack's v0 request signatures, stricter than Bolt's own:
 * - the headers are checked before the body is read (checkSignatureHeaders): a request without them, with
 *   a malformed one or a timestamp out of the window is refused without reading a byte of its body;
 * - the timestamp must be within 5 minutes of now in either direction (Bolt accepts any future timestamp);
 * - a signature already accepted within that window is a replay and is refused (Bolt accepts replays).
 * Bolt still verifies the signature again behind this check; that costs one HMAC and keeps its code path intact.
 *
 * What this relies on, from Slack's "Verifying requests from Slack"
 * (https://api.slack.com/authentication/verifying-requests-from-slack, also
 * https://api.slack.com/docs/verifying-requests-from-slack): every request Slack sends carries an
 * `X-Slack-Signature` header and an `X-Slack-Request-Timestamp` header (Unix seconds); the signature is
 * `v0=` followed by the hex HMAC-SHA256, keyed with the signing secret, of `v0:<timestamp>:<raw body>`;
 * a timestamp more than five minutes from local time should be ignored (it could be a replay). Both headers
 * are known before the body, so a request that cannot be genuine is known before the body too.
 *
 * Then every accepted request must be for our installation (checkInstallation, below): a signature proves
 * the request was signed with our secret, not that it is about our app and workspace.
 */

export const SIGNATURE_VERSION = 'v0';
/** Slack's own tolerance, applied both ways. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export type VerificationFailure =
  | 'missing_headers'
  | 'malformed_timestamp'
  | 'malformed_signature'
  | 'stale_timestamp'
  | 'future_timestamp'
  | 'bad_signature'
  | 'replayed';

export type VerificationResult = { ok: true } | { ok: false; reason: VerificationFailure };

/**
 * `v0=<hex HMAC-SHA256 of "v0:<timestamp>:<raw body>">`, exactly as Slack computes it. The body may be
 * given as the bytes received (no decoding, no copy: what the receiver does) or as a string (UTF-8).
 */
export function computeSlackSignature(
  signingSecret: string,
  timestampSeconds: number | string,
  rawBody: string | Buffer,
) {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`${SIGNATURE_VERSION}:${timestampSeconds}:`);
  hmac.update(rawBody);
  return `${SIGNATURE_VERSION}=${hmac.digest('hex')}`;
}

/**
 * The same signature, computed as the body arrives (chunk by chunk), so that a forged body can be refused
 * without being joined into one buffer or decoded. A fast refusal only: the full check still runs after.
 */
export function createStreamingSignature(signingSecret: string, timestamp: string) {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`${SIGNATURE_VERSION}:${timestamp}:`);
  return {
    update(chunk: Buffer) {
      hmac.update(chunk);
    },
    /** Call once, after the last chunk. */
    matches(signature: string): boolean {
      return signaturesMatch(`${SIGNATURE_VERSION}=${hmac.digest('hex')}`, signature);
    },
  };
}

function signaturesMatch(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  // The expected length is public (v0= + 64 hex digits): comparing lengths first leaks nothing.
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What Slack sends: `v0=` and 64 lowercase hex digits (a SHA-256 digest). */
export const SIGNATURE_PATTERN = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP_PATTERN = /^\d{1,12}$/;

function checkWindow(timestamp: string, now: number, toleranceSeconds: number): VerificationResult {
  const skew = Number(timestamp) - Math.floor(now / 1000);
  if (skew < -toleranceSeconds) return { ok: false, reason: 'stale_timestamp' };
  if (skew > toleranceSeconds) return { ok: false, reason: 'future_timestamp' };
  return { ok: true };
}

export interface HeaderCheck {
  signature: string | undefined;
  timestamp: string | undefined;
  /** Milliseconds since the epoch. */
  now: number;
  toleranceSeconds?: number;
}

/**
 * The part of the check that needs no body: both headers present and well formed, the timestamp within
 * the window. Run before reading the body, so an unsigned flood costs no memory; the signature itself can
 * only be checked once the body is read (checkSlackSignature).
 */
export function checkSignatureHeaders(check: HeaderCheck): VerificationResult {
  const { signature, timestamp } = check;
  if (!signature || !timestamp) return { ok: false, reason: 'missing_headers' };
  if (!TIMESTAMP_PATTERN.test(timestamp)) return { ok: false, reason: 'malformed_timestamp' };
  if (!SIGNATURE_PATTERN.test(signature)) return { ok: false, reason: 'malformed_signature' };
  return checkWindow(timestamp, check.now, check.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS);
}

/** The headers' check, and the body they sign. */
export interface SignatureCheck extends HeaderCheck {
  signingSecret: string;
  rawBody: string | Buffer;
}

/** Pure check of the headers against the body and the clock; no replay memory. */
export function checkSlackSignature(check: SignatureCheck): VerificationResult {
  const { signature, timestamp } = check;
  if (!signature || !timestamp) return { ok: false, reason: 'missing_headers' };
  if (!TIMESTAMP_PATTERN.test(timestamp)) return { ok: false, reason: 'malformed_timestamp' };
  const inWindow = checkWindow(timestamp, check.now, check.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS);
  if (!inWindow.ok) return inWindow;
  const expected = computeSlackSignature(check.signingSecret, timestamp, check.rawBody);
  if (!signaturesMatch(expected, signature)) return { ok: false, reason: 'bad_signature' };
  return { ok: true };
}

/**
 * Remembers accepted signatures until they expire. `remember` answers true the first time a key is seen
 * (and records it), false when it is already known and unexpired.
 *
 * The in-memory store protects one process. Several HTTP instances behind a load balancer each keep their
 * own memory, so a replay sent to another instance would pass: they would need a shared store (e.g. a
 * PostgreSQL table with a unique key and an expiry, or Redis SET NX PX) implementing this same interface.
 */
export interface ReplayStore {
  remember(key: string, expiresAt: number): boolean | Promise<boolean>;
}

export interface MemoryReplayStoreOptions {
  /** Upper bound on remembered signatures; when full, the oldest is forgotten first. */
  maxEntries?: number;
  now?: () => number;
}

export function createMemoryReplayStore(options: MemoryReplayStoreOptions = {}): ReplayStore & {
  readonly size: number;
} {
  const maxEntries = options.maxEntries ?? 50_000;
  const now = options.now ?? Date.now;
  // Insertion order is roughly expiry order (Slack timestamps are close to now), so the first entries
  // are the ones to drop: eviction and pruning stay O(1) amortised.
  const seen = new Map<string, number>();

  function prune(at: number) {
    for (const [key, expiresAt] of seen) {
      if (expiresAt > at) break;
      seen.delete(key);
    }
  }

  return {
    get size() {
      return seen.size;
    },
    remember(key, expiresAt) {
      const at = now();
      prune(at);
      const known = seen.get(key);
      if (known !== undefined && known > at) return false;
      seen.delete(key);
      // Over the bound, forget the oldest: a replay of it could then pass, which is the price of not
      // letting a flood of valid requests grow memory without limit. 50 000 is far beyond this bot's traffic.
      while (seen.size >= maxEntries) {
        const oldest = seen.keys().next().value;
        if (oldest === undefined) break;
        seen.delete(oldest);
      }
      seen.set(key, expiresAt);
      return true;
    },
  };
}

export interface RequestVerifierOptions {
  signingSecret: string;
  replayStore: ReplayStore;
  now?: () => number;
  toleranceSeconds?: number;
}

export interface IncomingSlackRequest {
  /** The bytes received, or their text. */
  rawBody: string | Buffer;
  signature: string | undefined;
  timestamp: string | undefined;
}

export type RequestVerifier = (request: IncomingSlackRequest) => Promise<VerificationResult>;

/** Signature, timestamp window both ways, then replay; only a valid signature is ever remembered. */
export function createRequestVerifier(options: RequestVerifierOptions): RequestVerifier {
  const now = options.now ?? Date.now;
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  return async (request) => {
    const checked = checkSlackSignature({
      signingSecret: options.signingSecret,
      rawBody: request.rawBody,
      signature: request.signature,
      timestamp: request.timestamp,
      now: now(),
      toleranceSeconds: tolerance,
    });
    if (!checked.ok) return checked;
    // Past this instant the timestamp check refuses the request anyway, so the memory can let go.
    const expiresAt = (Number(request.timestamp) + tolerance) * 1000 + 1000;
    const firstTime = await options.replayStore.remember(request.signature!, expiresAt);
    return firstTime ? { ok: true } : { ok: false, reason: 'replayed' };
  };
}

export type HeaderVerifier = (headers: Omit<HeaderCheck, 'now' | 'toleranceSeconds'>) => VerificationResult;

/** checkSignatureHeaders on the verifier's clock and tolerance. */
export function createHeaderVerifier(
  options: Pick<RequestVerifierOptions, 'now' | 'toleranceSeconds'> = {},
): HeaderVerifier {
  const now = options.now ?? Date.now;
  return (headers) =>
    checkSignatureHeaders({ ...headers, now: now(), toleranceSeconds: options.toleranceSeconds });
}

/*
 * The installation a request is for.
 *
 * A valid signature proves a request was signed with our signing secret; it does not prove it is about our
 * app and our workspace. So every accepted request must also name our app (`api_app_id`) and our
 * installation (team, and enterprise when there is one). Which fields carry the installation differs by
 * payload, and in Slack Connect channels it is NOT the acting user's team:
 * - slash commands: `team_id`, `enterprise_id`, `api_app_id`, `is_enterprise_install` (form fields);
 * - Events API: `authorizations[0].team_id` / `.enterprise_id` / `.is_enterprise_install` is the installation
 *   the event is delivered to; the wrapper's `team_id`/`enterprise_id` can be the other, connected workspace
 *   in a Slack Connect channel (https://api.slack.com/changelog/2020-09-15-events-api-truncate-authed-users,
 *   https://github.com/slackapi/bolt-js/issues/935), so they are only used when `authorizations` is absent;
 * - interactivity (`payload`): `team.id` is the installation's workspace even when an external user of a
 *   shared channel clicks (their own team is in `user.team_id`, never used here); for view_submission and
 *   view_closed, a modal opened from another workspace through a Slack Connect channel carries that other
 *   workspace in `team` and the installation in `view.app_installed_team_id`
 *   (https://github.com/slackapi/bolt-js/issues/1614, https://docs.slack.dev/reference/interaction-payloads/views);
 *   `team` is null for an org-wide installation (`enterprise.id` then names the org).
 * These are the fields Bolt itself uses to find an installation (App.ts, buildSource).
 */

export interface Installation {
  /** Our app, from SLACK_APP_ID or bots.info (never from a request). */
  appId: string;
  /** The workspace the bot token belongs to (auth.test); undefined for an org-wide installation. */
  teamId: string | undefined;
  /** The Enterprise Grid org, when the workspace is in one (auth.test). */
  enterpriseId: string | undefined;
  /** True for an org-wide installation (auth.test `is_enterprise_install`). */
  isEnterpriseInstall: boolean;
}

export type RequestKind = 'command' | 'interaction' | 'event' | 'url_verification' | 'unknown';

/** The installation a request says it is for, read from the fields listed above. */
export interface RequestIdentity {
  kind: RequestKind;
  /** The payload's `type` (block_actions, event_callback, ...) or the command, for the log. */
  type: string | undefined;
  appId: string | undefined;
  teamId: string | undefined;
  /** Which field the team id was read from, for the log. */
  teamField: string | undefined;
  enterpriseId: string | undefined;
  /**
   * False when the payload's enterprise is the acting side's rather than the installation's: a view opened
   * in another workspace (view.app_installed_team_id differs from team.id). The team, unique across Slack and
   * in one org at most, is then what identifies the installation.
   */
  enterpriseIsInstallation: boolean;
  isEnterpriseInstall: boolean;
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
const flag = (value: unknown): boolean => value === true || value === 'true';

/**
 * The body as Bolt parses it (HTTPModuleFunctions.parseHTTPRequestBody): a form, whose `payload` field holds
 * the JSON of an interaction, or JSON. Throws on a malformed body.
 */
export function parseSlackBody(rawBody: string, contentType: string | undefined): unknown {
  if (contentType === 'application/x-www-form-urlencoded') {
    const fields = parseQueryString(rawBody);
    return typeof fields.payload === 'string' ? JSON.parse(fields.payload) : { ...fields };
  }
  return JSON.parse(rawBody);
}

export function identityOf(body: unknown): RequestIdentity {
  const none: RequestIdentity = {
    kind: 'unknown',
    type: undefined,
    appId: undefined,
    teamId: undefined,
    teamField: undefined,
    enterpriseId: undefined,
    enterpriseIsInstallation: true,
    isEnterpriseInstall: false,
  };
  if (!isObject(body)) return none;
  const type = str(body.type);
  const appId = str(body.api_app_id);
  if (type === 'url_verification') return { ...none, kind: 'url_verification', type };
  if (typeof body.command === 'string') {
    return {
      ...none,
      kind: 'command',
      type: body.command,
      appId,
      teamId: str(body.team_id),
      teamField: 'team_id',
      enterpriseId: str(body.enterprise_id),
      isEnterpriseInstall: flag(body.is_enterprise_install),
    };
  }
  if (type === 'event_callback' || type === 'app_rate_limited' || 'event' in body) {
    const authorization = Array.isArray(body.authorizations) ? body.authorizations[0] : undefined;
    if (isObject(authorization)) {
      return {
        ...none,
        kind: 'event',
        type,
        appId,
        teamId: str(authorization.team_id),
        teamField: 'authorizations[0].team_id',
        enterpriseId: str(authorization.enterprise_id),
        isEnterpriseInstall: flag(authorization.is_enterprise_install),
      };
    }
    return {
      ...none,
      kind: 'event',
      type,
      appId,
      teamId: str(body.team_id),
      teamField: 'team_id',
      enterpriseId: str(body.enterprise_id),
      isEnterpriseInstall: flag(body.is_enterprise_install),
    };
  }
  if (type !== undefined) {
    const team = isObject(body.team) ? body.team : undefined;
    const view = isObject(body.view) ? body.view : undefined;
    const enterprise = isObject(body.enterprise) ? body.enterprise : undefined;
    const installedTeam = str(view?.app_installed_team_id);
    const teamId = installedTeam ?? str(team?.id);
    return {
      ...none,
      kind: 'interaction',
      type,
      appId,
      teamId,
      teamField: installedTeam ? 'view.app_installed_team_id' : 'team.id',
      enterpriseId: str(enterprise?.id) ?? str(team?.enterprise_id),
      enterpriseIsInstallation: !installedTeam || installedTeam === str(team?.id),
      isEnterpriseInstall: flag(body.is_enterprise_install),
    };
  }
  return none;
}

export type InstallationFailure =
  | 'not_started'
  | 'unidentified'
  | 'wrong_app'
  | 'wrong_team'
  | 'wrong_enterprise'
  | 'enterprise_install';

export type InstallationVerdict =
  | { ok: true; identity: RequestIdentity }
  | { ok: false; reason: InstallationFailure; identity: RequestIdentity };

/**
 * Whether a (verified) request is for our app and installation. url_verification names none and passes
 * (Bolt only echoes its challenge). Anything without an app id or a team is refused: fail closed.
 */
export function checkInstallation(
  body: unknown,
  installation: Installation | undefined,
): InstallationVerdict {
  const identity = identityOf(body);
  const refuse = (reason: InstallationFailure): InstallationVerdict => ({ ok: false, reason, identity });
  if (identity.kind === 'url_verification') return { ok: true, identity };
  if (!installation) return refuse('not_started');
  if (identity.kind === 'unknown' || identity.appId === undefined) return refuse('unidentified');
  if (identity.appId !== installation.appId) return refuse('wrong_app');
  if (installation.isEnterpriseInstall) {
    // Org-wide: any workspace of the org, so the org is what must match.
    if (identity.enterpriseId === undefined) return refuse('unidentified');
    if (identity.enterpriseId !== installation.enterpriseId) return refuse('wrong_enterprise');
    return { ok: true, identity };
  }
  if (identity.isEnterpriseInstall) return refuse('enterprise_install');
  if (identity.teamId === undefined) return refuse('unidentified');
  if (identity.teamId !== installation.teamId) return refuse('wrong_team');
  // The team identifies the installation (a team id is unique across Slack, in one org at most); an
  // enterprise named beside it must be that team's org. A payload naming none is no contradiction.
  if (
    identity.enterpriseIsInstallation &&
    identity.enterpriseId !== undefined &&
    identity.enterpriseId !== installation.enterpriseId
  )
    return refuse('wrong_enterprise');
  return { ok: true, identity };
}

/** One line for the log: ids only (team, app, enterprise are not secrets), never the body or its token. */
export function describeRefusal(
  verdict: Extract<InstallationVerdict, { ok: false }>,
  installation?: Installation,
) {
  const i = verdict.identity;
  const got = `app=${i.appId ?? '-'} ${i.teamField ?? 'team'}=${i.teamId ?? '-'} enterprise=${i.enterpriseId ?? '-'}${i.isEnterpriseInstall ? ' is_enterprise_install' : ''}`;
  const want = installation
    ? `app=${installation.appId} team=${installation.teamId ?? '-'} enterprise=${installation.enterpriseId ?? '-'}`
    : 'not started';
  return `${verdict.reason}: ${i.kind}${i.type ? ` ${i.type}` : ''} for ${got}, expected ${want}`;
}
