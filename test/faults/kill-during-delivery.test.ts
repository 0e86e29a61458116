import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema.js';
import { deliverAll, queueMany, testDispatcher, useDeliveryEnv } from '../outbox/support.js';
import type { DroppableTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import type { FakeSlackDelivery } from '../support/fake-slack-delivery.js';

const CHILD = fileURLToPath(new URL('../outbox/fixtures/dispatcher-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe.runIf(BACKENDS.includes('postgres'))('outbox delivery across a crash, on postgres', () => {
  let t: DroppableTestDatabase;
  let fake: FakeSlackDelivery;
  let child: ChildProcess | undefined;
  useDeliveryEnv('postgres', (env) => ({ t, fake } = env));
  afterEach(() => {
    // Before the database goes (after hooks run last registered first).
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('a dispatcher killed -9 in the middle of deliveries, then a fresh one: every message once', async () => {
    const keys = await queueMany(t.db, 'crash', 12, ['C1', 'C2', 'U7']);
    // Slack stores each post at once but answers 300 ms later: a kill in between loses the outcome only.
    fake.setPostDelay(300);
    child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.url, SLACK_API_URL: fake.apiUrl, LEASE_MS: '2000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d) => {
      stderr += String(d);
    });
    await fake.waitFor(() => fake.posted.length >= 5, 20_000, `5 posts from the child (stderr: ${stderr})`);
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));

    const sending = await t.db.select().from(outbox).where(eq(outbox.status, 'sending'));
    // The scenario this test is about: posted to Slack, outcome never recorded.
    // (A row claimed but not yet posted has no posting_since: it is simply posted later.)
    expect(sending.filter((r) => r.postingSince !== null).length).toBeGreaterThanOrEqual(1);
    expect(sending.every((r) => r.claimedBy === 'child')).toBe(true);
    const postedBeforeKill = fake.posted.length;
    expect(postedBeforeKill).toBeLessThan(keys.length);

    fake.setPostDelay(0);
    const fresh = testDispatcher(t.db, fake, { perChannelIntervalMs: 0 });
    await deliverAll(t.db, [fresh]);

    for (const key of keys) expect(fake.postsOf(key), key).toHaveLength(1);
    expect(fake.posted).toHaveLength(keys.length);
    // Each message the child had in flight was found in the history, not posted again.
    expect(fake.callsTo('conversations.history').length).toBeGreaterThanOrEqual(
      sending.filter((r) => r.postingSince !== null).length,
    );
    const rows = await t.db.select().from(outbox);
    for (const row of rows) expect(row.slackTs).toBe(fake.postsOf(row.dedupeKey)[0]!.ts);
  });
});
