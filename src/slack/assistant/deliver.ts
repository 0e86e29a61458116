import { createAssistantThreadsRepository } from '../../db/repositories/assistant-threads.repository.js';
import { enqueue } from '../../outbox/enqueue.js';
import type { ListenerDeps } from '../listeners/deps.js';
import type { Answer } from './answer.js';

export interface EphemeralClient {
  chat: {
    postEphemeral(args: {
      channel: string;
      user: string;
      text: string;
      blocks?: unknown[];
      thread_ts?: string;
    }): Promise<unknown>;
  };
}

export interface Destination {
  channelId: string;
  threadTs: string;
  userId: string;
  /** What the answer answers (the event id): the outbox queues it once. */
  key: string;
}

/**
 * Sends an answer. One for the thread goes through the outbox, so that a flood of questions is posted at
 * Slack's pace (one message a second per channel) and none is lost; one for the asker alone is posted at
 * once (an ephemeral message cannot wait: it is shown only while the asker is there), and if Slack refuses
 * it, it goes to the asker's direct messages through the outbox instead. Then the thread remembers what
 * was asked.
 */
export async function deliverAnswer(
  deps: ListenerDeps,
  client: EphemeralClient,
  where: Destination,
  answer: Answer,
): Promise<void> {
  const { reply } = answer;
  let queued = false;
  if (answer.placement === 'ephemeral') {
    try {
      await client.chat.postEphemeral({
        channel: where.channelId,
        user: where.userId,
        text: reply.text,
        blocks: reply.blocks,
        thread_ts: where.threadTs,
      });
    } catch (error) {
      deps.logger.warn('The assistant could not answer ephemerally: answering by direct message', error);
      await enqueue(deps.db, [
        {
          dedupeKey: `assistant:${where.key}:dm`,
          kind: 'assistant.answer',
          channel: where.userId,
          text: reply.text,
          blocks: reply.blocks,
        },
      ]);
      queued = true;
    }
  } else {
    await enqueue(deps.db, [
      {
        dedupeKey: `assistant:${where.key}`,
        kind: 'assistant.answer',
        channel: where.channelId,
        threadTs: where.threadTs,
        text: reply.text,
        blocks: reply.blocks,
      },
    ]);
    queued = true;
  }
  if (queued) deps.wakeOutbox();
  if (answer.turn)
    await createAssistantThreadsRepository(deps.db).remember(
      where.channelId,
      where.threadTs,
      answer.turn,
      deps.now(),
    );
}
