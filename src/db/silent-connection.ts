import { connect, type Socket } from 'node:net';

/**
 * A PostgreSQL connection that gives up when the server owes it a reply and stays silent.
 *
 * Why: when the network drops packets (a firewall losing its state, a proxy that keeps the sockets open
 * but forwards nothing), the socket stays open and a query waits forever: postgres.js has no query
 * timeout, TCP keepalive is answered by whatever still holds the socket, and statement_timeout is the
 * server's, which never hears the query. The outbox then stalled for minutes on one claim.
 *
 * How: the frontend and backend streams are split into messages (a type byte and a 32-bit length; the
 * startup message has no type byte). Every Query ('Q') and Sync ('S') the client sends, and the startup,
 * is answered by exactly one ReadyForQuery ('Z'), errors included. While more were sent than answered,
 * each byte from the server re-arms a timer of `silenceMs`; when it fires the socket is destroyed:
 * postgres.js rejects that connection's queries and opens a new connection for the next ones.
 * A statement that legitimately runs longer than `silenceMs` sends nothing meanwhile and would be cut:
 * the server's statement_timeout must be shorter (see openDatabase).
 */
export class DatabaseSilentError extends Error {
  readonly code = 'DATABASE_SILENT';
  constructor(ms: number) {
    super(`The database sent nothing for ${ms} ms while a reply was due: connection dropped`);
    this.name = 'DatabaseSilentError';
  }
}

const QUERY = 0x51; // 'Q'
const SYNC = 0x53; // 'S'
const READY_FOR_QUERY = 0x5a; // 'Z'

/** Calls `onMessage(type)` for each message of a protocol stream, fed chunk by chunk. */
function messageReader(untypedFirst: boolean, onMessage: (type: number | 'startup') => void) {
  let first = untypedFirst;
  let header: number[] = [];
  let skip = 0;
  return (chunk: Uint8Array) => {
    let i = 0;
    while (i < chunk.length) {
      if (skip > 0) {
        const n = Math.min(skip, chunk.length - i);
        skip -= n;
        i += n;
        continue;
      }
      header.push(chunk[i]!);
      i += 1;
      const size = first ? 4 : 5;
      if (header.length < size) continue;
      const at = first ? 0 : 1;
      const length =
        ((header[at]! << 24) | (header[at + 1]! << 16) | (header[at + 2]! << 8) | header[at + 3]!) >>> 0;
      onMessage(first ? 'startup' : header[0]!);
      skip = Math.max(0, length - 4);
      header = [];
      first = false;
    }
  };
}

export interface SilentConnectionOptions {
  host: string;
  port: number;
  silenceMs: number;
}

/** A socket for postgres.js's `socket` option, destroyed when a due reply does not come. */
export function connectWatched(options: SilentConnectionOptions): Socket {
  const socket = connect(options.port, options.host);
  let owed = 0;
  let timer: NodeJS.Timeout | undefined;
  const disarm = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => socket.destroy(new DatabaseSilentError(options.silenceMs)), options.silenceMs);
    timer.unref();
  };
  const readSent = messageReader(true, (type) => {
    if (type === 'startup' || type === QUERY || type === SYNC) owed += 1;
  });
  const readReceived = messageReader(false, (type) => {
    if (type === READY_FOR_QUERY) owed = Math.max(0, owed - 1);
  });

  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  socket.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (chunk instanceof Uint8Array) {
      const before = owed;
      readSent(chunk);
      if (before === 0 && owed > 0) arm();
    }
    return write(chunk, ...rest);
  }) as Socket['write'];
  socket.on('data', (chunk: Buffer) => {
    readReceived(chunk);
    if (owed > 0) arm();
    else disarm();
  });
  socket.once('close', disarm);
  return socket;
}
