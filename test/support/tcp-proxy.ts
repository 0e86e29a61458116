import { type AddressInfo, createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { type Database, type DatabaseOptions, openDatabase } from '../../src/db/client.js';
import type { TestDatabase } from './databases.js';

/**
 * A TCP proxy on loopback in front of PostgreSQL, to cut the database off and bring it back:
 * - freeze(): open connections stay open but nothing flows any more, new ones are never answered (a server
 *   that hangs mid-query);
 * - silence(): every socket stays open and every byte, either way, is dropped; new connections are
 *   accepted and dropped the same way (packets lost, nothing closed). After restore() the connections
 *   silenced stay so (their streams lost bytes: a firewall that forgot them), only new ones pass: the
 *   client must notice by itself;
 * - blackhole(): open connections are dropped, new ones are accepted but never answered;
 * - refuse(): open connections are dropped and the port refuses new ones (a stopped server);
 * - restore(): traffic flows again for new connections, on the same port (frozen ones are dropped).
 */
export type TcpProxy = Awaited<ReturnType<typeof startTcpProxy>>;

export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1') {
  const sockets = new Set<Socket>();
  const pairs = new Set<[Socket, Socket]>();
  let mode: 'pass' | 'blackhole' | 'silence' = 'pass';
  let server: Server | undefined;
  let port = 0;
  /** Bytes dropped while silenced, both ways. */
  let dropped = 0;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const swallow = (socket: Socket) => {
    socket.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
    });
  };
  const onConnection = (client: Socket) => {
    track(client);
    if (mode === 'blackhole') return;
    if (mode === 'silence') return swallow(client);
    const upstream = tcpConnect(targetPort, targetHost);
    track(upstream);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    client.on('close', () => {
      upstream.destroy();
      pairs.delete(pair);
    });
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  };
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer(onConnection);
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        port = (s.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
  };
  const stopListening = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = undefined;
      if (!s) return resolve();
      s.close(() => resolve());
    });
  const unpipeAll = () => {
    for (const [client, upstream] of pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
    }
  };
  await listen();
  return {
    get port() {
      return port;
    },
    /** Connections open right now (client and upstream sides). */
    get openSockets() {
      return sockets.size;
    },
    get droppedBytes() {
      return dropped;
    },
    freeze() {
      mode = 'blackhole';
      unpipeAll();
      for (const [client, upstream] of pairs) {
        client.pause();
        upstream.pause();
      }
    },
    silence() {
      mode = 'silence';
      unpipeAll();
      for (const pair of pairs) for (const socket of pair) swallow(socket);
      pairs.clear();
    },
    blackhole() {
      mode = 'blackhole';
      dropAll();
    },
    async refuse() {
      dropAll();
      await stopListening();
    },
    async restore() {
      // Frozen connections are dropped: the client sees them close and opens new ones.
      if (mode === 'blackhole') dropAll();
      mode = 'pass';
      if (!server) await listen();
    },
    async close() {
      dropAll();
      await stopListening();
    },
  };
}

/** A PostgreSQL connection string, pointed at the proxy on `port` instead. */
export function proxiedUrl(url: string, port: number): string {
  const proxied = new URL(url);
  proxied.host = `127.0.0.1:${port}`;
  return proxied.toString();
}

/** A proxy in front of a PostgreSQL test database (test/support/databases.ts). */
export function startTcpProxyTo(target: TestDatabase): Promise<TcpProxy> {
  return startTcpProxy(Number(new URL(target.url!).port || 5432));
}

/**
 * A proxy in front of a PostgreSQL test database and the app's database client through it: a short
 * connect timeout and a small pool, as the tests that cut the database off want (`options` on top).
 * The caller closes both.
 */
export async function openThroughProxy(
  target: TestDatabase,
  options: Partial<DatabaseOptions> = {},
): Promise<{ proxy: TcpProxy; database: Database }> {
  const proxy = await startTcpProxyTo(target);
  const database = await openDatabase({
    databaseUrl: proxiedUrl(target.url!, proxy.port),
    dataDir: '',
    connectTimeoutSeconds: 1,
    maxConnections: 4,
    ...options,
  });
  return { proxy, database };
}
