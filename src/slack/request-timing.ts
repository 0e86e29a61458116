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

/**
 * The reply must be in the ack, and Slack drops an ack after 3 s: the answer must leave within 2.5 s of the
 * request's arrival at the receiver (the rest is the network and Slack).
 */
export const REPLY_DEADLINE_MS = 2_500;
/** A command that cannot start with this much of the deadline left is answered "busy" at once. */
export const MIN_WORK_MS = 300;

/** Whether work on the request could still start in time to be answered within REPLY_DEADLINE_MS. */
export function canStartInTime(timing: RequestTiming): boolean {
  return timeLeft(timing, REPLY_DEADLINE_MS) > MIN_WORK_MS;
}
