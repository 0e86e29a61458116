import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Verification of Slack's v0 request signatures, stricter than Bolt's own:
 * - the timestamp must be within 5 minutes of now in either direction (Bolt accepts any future timestamp);
 * - a signature already accepted within that window is a replay and is refused (Bolt accepts replays).
 * Bolt still verifies the signature again behind this check; that costs one HMAC and keeps its code path intact.
 */

export const SIGNATURE_VERSION = 'v0';
/** Slack's own tolerance, applied both ways. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export type VerificationFailure =
  | 'missing_headers'
  | 'malformed_timestamp'
  | 'stale_timestamp'
  | 'future_timestamp'
  | 'bad_signature'
  | 'replayed';

export type VerificationResult = { ok: true } | { ok: false; reason: VerificationFailure };

/** `v0=<hex HMAC-SHA256 of "v0:<timestamp>:<raw body>">`, exactly as Slack computes it. */
export function computeSlackSignature(
  signingSecret: string,
  timestampSeconds: number | string,
  rawBody: string,
) {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`${SIGNATURE_VERSION}:${timestampSeconds}:${rawBody}`);
  return `${SIGNATURE_VERSION}=${hmac.digest('hex')}`;
}

function signaturesMatch(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  // The expected length is public (v0= + 64 hex digits): comparing lengths first leaks nothing.
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface SignatureCheck {
  signingSecret: string;
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
  /** Milliseconds since the epoch. */
  now: number;
  toleranceSeconds?: number;
}

/** Pure check of the headers against the body and the clock; no replay memory. */
export function checkSlackSignature(check: SignatureCheck): VerificationResult {
  const { signature, timestamp } = check;
  if (!signature || !timestamp) return { ok: false, reason: 'missing_headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed_timestamp' };
  const tolerance = check.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const skew = Number(timestamp) - Math.floor(check.now / 1000);
  if (skew < -tolerance) return { ok: false, reason: 'stale_timestamp' };
  if (skew > tolerance) return { ok: false, reason: 'future_timestamp' };
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
  rawBody: string;
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
