import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checklistItems, outbox, partners, reminderLog } from '../../src/db/schema.js';
import { markChecklistDone } from '../../src/services/checklist.service.js';
import { type DroppableTestDatabase, useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { givenContact, givenPartner, givenStaff } from '../support/rows.js';
import { runRemindersOn } from './run-reminders.js';
import { catalog, jobDeps, testConfig, textOf } from './support.js';

/**
 * Zenith, a Business ambassador with its channel, passed the Experts Zen QCM on 15 December 2024 (it
 * lapses on 15 December 2026, due again 30 days before: Sunday 15 November) and attended the certification
 * training on 1 June 2025 (lapses on 1 June 2027).
 */
async function givenZenith(db: DroppableTestDatabase['db'], channel: string | null = 'CZEN') {
  await givenStaff(db, 'UMGR', 'manager');
  await givenPartner(db, {
    id: 'zenith',
    name: 'Zenith',
    tier: 'business',
    joinedOn: '2024-01-01',
    tierSince: '2024-07-01',
    slackChannelId: channel,
    managerSlackUserId: 'UMGR',
  });
  await db.insert(checklistItems).values([
    { partnerId: 'zenith', item: 'zen-qcm', completedOn: '2024-12-15' },
    { partnerId: 'zenith', item: 'zen-certification-training', completedOn: '2025-06-01' },
  ]);
}

describe.each(BACKENDS)('Experts Zen certification renewals, with the reminders, on %s', (backend) => {
  let t: DroppableTestDatabase;
  useTestDatabase(backend, (db) => (t = db));

  const runDay = (day: string, config = testConfig()) => runRemindersOn(jobDeps(t.db, { config }), day);
  const renewals = async () =>
    (await t.db.select().from(outbox).where(eq(outbox.kind, 'reminder.certification'))).map((r) => ({
      channel: r.channel,
      text: textOf(r),
    }));

  it('a QCM passed on 2024-12-15 is reminded in the partner’s channel on Monday 16 November 2026, once', async () => {
    await givenZenith(t.db);
    await runDay('2026-11-13');
    expect(await renewals()).toEqual([]);

    await runDay('2026-11-16');
    const sent = await renewals();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.channel).toBe('CZEN');
    expect(sent[0]!.text).toContain(
      '*Pass the certification quizzes*: done on 15 Dec 2024, valid until 15 Dec 2026 (29 days left)',
    );
    // The certification training, valid until June 2027, is not due again yet.
    expect(sent[0]!.text).not.toContain('Attend the certification trainings');
    expect(await t.db.select().from(reminderLog).where(eq(reminderLog.obligation, 'zen-qcm'))).toMatchObject([
      { partnerId: 'zenith', recipient: 'CZEN', kind: 'upcoming', dueOn: '2026-12-15', route: 'channel' },
    ]);

    // Once per lapse: not on the next days.
    await runDay('2026-11-17');
    await runDay('2026-12-14');
    expect(await renewals()).toHaveLength(1);
  });

  it('the renewal is recorded once due again, and the next lapse is reminded in its turn', async () => {
    await givenZenith(t.db);
    await givenStaff(t.db, 'UADM', 'admin');
    // Before it falls due again, recording the QCM again changes nothing.
    const early = await markChecklistDone(
      t.db,
      catalog,
      { by: 'UADM', partnerId: 'zenith', item: 'zen-qcm', completedOn: '2026-11-01' },
      '2026-11-01',
    );
    expect(early).toMatchObject({ ok: true, value: { alreadyDoneOn: '2024-12-15' } });
    const renewed = await markChecklistDone(
      t.db,
      catalog,
      { by: 'UADM', partnerId: 'zenith', item: 'zen-qcm', completedOn: '2026-11-20' },
      '2026-11-20',
    );
    expect(renewed.ok && renewed.value.alreadyDoneOn).toBeUndefined();
    // Renewed on 20 November 2026: due again on 21 October 2028 (a Saturday), reminded Monday 23.
    await runDay('2026-11-23');
    expect(await renewals()).toEqual([]);
    await runDay('2028-10-23');
    expect((await renewals()).map((r) => r.text).join()).toContain('valid until 20 Nov 2028');
  });

  it('without a channel its contacts are reminded by DM, in their language', async () => {
    await givenZenith(t.db, null);
    await givenContact(t.db, { partnerId: 'zenith', slackUserId: 'UZEN', name: 'Zoé', locale: 'fr' });
    await runDay('2026-11-16');
    const [dm] = await renewals();
    expect(dm!.channel).toBe('UZEN');
    expect(dm!.text).toContain(
      '*Réussir les QCM de certification*\u202f: faite le 15 déc. 2024, valable jusqu’au 15 déc. 2026 (encore 29 jours)',
    );
  });

  it('a contact not on Slack gets it by e-mail, in its language, when SMTP is configured; else it is logged unreached', async () => {
    await givenZenith(t.db, null);
    await givenContact(t.db, {
      partnerId: 'zenith',
      name: 'Zoé Mail',
      email: 'Zoe@Zenith.example',
      locale: 'fr',
    });
    await runDay('2026-11-16');
    expect(await renewals()).toEqual([]);
    expect(await t.db.select().from(reminderLog).where(eq(reminderLog.obligation, 'zen-qcm'))).toMatchObject([
      { route: 'unreached', dueOn: '2026-12-15' },
    ]);

    await t.db.delete(reminderLog);
    await runDay(
      '2026-11-17',
      testConfig({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Dstny <partners@dstny.example>' }),
    );
    const [mail, ...more] = await t.db.select().from(outbox).where(eq(outbox.kind, 'reminder.certification'));
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ channel: 'mail:zoe@zenith.example', transport: 'email' });
    expect(mail!.mail).toMatchObject({
      to: 'Zoe@Zenith.example',
      subject: 'Zenith\u202f: une certification Experts Zen à renouveler',
    });
    expect(mail!.text).toContain('Bonjour Zoé Mail,');
    expect(mail!.text).toContain(
      '- Réussir les QCM de certification, faite le 15 déc. 2024, valable jusqu’au 15 déc. 2026 (encore 28 jours)',
    );
    expect(mail!.text).not.toContain('`');
    expect((mail!.mail as { html: string }).html).toContain('<html lang="fr">');
    expect(await t.db.select().from(reminderLog).where(eq(reminderLog.obligation, 'zen-qcm'))).toMatchObject([
      { route: 'email', recipient: 'mail:zoe@zenith.example', dueOn: '2026-12-15' },
    ]);
  });

  it('a partner below Business, or one that left the program, is not reminded', async () => {
    await givenZenith(t.db);
    await t.db.update(partners).set({ tier: 'access' });
    await runDay('2026-11-16');
    await t.db.update(partners).set({ tier: 'business', leftOn: '2026-11-01', leftReason: 'ended' });
    await runDay('2026-11-17');
    expect(await renewals()).toEqual([]);
  });
});
