import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Db } from '../../src/db/client.js';
import {
  auditLog,
  benefitUses,
  checklistItems,
  operatorFees,
  outbox,
  partners,
  planReviews,
  revenueLines,
  salesObjectives,
  tierHistory,
  trainingCompletions,
  zenListings,
} from '../../src/db/schema.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import { ACTION_IDS } from '../../src/slack/ids.js';
import type { Backend, TestDatabase } from '../support/databases.js';
import { createTestDatabase } from '../support/databases.js';
import { givenContact, givenMonthlyRevenue, givenPartner, givenStaff } from '../support/rows.js';
import { startTestSlackApp, type TestSlackApp } from '../support/slack-app.js';
import { viewSubmission } from '../support/slack-requests.js';

export const catalog = loadCatalog();
/** 20 March 2026, 11:00 in Paris: semester 2026-H1, next evaluation on 1 July. */
export const NOW = new Date('2026-03-20T10:00:00Z');
export const TODAY = '2026-03-20';

export const USERS = {
  manager: 'U0MANAGER',
  admin: 'U0ADMIN',
  acmeAdmin: 'U0ACMEADM',
  acmeSales: 'U0ACMESAL',
  betaAdmin: 'U0BETAADM',
  stranger: 'U0STRANGER',
  /** A manager whose Slack locale is French (locales are cached per user: only French tests use them). */
  francois: 'U0FRANCOIS',
} as const;

export const CHANNELS = {
  acme: 'C0ACME',
  access: 'C0ACCESS',
  beta: 'C0BETA',
  internal: 'C0INTERNAL',
} as const;

/**
 * Acme Telecom (operator, Business, its channel, two contacts, 2 500 € a month recurring in January and
 * February), Access Telecom (ambassador whose name starts with a tier code), Beta Networks (another
 * partner with its own contact and channel).
 */
export async function seedWrites(db: Db): Promise<void> {
  await givenStaff(db, USERS.manager, 'manager', 'Marie Manager');
  await givenStaff(db, USERS.admin, 'admin', 'Alex Admin');
  await givenStaff(db, USERS.francois, 'manager', 'François Gestionnaire');
  await givenPartner(db, {
    id: 'acme',
    name: 'Acme Telecom',
    type: 'operator',
    operatorProgram: 'standard',
    slackChannelId: CHANNELS.acme,
    managerSlackUserId: USERS.manager,
    tier: 'business',
    joinedOn: '2024-01-15',
    tierSince: '2025-07-01',
  });
  await givenPartner(db, {
    id: 'access-tel',
    name: 'Access Telecom',
    type: 'ambassador',
    slackChannelId: CHANNELS.access,
    managerSlackUserId: USERS.manager,
    tier: 'access',
  });
  await givenPartner(db, {
    id: 'beta',
    name: 'Beta Networks',
    type: 'ambassador',
    slackChannelId: CHANNELS.beta,
    managerSlackUserId: USERS.manager,
  });
  await givenContact(db, {
    partnerId: 'acme',
    slackUserId: USERS.acmeAdmin,
    name: 'Jean Dupont',
    profile: 'admin',
    referent: true,
  });
  await givenContact(db, {
    partnerId: 'acme',
    slackUserId: USERS.acmeSales,
    name: 'Jane Sales',
    profile: 'sales',
  });
  await givenContact(db, {
    partnerId: 'beta',
    slackUserId: USERS.betaAdmin,
    name: 'Bob Beta',
    profile: 'admin',
  });
  await givenMonthlyRevenue(db, 'acme', '2026-01', '2026-02', 2500);
}

/** Acme's H2 2025 evaluation awaiting approval (Premium): what staff see and a channel must not. */
export async function givenPendingResult(db: Db): Promise<void> {
  await db.insert(tierHistory).values({
    partnerId: 'acme',
    kind: 'evaluation',
    semester: '2025-H2',
    effectiveOn: '2026-01-01',
    previousTier: 'business',
    tier: 'premium',
    computedTier: 'premium',
    outcome: 'pending',
    actor: 'test',
    catalogVersion: catalog.version,
  });
}

/** Everything the writes may change, to compare before and after a refused one. */
export async function snapshot(db: Db): Promise<string> {
  const [p, r, t, c, h, a, o, depth] = await Promise.all([
    db.select().from(partners).orderBy(asc(partners.id)),
    db
      .select()
      .from(revenueLines)
      .orderBy(asc(revenueLines.partnerId), asc(revenueLines.month), asc(revenueLines.category)),
    db.select().from(trainingCompletions).orderBy(asc(trainingCompletions.id)),
    db.select().from(checklistItems).orderBy(asc(checklistItems.partnerId), asc(checklistItems.item)),
    db.select().from(tierHistory).orderBy(asc(tierHistory.id)),
    db.select().from(auditLog).orderBy(asc(auditLog.id)),
    db.select().from(outbox).orderBy(asc(outbox.id)),
    // The program's depth (issue 14): objectives, reviews, benefits used, fees, Experts Zen listings.
    Promise.all(
      [salesObjectives, planReviews, benefitUses, operatorFees, zenListings].map((table) =>
        db.select().from(table),
      ),
    ).then((tables) => tables.map((rows) => rows.map((row) => JSON.stringify(row)).sort())),
  ]);
  return JSON.stringify({ p, r, t, c, h, a, o, depth });
}

export interface WritesHarness {
  t: TestDatabase & { drop(): Promise<void> };
  app: TestSlackApp;
  /** Empties every table, seeds again and forgets the fake Slack's calls: a fresh start for each test. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const TABLES = [
  'audit_log',
  'checklist_items',
  'training_completions',
  'revenue_lines',
  'tier_history',
  'reminder_log',
  'snoozes',
  'contacts',
  'partners',
  'staff',
  'outbox',
  'job_occurrences',
  'evaluation_approvals',
];

/** One database and one app per test file (starting them per test is slow); reset() between tests. */
export async function startWritesApp(backend: Backend, seed = seedWrites): Promise<WritesHarness> {
  const t = await createTestDatabase(backend);
  try {
    await seed(t.db);
    const app = await startTestSlackApp({ database: t, now: () => NOW });
    app.fakeSlack.setUserLocale(USERS.francois, 'fr-FR');
    return {
      t,
      app,
      async reset() {
        await app.settle(); // the previous test's listeners first: none may write after the truncate
        await t.db.execute(sql.raw(`truncate table ${TABLES.join(', ')} restart identity cascade`));
        await seed(t.db);
        app.fakeSlack.reset();
        app.fakeSlack.setUserLocale(USERS.francois, 'fr-FR');
      },
      async stop() {
        await app.stop();
        await t.drop();
      },
    };
  } catch (error) {
    await t.drop();
    throw error;
  }
}

/**
 * The hooks of a describe block on one writes app: started once, reset before each test, stopped after.
 * The harness is filled in by beforeAll: use it inside tests and hooks only.
 */
export function useWritesApp(backend: Backend, seed = seedWrites): WritesHarness {
  const h = {} as WritesHarness;
  beforeAll(async () => {
    Object.assign(h, await startWritesApp(backend, seed));
  });
  beforeEach(() => h.reset());
  afterAll(() => h.stop?.());
  return h;
}

/**
 * `run` sends a /partner command (as `options.user`, a manager by default) and returns its reply, checking that it holds nothing Slack would
 * read as a link or <!channel> (only <@U…> mentions); `refused` also checks that nothing changed anywhere.
 */
export function writeCommands(h: WritesHarness, options: { user?: string } = {}) {
  const asker = options.user ?? USERS.manager;
  const run = async (text: string, userId: string = asker, channelId: string = CHANNELS.internal) => {
    const { response, ack } = await h.app.command(text, { userId, channelId });
    expect(response.status).toBe(200);
    const reply = spaces(allText(ack!));
    expect(reply).not.toMatch(/<(?!@[UW][A-Z0-9]+(?:\|[^>]*)?>)/);
    return { ack: ack!, text: reply };
  };
  const refused = async (text: string, userId: string = asker, channelId: string = CHANNELS.internal) => {
    const before = await snapshot(h.t.db);
    const reply = await run(text, userId, channelId);
    expect(await snapshot(h.t.db)).toBe(before);
    return reply.text;
  };
  /** `run`, for its text alone. */
  const reply = async (text: string, userId: string = asker, channelId: string = CHANNELS.internal) =>
    (await run(text, userId, channelId)).text;
  return { run, refused, reply };
}

type Fields = Record<string, Record<string, unknown>>;

/**
 * The form a command typed alone opened (its views.open call), with `submit` sending it back filled in
 * (as `userId`, else `options.user`, else a manager), `errors` for the errors Slack would show next to its inputs, and
 * `confirmation` for the direct message a successful one sent.
 */
export async function openedForm(h: WritesHarness, options: { user?: string } = {}) {
  const asker = options.user ?? USERS.manager;
  const [call] = await h.app.fakeSlack.waitForCalls('views.open');
  const view = call!.body.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
  const submit = (fields: Fields, userId: string = asker) =>
    h.app.send(
      viewSubmission({
        callbackId: view.callback_id,
        values: values(fields),
        privateMetadata: view.private_metadata,
        userId,
      }),
    );
  const errors = async (fields: Fields, userId?: string) =>
    (await submit(fields, userId)).json<{ errors: Record<string, string> }>().errors;
  /** The confirmation a submission sent the user (a DM), as text. */
  const confirmation = async () =>
    spaces(allText((await h.app.fakeSlack.waitForCalls('chat.postMessage'))[0]!.body));
  return { view, submit, errors, confirmation };
}

/**
 * Clicks Share on a card (`subcommand` about `partnerId`), as a manager in Acme's channel unless told;
 * returns the HTTP response and the response_url's id.
 */
export function clickShare(
  h: WritesHarness,
  card: { subcommand: string; partnerId?: string; userId?: string; channelId?: string },
) {
  return h.app.click({
    actionId: ACTION_IDS.share,
    value: JSON.stringify({ p: card.partnerId ?? 'acme', s: card.subcommand }),
    userId: card.userId ?? USERS.manager,
    channelId: card.channelId ?? CHANNELS.acme,
  });
}

/** view.state.values entries, as Slack sends them. */
export const text = (value: string) => ({ type: 'plain_text_input', value });
export const select = (value: string) => ({
  type: 'static_select',
  selected_option: { value, text: { type: 'plain_text', text: value } },
});
export const user = (value: string) => ({ type: 'users_select', selected_user: value });
export const day = (value: string) => ({ type: 'datepicker', selected_date: value });
export const values = (fields: Record<string, Record<string, unknown>>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { [k]: v }]));

type AnyBlock = { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: unknown[] };

/** All the text of a message or view body (blocks and fallback), for assertions. */
export function allText(body: Record<string, unknown>): string {
  const out: string[] = [];
  if (typeof body.text === 'string') out.push(body.text);
  const blocks = (body.blocks ??
    (body.view as { blocks?: unknown[] } | undefined)?.blocks ??
    []) as AnyBlock[];
  for (const block of blocks) {
    if (block.text?.text) out.push(block.text.text);
    for (const f of block.fields ?? []) out.push(f.text);
    for (const e of (block.elements ?? []) as { text?: string | { text: string } }[]) {
      if (typeof e.text === 'string') out.push(e.text);
      else if (e.text?.text) out.push(e.text.text);
    }
  }
  return out.join('\n');
}

/** French amounts use Intl's non-breaking spaces; compare them as plain spaces. */
export const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

/** Action ids of the buttons in a message or view body. */
export function buttonIds(body: Record<string, unknown>): string[] {
  const blocks = (body.blocks ??
    (body.view as { blocks?: unknown[] } | undefined)?.blocks ??
    []) as AnyBlock[];
  return blocks.flatMap((b) =>
    b.type === 'actions' ? (b.elements as { action_id: string }[]).map((e) => e.action_id) : [],
  );
}
