/**
 * When a request reached the receiver, on a monotonic clock, so that a listener counts Slack's 3 s from
 * arrival, not from when it got to run (under a burst, requests wait for the event loop before that).
 * The HTTP receiver passes it to Bolt as a custom property of the context (`requestTiming`).
 */
export interface RequestTiming {
  /** The clock's reading at arrival. */
  arrivedAt: number;
  /** The same clock (performance.now by default; tests inject one). */
  now: () => number;
}

/** The context key the receiver sets. */
export const REQUEST_TIMING = 'requestTiming';

/** The request's timing from a listener's context; from now when the transport gave none (Socket Mode). */
export function requestTimingOf(context: Record<string, unknown> | undefined): RequestTiming {
  const timing = context?.[REQUEST_TIMING] as RequestTiming | undefined;
  if (timing && typeof timing.arrivedAt === 'number' && typeof timing.now === 'function') return timing;
  return { arrivedAt: performance.now(), now: () => performance.now() };
}

/** Milliseconds left of `budgetMs` since arrival (negative once past). */
export function timeLeft(timing: RequestTiming, budgetMs: number): number {
  return budgetMs - (timing.now() - timing.arrivedAt);
}
