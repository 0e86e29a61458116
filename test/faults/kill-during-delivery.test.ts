import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema.js';
import { allSent, message, queue, testDispatcher, waitUntil } from '../outbox/support.js';
import { BACKENDS, createTestDatabase } from '../support/databases.js';
import { type FakeSlackDelivery, startFakeSlackDelivery } from '../support/fake-slack-delivery.js';

const CHILD = fileURLToPath(new URL('../outbox/fixtures/dispatcher-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe.runIf(BACKENDS.includes('postgres'))('outbox delivery across a crash, on postgres', () => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  let fake: FakeSlackDelivery;
  let child: ChildProcess | undefined;
  beforeEach(async () => {
    t = await createTestDatabase('postgres');
    fake = await startFakeSlackDelivery();
  });
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await fake?.close();
    await t?.drop();
  });

  it('a dispatcher killed -9 in the middle of deliveries, then a fresh one: every message once', async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `crash-${i}`);
    await queue(
      t.db,
      keys.map((key, i) => message(key, ['C1', 'C2', 'U7'][i % 3]!)),
    );
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
    fresh.start();
    await waitUntil(() => allSent(t.db), 20_000, 'every message sent');
    await fresh.stop();

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
