import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { FakeSlack } from './fake-slack.js';
import { waitUntil } from './wait.js';

/**
 * Slack's Socket Mode on loopback, as @slack/socket-mode speaks it (SocketModeClient.onWebSocketMessage;
 * https://docs.slack.dev/apis/events-api/using-socket-mode):
 * - the app calls apps.connections.open with its app token; the fake Slack answers with this server's ws://
 *   URL (a new ticket each time);
 * - on connecting, the server sends `{ type: 'hello', num_connections, debug_info, connection_info }`;
 * - each request is an envelope `{ envelope_id, type: 'slash_commands' | 'interactive' | 'events_api',
 *   payload, accepts_response_payload, retry_attempt, retry_reason }`; the app answers
 *   `{ envelope_id, payload? }` on the socket (the ack, carrying a command's reply);
 * - `{ type: 'disconnect', reason: 'refresh_requested' }` asks the app to open a new connection;
 * - a socket may also just drop.
 */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export type EnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export interface FakeSocketMode {
  readonly url: string;
  /** How many connections the app opened (each after an apps.connections.open). */
  readonly connections: number;
  readonly acks: SocketAck[];
  /** Sends an envelope on the current connection; returns its envelope_id. */
  send(
    type: EnvelopeType,
    payload: Record<string, unknown>,
    options?: { envelopeId?: string; retryAttempt?: number; retryReason?: string },
  ): string;
  /** Resolves with the ack of this envelope. */
  ackOf(envelopeId: string, timeoutMs?: number): Promise<SocketAck>;
  /** Slack's refresh: a `disconnect` message; the app should connect again. */
  refresh(): void;
  /** The socket dies without a close handshake. */
  drop(): void;
  /** Waits until the app opened `count` connections in all, the last one open (hello is sent first). */
  waitForConnections(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeSocketMode(fakeSlack: FakeSlack): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`;
  const acks: SocketAck[] = [];
  let current: WebSocket | undefined;
  let connections = 0;
  let tickets = 0;

  fakeSlack.on('apps.connections.open', () => {
    tickets += 1;
    return { ok: true, url: `${url}/?ticket=${tickets}` };
  });
  server.on('connection', (socket) => {
    connections += 1;
    current = socket;
    socket.on('message', (data) => {
      const parsed = JSON.parse(String(data)) as SocketAck;
      if (parsed.envelope_id) acks.push(parsed);
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'applink-fake', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: fakeSlack.appId },
      }),
    );
  });

  return {
    url,
    get connections() {
      return connections;
    },
    acks,
    send(type, payload, options = {}) {
      if (!current || current.readyState !== current.OPEN) throw new Error('No Socket Mode connection open');
      const envelopeId = options.envelopeId ?? randomUUID();
      current.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          ...(type === 'events_api'
            ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryReason ?? '' }
            : {}),
        }),
      );
      return envelopeId;
    },
    async ackOf(envelopeId, timeoutMs = 5_000) {
      await waitUntil(
        () => acks.some((a) => a.envelope_id === envelopeId),
        timeoutMs,
        `the ack of ${envelopeId}`,
      );
      return acks.find((a) => a.envelope_id === envelopeId)!;
    },
    refresh() {
      current?.send(
        JSON.stringify({
          type: 'disconnect',
          reason: 'refresh_requested',
          debug_info: { host: 'applink-fake' },
        }),
      );
    },
    drop() {
      current?.terminate();
    },
    async waitForConnections(count, timeoutMs = 15_000) {
      await waitUntil(
        () => connections >= count && current?.readyState === current?.OPEN,
        timeoutMs,
        `${count} Socket Mode connections`,
      );
    },
    async close() {
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
