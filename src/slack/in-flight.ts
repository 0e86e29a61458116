/**
 * Counts work in progress (HTTP requests, listener runs) so shutdown can stop taking new work, then wait
 * for what is already running to finish.
 */
export interface InFlight {
  readonly count: number;
  /** True once shutdown began: receivers refuse new work. */
  readonly draining: boolean;
  beginDrain(): void;
  /** Marks one unit of work as started; call the returned function once when it ends. */
  enter(): () => void;
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves true once nothing is in flight, or false when the timeout passes first. */
  drained(timeoutMs: number): Promise<boolean>;
}

export function createInFlight(): InFlight {
  let count = 0;
  let draining = false;
  let waiters: (() => void)[] = [];
  const settle = () => {
    if (count > 0) return;
    const done = waiters;
    waiters = [];
    for (const resolve of done) resolve();
  };
  const enter = () => {
    count += 1;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      count -= 1;
      settle();
    };
  };
  return {
    get count() {
      return count;
    },
    get draining() {
      return draining;
    },
    beginDrain() {
      draining = true;
    },
    enter,
    async run(work) {
      const leave = enter();
      try {
        return await work();
      } finally {
        leave();
      }
    },
    drained(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const onIdle = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== onIdle);
          resolve(false);
        }, timeoutMs);
        waiters.push(onIdle);
      });
    },
  };
}
