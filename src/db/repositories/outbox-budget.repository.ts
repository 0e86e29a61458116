import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../client.js';

/**
 * Token buckets in the database, so that every dispatcher shares one budget (Slack's limits are per
 * workspace, not per process). The database's clock (statement_timestamp) refills them: the same for
 * every instance. One row per bucket, locked for the instant of an update.
 */
export function createOutboxBudgetRepository(db: Db) {
  return {
    /**
     * Takes a token from bucket `name` (created full): granted, or how many ms until one is there.
     * `ratePerSecond` on average, up to `burst` at once.
     */
    async take(
      name: string,
      ratePerSecond: number,
      burst: number,
    ): Promise<{ granted: boolean; waitMs: number }> {
      const refilled = sql`least(${burst}::float8, outbox_budgets.tokens
        + extract(epoch from statement_timestamp() - outbox_budgets.updated_at)::float8 * ${ratePerSecond}::float8)`;
      const result = await db.execute(sql`
        insert into outbox_budgets (name, tokens, updated_at)
        values (${name}, ${burst}::float8 - 1, statement_timestamp())
        on conflict (name) do update set tokens = ${refilled} - 1, updated_at = statement_timestamp()
          where ${refilled} >= 1
        returning tokens`);
      if (rowsOf(result).length > 0) return { granted: true, waitMs: 0 };
      const [row] = rowsOf<{ tokens: number | string }>(
        await db.execute(sql`select ${refilled} as tokens from outbox_budgets where name = ${name}`),
      );
      const tokens = Number(row?.tokens ?? 0);
      return { granted: false, waitMs: Math.max(1, Math.ceil(((1 - tokens) / ratePerSecond) * 1000)) };
    },
  };
}

export type OutboxBudgetRepository = ReturnType<typeof createOutboxBudgetRepository>;
