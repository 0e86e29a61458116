import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Db, rowsOf } from '../../src/db/client.js';
import { createUserLocalesRepository } from '../../src/db/repositories/user-locales.repository.js';
import { DEMO_USERS } from '../../src/demo/demo-data.js';
import { handlePartnerCommand } from '../../src/slack/partner-command/index.js';
import type { View } from '../../src/slack/views/blocks.js';
import { escapeMrkdwn } from '../../src/slack/views/escape.js';
import { commandDeps } from '../support/command-deps.js';
import type { TestDatabase } from '../support/databases.js';
import { createDemoDatabase, type DemoDatabase, useDemoSlackApp } from '../support/demo.js';
import type { TestSlackApp } from '../support/slack-app.js';
import { PARTNER_SUBCOMMANDS } from './subcommands.fixtures.js';
import { catalog, expectWithinLimits, mrkdwnOf, TODAY } from './views.fixtures.js';

const NOW = new Date(`${TODAY}T10:00:00Z`);

/** Row count and a checksum of every row of every table: equal before and after means nothing changed. */
async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  );
  const out: Record<string, string> = {};
  // Derived or bookkeeping rows a read may write: the status snapshot (recomputed for the day), the
  // signatures and events seen (replay protection). None is the program's data.
  const DERIVED = new Set(['partner_statuses', 'seen_request_signatures', 'seen_events']);
  for (const { name } of tables) {
    if (DERIVED.has(name)) continue;
    const [row] = rowsOf<{ n: number; sum: string | null }>(
      await db.execute(
        sql.raw(
          `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from "${name}" t`,
        ),
      ),
    );
    out[name] = `${row?.n}:${row?.sum}`;
  }
  return out;
}

const SUBCOMMANDS = [...PARTNER_SUBCOMMANDS, 'aide'];
const HOSTILE = [
  '<!channel>',
  '<!here|here>',
  '<!everyone>',
  '<@U123>',
  '<@U0MANAGER1>',
  '<#C123|general>',
  '<https://evil.example|click me>',
  '&lt;!channel&gt;',
  '&amp;lt;',
  "'; drop table partners; --",
  "' or '1'='1",
  '" OR 1=1 --',
  'acme%',
  '_%_',
  '\\',
  '\\x00',
  '\u0000',
  '\u0007\u001b[31m',
  '\u202eelcaro',
  '\ud800',
  'Ω≈ç√∫˜µ≤≥÷',
  '👩‍👩‍👧‍👦🇫🇷',
  'Acme Télécom',
  'ACME',
  'a',
  '"Access Telecom"',
  '*bold* _it_ ~st~ `code`',
  '```',
  '\n\n\n',
  '   ',
];

const hostile = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ maxLength: 6000 }),
  fc.constantFrom(...HOSTILE).map((s) => s.repeat(300)),
);

const commandText = fc.oneof(
  hostile,
  fc
    .tuple(fc.constantFrom(...SUBCOMMANDS), fc.array(hostile, { maxLength: 3 }))
    .map(([sub, args]) => [sub, ...args].join(' ')),
  // Slack HTML-escapes &, < and > in the command text.
  fc.tuple(fc.constantFrom(...SUBCOMMANDS), hostile).map(([sub, arg]) => `${sub} ${escapeMrkdwn(arg)}`),
);

const userId = fc.oneof(
  fc.constantFrom(...Object.values(DEMO_USERS)),
  fc.string({ maxLength: 30 }),
  fc.constantFrom("U0'; drop table staff; --", '<!channel>', ''),
);
const channelId = fc.option(
  fc.oneof(fc.constantFrom('C0ACME', 'C0CLOUDCAL', 'C0GENERAL'), fc.string({ maxLength: 20 })),
  {
    nil: undefined,
  },
);

function expectSafeReply(reply: View) {
  expect(reply.text.trim().length).toBeGreaterThan(0);
  expectWithinLimits(reply);
  // Whatever was typed, nothing in the reply pings anyone or links anywhere.
  const mrkdwn = mrkdwnOf(reply);
  expect(mrkdwn).not.toMatch(/<!(channel|here|everyone)/);
  expect(mrkdwn).not.toMatch(/<@U123>|<#C123|<https?:/);
}

describe('hostile /partner texts through the core (PGlite)', () => {
  let t: TestDatabase & { drop(): Promise<void> };
  beforeAll(async () => {
    t = await createDemoDatabase(TODAY);
  });
  afterAll(() => t?.drop());

  it('answers each inside the limits, without failing and without changing the database', async () => {
    const before = await fingerprint(t.db);
    const errors: unknown[] = [];
    const deps = commandDeps(t.db, catalog, { now: () => NOW, errors });
    await fc.assert(
      fc.asyncProperty(
        commandText,
        userId,
        channelId,
        fc.constantFrom('fr', 'en'),
        async (text, user, channel, locale) => {
          const reply = await handlePartnerCommand(deps, { userId: user, channelId: channel, text, locale });
          expect(errors).toEqual([]);
          expectSafeReply(reply);
        },
      ),
      { numRuns: 2_000 },
    );
    expect(await fingerprint(t.db)).toEqual(before);
  }, 180_000);
});

describe('hostile /partner texts over HTTP', () => {
  let database: DemoDatabase;
  let t: TestSlackApp;
  useDemoSlackApp(TODAY, NOW, (app) => ({ database, t } = app));

  it('acks each with an ephemeral reply and changes nothing', async () => {
    const users = [...Object.values(DEMO_USERS), 'U0NOBODY'];
    // Each asker's Slack language is remembered on their first command (for scheduled DMs): ask once
    // harmlessly first, so what follows can only change the database through what is typed.
    for (const user of users) await t.command('help', { userId: user });
    await vi.waitFor(async () =>
      expect((await createUserLocalesRepository(database.db).of(users)).size).toBe(users.length),
    );
    const before = await fingerprint(database.db);
    await fc.assert(
      fc.asyncProperty(commandText, fc.constantFrom(...users), channelId, async (text, user, channel) => {
        const { response, ack } = await t.command(text, {
          userId: user,
          ...(channel ? { channelId: channel } : {}),
        });
        expect(response.status).toBe(200);
        expect(ack).toMatchObject({ response_type: 'ephemeral' });
        expectSafeReply(ack as unknown as View);
      }),
      { numRuns: 300 },
    );
    expect(await fingerprint(database.db)).toEqual(before);
    expect(t.logs.filter((l) => l.level === 'error')).toEqual([]);
  }, 180_000);
});
