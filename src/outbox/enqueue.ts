import type { Db } from '../db/client.js';
import {
  createOutboxRepository,
  type OutboxFallback,
  type OutboxMail,
} from '../db/repositories/outbox.repository.js';

export interface OutboxMessage {
  /** What the message is about, e.g. 'evaluation:2026-H1:partner:acme': queued once, whatever the reruns. */
  dedupeKey: string;
  /** evaluation.summary, evaluation.partner, reminder.digest, digest.manager... */
  kind: string;
  /** A channel id, or a user id for a direct message. */
  channel: string;
  /** The notification text (and the whole message when there are no blocks). */
  text: string;
  blocks?: unknown[];
  /** Keeps the message waiting until released (the outbox repository's releaseHold). */
  hold?: string;
  /** Posted as a reply in this thread of `channel`. */
  threadTs?: string;
  /** slack by default; email with `mail` (the channel is then 'mail:<address>'). */
  transport?: 'slack' | 'email';
  mail?: OutboxMail;
  /** Queued instead when Slack refuses this message for good (not on Slack, DM refused...). */
  fallback?: OutboxMessage;
}

function row(m: OutboxMessage): OutboxFallback {
  return {
    dedupeKey: m.dedupeKey,
    kind: m.kind,
    channel: m.channel,
    text: m.text,
    blocks: m.blocks ?? null,
    transport: m.transport ?? 'slack',
    mail: m.mail ?? null,
  };
}

/**
 * Queues messages in the caller's transaction, so they exist exactly when the change that causes them
 * commits. A message whose dedupe key is already queued (or sent) is left alone. Returns the keys queued
 * now.
 */
export function enqueue(tx: Db, messages: OutboxMessage[]): Promise<string[]> {
  return createOutboxRepository(tx).insertNew(
    messages.map((m) => ({
      ...row(m),
      hold: m.hold ?? null,
      threadTs: m.threadTs ?? null,
      fallback: m.fallback ? row(m.fallback) : null,
    })),
  );
}
