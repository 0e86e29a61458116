import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { assistantThreads } from '../schema.js';

/** A thread older than this is a new conversation: its partner is no longer assumed. */
export const THREAD_MEMORY_MS = 7 * 24 * 60 * 60_000;

export interface ThreadTurn {
  intent: string;
  /** The part of the intent's card asked about, if only a part. */
  focus?: string | undefined;
  partnerId: string | undefined;
}

export function createAssistantThreadsRepository(db: Db) {
  return {
    /** What was last understood in the thread, unless it is too old. */
    async recall(channelId: string, threadTs: string, now: Date): Promise<ThreadTurn | undefined> {
      const [row] = await db
        .select({
          intent: assistantThreads.intent,
          focus: assistantThreads.focus,
          partnerId: assistantThreads.partnerId,
        })
        .from(assistantThreads)
        .where(
          and(
            eq(assistantThreads.channelId, channelId),
            eq(assistantThreads.threadTs, threadTs),
            gt(assistantThreads.updatedAt, new Date(now.getTime() - THREAD_MEMORY_MS)),
          ),
        );
      if (!row) return undefined;
      return { intent: row.intent, focus: row.focus ?? undefined, partnerId: row.partnerId ?? undefined };
    },

    /** Records the thread's latest question, and forgets threads gone quiet. */
    async remember(channelId: string, threadTs: string, turn: ThreadTurn, now: Date): Promise<void> {
      await db
        .delete(assistantThreads)
        .where(lt(assistantThreads.updatedAt, new Date(now.getTime() - THREAD_MEMORY_MS)));
      await db
        .insert(assistantThreads)
        .values({
          channelId,
          threadTs,
          intent: turn.intent,
          focus: turn.focus ?? null,
          partnerId: turn.partnerId ?? null,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: [assistantThreads.channelId, assistantThreads.threadTs],
          set: {
            intent: sql`excluded.intent`,
            focus: sql`excluded.focus`,
            partnerId: sql`excluded.partner_id`,
            updatedAt: now,
          },
        });
    },
  };
}

export type AssistantThreadsRepository = ReturnType<typeof createAssistantThreadsRepository>;
