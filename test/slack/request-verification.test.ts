import { describe, expect, it } from 'vitest';
import {
  checkSlackSignature,
  computeSlackSignature,
  createMemoryReplayStore,
  createRequestVerifier,
} from '../../src/slack/request-verification.js';

const secret = '8f742231b10e8888abcd99yyyzzz85a5';
// Slack's documented example: https://api.slack.com/authentication/verifying-requests-from-slack
const slackExample = {
  body: 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  timestamp: '1531420618',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};

describe('Slack request signatures', () => {
  const at = (timestamp: string, deltaSeconds = 0) => (Number(timestamp) + deltaSeconds) * 1000;

  it("matches Slack's documented example", () => {
    expect(computeSlackSignature(secret, slackExample.timestamp, slackExample.body)).toBe(
      slackExample.signature,
    );
    expect(
      checkSlackSignature({
        signingSecret: secret,
        rawBody: slackExample.body,
        ...slackExample,
        now: at(slackExample.timestamp),
      }),
    ).toEqual({ ok: true });
  });

  it('refuses a changed body, another secret, a truncated or missing signature', () => {
    const base = { signingSecret: secret, ...slackExample, now: at(slackExample.timestamp) };
    expect(checkSlackSignature({ ...base, rawBody: `${slackExample.body}&x=1` })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(
      checkSlackSignature({ ...base, rawBody: slackExample.body, signingSecret: 'other' }),
    ).toMatchObject({ ok: false });
    expect(
      checkSlackSignature({
        ...base,
        rawBody: slackExample.body,
        signature: slackExample.signature.slice(0, -1),
      }),
    ).toEqual({ ok: false, reason: 'bad_signature' });
    expect(checkSlackSignature({ ...base, rawBody: slackExample.body, signature: undefined })).toEqual({
      ok: false,
      reason: 'missing_headers',
    });
    expect(checkSlackSignature({ ...base, rawBody: slackExample.body, timestamp: '15314206x8' })).toEqual({
      ok: false,
      reason: 'malformed_timestamp',
    });
  });

  it('accepts timestamps up to 5 minutes away either way, and refuses beyond', () => {
    const check = (delta: number) =>
      checkSlackSignature({
        signingSecret: secret,
        rawBody: slackExample.body,
        ...slackExample,
        now: at(slackExample.timestamp, delta),
      });
    expect(check(300)).toEqual({ ok: true });
    expect(check(-300)).toEqual({ ok: true });
    expect(check(301)).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(check(-301)).toEqual({ ok: false, reason: 'future_timestamp' });
  });
});

describe('replay protection', () => {
  it('accepts a signature once within the window, and forgets it after', async () => {
    let now = at(0);
    function at(seconds: number) {
      return (Number(slackExample.timestamp) + seconds) * 1000;
    }
    const verify = createRequestVerifier({
      signingSecret: secret,
      replayStore: createMemoryReplayStore({ now: () => now }),
      now: () => now,
    });
    const request = {
      rawBody: slackExample.body,
      signature: slackExample.signature,
      timestamp: slackExample.timestamp,
    };
    expect(await verify(request)).toEqual({ ok: true });
    now = at(120);
    expect(await verify(request)).toEqual({ ok: false, reason: 'replayed' });
    now = at(400);
    expect(await verify(request)).toEqual({ ok: false, reason: 'stale_timestamp' });
  });

  it('never remembers a forged signature', async () => {
    const store = createMemoryReplayStore();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const verify = createRequestVerifier({ signingSecret: secret, replayStore: store });
    const forged = { rawBody: 'a=1', timestamp, signature: computeSlackSignature('wrong', timestamp, 'a=1') };
    expect(await verify(forged)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(store.size).toBe(0);
    const genuine = { ...forged, signature: computeSlackSignature(secret, timestamp, 'a=1') };
    expect(await verify(genuine)).toEqual({ ok: true });
  });

  it('stays within its bound, dropping the oldest first, and prunes expired entries', () => {
    let now = 0;
    const store = createMemoryReplayStore({ maxEntries: 3, now: () => now });
    for (const key of ['a', 'b', 'c', 'd']) expect(store.remember(key, 1_000)).toBe(true);
    expect(store.size).toBe(3);
    expect(store.remember('d', 1_000)).toBe(false);
    expect(store.remember('a', 1_000)).toBe(true);
    now = 1_000;
    expect(store.remember('e', 2_000)).toBe(true);
    expect(store.size).toBe(1);
  });
});
