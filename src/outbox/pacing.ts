/** Resolves after ms, or at once when the signal aborts (never rejects). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * A token bucket: `ratePerSecond` on average, up to `burst` at once. take() waits its turn, in call order.
 * Runs on the real clock (monotonic), whatever clock the rest of the dispatcher is given.
 */
export function createTokenBucket(ratePerSecond: number, burst: number) {
  const capacity = Math.max(1, burst);
  let tokens = capacity;
  let last = performance.now();
  let queue: Promise<void> = Promise.resolve();

  const refill = () => {
    const now = performance.now();
    tokens = Math.min(capacity, tokens + ((now - last) / 1000) * ratePerSecond);
    last = now;
  };

  return {
    take(signal?: AbortSignal): Promise<void> {
      const turn = queue.then(async () => {
        refill();
        while (tokens < 1 && !signal?.aborted) {
          await sleep(((1 - tokens) / ratePerSecond) * 1000, signal);
          refill();
        }
        tokens -= 1;
      });
      queue = turn.catch(() => {});
      return turn;
    },
  };
}

/** Exponential backoff with ±20 % jitter: base, 2 x base, 4 x base... capped at max. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exact = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exact * (0.8 + 0.4 * random()));
}
