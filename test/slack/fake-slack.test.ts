import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../support/fake-slack.js';

describe('the fake Slack Web API', () => {
  let fake: FakeSlack;
  let client: webApi.WebClient;
  beforeAll(async () => {
    fake = await startFakeSlack();
    client = new webApi.WebClient('xoxb-fake', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      // Short, for the hang below, but not so short that a busy machine fails an ordinary first call.
      timeout: 1_000,
      logLevel: webApi.LogLevel.ERROR,
    });
  });
  afterAll(() => fake?.close());
  beforeEach(() => fake.reset());

  it('records form-encoded calls with their token and JSON-encoded fields parsed', async () => {
    const posted = await client.chat.postMessage({
      channel: 'C1',
      text: 'hi',
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }],
    });
    expect(posted).toMatchObject({ ok: true, channel: 'C1' });
    expect(posted.ts).toMatch(/^\d+\.\d{6}$/);
    const [call] = fake.callsTo('chat.postMessage');
    expect(call?.token).toBe('xoxb-fake');
    expect(call?.body.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }]);
  });

  it('records JSON calls', async () => {
    const response = await fetch(`${fake.apiUrl}views.publish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: 'Bearer xoxb-json' },
      body: JSON.stringify({ user_id: 'U1', view: { type: 'home', blocks: [] } }),
    });
    expect(await response.json()).toMatchObject({ ok: true, view: { type: 'home' } });
    expect(fake.callsTo('views.publish')[0]).toMatchObject({ token: 'xoxb-json', body: { user_id: 'U1' } });
  });

  it('answers users.info with a per-user locale, only when include_locale is asked', async () => {
    fake.setUserLocale('U0FR', 'fr-FR');
    expect((await client.users.info({ user: 'U0FR', include_locale: true })).user?.locale).toBe('fr-FR');
    expect((await client.users.info({ user: 'U0EN', include_locale: true })).user?.locale).toBe('en-US');
    expect((await client.users.info({ user: 'U0FR' })).user?.locale).toBeUndefined();
  });

  it('opens DMs and posts to a user id in the DM', async () => {
    const opened = await client.conversations.open({ users: 'U0ALICE' });
    expect(opened.channel?.id).toBe('D0ALICE');
    expect((await client.chat.postMessage({ channel: 'U0ALICE', text: 'x' })).channel).toBe('D0ALICE');
  });

  it('rate-limits, fails and hangs the next calls of a method on demand', async () => {
    fake.rateLimit('chat.postMessage', { retryAfterSeconds: 7 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({
      retryAfter: 7,
    });
    fake.fail('chat.postMessage', { error: 'channel_not_found' });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    fake.hang('chat.postMessage');
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({
      code: 'slack_webapi_request_error',
    });
    expect(await client.chat.postMessage({ channel: 'C1', text: 'x' })).toMatchObject({ ok: true });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(4);
  });

  it('records what is posted to a response URL', async () => {
    const url = fake.responseUrl('r1');
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'later', response_type: 'ephemeral' }),
    });
    const [post] = await fake.waitForResponses(1, { id: 'r1' });
    expect(post).toMatchObject({ id: 'r1', url, body: { text: 'later' } });
  });
});
