import type { App } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, type LogRecord, REDACTED } from '../../src/logger.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import {
  startTestSlackApp,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  type TestSlackApp,
} from '../support/slack-app.js';

/**
 * What a listener meets when Slack misbehaves: a hung call times out, a 429 fails at once instead of
 * pausing the client's queue, and neither delays the ack. And whatever is logged, no secret is.
 */
describe('Web API calls from listeners', () => {
  let database: TestDatabase & { drop(): Promise<void> };
  let t: TestSlackApp;
  const outcomes: { error?: { code?: string; message: string }; ms: number }[] = [];

  const register = (app: App) => {
    app.command('/partner', async ({ ack, client, logger, context }) => {
      await ack({ text: 'on it' });
      // A careless listener: the token itself reaches the logger, which must redact it.
      logger.debug(`calling Slack with ${context.botToken}`);
      const started = Date.now();
      try {
        await client.chat.postMessage({ channel: 'C0GENERAL', text: 'hello' });
        outcomes.push({ ms: Date.now() - started });
      } catch (error) {
        outcomes.push({ error: error as { code?: string; message: string }, ms: Date.now() - started });
        logger.error('chat.postMessage failed', error);
        throw error;
      }
    });
  };

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    t = await startTestSlackApp({ database, register, webApiTimeoutMs: 300 });
  });
  afterAll(async () => {
    await t?.stop();
    await database?.drop();
  });
  beforeEach(async () => {
    await t.settle(); // the previous test's listener, before forgetting its outcome and calls
    outcomes.length = 0;
    t.fakeSlack.reset();
  });

  async function waitForOutcome() {
    const deadline = Date.now() + 10_000;
    while (outcomes.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    return outcomes[0];
  }

  it('acks at once even when Slack hangs, then gives up after bounded retries', async () => {
    t.fakeSlack.hang('chat.postMessage', { times: 3 });
    const { response, ack } = await t.command('status');
    // The listener is still waiting on Slack (three 300 ms timeouts at least) when the ack has come.
    expect(outcomes).toHaveLength(0);
    expect(response.status).toBe(200);
    expect(ack).toMatchObject({ text: 'on it' });
    const outcome = await waitForOutcome();
    expect(outcome?.error?.code).toBe('slack_webapi_request_error');
    // 3 attempts (1 + 2 retries) of 300 ms, plus short backoffs.
    expect(t.fakeSlack.callsTo('chat.postMessage')).toHaveLength(3);
    expect(outcome?.ms).toBeLessThan(3_500);
  });

  it('fails a rate-limited call at once, with Retry-After, instead of pausing', async () => {
    t.fakeSlack.rateLimit('chat.postMessage', { retryAfterSeconds: 30 });
    await t.command('status');
    const outcome = await waitForOutcome();
    expect(outcome?.error?.code).toBe('slack_webapi_rate_limited_error');
    expect(outcome?.error).toMatchObject({ retryAfter: 30 });
    expect(outcome?.ms).toBeLessThan(1_000);
    expect(t.fakeSlack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('sends the bot token to Slack, and never writes it or the signing secret to the logs', async () => {
    t.fakeSlack.fail('chat.postMessage', { error: 'invalid_auth' });
    await t.command('status');
    expect((await waitForOutcome())?.error?.code).toBe('slack_webapi_platform_error');
    t.fakeSlack.fail('chat.postMessage', { status: 500, times: 3 });
    outcomes.length = 0;
    await t.command('status');
    expect((await waitForOutcome())?.error?.code).toBe('slack_webapi_http_error');
    await t.send(
      { contentType: 'application/x-www-form-urlencoded', body: 'command=/partner' },
      { signWith: 'x' },
    );

    expect(t.fakeSlack.callsTo('chat.postMessage')[0]?.token).toBe(TEST_BOT_TOKEN);
    const text = t.logs.map((r) => r.message).join('\n');
    expect(text).toContain('chat.postMessage failed');
    expect(text).toContain(`calling Slack with ${REDACTED}`);
    expect(text).toContain('bad_signature');
    expect(text).not.toContain(TEST_BOT_TOKEN);
    expect(text).not.toContain(TEST_BOT_TOKEN.slice('xoxb-'.length));
    expect(text).not.toContain(TEST_SIGNING_SECRET);
  });
});

describe('the redacting logger', () => {
  it('redacts given secrets and anything shaped like a Slack token, inside errors too', () => {
    const records: LogRecord[] = [];
    const logger = createLogger({
      secrets: ['hunter2hunter2'],
      sink: (r) => records.push(r),
      level: 'debug',
    });
    const error = Object.assign(new Error('failed with hunter2hunter2'), {
      request: { headers: { Authorization: 'Bearer xoxb-9-9-abcdef' } },
    });
    logger.error('boom', error, { appToken: 'xapp-1-A-xyz', userToken: 'xoxp-1-2-3' });
    logger.debug('debug is kept at debug level');
    const [first] = records;
    expect(first?.message).toContain('boom');
    expect(first?.message).not.toMatch(/hunter2|xoxb-9|xapp-1|xoxp-1/);
    expect(records).toHaveLength(2);
  });

  it('drops records below its level', () => {
    const records: LogRecord[] = [];
    const logger = createLogger({ level: 'warn', sink: (r) => records.push(r) });
    logger.info('quiet');
    logger.warn('loud');
    expect(records.map((r) => r.message)).toEqual(['loud']);
  });
});
