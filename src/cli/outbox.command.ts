import { parseArgs } from 'node:util';
import { createOutboxRepository, type OutboxRow } from '../db/repositories/outbox.repository.js';
import type { CliContext } from './context.js';
import { UsageError } from './usage-error.js';

import { OUTBOX_USAGE } from './usages.js';

function describe(row: OutboxRow): string {
  const status = row.status === 'pending' && row.hold ? `held (${row.hold})` : row.status;
  const when =
    row.status === 'pending' && !row.hold ? `  next attempt ${row.nextAttemptAt.toISOString()}` : '';
  return `#${row.id}  ${status}  attempts ${row.attempts}  to ${row.channel}  ${row.kind}  ${row.dedupeKey}${when}`;
}

/** Lists what is waiting or failed in the outbox; puts failed messages back in line on request. */
export async function outboxCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      'retry-failed': { type: 'boolean', default: false },
      retry: { type: 'string', multiple: true },
    },
    strict: true,
    allowPositionals: false,
  });
  const repo = createOutboxRepository(ctx.database.db);
  const ids = (values.retry ?? []).map((raw) => {
    if (!/^\d+$/.test(raw)) throw new UsageError(`--retry takes a message id, got "${raw}"`, OUTBOX_USAGE);
    return Number(raw);
  });

  if (values['retry-failed'] || ids.length > 0) {
    for (const id of ids) {
      const row = await repo.byId(id);
      if (!row) {
        ctx.print(`No message #${id} in the outbox.`);
        return 1;
      }
      if (row.status !== 'failed') {
        ctx.print(`Message #${id} is ${row.status}, not failed: nothing to retry.`);
        return 1;
      }
    }
    const retried = await repo.retryFailed({
      ...(values['retry-failed'] ? {} : { ids }),
      now: ctx.now(),
    });
    ctx.print(
      retried.length === 0
        ? 'No failed message to retry.'
        : `Queued again: ${retried.map((id) => `#${id}`).join(', ')} (the running app delivers them).`,
    );
    return 0;
  }

  const counts = await repo.counts();
  const order = ['pending', 'held', 'sending', 'failed', 'sent', 'cancelled'];
  ctx.print(`Outbox: ${order.map((s) => `${counts[s] ?? 0} ${s}`).join(', ')}`);
  const rows = await repo.unsent();
  for (const row of rows) {
    ctx.print(describe(row));
    if (row.lastError) ctx.print(`    last error: ${row.lastError}`);
  }
  if ((counts.failed ?? 0) > 0) ctx.print('Retry with: partner-bot outbox --retry-failed, or --retry <id>');
  return 0;
}
