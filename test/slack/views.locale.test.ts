import { describe, expect, it, vi } from 'vitest';
import {
  createLocaleCache,
  createLocaleResolver,
  localeFromSlack,
  type UsersInfoClient,
} from '../../src/i18n/locale.js';

function fakeClient(answer: (user: string) => Promise<{ user?: { locale?: string } }>) {
  const calls: { user: string; include_locale?: boolean }[] = [];
  const client: UsersInfoClient = {
    users: {
      info: (args) => {
        calls.push(args);
        return answer(args.user);
      },
    },
  };
  return { client, calls };
}

describe("the asker's locale", () => {
  it("maps Slack's locales: fr-* to French, en-* to English, anything else to the configured default", () => {
    expect(localeFromSlack('fr-FR', 'en')).toBe('fr');
    expect(localeFromSlack('fr-CA', 'en')).toBe('fr');
    expect(localeFromSlack('en-US', 'fr')).toBe('en');
    expect(localeFromSlack('en-GB', 'fr')).toBe('en');
    expect(localeFromSlack('de-DE', 'fr')).toBe('fr');
    expect(localeFromSlack(undefined, 'en')).toBe('en');
  });

  it('asks users.info with include_locale once per user, then answers from the cache until the TTL passes', async () => {
    let clock = 0;
    const cache = createLocaleCache({ ttlMs: 1000, now: () => clock });
    const { client, calls } = fakeClient(async () => ({ user: { locale: 'fr-FR' } }));
    const resolve = createLocaleResolver({ cache, fallback: 'en' });
    expect(await resolve(client, 'U1')).toBe('fr');
    expect(await resolve(client, 'U1')).toBe('fr');
    expect(calls).toEqual([{ user: 'U1', include_locale: true }]);
    clock = 1001;
    expect(await resolve(client, 'U1')).toBe('fr');
    expect(calls).toHaveLength(2);
  });

  it('falls back to the default within the timeout when Slack is slow, and learns the answer for next time', async () => {
    let release: (v: { user: { locale: string } }) => void = () => {};
    const { client, calls } = fakeClient(
      () =>
        new Promise((resolve) => {
          release = resolve;
        }),
    );
    const resolve = createLocaleResolver({ cache: createLocaleCache(), fallback: 'en', timeoutMs: 50 });
    // Slack has not answered (release is not called yet): only the timeout can give the default.
    expect(await resolve(client, 'U2')).toBe('en');
    release({ user: { locale: 'fr-FR' } });
    await vi.waitFor(async () => expect(await resolve(client, 'U2')).toBe('fr'));
    expect(calls).toHaveLength(1);
  });

  it('tells who speaks French or English, and nothing about other languages or failures', async () => {
    const { client } = fakeClient(async (user) => {
      if (user === 'UFAIL') throw new Error('ratelimited');
      return { user: { locale: { UFR: 'fr-FR', UEN: 'en-GB', UDE: 'de-DE' }[user] ?? '' } };
    });
    const learned: [string, string][] = [];
    const resolve = createLocaleResolver({
      cache: createLocaleCache(),
      fallback: 'en',
      onLearned: (user, locale) => learned.push([user, locale]),
    });
    for (const user of ['UFR', 'UEN', 'UDE', 'UFAIL', 'UFR']) await resolve(client, user);
    expect(learned).toEqual([
      ['UFR', 'fr'],
      ['UEN', 'en'],
    ]);
  });

  it('falls back to the default when users.info fails, without asking again for every request', async () => {
    const { client, calls } = fakeClient(async () => {
      throw new Error('missing_scope');
    });
    const resolve = createLocaleResolver({ cache: createLocaleCache(), fallback: 'fr' });
    expect(await resolve(client, 'U3')).toBe('fr');
    expect(await resolve(client, 'U3')).toBe('fr');
    expect(calls).toHaveLength(1);
  });

  it('keeps the cache bounded', () => {
    const cache = createLocaleCache({ maxEntries: 2 });
    cache.set('A', 'fr');
    cache.set('B', 'en');
    cache.set('C', 'fr');
    expect(cache.size).toBe(2);
    expect(cache.get('A')).toBeUndefined();
    expect(cache.get('C')).toBe('fr');
  });
});
