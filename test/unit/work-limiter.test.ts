import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWorkLimiter } from '../../src/slack/work-limiter.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('work limiter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs up to its limit at once, then in turn as slots free', async () => {
    const limiter = createWorkLimiter({ maxConcurrent: 2, maxWaiting: 5 });
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      limiter.run(async () => {
        started.push(i);
        await g.promise;
        return i;
      }, 1_000),
    );
    expect(started).toEqual([0, 1]);
    expect([limiter.running, limiter.waiting]).toEqual([2, 1]);
    gates[0]!.resolve();
    await expect(runs[0]).resolves.toEqual({ started: true, value: 0 });
    expect(started).toEqual([0, 1, 2]);
    gates[1]!.resolve();
    gates[2]!.resolve();
    await expect(Promise.all(runs.slice(1))).resolves.toEqual([
      { started: true, value: 1 },
      { started: true, value: 2 },
    ]);
    expect([limiter.running, limiter.waiting]).toEqual([0, 0]);
  });

  it('refuses at once when the line is full or no time is left, and gives up on a wait past its time', async () => {
    const limiter = createWorkLimiter({ maxConcurrent: 1, maxWaiting: 1 });
    const gate = deferred();
    const work = vi.fn(async () => gate.promise);
    const first = limiter.run(work, 1_000);
    const waiting = limiter.run(work, 500);
    await expect(limiter.run(work, 1_000)).resolves.toEqual({ started: false });
    const idle = createWorkLimiter({ maxConcurrent: 1, maxWaiting: 1 });
    await expect(idle.run(work, 0)).resolves.toEqual({ started: false });
    vi.advanceTimersByTime(500);
    await expect(waiting).resolves.toEqual({ started: false });
    expect(limiter.waiting).toBe(0);
    gate.resolve();
    await first;
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('passes a failure on, and frees its slot', async () => {
    const limiter = createWorkLimiter({ maxConcurrent: 1, maxWaiting: 0 });
    await expect(limiter.run(() => Promise.reject(new Error('boom')), 100)).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'ok', 100)).resolves.toEqual({ started: true, value: 'ok' });
  });
});
