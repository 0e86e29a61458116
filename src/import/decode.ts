import iconv from 'iconv-lite';

/** How a text file's bytes were read. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 with BOM',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
};

interface Decoder {
  write(chunk: Buffer): string;
  end(): string | undefined;
}

/** Bytes to text as the consumer asks for them, with the encoding it settled on. */
export interface DecodedText {
  /** Final once `text` has been read to its end (an ASCII-only start reads as UTF-8 so far). */
  readonly encoding: TextEncoding;
  readonly text: AsyncGenerator<string, void, undefined>;
}

function bomOf(head: Buffer): { encoding: TextEncoding; length: number } | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8-bom', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

const ICONV_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'utf8',
  'utf-8-bom': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  'windows-1252': 'windows1252',
};

function decoderFor(encoding: TextEncoding): Decoder {
  return iconv.getDecoder(ICONV_NAMES[encoding], { stripBOM: false }) as Decoder;
}

/** True when `bytes` could be the start of UTF-8 text (an unfinished last sequence allowed). */
function utf8Valid(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a file's bytes as a stream. A BOM says UTF-8 or UTF-16 (LE or BE). Without one the text is
 * UTF-8 unless its first non-ASCII bytes are not UTF-8, which is what French Excel's "CSV (séparateur :
 * point-virgule)" writes: Windows-1252. ASCII reads the same in both, so nothing is buffered to decide;
 * a later byte that is not UTF-8 in a file judged UTF-8 becomes U+FFFD, which the row reports.
 * `head` is the file's first bytes (at least 3 unless the file is shorter).
 */
export function decodeBytes(head: Buffer, rest: AsyncIterator<Buffer>): DecodedText {
  const bom = bomOf(head);
  let encoding: TextEncoding = bom?.encoding ?? 'utf-8';
  let decoder: Decoder | undefined = bom ? decoderFor(bom.encoding) : undefined;
  const first = bom ? head.subarray(bom.length) : head;

  function decode(chunk: Buffer): string {
    if (decoder) return decoder.write(chunk);
    const nonAscii = chunk.findIndex((byte) => byte >= 0x80);
    if (nonAscii < 0) return chunk.toString('latin1');
    encoding = utf8Valid(chunk.subarray(nonAscii)) ? 'utf-8' : 'windows-1252';
    decoder = decoderFor(encoding);
    return decoder.write(chunk);
  }

  async function* text(): AsyncGenerator<string, void, undefined> {
    if (first.length) yield decode(first);
    for (;;) {
      const next = await rest.next();
      if (next.done) break;
      const piece = decode(next.value);
      if (piece) yield piece;
    }
    const tail = decoder?.end();
    if (tail) yield tail;
  }

  return {
    get encoding() {
      return encoding;
    },
    text: text(),
  };
}
