import type { ServerResponse } from 'node:http';
import { type Readiness, type ReadinessCheck, within } from '../readiness.js';

/** Liveness: the process answers HTTP. Nothing else is asked, so a slow database never fails it. */
export const HEALTH_PATH = '/healthz';
/** Readiness: the database answers and the outbox is not stalled (src/readiness.ts). */
export const READY_PATH = '/readyz';

const NOT_READY: Readiness = { ready: false, database: 'down', outbox: 'unknown' };

/** Readiness from a ping alone, when nothing better is given (tests, a bare Slack app). */
export function pingReadiness(ping: () => Promise<void>, timeoutMs = 1_000): ReadinessCheck {
  return async () =>
    (await within(ping(), timeoutMs)).ok ? { ready: true, database: 'ok', outbox: 'unknown' } : NOT_READY;
}

function answerJson(res: ServerResponse, status: number, body: unknown) {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * Answers GET/HEAD /healthz and /readyz; false for any other request. While shutting down, readiness is
 * 503 (take no new work here) and liveness still 200 (do not kill a process that is finishing its work).
 */
export function serveProbe(
  path: string,
  method: string,
  res: ServerResponse,
  ready: ReadinessCheck,
  draining: boolean,
): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (path === HEALTH_PATH) {
    answerJson(res, 200, { status: 'ok' });
    return true;
  }
  if (path !== READY_PATH) return false;
  if (draining) {
    answerJson(res, 503, { status: 'stopping' });
    return true;
  }
  ready().then(
    (r) => answerJson(res, r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not ready', ...r }),
    () => answerJson(res, 503, { status: 'not ready', ...NOT_READY }),
  );
  return true;
}
