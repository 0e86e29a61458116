/**
 * Bounded work for answers that must arrive within Slack's 3 s: at most `maxConcurrent` run at once, the
 * rest wait in line, and one that cannot start before its own deadline (or finds the line full) is told
 * at once, so that its caller answers "busy" in time rather than late. Over 2 cores, more work at once
 * only makes every answer later.
 */
export interface WorkLimiter {
  /** Work running now, and waiting. */
  readonly running: number;
  readonly waiting: number;
  /**
   * Runs `work` when a slot is free within `startWithinMs`; `{ started: false }` (without running it) when
   * none frees in time or the line is full.
   */
  run<T>(work: () => Promise<T>, startWithinMs: number): Promise<Started<T>>;
}

export type Started<T> = { started: true; value: T } | { started: false };

export interface WorkLimiterOptions {
  maxConcurrent: number;
  /** How many may wait for a slot. */
  maxWaiting: number;
}

export function createWorkLimiter(options: WorkLimiterOptions): WorkLimiter {
  let running = 0;
  const line: { start: () => void; timer: NodeJS.Timeout }[] = [];
  const next = () => {
    const first = line.shift();
    if (!first) return;
    clearTimeout(first.timer);
    first.start();
  };
  return {
    get running() {
      return running;
    },
    get waiting() {
      return line.length;
    },
    run<T>(work: () => Promise<T>, startWithinMs: number) {
      return new Promise<Started<T>>((resolve, reject) => {
        const start = () => {
          running += 1;
          work()
            .then((value) => resolve({ started: true, value }), reject)
            .finally(() => {
              running -= 1;
              next();
            });
        };
        if (startWithinMs <= 0) return resolve({ started: false });
        if (running < options.maxConcurrent && line.length === 0) return start();
        if (line.length >= options.maxWaiting) return resolve({ started: false });
        const entry = {
          start,
          timer: setTimeout(() => {
            line.splice(line.indexOf(entry), 1);
            resolve({ started: false });
          }, startWithinMs),
        };
        line.push(entry);
      });
    },
  };
}
