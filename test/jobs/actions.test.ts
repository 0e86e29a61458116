import { describe, expect, it } from 'vitest';
import { outbox, snoozes, tierHistory, trainingCompletions } from '../../src/db/schema.js';
import type { DroppableTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { givenContact, givenPartner, givenStaff } from '../support/rows.js';
import { type TestSlackApp, useTestSlackApp } from '../support/slack-app.js';
import { viewSubmission } from '../support/slack-requests.js';
import { BOLT, evaluateFirstHalfOf2026, givenFirstHalfOf2026 } from './support.js';

const backend = BACKENDS[0]!;

describe(`buttons of the scheduled messages, through the real receiver (${backend})`, () => {
  let t: DroppableTestDatabase;
  let app: TestSlackApp;
  useTestSlackApp(
    backend,
    {
      env: { LOCALE: 'en', ANNOUNCE_CHANNEL_ID: 'CTEAM', EVALUATION_APPROVAL: 'true' },
      now: () => new Date('2026-02-16T08:00:00Z'),
    },
    (env) => ({ t, app } = env),
  );

  const click = async (
    actionId: string,
    value: object,
    userId: string,
    extra: { channelId?: string } = {},
  ) => {
    const { response, responseId } = await app.click({
      actionId,
      value: JSON.stringify(value),
      userId,
      ...extra,
    });
    expect(response.status).toBe(200);
    return responseId;
  };
  const replyTo = (responseId: string) => app.responseTo(responseId);

  it('Done from a contact records a pending completion; Snooze puts the item off; strangers are refused', async () => {
    await givenPartner(t.db, { id: 'acme', type: 'ambassador', tier: 'access', managerSlackUserId: 'UMGR' });
    const ada = await givenContact(t.db, { partnerId: 'acme', slackUserId: 'UADA', profile: 'admin' });
    const item = { p: 'acme', o: 'trn-online-admin', c: ada.id };

    const done = await replyTo(await click('reminder_done:0', item, 'UADA'));
    expect(done).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(done.text).toContain('awaits your partner manager');
    expect(await t.db.select().from(trainingCompletions)).toEqual([
      expect.objectContaining({
        training: 'trn-online-admin',
        status: 'pending',
        declaredBy: 'UADA',
        completedOn: '2026-02-16',
      }),
    ]);

    const snoozed = await replyTo(await click('reminder_snooze:7', { ...item, d: 7 }, 'UADA'));
    expect(snoozed.text).toBe(
      'Snoozed: no reminder for *Mandatory online training — Admin: MyDstny* before 23 Feb 2026.',
    );
    expect(await t.db.select().from(snoozes)).toEqual([
      expect.objectContaining({ until: '2026-02-23', snoozedBy: 'UADA' }),
    ]);

    const refused = await replyTo(await click('reminder_done:0', item, 'USTRANGER'));
    expect(refused.text).toContain('Only the contact concerned');
  });

  it('Approve releases the held announcements and replaces the preview; Override opens a modal whose submission records the override', async () => {
    await givenStaff(t.db, 'UADMIN', 'admin');
    await givenFirstHalfOf2026(t.db, { ...BOLT, managerSlackUserId: 'UMGR' }, 800);
    await evaluateFirstHalfOf2026(t.db, { EVALUATION_APPROVAL: 'true' });
    const value = { s: '2026-H1' };

    expect((await replyTo(await click('evaluation_approve', value, 'UMGR'))).text).toContain(
      'Only a Dstny partner program admin',
    );

    // The modal names every changed partner's tiers: a manager, a stranger or an external user gets a refusal.
    for (const outsider of ['UMGR', 'USTRANGER'])
      expect((await replyTo(await click('evaluation_override', value, outsider))).text).toContain(
        'Only a Dstny partner program admin',
      );
    expect(app.fakeSlack.calls.filter((c) => c.method === 'views.open')).toEqual([]);

    await click('evaluation_override', value, 'UADMIN', { channelId: 'CTEAM' });
    const [open] = await app.fakeSlack.waitForCalls('views.open');
    const view = open!.body.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(view.callback_id).toBe('evaluation_override_submit');
    expect(JSON.stringify(view.blocks)).toContain('Bolt: Business Partner → Access Partner');

    const submitted = await app.send(
      viewSubmission({
        callbackId: 'evaluation_override_submit',
        privateMetadata: view.private_metadata,
        userId: 'UADMIN',
        values: {
          partner: { partner: { type: 'static_select', selected_option: { value: 'bolt' } } },
          tier: { tier: { type: 'static_select', selected_option: { value: 'business' } } },
          reason: { reason: { type: 'plain_text_input', value: 'Signed a big contract' } },
        },
      }),
    );
    expect(submitted.status).toBe(200);
    const [ephemeral] = await app.fakeSlack.waitForCalls('chat.postEphemeral');
    expect(ephemeral!.body).toMatchObject({ channel: 'CTEAM', user: 'UADMIN' });
    expect(String(ephemeral!.body.text)).toContain('Override recorded: Bolt is now *Business Partner*');
    expect((await t.db.select().from(tierHistory).orderBy(tierHistory.id)).map((h) => h.kind)).toEqual([
      'evaluation',
      'override',
    ]);

    const approved = await replyTo(await click('evaluation_approve', value, 'UADMIN'));
    expect(approved).toMatchObject({ replace_original: true });
    expect(approved.text).toBe(
      ':white_check_mark: Approved by <@UADMIN>: 0 messages released to partners and managers.',
    );
    expect(
      (await t.db.select().from(outbox)).filter((r) => r.hold !== null && r.status === 'pending'),
    ).toEqual([]);
  });
});
