import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createUserLocalesRepository } from '../../src/db/repositories/user-locales.repository.js';
import { DEMO_USERS } from '../../src/demo/demo-data.js';
import { commandMessages } from '../../src/i18n/commands.js';
import { ACTION_IDS } from '../../src/slack/ids.js';
import type { View } from '../../src/slack/views/blocks.js';
import { type DemoDatabase, useDemoSlackApp } from '../support/demo.js';
import type { TestSlackApp } from '../support/slack-app.js';
import { blockActions } from '../support/slack-requests.js';
import { buttons, expectWithinLimits, TODAY, textsOf } from './views.fixtures.js';

const NOW = new Date(`${TODAY}T10:00:00Z`);
const headerOf = (view: View) => textsOf(view).find((t) => t.where === 'header')?.text;

/** The same command through the real Bolt app over HTTP, with signed requests and a fake Slack Web API. */
describe('/partner over HTTP', () => {
  let database: DemoDatabase;
  let t: TestSlackApp;
  useDemoSlackApp(TODAY, NOW, (app) => ({ database, t } = app));
  beforeEach(async () => {
    await t.settle(); // the previous test's listeners, before forgetting what the fake Slack saw
    t.fakeSlack.reset();
  });

  it("answers a manager's status in the ack, ephemeral, in the manager's Slack locale", async () => {
    t.fakeSlack.setUserLocale(DEMO_USERS.manager, 'fr-FR');
    const { response, ack } = await t.command('status acme', { userId: DEMO_USERS.manager });
    expect(response.status).toBe(200);
    const reply = ack as unknown as View & { response_type: string };
    expect(reply.response_type).toBe('ephemeral');
    expectWithinLimits(reply);
    expect(headerOf(reply)).toBe('Acme Télécom');
    expect(
      textsOf(reply)
        .map((x) => x.text)
        .join('\n'),
    ).toContain('Prochaine réévaluation');
    expect(buttons(reply).map((b) => b.actionId)).toEqual([
      ACTION_IDS.share,
      ACTION_IDS.recordRevenue,
      ACTION_IDS.markDone,
      ACTION_IDS.overrideTier,
    ]);
    expect(t.fakeSlack.callsTo('users.info').map((c) => c.body)).toEqual([
      expect.objectContaining({ user: DEMO_USERS.manager, include_locale: 'true' }),
    ]);
    // Remembered for the scheduled direct messages.
    await vi.waitFor(async () =>
      expect(await createUserLocalesRepository(database.db).of([DEMO_USERS.manager])).toEqual(
        new Map([[DEMO_USERS.manager, 'fr']]),
      ),
    );
  });

  it('refuses a stranger politely, in the ack', async () => {
    const { ack } = await t.command('tier acme', { userId: DEMO_USERS.stranger });
    expect(ack).toMatchObject({ response_type: 'ephemeral', text: commandMessages.en.refusal.stranger });
  });

  it('offers choices, and a click re-runs the command on that partner, replacing the question', async () => {
    t.fakeSlack.setUserLocale(DEMO_USERS.manager, 'fr-FR');
    const { ack } = await t.command('tier a', { userId: DEMO_USERS.manager });
    const choices = buttons(ack as unknown as View);
    expect(choices.map((b) => b.text)).toEqual(['Acme Télécom', 'Alpes VoIP']);
    const alpes = choices[1]!;
    const responseUrl = t.fakeSlack.responseUrl('choice');
    const click = await t.send(
      blockActions({ actionId: alpes.actionId, value: alpes.value, userId: DEMO_USERS.manager, responseUrl }),
    );
    expect(click.status).toBe(200);
    const [posted] = await t.fakeSlack.waitForResponses(1, { id: 'choice' });
    expect(posted!.body).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(headerOf(posted!.body as unknown as View)).toBe('Alpes VoIP\u202f: Access Partner');
  });

  it("opens a list row's status below the list", async () => {
    const { ack } = await t.command('list', { userId: DEMO_USERS.manager });
    const row = buttons(ack as unknown as View).find((b) => b.actionId.startsWith(ACTION_IDS.openPartner))!;
    const responseUrl = t.fakeSlack.responseUrl('row');
    await t.send(
      blockActions({ actionId: row.actionId, value: row.value, userId: DEMO_USERS.manager, responseUrl }),
    );
    const [posted] = await t.fakeSlack.waitForResponses(1, { id: 'row' });
    expect(posted!.body).toMatchObject({ replace_original: false });
    expect(headerOf(posted!.body as unknown as View)).toBe('Acme Télécom');
  });

  it('re-checks who clicks: a contact replaying a choice for another partner is refused, as if it did not exist', async () => {
    const responseUrl = t.fakeSlack.responseUrl('forged');
    await t.send(
      blockActions({
        actionId: `${ACTION_IDS.choosePartner}:0`,
        value: JSON.stringify({ p: 'alpes-voip', s: 'status' }),
        userId: DEMO_USERS.contact,
        responseUrl,
      }),
    );
    const [posted] = await t.fakeSlack.waitForResponses(1, { id: 'forged' });
    expect(posted!.body).toMatchObject({ text: commandMessages.en.refusal.otherPartner });
  });

  it('acknowledges, and ignores, a button whose value is not what it carries', async () => {
    const responseUrl = t.fakeSlack.responseUrl('junk');
    const click = await t.send(
      blockActions({
        actionId: `${ACTION_IDS.choosePartner}:0`,
        value: 'junk',
        userId: DEMO_USERS.manager,
        responseUrl,
      }),
    );
    expect(click.status).toBe(200);
    await t.settle(); // the listener is done: whatever it would post is posted
    expect(t.fakeSlack.responsesTo('junk')).toEqual([]);
  });
});
