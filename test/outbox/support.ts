import { eq } from 'drizzle-orm';
import { afterEach, beforeEach } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { outbox } from '../../src/db/schema.js';
import { createDeliveryClient } from '../../src/outbox/delivery-client.js';
import {
  createDispatcher,
  type Dispatcher,
  type DispatcherLimits,
  type DispatcherOptions,
} from '../../src/outbox/dispatcher.js';
import { enqueue, type OutboxMessage } from '../../src/outbox/enqueue.js';
import type { MailTransport } from '../../src/outbox/mail.js';
import { type Backend, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { type FakeSlackDelivery, startFakeSlackDelivery } from '../support/fake-slack-delivery.js';
import { waitUntil as waitFor } from '../support/wait.js';

/** Fast limits for tests: short timeouts and backoffs, the real per-channel pace. */
/** The timeout the tests of a hanging or late Slack give the dispatcher. */
export const SHORT_REQUEST_TIMEOUT_MS = 400;

export const TEST_LIMITS: Partial<DispatcherLimits> = {
  // Generous: a loaded machine may take a second to answer, and a timeout is then a retry the test did
  // not expect. The tests about timeouts set SHORT_REQUEST_TIMEOUT_MS.
  requestTimeoutMs: 5_000,
  databaseTimeoutMs: 4_000,
  backoffBaseMs: 100,
  backoffMaxMs: 400,
  maxAttempts: 4,
  leaseMs: 3_000,
  pollIntervalMs: 50,
  workspacePerSecond: 50,
  workspaceBurst: 50,
  perChannelIntervalMs: 1_000,
  historyLookbackMs: 5_000,
};

/** The limits of the tests that send e-mail: no per-channel pace, mail at 50 a second, 3 s per request. */
export const MAIL_TEST_LIMITS: Partial<DispatcherLimits> = {
  ...TEST_LIMITS,
  // Generous timeouts: a loaded machine must not turn an answer into a timeout.
  requestTimeoutMs: 3_000,
  perChannelIntervalMs: 0,
  mailPerSecond: 50,
  mailBurst: 50,
};

export const MAIL_FROM = 'Dstny partners <partners@dstny.example>';

/**
 * A dispatcher on `db` delivering to the fake Slack with TEST_LIMITS under `limits`; `options` adds a
 * mailer, a clock, …
 */
export function testDispatcher(
  db: Db,
  fake: FakeSlackDelivery,
  limits: Partial<DispatcherLimits> = {},
  options: Partial<Omit<DispatcherOptions, 'db' | 'client' | 'limits'>> = {},
) {
  const all = { ...TEST_LIMITS, ...limits };
  return createDispatcher({
    db,
    client: createDeliveryClient(
      { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: fake.apiUrl },
      all.requestTimeoutMs!,
    ),
    limits: all,
    ...options,
  });
}

/**
 * A dispatcher that sends e-mail too, through `mailer` from MAIL_FROM (none without a mailer), under
 * MAIL_TEST_LIMITS and `limits`.
 */
export function mailDispatcher(
  db: Db,
  fake: FakeSlackDelivery,
  mailer: MailTransport | undefined,
  limits: Partial<DispatcherLimits> = {},
) {
  return testDispatcher(
    db,
    fake,
    { ...MAIL_TEST_LIMITS, ...limits },
    mailer ? { mailer, mailFrom: MAIL_FROM } : {},
  );
}

/** Starts the dispatchers, waits until every message of `db` is sent, and stops them whatever happens. */
export async function deliverAll(
  db: Db,
  dispatchers: Dispatcher[],
  timeoutMs = 20_000,
  what = 'every message sent',
) {
  for (const d of dispatchers) d.start();
  try {
    await waitUntil(() => allSent(db), timeoutMs, what);
  } finally {
    await Promise.all(dispatchers.map((d) => d.stop()));
  }
}

export function message(key: string, channel: string, extra: Partial<OutboxMessage> = {}): OutboxMessage {
  return { dedupeKey: key, kind: 'test', channel, text: `message ${key}`, ...extra };
}

export async function queue(db: Db, messages: OutboxMessage[]) {
  return db.transaction((tx) => enqueue(tx as unknown as Db, messages));
}

/**
 * Queues `count` test messages keyed `<prefix>-0`, `<prefix>-1`, …, over `channels` in turn (or in the
 * channel `channels(i)` names); returns their keys.
 */
export async function queueMany(
  db: Db,
  prefix: string,
  count: number,
  channels: readonly string[] | ((i: number) => string),
): Promise<string[]> {
  const keys = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
  const channelOf = typeof channels === 'function' ? channels : (i: number) => channels[i % channels.length]!;
  await queue(
    db,
    keys.map((key, i) => message(key, channelOf(i))),
  );
  return keys;
}

export async function rowOf(db: Db, key: string) {
  const [row] = await db.select().from(outbox).where(eq(outbox.dedupeKey, key));
  return row!;
}

export function waitUntil(check: () => Promise<boolean>, timeoutMs = 15_000, what = 'a condition') {
  return waitFor(check, timeoutMs, what, 25);
}

export async function allSent(db: Db) {
  const rows = await db.select({ status: outbox.status }).from(outbox);
  return rows.every((r) => r.status === 'sent');
}

export interface DeliveryEnv {
  t: TestDatabase & { drop(): Promise<void> };
  fake: FakeSlackDelivery;
}

/**
 * The hooks of a describe block whose every test gets a fresh database and a fresh fake Slack delivery
 * API, closed after it; `use` receives them before each test (`(env) => ({ t, fake } = env)`).
 */
export function useDeliveryEnv(backend: Backend, use: (env: DeliveryEnv) => void): void {
  let env: Partial<DeliveryEnv> = {};
  beforeEach(async () => {
    env = { t: await createTestDatabase(backend) };
    env.fake = await startFakeSlackDelivery();
    use(env as DeliveryEnv);
  });
  afterEach(async () => {
    await env.fake?.close();
    await env.t?.drop();
  });
}
