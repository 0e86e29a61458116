import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, slackMode } from '../../src/config.js';
import { problemsThrownBy } from '../support/problems.js';

const BOT = 'xoxb-111-222-BotTokenValue';
const SECRET = 'c0ffee00signingsecretvalue42';
const APP = 'xapp-1-A1-AppTokenValue';

const problemsOf = (env: Record<string, string>): string[] =>
  problemsThrownBy(() => loadConfig(env), ConfigError, 'expected the configuration to be refused');

describe('configuration of the Slack transport', () => {
  it('picks HTTP mode with a signing secret, Socket Mode with an app token, none without a bot token', () => {
    expect(slackMode(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET }))).toBe('http');
    expect(slackMode(loadConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP }))).toBe('socket');
    expect(slackMode(loadConfig({}))).toBe('none');
  });

  it('names the missing bot token and signing secret', () => {
    expect(problemsOf({ SLACK_SIGNING_SECRET: SECRET })).toEqual(['SLACK_BOT_TOKEN: is required']);
    expect(problemsOf({ SLACK_BOT_TOKEN: BOT })).toEqual([
      'SLACK_SIGNING_SECRET: is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
    ]);
  });

  it('asks for the team channel when evaluations wait for approval', () => {
    expect(problemsOf({ EVALUATION_APPROVAL: 'true' })).toEqual([
      'ANNOUNCE_CHANNEL_ID: is required when EVALUATION_APPROVAL is true (the preview awaiting approval goes there)',
    ]);
    expect(
      loadConfig({ EVALUATION_APPROVAL: 'true', ANNOUNCE_CHANNEL_ID: 'C0TEAM' }).EVALUATION_APPROVAL,
    ).toBe(true);
  });

  it('asks for a key of 32 characters or more to sign the declaration links when PUBLIC_URL is set', () => {
    const url = 'https://partners-bot.example';
    expect(problemsOf({ PUBLIC_URL: url })).toEqual([
      'LINK_SECRET: is required when PUBLIC_URL is set (it signs the declaration links)',
    ]);
    const short = problemsOf({ PUBLIC_URL: url, LINK_SECRET: 'short-secret-value' });
    expect(short).toEqual(['LINK_SECRET: must be 32 characters at least']);
    expect(short.join('\n')).not.toContain('short-secret-value');
    expect(loadConfig({ PUBLIC_URL: url, LINK_SECRET: 'x'.repeat(32) }).LINK_SECRET).toHaveLength(32);
  });

  it('names every bad variable at once, missing ones included', () => {
    const problems = problemsOf({
      SLACK_SIGNING_SECRET: SECRET,
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      SLACK_API_URL: 'not a url',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'LOG_LEVEL',
      'PORT',
      'SLACK_API_URL',
      'SLACK_BOT_TOKEN',
    ]);
  });

  it('never echoes a secret, even a malformed one', () => {
    const env = {
      SLACK_BOT_TOKEN: 'xoxp-user-token-instead-SECRETBOT',
      SLACK_APP_TOKEN: 'xoxb-wrong-kind-SECRETAPP',
      SLACK_SIGNING_SECRET: 'SECRETSIGNING',
      DATABASE_URL: 'mysql://user:SECRETPASSWORD@db.invalid/partners',
      SLACK_API_URL: 'SECRETURL',
    };
    const problems = problemsOf(env);
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'SLACK_API_URL',
      'SLACK_APP_TOKEN',
      'SLACK_BOT_TOKEN',
    ]);
    let message = '';
    try {
      loadConfig(env);
    } catch (error) {
      message = `${(error as Error).message} ${String(error)} ${JSON.stringify(error)}`;
    }
    expect(message).toContain('SLACK_BOT_TOKEN');
    expect(message).not.toMatch(/SECRET/);
  });
});
