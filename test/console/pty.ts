import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const KEYS = { up: '\x1b[A', down: '\x1b[B', tab: '\t', enter: '\r' } as const;

/** Terminal output as read: colours, cursor moves and line clears removed, carriage returns folded. */
export function plainText(raw: string): string {
  return (
    raw
      // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal escapes are what is removed
      .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: same
      .replace(/\x1b[()][A-Z0-9]|\x1b[=>]/g, '')
      .replace(/\r+\n/g, '\n')
  );
}

export interface PtyConsole {
  /** Keystrokes, as a terminal sends them. */
  send(keys: string): void;
  /** Resolves once the output since `from` (an offset of plainText) matches; rejects after timeoutMs. */
  waitFor(pattern: string | RegExp, options?: { from?: number; timeoutMs?: number }): Promise<string>;
  /** Everything shown so far, as plain text. */
  text(): string;
  exited: Promise<number | null>;
  kill(): void;
}

/**
 * `npm start`'s command (partner-bot start) in a real pseudo-terminal, through util-linux `script`:
 * the program sees a TTY on stdin and stdout, as when a person runs it.
 */
export function startPtyConsole(env: Record<string, string>): PtyConsole {
  const root = resolve(import.meta.dirname, '../..');
  const command = 'stty cols 200 rows 50; exec node --import tsx src/cli/entry.ts start';
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('SLACK_') && k !== 'DATABASE_URL'),
  );
  const child: ChildProcess = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
    cwd: root,
    env: { ...clean, TERM: 'xterm', LOG_LEVEL: 'error', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let raw = '';
  const waiters = new Set<() => void>();
  const onData = (chunk: string) => {
    raw += chunk;
    for (const w of waiters) w();
  };
  // Decoded as a stream: a character split across two chunks stays whole.
  child.stdout!.setEncoding('utf8').on('data', onData);
  child.stderr!.setEncoding('utf8').on('data', onData);
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const text = () => plainText(raw);
  return {
    send: (keys) => child.stdin!.write(keys),
    text,
    exited,
    kill: () => child.kill('SIGKILL'),
    waitFor(pattern, { from = 0, timeoutMs = 120_000 } = {}) {
      const matches = () => {
        const seen = text().slice(from);
        return typeof pattern === 'string' ? seen.includes(pattern) : pattern.test(seen);
      };
      return new Promise((done, fail) => {
        const check = () => {
          if (!matches()) return;
          cleanup();
          done(text().slice(from));
        };
        const timer = setTimeout(() => {
          cleanup();
          fail(
            new Error(`Not shown within ${timeoutMs} ms: ${pattern}\n--- output ---\n${text().slice(from)}`),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        void exited.then(() => {
          if (!matches()) {
            cleanup();
            fail(new Error(`Exited before showing ${pattern}\n--- output ---\n${text().slice(from)}`));
          }
        });
        check();
      });
    },
  };
}
