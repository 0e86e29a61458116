import type { Database } from './db/client.js';
import { createOutboxRepository } from './db/repositories/outbox.repository.js';

/** What GET /readyz answers: ready only when every check is. */
export interface Readiness {
  ready: boolean;
  database: 'ok' | 'down';
  outbox: 'ok' | 'stalled' | 'unknown';
}

export type ReadinessCheck = () => Promise<Readiness>;

export interface ReadinessOptions {
  database: Pick<Database, 'db' | 'ping'>;
  /** When this instance's dispatcher last finished a delivery (ms since the epoch); none in the console. */
  lastDeliveryAt?: () => number | undefined;
  /** A message due this long while this instance delivered nothing meanwhile: the outbox is stalled. */
  stallMs: number;
  /** Each database question gets this long. */
  timeoutMs?: number;
  now?: () => Date;
}

/**
 * Readiness, unlike liveness (/healthz: the process answers), says whether this instance can do its work:
 * the database answers within a second, and the outbox is not stalled. Stalled means a message has been
 * due for stallMs and this instance finished no delivery in that time: a backlog that is being worked
 * through (a 09:00 round of 6 000 reminders at Slack's pace takes 50 minutes) is not a stall.
 */
export function createReadinessCheck(options: ReadinessOptions): ReadinessCheck {
  const outbox = createOutboxRepository(options.database.db);
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 1_000;
  return async () => {
    const databaseUp = await within(options.database.ping(), timeoutMs);
    if (!databaseUp.ok) return { ready: false, database: 'down', outbox: 'unknown' };
    const at = now();
    const due = await within(outbox.oldestDue(at), timeoutMs);
    if (!due.ok) return { ready: false, database: 'down', outbox: 'unknown' };
    const cutoff = at.getTime() - options.stallMs;
    const waiting = due.value !== undefined && due.value.getTime() < cutoff;
    const delivered = options.lastDeliveryAt?.();
    const stalled = waiting && (delivered === undefined || delivered < cutoff);
    return { ready: !stalled, database: 'ok', outbox: stalled ? 'stalled' : 'ok' };
  };
}

/** The value of `work` if it resolves within `ms`; `{ ok: false }` if it rejects or takes longer. */
export async function within<T>(
  work: Promise<T>,
  ms: number,
): Promise<{ ok: true; value: T } | { ok: false }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ ok: false }>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false }), ms);
  });
  try {
    return await Promise.race([work.then((value) => ({ ok: true as const, value })), late]);
  } catch {
    return { ok: false };
  } finally {
    clearTimeout(timer);
  }
}
