import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { CsvFileError } from './header.js';

/** A file's first bytes, enough to recognise a BOM or a zip (xlsx), and an iterator over the rest. */
export interface FileBytes {
  head: Buffer;
  rest: AsyncIterator<Buffer>;
  /** True when the file ended within `head`. */
  ended: boolean;
  destroy(): void;
}

const HEAD_BYTES = 4;

function toBuffer(chunk: unknown): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), 'utf8');
}

export function readError(err: unknown): CsvFileError {
  const e = err as NodeJS.ErrnoException;
  const failure =
    e.code === 'ENOENT'
      ? 'missing'
      : e.code === 'EACCES'
        ? 'denied'
        : e.code === 'EISDIR'
          ? 'directory'
          : 'other';
  const reason = (e.message ?? String(err)).split('\n')[0] ?? '';
  return new CsvFileError([{ problem: { code: 'file.unreadable', failure, reason } }]);
}

export async function openBytes(source: string | Readable): Promise<FileBytes> {
  const stream = typeof source === 'string' ? createReadStream(source) : source;
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<unknown>;
  const rest: AsyncIterator<Buffer> = {
    next: async () => {
      const next = await chunks.next();
      return next.done ? { done: true, value: undefined } : { done: false, value: toBuffer(next.value) };
    },
  };
  const head: Buffer[] = [];
  let length = 0;
  let ended = false;
  try {
    while (length < HEAD_BYTES) {
      const next = await rest.next();
      if (next.done) {
        ended = true;
        break;
      }
      head.push(next.value);
      length += next.value.length;
    }
  } catch (err) {
    stream.destroy();
    throw readError(err);
  }
  return { head: Buffer.concat(head), rest, ended, destroy: () => stream.destroy() };
}

/** A zip archive (an .xlsx workbook) starts with PK\3\4. */
export function isZip(head: Buffer): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}
