import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { contacts, snoozes, trainingCompletions } from '../../src/db/schema.js';
import { ACTION_IDS } from '../../src/slack/ids.js';
import type { DroppableTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { givenContact, givenPartner, givenStaff } from '../support/rows.js';
import { type TestSlackApp, useTestSlackApp } from '../support/slack-app.js';

const backend = BACKENDS[0]!;

describe(`a reminder in a Slack Connect channel: only its contact (user and team) or staff may answer it (${backend})`, () => {
  let t: DroppableTestDatabase;
  let app: TestSlackApp;
  useTestSlackApp(
    backend,
    { env: { LOCALE: 'en' }, now: () => new Date('2026-02-16T08:00:00Z') },
    (env) => ({ t, app } = env),
  );
  beforeEach(async () => {
    await givenPartner(t.db, {
      id: 'acme',
      type: 'ambassador',
      tier: 'access',
      slackChannelId: 'CACME',
      managerSlackUserId: 'UMGR',
    });
    await givenStaff(t.db, 'UMGR', 'manager');
  });

  const click = async (actionId: string, value: object, userId: string, userTeamId: string) => {
    const { response, responseId } = await app.click({
      actionId,
      value: JSON.stringify(value),
      userId,
      userTeamId,
      channelId: 'CACME',
    });
    expect(response.status).toBe(200);
    return String((await app.responseTo(responseId)).text);
  };

  it('another contact of the partner, or the contact’s id from another team, is refused; the contact itself is not', async () => {
    const ext = await givenContact(t.db, {
      partnerId: 'acme',
      slackUserId: 'UEXT',
      slackTeamId: 'T0ACME',
      profile: 'admin',
    });
    await givenContact(t.db, {
      partnerId: 'acme',
      slackUserId: 'UOTHER',
      slackTeamId: 'T0ACME',
      profile: 'sales',
    });
    const item = { p: 'acme', o: 'trn-online-admin', c: ext.id };

    expect(await click('reminder_done:0', item, 'UOTHER', 'T0ACME')).toContain('Only the contact concerned');
    expect(await click('reminder_snooze:7', { ...item, d: 7 }, 'UOTHER', 'T0ACME')).toContain(
      'Only the contact concerned',
    );
    // The same user id, sent from another organisation's workspace: not the contact, on a reminder or
    // on the list of /partner obligations.
    expect(await click('reminder_done:0', item, 'UEXT', 'T0ELSEWHERE')).toContain(
      'Only the contact concerned',
    );
    expect(await click(ACTION_IDS.obligationDone, item, 'UEXT', 'T0ELSEWHERE')).toContain(
      'Only the contact concerned',
    );
    expect(await t.db.select().from(trainingCompletions)).toEqual([]);
    expect(await t.db.select().from(snoozes)).toEqual([]);

    expect(await click('reminder_done:0', item, 'UEXT', 'T0ACME')).toContain('awaits your partner manager');
    expect(await t.db.select().from(trainingCompletions)).toEqual([
      expect.objectContaining({ contactId: ext.id, status: 'pending', declaredBy: 'UEXT' }),
    ]);
  });

  it('staff may answer it; a contact whose team was unknown has it recorded at its first click', async () => {
    const ext = await givenContact(t.db, { partnerId: 'acme', slackUserId: 'UEXT', profile: 'admin' });
    const item = { p: 'acme', o: 'trn-online-admin', c: ext.id };
    expect(await click('reminder_snooze:1', { ...item, d: 1 }, 'UEXT', 'T0ACME')).toContain('Snoozed');
    const [seen] = await t.db.select().from(contacts).where(eq(contacts.id, ext.id));
    expect(seen?.slackTeamId).toBe('T0ACME');
    expect(await click('reminder_done:0', item, 'UEXT', 'T0ELSEWHERE')).toContain(
      'Only the contact concerned',
    );

    expect(await click('reminder_done:0', item, 'UMGR', 'T0TEST')).toContain('recorded as done (confirmed)');
  });
});
