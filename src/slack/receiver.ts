import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type App,
  type BufferedIncomingMessage,
  defaultBodyLimit,
  HTTPReceiver,
  type Logger,
  type Receiver,
  SocketModeReceiver,
  type webApi,
} from '@slack/bolt';
import type { InFlight } from './in-flight.js';
import type { RequestVerifier } from './request-verification.js';

export const SLACK_EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';

export type Ping = () => Promise<void>;

/** True when `ping` resolves within the timeout; a hung database counts as down. */
export async function isHealthy(ping: Ping, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([ping().then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

async function answerHealth(res: ServerResponse, healthy: boolean) {
  res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify({ status: healthy ? 'ok' : 'unavailable' }));
}

function answerEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}) {
  if (res.headersSent) return;
  res.writeHead(status, headers);
  res.end();
}

function singleHeader(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

class BodyTooLargeError extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError());
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Slack's SSL check on slash command URLs: unsigned, carries nothing, answered 200 and never processed. */
function isSslCheck(req: IncomingMessage, body: string): boolean {
  return (
    req.headers['content-type'] === 'application/x-www-form-urlencoded' &&
    new URLSearchParams(body).get('ssl_check') === '1'
  );
}

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  logger: Logger;
  /** Our stricter check (timestamp both ways, replay), run before Bolt sees the request. */
  verify: RequestVerifier;
  ping: Ping;
  inFlight: InFlight;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  healthTimeoutMs?: number;
  /** How long stop() waits for in-flight requests and listeners before cutting connections. */
  drainTimeoutMs?: number;
  bodyLimitBytes?: number;
}

/**
 * HTTP transport: POST /slack/events and GET /healthz on one port.
 *
 * Slack requests are buffered and checked by `verify` first; anything refused gets 401 and never reaches
 * Bolt. Accepted ones are handed, already buffered, to Bolt's own HTTPReceiver request listener, so body
 * parsing, signature check, url_verification, ack and error handling stay Bolt's real code.
 */
export class SlackHttpReceiver implements Receiver {
  private readonly bolt: HTTPReceiver;
  private server: Server | undefined;

  constructor(private readonly options: SlackHttpReceiverOptions) {
    this.bolt = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      logger: options.logger,
      processBeforeResponse: false,
      bodyLimit: options.bodyLimitBytes ?? defaultBodyLimit,
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

  start(): Promise<Server> {
    if (this.server) return Promise.reject(new Error('The Slack HTTP receiver is already started'));
    const server = createServer((req, res) => this.handle(req, res));
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
        `Stopped with ${this.options.inFlight.count} request(s) still in flight after ${timeoutMs} ms`,
      );
    }
    server.closeAllConnections();
    await closed;
    this.server = undefined;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const { inFlight } = this.options;
    if (inFlight.draining) {
      answerEmpty(res, 503, { connection: 'close' });
      return;
    }
    const leave = inFlight.enter();
    res.once('close', leave);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    if (path === HEALTH_PATH && (method === 'GET' || method === 'HEAD')) {
      void isHealthy(this.options.ping, this.options.healthTimeoutMs ?? 1000).then((ok) =>
        answerHealth(res, ok),
      );
      return;
    }
    if (path === SLACK_EVENTS_PATH && method === 'POST') {
      this.handleSlackRequest(req, res).catch((error: unknown) => {
        this.options.logger.error('Failed to handle a Slack request', error);
        answerEmpty(res, 500);
      });
      return;
    }
    answerEmpty(res, 404);
  }

  private async handleSlackRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw: Buffer;
    try {
      raw = await readBody(req, this.options.bodyLimitBytes ?? defaultBodyLimit);
    } catch (error) {
      answerEmpty(res, error instanceof BodyTooLargeError ? 413 : 400, { connection: 'close' });
      return;
    }
    const rawBody = raw.toString('utf8');
    if (isSslCheck(req, rawBody)) {
      answerEmpty(res, 200);
      return;
    }
    const verdict = await this.options.verify({
      rawBody,
      signature: singleHeader(req, 'x-slack-signature'),
      timestamp: singleHeader(req, 'x-slack-request-timestamp'),
    });
    if (!verdict.ok) {
      this.options.logger.warn(`Refused a request to ${SLACK_EVENTS_PATH}: ${verdict.reason}`);
      answerEmpty(res, 401);
      return;
    }
    // Bolt reuses a body already buffered on the request (it checks Buffer.isBuffer(req.rawBody)).
    (req as BufferedIncomingMessage).rawBody = raw;
    this.bolt.requestListener(req, res);
  }
}

export interface SocketReceiverOptions {
  appToken: string;
  logger: Logger;
  ping: Ping;
  inFlight: InFlight;
  /** Port of the /healthz server; 0 picks a free port. */
  port: number;
  host?: string;
  healthTimeoutMs?: number;
  drainTimeoutMs?: number;
  /** For apps.connections.open (same Web API settings as the app's client). */
  clientOptions: webApi.WebClientOptions;
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
      if (path !== HEALTH_PATH) return answerEmpty(res, 404);
      if (this.options.inFlight.draining) return answerHealth(res, false);
      void isHealthy(this.options.ping, this.options.healthTimeoutMs ?? 1000).then((ok) =>
        answerHealth(res, ok),
      );
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
      this.options.logger.warn(`Stopped with ${this.options.inFlight.count} event(s) still in flight`);
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
