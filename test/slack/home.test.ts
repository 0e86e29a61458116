import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { contacts, partners, revenueLines, trainingCompletions } from '../../src/db/schema.js';
import { ACTION_IDS } from '../../src/slack/ids.js';
import { LIMITS } from '../../src/slack/views/blocks.js';
import { HOME_MAX_BLOCKS } from '../../src/slack/views/home.view.js';
import { BACKENDS } from '../support/databases.js';
import { givenStaff } from '../support/rows.js';
import { appHomeOpened, blockActions } from '../support/slack-requests.js';
import {
  allText,
  buttonIds,
  seedWrites,
  spaces,
  startWritesApp,
  USERS,
  useWritesApp,
  type WritesHarness,
} from './writes.fixtures.js';

type HomeBody = { type: string; blocks: Record<string, unknown>[] };

async function openHome(h: WritesHarness, userId: string, count = 1) {
  const response = await h.app.send(appHomeOpened({ userId }));
  expect(response.status).toBe(200);
  const calls = await h.app.fakeSlack.waitForCalls('views.publish', count);
  const call = calls[count - 1]!;
  expect(call.body.user_id).toBe(userId);
  const view = call.body.view as HomeBody;
  expect(view.type).toBe('home');
  return {
    view,
    text: spaces(allText({ blocks: view.blocks })),
    buttons: buttonIds({ blocks: view.blocks }),
  };
}

type AnyText = { type: string; text: string };

/** The buttons beside a section's text (an item's "I've done it"). */
const accessories = (view: HomeBody) =>
  (view.blocks as { accessory?: { type: string; action_id: string; value: string } }[])
    .map((b) => b.accessory)
    .filter((a): a is { type: string; action_id: string; value: string } => a?.type === 'button');

/** Slack's limits for a Home tab: 100 blocks, and each block's own. */
function expectHomeWithinLimits(view: HomeBody) {
  expect(view.blocks.length).toBeLessThanOrEqual(HOME_MAX_BLOCKS);
  for (const block of view.blocks as {
    type: string;
    text?: AnyText;
    fields?: AnyText[];
    elements?: { text?: AnyText | string }[];
  }[]) {
    if (block.type === 'header') expect(block.text!.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    if (block.type === 'section') {
      if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      expect((block.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fieldsPerSection);
    }
    if (block.type === 'actions')
      expect(block.elements!.length).toBeLessThanOrEqual(LIMITS.elementsPerActions);
    if (block.type === 'context')
      expect(block.elements!.length).toBeLessThanOrEqual(LIMITS.elementsPerContext);
  }
}

describe.each(BACKENDS)('App Home over HTTP on %s', (backend) => {
  const h = useWritesApp(backend);

  it("shows staff their portfolio: tiers, declarations to confirm, overdue, at risk, and the forms' buttons", async () => {
    await h.app.command('training trn-online-sales', { userId: USERS.acmeSales });
    const { view, text, buttons } = await openHome(h, USERS.manager);
    expectHomeWithinLimits(view);
    expect(text).toContain('*Your partners*: 3 partners');
    expect(text).toContain('*Business Partner*\n1');
    expect(text).toContain('Trainings awaiting your confirmation* (1)');
    expect(text).toContain('*Acme Telecom* · <@U0ACMESAL>');
    expect(text).toContain('*Overdue obligations*');
    expect(text).toContain('*Acme Telecom* `acme`');
    expect(buttons).toEqual([
      ACTION_IDS.recordRevenue,
      ACTION_IDS.markDone,
      ACTION_IDS.overrideTier,
      ACTION_IDS.confirmDeclaration,
      ACTION_IDS.rejectDeclaration,
    ]);
  });

  it('shows an admin all partners, and answers in French to a French user', async () => {
    expect((await openHome(h, USERS.admin)).text).toContain('*All partners*: 3 partners');
    h.app.fakeSlack.reset();
    h.app.fakeSlack.setUserLocale(USERS.francois, 'fr-FR');
    expect((await openHome(h, USERS.francois)).text).toContain('*Vos partenaires* : aucun partenaire');
  });

  it('confirms a declaration from Home: done, and the tab shows it on top of a fresh portfolio', async () => {
    await h.app.command('training trn-online-sales', { userId: USERS.acmeSales });
    const [pending] = await h.t.db.select().from(trainingCompletions);
    await h.app.send(
      blockActions({
        actionId: ACTION_IDS.confirmDeclaration,
        value: JSON.stringify({ c: pending!.id }),
        userId: USERS.manager,
        view: { type: 'home' },
      }),
    );
    const [publish] = await h.app.fakeSlack.waitForCalls('views.publish');
    const text = allText({ blocks: (publish!.body.view as HomeBody).blocks });
    expect(text).toContain('Confirmed: Mandatory online training — Sales');
    expect(text).toContain('No training awaits confirmation.');
    expect((await h.t.db.select().from(trainingCompletions))[0]!.status).toBe('confirmed');
  });

  it("shows a contact its own trainings to do, then its partner's card, without Share or staff buttons", async () => {
    const { view, text, buttons } = await openHome(h, USERS.acmeAdmin);
    expectHomeWithinLimits(view);
    expect(text).toContain('Your partner program');
    expect(text).toContain('*Your trainings to do*');
    expect(text.indexOf('*Your trainings to do*')).toBeLessThan(text.indexOf('Business Partner'));
    expect(text).toContain('Acme Telecom');
    expect(text).not.toContain('Beta Networks');
    // Its own trainings only (its colleague's are on the card), each with the button that declares it.
    const own = text.slice(text.indexOf('*Your trainings to do*'), text.indexOf('Acme Telecom'));
    expect(own).toContain(`<@${USERS.acmeAdmin}>`);
    expect(own).not.toContain(`<@${USERS.acmeSales}>`);
    expect(buttons).toEqual([]);
    const declare = accessories(view);
    expect(declare.length).toBeGreaterThan(0);
    expect(new Set(declare.map((b) => b.action_id))).toEqual(new Set([ACTION_IDS.obligationDone]));
  });

  it('declares a training from the Home tab: recorded pending, and the tab shows it on top, without its button', async () => {
    const { view } = await openHome(h, USERS.acmeAdmin);
    const [first] = accessories(view);
    h.app.fakeSlack.reset();
    await h.app.send(
      blockActions({
        actionId: first!.action_id,
        value: first!.value,
        userId: USERS.acmeAdmin,
        view: { type: 'home' },
      }),
    );
    const [publish] = await h.app.fakeSlack.waitForCalls('views.publish');
    const after = publish!.body.view as HomeBody;
    expect(allText({ blocks: after.blocks.slice(0, 1) })).toMatch(/declar|confirm/i);
    const [recorded] = await h.t.db.select().from(trainingCompletions);
    expect(recorded).toMatchObject({ status: 'pending' });
    expect(accessories(after)).toHaveLength(accessories(view).length - 1);
  });

  it('tells anyone else what the bot is and whom to ask', async () => {
    const { text, buttons } = await openHome(h, USERS.stranger);
    expect(text).toContain('ask your partner manager');
    expect(text).not.toContain('Acme');
    expect(buttons).toEqual([]);
  });

  it('leaves the Messages tab alone', async () => {
    await h.app.send(appHomeOpened({ userId: USERS.manager, tab: 'messages' }));
    await h.app.settle(); // the listener is done: whatever it would publish is published
    expect(h.app.fakeSlack.callsTo('views.publish')).toEqual([]);
  });
});

/** 500 Business ambassadors of one manager, billing 200 € a month (at risk), all late on documents, 30 declarations. */
async function seedPortfolio(db: Db): Promise<void> {
  await seedWrites(db);
  await givenStaff(db, 'U0BIGMANAGER', 'manager', 'Big Portfolio');
  const ids = Array.from({ length: 500 }, (_, i) => `p${String(i).padStart(3, '0')}`);
  await db.insert(partners).values(
    ids.map((id, i) => ({
      id,
      name: `Partenaire ${i} ${'&<>*_'.repeat(4)} ${'Très Long Nom '.repeat(6)}`,
      searchName: id,
      type: 'ambassador' as const,
      managerSlackUserId: 'U0BIGMANAGER',
      joinedOn: '2023-01-10',
      tier: i % 2 ? 'business' : 'access',
      tierSince: '2023-01-10',
    })),
  );
  await db.insert(revenueLines).values(
    ids.flatMap((id) =>
      ['2026-01-01', '2026-02-01'].map((month) => ({
        partnerId: id,
        month,
        category: 'recurring' as const,
        amountCents: 20_000,
      })),
    ),
  );
  const inserted = await db
    .insert(contacts)
    .values(
      ids.slice(0, 30).map((id, i) => ({
        partnerId: id,
        slackUserId: `U0BIG${String(i).padStart(4, '0')}`,
        name: `Contact ${i}`,
        profiles: ['admin' as const],
      })),
    )
    .returning();
  await db.insert(trainingCompletions).values(
    inserted.map((c) => ({
      partnerId: c.partnerId,
      contactId: c.id,
      training: 'trn-online-admin',
      completedOn: '2026-03-01',
      status: 'pending' as const,
      declaredBy: c.slackUserId,
    })),
  );
}

describe.each(BACKENDS)('App Home of a 500-partner portfolio on %s', (backend) => {
  let h: WritesHarness;
  beforeAll(async () => {
    h = await startWritesApp(backend, seedPortfolio);
  });
  afterAll(() => h?.stop());

  it('stays within Block Kit limits, counting what it cannot list', async () => {
    const { view, text } = await openHome(h, 'U0BIGMANAGER');
    expectHomeWithinLimits(view);
    expect(text).toContain('*Your partners*: 500 partners');
    expect(text).toContain('*Access Partner*\n250');
    expect(text).toContain('*Business Partner*\n250');
    expect(text).toContain('(30)');
    expect(text).toContain('… and 20 more: `/partner confirm`');
    expect(text).toContain('*Overdue obligations*: 500 partners');
    expect(text).toContain('… and 485 more: `/partner list overdue`');
    expect(text).toContain('*At risk of demotion*: 500 partners');
    expect(text).not.toMatch(/<(?!@U)/);
    expect(text).toContain('&amp;&lt;&gt;');
  });
});
