import { batchCalls } from '../db/batch-calls.js';
import type { Db } from '../db/client.js';
import { createSeenSignaturesRepository } from '../db/repositories/seen-requests.repository.js';
import type { Logger } from '../logger.js';
import { createMemoryReplayStore, type ReplayStore } from './request-verification.js';

/** How long a request waits for the database's word on a replay before it goes on without it. */
export const SHARED_REPLAY_TIMEOUT_MS = 200;

/**
 * Replay protection shared by every instance and kept across restarts: accepted signatures live in
 * PostgreSQL (seen_request_signatures) until their 5 minutes are over.
 *
 * Requests arriving while an earlier check is in flight are checked together, in one statement
 * (batchCalls): under a burst one round trip serves them all instead of one each.
 *
 * The process's own memory is asked first, so a replay to this instance is refused even while the
 * database is away. When the database does not answer within SHARED_REPLAY_TIMEOUT_MS the request is let
 * through (and logged): whatever it asks needs that same database, so a replay gets no further than
 * "temporarily unavailable", while refusing every request would turn an outage into 401s.
 */
export function createSharedReplayStore(options: {
  db: Db;
  logger: Pick<Logger, 'warn'>;
  now?: () => number;
  timeoutMs?: number;
}): ReplayStore {
  const now = options.now ?? Date.now;
  const local = createMemoryReplayStore({ now });
  const seen = createSeenSignaturesRepository(options.db);
  const rememberShared = batchCalls((entries: { signature: string; expiresAt: Date }[]) =>
    seen.rememberAll(entries, new Date(now())),
  );
  const timeoutMs = options.timeoutMs ?? SHARED_REPLAY_TIMEOUT_MS;
  return {
    async remember(signature, expiresAt) {
      if (!local.remember(signature, expiresAt)) return false;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), timeoutMs);
      });
      try {
        const first = await Promise.race([
          rememberShared({ signature, expiresAt: new Date(expiresAt) }),
          late,
        ]);
        if (first === 'late') {
          options.logger.warn(
            `Replay check: the database did not answer within ${timeoutMs} ms; request let through`,
          );
          return true;
        }
        return first;
      } catch (error) {
        options.logger.warn(
          `Replay check: the database failed (${(error as Error).message}); request let through`,
        );
        return true;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
