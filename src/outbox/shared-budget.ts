import type { OutboxBudgetRepository } from '../db/repositories/outbox-budget.repository.js';
import { sleep } from './pacing.js';

/** The bucket of Slack's workspace-wide posting budget, shared by every dispatcher on the database. */
export const SLACK_WORKSPACE_BUDGET = 'slack:workspace';

/**
 * A token bucket kept in the database (outbox_budgets), so that two instances together stay within
 * `ratePerSecond` and `burst`, as the per-channel pace already does: take() waits its turn.
 */
export function createSharedBudget(
  repo: Pick<OutboxBudgetRepository, 'take'>,
  name: string,
  ratePerSecond: number,
  burst: number,
) {
  const capacity = Math.max(1, burst);
  return {
    async take(signal?: AbortSignal): Promise<void> {
      for (;;) {
        const { granted, waitMs } = await repo.take(name, ratePerSecond, capacity);
        if (granted || signal?.aborted) return;
        await sleep(waitMs, signal);
      }
    },
  };
}
