import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type App,
  type BufferedIncomingMessage,
  HTTPReceiver,
  type Logger,
  type Receiver,
  SocketModeReceiver,
  type webApi,
} from '@slack/bolt';
import type { ReadinessCheck } from '../readiness.js';
import type { InFlight } from './in-flight.js';
import { serveProbe } from './probes.js';
import { canStartInTime, REQUEST_TIMING, type RequestTiming } from './request-timing.js';
import {
  checkInstallation,
  createStreamingSignature,
  describeRefusal,
  type HeaderVerifier,
  type Installation,
  parseSlackBody,
  type RequestVerifier,
} from './request-verification.js';

export const SLACK_EVENTS_PATH = '/slack/events';
export { HEALTH_PATH, READY_PATH } from './probes.js';

function answerEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}) {
  if (res.headersSent) return;
  res.writeHead(status, headers);
  res.end();
}

function singleHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Limits of the HTTP receiver. What Slack sends is small and arrives at once, so anything slow or large is
 * refused early, before it can hold memory or a socket.
 */
export interface ReceiverLimits {
  /**
   * Largest body read, in bytes; a larger Content-Length, or more bytes read, gets 413 at once (Bolt's
   * default is 4 MB). 512 KiB: Slack's largest payloads embed a whole view (block_actions from a Home tab or
   * a modal, view_submission), and a view has at most 100 blocks, section texts of at most 3 000
   * characters and private_metadata of at most 3 000 (https://docs.slack.dev/reference/views/home-tab-views,
   * https://docs.slack.dev/reference/views/modal-views). A synthetic block_actions with a 100-block view,
   * every section at 3 000 characters of French text, non-ASCII escaped as Slack sends it and the whole
   * form-encoded as interactivity is, measures about 476 KiB. Our own views are far smaller (the Home tab
   * is at most ~60 short blocks: a few tens of KB); a slash command is a few KB.
   */
  bodyLimitBytes: number;
  /**
   * Bytes that the bodies being read may hold together (each reserves its Content-Length, or the body
   * limit when it has none); a request beyond gets 503 and is not read. A well-formed but forged signature
   * (a current timestamp and 64 hex digits) passes the header check, and only the body tells it is forged:
   * this bounds what such requests can make the process buffer. 32 MiB is 64 bodies at the limit, or
   * thousands of ordinary ones.
   */
  bodyBudgetBytes: number;
  /** How long the body may take to arrive once the headers are in; then 408. Slack waits 3 s for an answer. */
  bodyTimeoutMs: number;
  /** server.headersTimeout: all headers within this, else 408 (a slowloris holds its socket no longer). */
  headersTimeoutMs: number;
  /** server.requestTimeout: the whole request within this. */
  requestTimeoutMs: number;
  /** server.keepAliveTimeout: how long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** server.maxHeadersCount: Slack sends about a dozen headers, a proxy adds a few. */
  maxHeadersCount: number;
  /** The server's maxHeaderSize, in bytes (Node's default, stated). */
  maxHeaderSize: number;
  /** server.maxConnections: sockets beyond it are closed as they are accepted. */
  maxConnections: number;
  /** Largest unsigned body read, to recognise Slack's SSL check (`ssl_check=1&token=...`). */
  sslCheckMaxBytes: number;
}

export const DEFAULT_RECEIVER_LIMITS: ReceiverLimits = {
  bodyLimitBytes: 512 * 1024,
  bodyBudgetBytes: 32 * 1024 * 1024,
  bodyTimeoutMs: 5_000,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  maxHeadersCount: 64,
  maxHeaderSize: 16 * 1024,
  maxConnections: 1_024,
  sslCheckMaxBytes: 256,
};

/** How often Node enforces headersTimeout and requestTimeout (its default, 30 s, would let them run late). */
const CONNECTIONS_CHECKING_INTERVAL_MS = 1_000;

export class BodyTooLargeError extends Error {}
export class BodyTimeoutError extends Error {}

/**
 * Reads the body, up to `limit` bytes and within `timeoutMs`, handing each chunk to `onChunk` as well.
 * Past either limit it rejects at once and stops listening (the stream is paused); the caller answers with
 * `connection: close`, so the rest is never read. Resolves with the chunks, not joined yet.
 */
export function readBody(
  req: IncomingMessage,
  limit: number,
  timeoutMs: number,
  onChunk?: (chunk: Buffer) => void,
): Promise<{ chunks: Buffer[]; size: number }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (error?: Error) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      if (error) {
        chunks.length = 0;
        req.pause();
        reject(error);
      } else resolve({ chunks, size });
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return done(new BodyTooLargeError());
      chunks.push(chunk);
      onChunk?.(chunk);
    };
    const onEnd = () => done();
    const onError = (error: Error) => done(error);
    const onAborted = () => done(new Error('request aborted'));
    const timer = setTimeout(() => done(new BodyTimeoutError()), timeoutMs);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

/** The declared Content-Length, or undefined when there is none (chunked) or it is not a plain number. */
function contentLength(req: IncomingMessage): number | undefined {
  const value = req.headers['content-length'];
  return value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

const FORM = 'application/x-www-form-urlencoded';

/**
 * Slack's SSL check on slash command URLs comes without a signature ("these requests do not require
 * x-slack-signature verification", Bolt's HTTPModuleFunctions, after
 * https://docs.slack.dev/interactivity/implementing-slash-commands/#responding_basic_receipt) and carries
 * only `ssl_check=1&token=...`: an unsigned request can only be one if it is a small form.
 */
function mayBeSslCheck(req: IncomingMessage, maxBytes: number): boolean {
  const length = contentLength(req);
  return req.headers['content-type'] === FORM && length !== undefined && length <= maxBytes;
}

/** Bytes reserved by bodies being read; a reservation beyond the total is refused. */
function createBodyBudget(total: number) {
  let used = 0;
  return {
    get used() {
      return used;
    },
    take(bytes: number): (() => void) | undefined {
      if (used + bytes > total) return undefined;
      used += bytes;
      let given = false;
      return () => {
        if (given) return;
        given = true;
        used -= bytes;
      };
    },
  };
}

/**
 * At most one line per reason and `everyMs` for refusals anyone can cause (no signature needed), counting
 * those left out: a flood must not become a flood of log lines.
 */
function createThrottledWarn(logger: Logger, everyMs = 10_000) {
  const byReason = new Map<string, { last: number; suppressed: number }>();
  return (reason: string, message: string) => {
    const now = Date.now();
    const seen = byReason.get(reason) ?? { last: Number.NEGATIVE_INFINITY, suppressed: 0 };
    byReason.set(reason, seen);
    if (now - seen.last < everyMs) {
      seen.suppressed += 1;
      return;
    }
    const more = seen.suppressed > 0 ? ` (and ${seen.suppressed} more since the previous such line)` : '';
    logger.warn(`${message}${more}`);
    seen.last = now;
    seen.suppressed = 0;
  };
}

/**
 * Pages served beside Slack's endpoint on the same port (src/web: the declaration links); true when the
 * request was theirs. They never go through Slack's signature check, and Slack's path never through them.
 */
export type WebRoutes = (req: IncomingMessage, res: ServerResponse, path: string, method: string) => boolean;

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** The header part of the check (present, well formed, timestamp in the window), before the body is read. */
  verifyHeaders: HeaderVerifier;
  /** Our stricter check (signature, timestamp both ways, replay), run on the body before Bolt sees it. */
  verify: RequestVerifier;
  /** Our app and installation once known (start()); until then every Slack request is refused. */
  installation: () => Installation | undefined;
  /** GET /readyz; GET /healthz answers 200 while the process runs. */
  ready: ReadinessCheck;
  inFlight: InFlight;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** How long stop() waits for in-flight requests and listeners before cutting connections. */
  drainTimeoutMs?: number;
  limits?: Partial<ReceiverLimits>;
  /** Monotonic clock stamping each request's arrival for the listeners (request-timing.ts). */
  clock?: () => number;
  web?: WebRoutes | undefined;
  /**
   * The ack ("busy", ephemeral, in the user's language) for a signed slash command that waited too long
   * in the process to be answered in time (canStartInTime): given at once, before the replay check and
   * Bolt, which under a burst would only make it late. Without it, every request goes on to Bolt.
   */
  busyReply?: (userId: string) => Record<string, unknown>;
}

/** A request stamped with its arrival (the clock's reading) as soon as the receiver got it. */
type StampedRequest = IncomingMessage & { [ARRIVED_AT]?: number };
const ARRIVED_AT = Symbol('arrivedAt');

/**
 * HTTP transport: POST /slack/events and GET /healthz on one port.
 *
 * A Slack request goes through these steps and is refused, with `connection: close`, at the first failure:
 * 1. its signature headers (both present, well formed, timestamp within 5 minutes either way): else 401,
 *    and the body is never read (except a small unsigned form, which may be Slack's SSL check);
 * 2. its size: a Content-Length over the body limit gets 413 unread; the bytes read count too (413 as soon
 *    as they pass it); the body must arrive within bodyTimeoutMs (408); the bodies being read share a
 *    budget (503 beyond);
 * 3. the signature over the body, computed as it arrived: else 401, the body never parsed;
 * 4. the installation: it must name our app and our installation (checkInstallation), else it is refused
 *    and logged: 401 for commands and interactions, 200 with nothing done for Events API callbacks (Slack
 *    retries any other answer, three times over 5 minutes, and counts it as a delivery failure);
 * 5. `verify` on the body (signature, replay): else 401.
 * Accepted ones are handed, already buffered, to Bolt's own HTTPReceiver request listener, so body
 * parsing, signature check, url_verification, ack and error handling stay Bolt's real code.
 */
export class SlackHttpReceiver implements Receiver {
  private readonly bolt: HTTPReceiver;
  private server: Server | undefined;
  private readonly limits: ReceiverLimits;
  private readonly budget: ReturnType<typeof createBodyBudget>;
  private readonly warnAnonymous: (reason: string, message: string) => void;
  private readonly clock: () => number;

  constructor(private readonly options: SlackHttpReceiverOptions) {
    this.limits = { ...DEFAULT_RECEIVER_LIMITS, ...options.limits };
    this.budget = createBodyBudget(this.limits.bodyBudgetBytes);
    this.warnAnonymous = createThrottledWarn(options.logger);
    const clock = options.clock ?? (() => performance.now());
    this.clock = clock;
    this.bolt = new HTTPReceiver({
      // Every listener's context gets `requestTiming`: Slack's 3 s count from here, not from the listener.
      customPropertiesExtractor: (req) => {
        const timing: RequestTiming = {
          arrivedAt: (req as StampedRequest)[ARRIVED_AT] ?? clock(),
          now: clock,
        };
        return { [REQUEST_TIMING]: timing };
      },
      signingSecret: options.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      logger: options.logger,
      processBeforeResponse: false,
      bodyLimit: this.limits.bodyLimitBytes,
    });
  }

  init(app: App): void {
    this.bolt.init(app);
  }

  /** The port actually bound (useful with port 0), once started. */
  get port(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  }

  /** Bytes reserved right now by bodies being read or held (tests, benches). */
  get bufferedBodyBytes(): number {
    return this.budget.used;
  }

  start(): Promise<Server> {
    if (this.server) return Promise.reject(new Error('The Slack HTTP receiver is already started'));
    const { limits } = this;
    const server = createServer(
      {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        maxHeaderSize: limits.maxHeaderSize,
        connectionsCheckingInterval: CONNECTIONS_CHECKING_INTERVAL_MS,
      },
      (req, res) => this.handle(req, res),
    );
    server.maxHeadersCount = limits.maxHeadersCount;
    server.maxConnections = limits.maxConnections;
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', (error) => {
        this.server = undefined;
        reject(error);
      });
      server.listen({ port: this.options.port, host: this.options.host }, () => {
        server.removeAllListeners('error');
        server.on('error', (error) => this.options.logger.error('HTTP server error', error));
        resolve(server);
      });
    });
  }

  /**
   * Stops accepting connections, answers 503 to new requests on open keep-alive connections, waits for
   * in-flight requests and their listeners (up to drainTimeoutMs), then closes every connection.
   */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.options.inFlight.beginDrain();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const timeoutMs = this.options.drainTimeoutMs ?? 10_000;
    if (!(await this.options.inFlight.drained(timeoutMs))) {
      this.options.logger.warn(
        `Stopped with ${this.options.inFlight.count} ${this.options.inFlight.count === 1 ? 'request' : 'requests'} still in flight after ${timeoutMs} ms`,
      );
    }
    server.closeAllConnections();
    await closed;
    this.server = undefined;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    (req as StampedRequest)[ARRIVED_AT] = this.clock();
    const { inFlight } = this.options;
    if (inFlight.draining) {
      answerEmpty(res, 503, { connection: 'close' });
      return;
    }
    const leave = inFlight.enter();
    res.once('close', leave);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    if (serveProbe(path, method, res, this.options.ready, false)) return;
    if (path !== SLACK_EVENTS_PATH && this.options.web?.(req, res, path, method)) return;
    if (path === SLACK_EVENTS_PATH && method === 'POST') {
      this.handleSlackRequest(req, res).catch((error: unknown) => {
        this.options.logger.error('Failed to handle a Slack request', error);
        answerEmpty(res, 500, { connection: 'close' });
      });
      return;
    }
    answerEmpty(res, 404, { connection: 'close' });
  }

  private async handleSlackRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { limits } = this;
    const refuse = (status: number, headers: Record<string, string> = {}) =>
      answerEmpty(res, status, { connection: 'close', ...headers });
    const signature = singleHeader(req, 'x-slack-signature');
    const timestamp = singleHeader(req, 'x-slack-request-timestamp');

    // 1. The headers, before any byte of the body.
    const headers = this.options.verifyHeaders({ signature, timestamp });
    if (!headers.ok) {
      if (signature === undefined && timestamp === undefined && mayBeSslCheck(req, limits.sslCheckMaxBytes)) {
        return this.answerSslCheck(req, res);
      }
      this.warnAnonymous(
        headers.reason,
        `Refused a request to ${SLACK_EVENTS_PATH} before reading it: ${headers.reason}`,
      );
      return refuse(401);
    }

    // 2. The size, declared then read, within the budget and in time.
    const declared = contentLength(req);
    if (declared !== undefined && declared > limits.bodyLimitBytes) {
      this.warnAnonymous(
        'too_large',
        `Refused a ${declared}-byte body unread (limit ${limits.bodyLimitBytes} bytes)`,
      );
      return refuse(413);
    }
    const release = this.budget.take(declared ?? limits.bodyLimitBytes);
    if (!release) {
      this.warnAnonymous(
        'budget',
        `Refused a request unread: ${this.budget.used} bytes of bodies already held`,
      );
      return refuse(503, { 'retry-after': '1' });
    }
    // The body lives as long as the request (Bolt keeps it on req.rawBody): its bytes come back then.
    res.once('close', release);
    // The headers passed, so both are there.
    const streaming = createStreamingSignature(this.options.signingSecret, timestamp!);
    let read: { chunks: Buffer[]; size: number };
    try {
      read = await readBody(req, limits.bodyLimitBytes, limits.bodyTimeoutMs, (chunk) =>
        streaming.update(chunk),
      );
    } catch (error) {
      release();
      if (error instanceof BodyTooLargeError) {
        this.warnAnonymous(
          'too_large',
          `Refused a body over ${limits.bodyLimitBytes} bytes, reading stopped`,
        );
        return refuse(413);
      }
      if (error instanceof BodyTimeoutError) {
        this.warnAnonymous(
          'body_timeout',
          `Refused a body still incomplete after ${limits.bodyTimeoutMs} ms`,
        );
        return refuse(408);
      }
      return refuse(400);
    }

    // 3. The signature over the body. A forged body is refused as soon as it is in, from the
    // signature computed while it arrived: it is never joined, decoded or parsed.
    if (!streaming.matches(signature!)) {
      release();
      this.warnAnonymous('bad_signature', `Refused a request to ${SLACK_EVENTS_PATH}: bad_signature`);
      return refuse(401);
    }
    const raw = Buffer.concat(read.chunks, read.size);

    // 4. Our app and our installation, read from the signed body once; then replays.
    const mine = this.installed(req, raw);
    if (!mine.ok) {
      if (mine.malformed) return refuse(400);
      // Events are acknowledged (Slack retries any other answer) and dropped; commands and interactions 401.
      return mine.event ? answerEmpty(res, 200) : refuse(401);
    }
    // A slash command already too late for a card is told "busy" now: replaying it changes nothing.
    if (this.answeredBusy(req, res, mine.body)) return;
    const verdict = await this.options.verify({ rawBody: raw, signature, timestamp });
    if (!verdict.ok) {
      this.warnAnonymous(verdict.reason, `Refused a request to ${SLACK_EVENTS_PATH}: ${verdict.reason}`);
      return refuse(401);
    }
    // The replay check may have taken its time.
    if (this.answeredBusy(req, res, mine.body)) return;

    // Bolt reuses a body already buffered on the request (it checks Buffer.isBuffer(req.rawBody)).
    (req as BufferedIncomingMessage).rawBody = raw;
    this.bolt.requestListener(req, res);
  }

  /** The signed body, parsed, if it is for our app and installation (else logged). */
  private installed(
    req: IncomingMessage,
    raw: Buffer,
  ): { ok: true; body: unknown } | { ok: false; malformed: boolean; event: boolean } {
    let body: unknown;
    try {
      body = parseSlackBody(raw.toString('utf8'), req.headers['content-type']);
    } catch {
      this.options.logger.warn(`Refused a signed request to ${SLACK_EVENTS_PATH}: malformed body`);
      return { ok: false, malformed: true, event: false };
    }
    const installation = this.options.installation();
    const mine = checkInstallation(body, installation);
    if (mine.ok) return { ok: true, body };
    this.options.logger.warn(`Refused a signed request: ${describeRefusal(mine, installation)}`);
    return { ok: false, malformed: false, event: mine.identity.kind === 'event' };
  }

  /**
   * Answers "busy" (options.busyReply) to a slash command of ours that can no longer start in time
   * (request-timing.ts, counted from its arrival); true when it did. `body`: already parsed and checked.
   */
  private answeredBusy(req: IncomingMessage, res: ServerResponse, body: unknown): boolean {
    const { busyReply } = this.options;
    const arrivedAt = (req as StampedRequest)[ARRIVED_AT];
    if (!busyReply || arrivedAt === undefined || canStartInTime({ arrivedAt, now: this.clock })) return false;
    const { command, user_id: userId } = (body ?? {}) as { command?: unknown; user_id?: unknown };
    if (typeof command !== 'string' || typeof userId !== 'string') return false;
    this.options.logger.debug(`${command} answered "busy" in the receiver: too late to answer in time`);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(busyReply(userId)));
    return true;
  }

  /** A small unsigned form: 200 if it is Slack's SSL check (nothing dispatched), else 401. */
  private async answerSslCheck(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { limits } = this;
    let raw: Buffer | undefined;
    try {
      const read = await readBody(req, limits.sslCheckMaxBytes, limits.bodyTimeoutMs);
      raw = Buffer.concat(read.chunks, read.size);
    } catch {
      raw = undefined;
    }
    if (raw && new URLSearchParams(raw.toString('utf8')).get('ssl_check') === '1') {
      return answerEmpty(res, 200);
    }
    this.warnAnonymous(
      'missing_headers',
      `Refused a request to ${SLACK_EVENTS_PATH} before reading it: missing_headers`,
    );
    answerEmpty(res, 401, { connection: 'close' });
  }
}

export interface SocketReceiverOptions {
  appToken: string;
  logger: Logger;
  /** GET /readyz; GET /healthz answers 200 while the process runs. */
  ready: ReadinessCheck;
  inFlight: InFlight;
  /** Port of the /healthz server; 0 picks a free port. */
  port: number;
  host?: string;
  drainTimeoutMs?: number;
  /** For apps.connections.open (same Web API settings as the app's client). */
  clientOptions: webApi.WebClientOptions;
  web?: WebRoutes | undefined;
}

/**
 * Socket Mode transport (Bolt's SocketModeReceiver), plus a /healthz server on PORT.
 * On stop, new events are left unacknowledged (Slack redelivers them) while in-flight listeners finish;
 * then the socket is closed. The listener middleware in app.ts does the refusing.
 */
export class SocketReceiver implements Receiver {
  private readonly socket: SocketModeReceiver;
  private health: Server | undefined;

  constructor(private readonly options: SocketReceiverOptions) {
    this.socket = new SocketModeReceiver({
      appToken: options.appToken,
      logger: options.logger,
      installerOptions: { clientOptions: options.clientOptions },
    });
  }

  init(app: App): void {
    this.socket.init(app);
  }

  get port(): number | undefined {
    const address = this.health?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  }

  async start(): Promise<unknown> {
    const health = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const method = (req.method ?? 'GET').toUpperCase();
      if (serveProbe(path, method, res, this.options.ready, this.options.inFlight.draining)) return;
      if (!this.options.web?.(req, res, path, method)) answerEmpty(res, 404);
    });
    await new Promise<void>((resolve, reject) => {
      health.once('error', reject);
      health.listen({ port: this.options.port, host: this.options.host }, () => {
        health.removeListener('error', reject);
        resolve();
      });
    });
    this.health = health;
    return this.socket.start();
  }

  async stop(): Promise<void> {
    this.options.inFlight.beginDrain();
    const timeoutMs = this.options.drainTimeoutMs ?? 10_000;
    if (!(await this.options.inFlight.drained(timeoutMs))) {
      this.options.logger.warn(
        `Stopped with ${this.options.inFlight.count} ${this.options.inFlight.count === 1 ? 'event' : 'events'} still in flight`,
      );
    }
    await this.socket.stop();
    const health = this.health;
    this.health = undefined;
    if (health) {
      health.closeAllConnections();
      await new Promise<void>((resolve) => health.close(() => resolve()));
    }
  }
}
