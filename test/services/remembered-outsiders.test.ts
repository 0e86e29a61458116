import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rememberedOutsiders } from '../../src/services/channel-state.service.js';
import { type FakeSlack, fakeSlackClient, startFakeSlack } from '../support/fake-slack.js';

describe('who among a channel’s members is a guest, as users.info says, remembered ten minutes', () => {
  let slack: FakeSlack;
  let client: ReturnType<typeof fakeSlackClient>;
  beforeAll(async () => {
    slack = await startFakeSlack();
    client = fakeSlackClient(slack);
  });
  beforeEach(() => slack.reset());
  afterAll(() => slack.close());
  const asked = () => slack.callsTo('users.info').map((c) => c.body.user);

  it('finds a single-channel guest, a multi-channel guest and a person of another organisation', async () => {
    slack.setGuest('U0SINGLE', 'single-channel');
    slack.setGuest('U0MULTI', 'multi-channel');
    slack.setExternalUser('U0OTHER', 'T0OTHER');
    for (const guest of ['U0SINGLE', 'U0MULTI', 'U0OTHER'])
      expect(await rememberedOutsiders()(client, ['U0FULL', guest])).toBe(true);
    expect(await rememberedOutsiders()(client, ['U0FULL', 'U0FULL2'])).toBe(false);
    expect(await rememberedOutsiders()(client, [])).toBe(false);
  });

  it('asks again once an answer is ten minutes old: a member made a guest is then seen', async () => {
    let now = 0;
    const outsiders = rememberedOutsiders(() => now);
    expect(await outsiders(client, ['U0FULL'])).toBe(false);
    slack.setGuest('U0FULL', 'multi-channel');
    now = 9 * 60_000;
    expect(await outsiders(client, ['U0FULL'])).toBe(false);
    expect(asked()).toEqual(['U0FULL']);
    now = 10 * 60_000;
    expect(await outsiders(client, ['U0FULL'])).toBe(true);
    expect(asked()).toEqual(['U0FULL', 'U0FULL']);
  });

  it('cannot say when Slack fails, or when more than 1 000 unknown members would have to be asked', async () => {
    slack.fail('users.info', { error: 'internal_error' });
    expect(await rememberedOutsiders()(client, ['U0FULL'])).toBeUndefined();
    const many = Array.from({ length: 1_001 }, (_, i) => `U0MANY${i}`);
    expect(await rememberedOutsiders()(client, many)).toBeUndefined();
    expect(asked()).toEqual(['U0FULL']);
  });

  it('answers at once when a guest is already known, asking about no one else', async () => {
    const outsiders = rememberedOutsiders();
    slack.setGuest('U0GUEST', 'single-channel');
    expect(await outsiders(client, ['U0GUEST'])).toBe(true);
    expect(await outsiders(client, ['U0NEW', 'U0GUEST'])).toBe(true);
    expect(asked()).toEqual(['U0GUEST']);
  });
});
