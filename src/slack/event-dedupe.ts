import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Db } from '../db/client.js';
import { createSeenEventsRepository } from '../db/repositories/seen-requests.repository.js';
import type { Logger } from '../logger.js';

/** Slack retries an event three times within about 5 minutes; a day leaves room for late ones. */
export const EVENT_ID_TTL_MS = 24 * 60 * 60_000;

/**
 * Events API deliveries handled once across instances and restarts: the first delivery of an event_id
 * records it (seen_events) and goes on to the listeners; a retry of it (HTTP: Slack's X-Slack-Retry-Num,
 * Socket Mode: a redelivered envelope) is dropped here, after Bolt acknowledged it. Recorded on arrival:
 * a delivery that failed half-way is not run again, as Slack's own retries would not be told apart.
 * When the database does not answer, the event goes on: its listener needs the database anyway.
 */
export function dedupeEvents(options: {
  db: Db;
  logger: Pick<Logger, 'info' | 'warn'>;
  now?: () => number;
}): Middleware<AnyMiddlewareArgs> {
  const seen = createSeenEventsRepository(options.db);
  const now = options.now ?? Date.now;
  return async ({ body, next }) => {
    const eventId = (body as { type?: unknown; event_id?: unknown }).event_id;
    if ((body as { type?: unknown }).type !== 'event_callback' || typeof eventId !== 'string') return next();
    let first = true;
    try {
      const at = now();
      first = await seen.firstTime(eventId, new Date(at + EVENT_ID_TTL_MS), new Date(at));
    } catch (error) {
      options.logger.warn(`Event ${eventId}: could not check for a retry (${(error as Error).message})`);
    }
    if (!first) {
      options.logger.info(`Event ${eventId} already handled: retry dropped`);
      return;
    }
    await next();
  };
}
