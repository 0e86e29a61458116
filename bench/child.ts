import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A message between the bench and a child process it measures: a `type` and plain JSON values. */
export interface ChildMessage {
  type: string;
  [key: string]: unknown;
}

export interface BenchChild {
  readonly process: ChildProcess;
  send(message: ChildMessage): void;
  /** The next message of this type (messages not awaited yet are kept); rejects if the child exits first. */
  next<T extends ChildMessage = ChildMessage>(type: string, timeoutMs?: number): Promise<T>;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
  /** Ends the child if it is still running (SIGTERM, then SIGKILL after 5 s). */
  kill(): Promise<void>;
}

/**
 * Runs `node --import tsx bench/<script>` with an IPC channel, so what it measures (RSS above all) is
 * its own and the bench's load generator does not share its event loop.
 */
export function startBenchChild(
  script: string,
  env: Record<string, string> = {},
  /** Extra node flags for the child (e.g. --expose-gc). */
  extraExecArgv: string[] = [],
): BenchChild {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const child = fork(path, [], {
    // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each child, to see where its time goes.
    execArgv: [
      ...extraExecArgv,
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const inbox: ChildMessage[] = [];
  const waiting: { type: string; resolve: (m: ChildMessage) => void; reject: (e: Error) => void }[] = [];
  let exitCode: number | null | undefined;

  child.on('message', (raw) => {
    const message = raw as ChildMessage;
    const index = waiting.findIndex((w) => w.type === message.type);
    if (index >= 0) waiting.splice(index, 1)[0]!.resolve(message);
    else inbox.push(message);
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      exitCode = code;
      for (const w of waiting.splice(0)) w.reject(new Error(`${script} exited (${code}) before "${w.type}"`));
      resolve(code);
    });
  });

  return {
    process: child,
    send(message) {
      child.send(message);
    },
    next<T extends ChildMessage>(type: string, timeoutMs = 300_000): Promise<T> {
      const index = inbox.findIndex((m) => m.type === type);
      if (index >= 0) return Promise.resolve(inbox.splice(index, 1)[0] as T);
      if (exitCode !== undefined) return Promise.reject(new Error(`${script} already exited (${exitCode})`));
      return new Promise<T>((resolve, reject) => {
        const entry = {
          type,
          resolve: (m: ChildMessage) => {
            clearTimeout(timer);
            resolve(m as T);
          },
          reject: (e: Error) => {
            clearTimeout(timer);
            reject(e);
          },
        };
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(entry), 1);
          reject(new Error(`${script}: no "${type}" within ${timeoutMs} ms`));
        }, timeoutMs);
        waiting.push(entry);
      });
    },
    exited,
    async kill() {
      if (exitCode !== undefined) return;
      // A child told to stop exits by itself (and writes its CPU profile); give it a moment first.
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000).unref())]);
      if (exitCode !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** In a child: sends a message to the bench (no-op when run by hand, without IPC). */
export function tellParent(message: ChildMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return resolve();
    process.send(message, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

/** In a child: calls `handle` for each message from the bench. */
export function onParentMessage(handle: (message: ChildMessage) => void | Promise<void>): void {
  process.on('message', (raw) => {
    void Promise.resolve(handle(raw as ChildMessage)).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
  });
}
