import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createSlackApp } from '../../src/slack/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { startFakeSlack } from '../support/fake-slack.js';
import { startTestSlackApp, TEST_BOT_TOKEN } from '../support/slack-app.js';
import { slashCommand } from '../support/slack-requests.js';

describe('Slack app lifecycle', () => {
  let database: TestDatabase & { drop(): Promise<void> };
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(() => database?.drop());

  it('stop() refuses new requests, lets in-flight listeners finish, then resolves', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let reachedGate = false;
    const t = await startTestSlackApp({
      database,
      register: (app) =>
        app.command('/partner', async ({ ack, respond }) => {
          await ack();
          reachedGate = true;
          await gate;
          await respond({ text: 'finished after the ack' });
        }),
    });
    try {
      const { response, responseId } = await t.command('status');
      expect(response.status).toBe(200);
      while (!reachedGate) await new Promise((r) => setTimeout(r, 5));

      let stopped = false;
      const stopping = t.slackApp.stop().then(() => {
        stopped = true;
      });
      await new Promise((r) => setTimeout(r, 100));
      expect(stopped).toBe(false);

      const refused = await t.send(slashCommand({ text: 'late' })).then(
        (r) => r.status,
        () => 'connection refused',
      );
      expect([503, 'connection refused']).toContain(refused);

      release();
      await stopping;
      expect(t.fakeSlack.responsesTo(responseId).map((r) => r.body.text)).toEqual(['finished after the ack']);
    } finally {
      release();
      await t.stop();
    }
  });

  it('start() fails, serving nothing, when Slack refuses the bot token', async () => {
    const fakeSlack = await startFakeSlack();
    try {
      fakeSlack.fail('auth.test', { error: 'invalid_auth' });
      await expect(startTestSlackApp({ database, fakeSlack })).rejects.toMatchObject({
        code: 'slack_webapi_platform_error',
      });
      expect(fakeSlack.callsTo('auth.test')).toHaveLength(1);
    } finally {
      await fakeSlack.close();
    }
  });

  it('uses Socket Mode when an app token is set, without needing a signing secret', () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-1-A0-123-abc' });
    const slackApp = createSlackApp({ config, database, register: () => {} });
    expect(slackApp.mode).toBe('socket');
  });

  it('refuses to build without Slack configured', () => {
    expect(() => createSlackApp({ config: loadConfig({}), database, register: () => {} })).toThrow(
      /Slack is not configured/,
    );
  });
});
