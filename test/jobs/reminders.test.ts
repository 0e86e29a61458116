import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { remindCommand } from '../../src/cli/remind.command.js';
import { createUserLocalesRepository } from '../../src/db/repositories/user-locales.repository.js';
import { outbox, partners, reminderLog, trainingCompletions } from '../../src/db/schema.js';
import { instantForDay } from '../../src/jobs/cron.js';
import { runJobOccurrence } from '../../src/jobs/occurrences.js';
import { planReminders, remindersJob } from '../../src/jobs/reminders.job.js';
import { addDays, isWeekday } from '../../src/program/index.js';
import { markReminderDone, snoozeReminder } from '../../src/services/reminder-actions.service.js';
import { testDispatcher } from '../outbox/support.js';
import { type DroppableTestDatabase, useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { startFakeSlackDelivery } from '../support/fake-slack-delivery.js';
import { givenContact, givenPartner, givenStaff } from '../support/rows.js';
import { runRemindersOn } from './run-reminders.js';
import {
  ACME,
  actionIdsOf,
  catalog,
  cliContext,
  jobDeps,
  outboxRows,
  testConfig,
  textOf,
} from './support.js';

/**
 * Acme, managed by UMGR: its admin contact owes trn-online-admin (60 days:
 * due Monday 2 March), nobody holds the sales and technical profiles (those items go to the partner's
 * channel, due the same day), and the partner owes the starter webinar (90 days: Wednesday 1 April).
 */
async function givenAcme(db: Parameters<typeof givenPartner>[0]) {
  await givenPartner(db, { ...ACME, managerSlackUserId: 'UMGR' });
  await givenStaff(db, 'UMGR', 'manager');
  return givenContact(db, { partnerId: 'acme', slackUserId: 'UADMIN', name: 'Ada', profile: 'admin' });
}

const TZ = 'Europe/Paris';

describe.each(BACKENDS)('training reminders on %s', (backend) => {
  let t: DroppableTestDatabase;
  useTestDatabase(backend, (db) => (t = db));

  const deps = () => jobDeps(t.db);
  /** The weekday job of that day, as node-schedule would run it at 09:00 Paris time. */
  const runDay = (day: string) => runRemindersOn(deps(), day);
  const remindedOn = async (day: string) =>
    (await t.db.select().from(reminderLog).where(eq(reminderLog.remindedOn, day))).map(
      (r) => `${r.recipient} ${r.obligation} ${r.kind}`,
    );

  it('a partner that left the program is not reminded from that day, nor is its manager told', async () => {
    await givenAcme(t.db);
    // Due Monday 2 March: on Monday 16 March it is 14 days overdue, and the manager is told too.
    const monday = { today: '2026-03-16', since: '2026-03-13' };
    expect((await planReminders(t.db, deps(), monday)).entries.map((e) => e.recipient)).toContain('UMGR');
    await t.db.update(partners).set({ leftOn: '2026-03-16', leftReason: 'contract ended' });
    expect((await planReminders(t.db, deps(), monday)).entries).toEqual([]);
    expect(await runDay('2026-03-16')).toMatchObject({ status: 'done', summary: { items: 0, messages: 0 } });
    expect(await outboxRows(t.db)).toEqual([]);
  });

  it('14 days before: one message per recipient, profile items to the contact by DM, the others to the channel', async () => {
    await givenAcme(t.db);
    expect(await runDay('2026-02-16')).toMatchObject({ status: 'done', summary: { messages: 2, queued: 2 } });

    expect((await remindedOn('2026-02-16')).sort()).toEqual([
      'CACME trn-online-sales upcoming',
      'CACME trn-online-technical upcoming',
      'UADMIN trn-online-admin upcoming',
    ]);
    const rows = await outboxRows(t.db);
    expect(rows.map((r) => [r.dedupeKey, r.channel])).toEqual([
      ['reminders:2026-02-16:UADMIN', 'UADMIN'],
      ['reminders:2026-02-16:CACME', 'CACME'],
    ]);
    const dm = rows[0]!;
    expect(textOf(dm)).toContain(
      '*Mandatory online training — Admin: MyDstny* · due 2 Mar 2026 (in 14 days)',
    );
    expect(actionIdsOf(dm)).toEqual(['reminder_done:0', 'reminder_snooze:1', 'reminder_snooze:7']);
    const channel = textOf(rows[1]!);
    expect(channel).toContain('no Sales contact on record');
    expect(channel).toContain('no Technical contact on record');
  });

  it('a contact holding every profile gets every profile item in one DM; nothing goes to the channel', async () => {
    await givenPartner(t.db, ACME);
    await givenContact(t.db, {
      partnerId: 'acme',
      slackUserId: 'USOLO',
      profiles: ['technical', 'admin', 'sales'],
    });
    await runDay('2026-02-16');
    expect((await remindedOn('2026-02-16')).sort()).toEqual([
      'USOLO trn-online-admin upcoming',
      'USOLO trn-online-sales upcoming',
      'USOLO trn-online-technical upcoming',
    ]);
    expect((await outboxRows(t.db)).map((r) => r.channel)).toEqual(['USOLO']);
  });

  it('a contact whose Slack is in French gets its reminder in French; the channel stays in LOCALE', async () => {
    await givenAcme(t.db);
    await createUserLocalesRepository(t.db).remember('UADMIN', 'fr');

    await runDay('2026-02-16');

    const rows = await outboxRows(t.db);
    expect(textOf(rows.find((r) => r.channel === 'UADMIN')!)).toContain(
      '*Formation obligatoire en ligne — Admin\u202f: MyDstny*',
    );
    expect(textOf(rows.find((r) => r.channel === 'CACME')!)).toContain('no Sales contact on record');
  });

  it('nothing twice the same day, nothing on weekends, the days between trigger days quiet', async () => {
    await givenAcme(t.db);
    await runDay('2026-02-16');
    const deps2 = deps();
    // The same day again (a second run by hand, a new item since...): nobody gets a second message.
    const again = await planReminders(t.db, deps2, { today: '2026-02-16', since: '2026-02-13' });
    expect(again.messages).toEqual([]);
    expect(again.alreadyReminded.sort()).toEqual(['CACME', 'UADMIN']);
    expect(await planReminders(t.db, deps2, { today: '2026-02-14', since: '2026-02-13' })).toMatchObject({
      messages: [],
    });
    expect((await planReminders(t.db, deps2, { today: '2026-02-17', since: '2026-02-16' })).messages).toEqual(
      [],
    );
  });

  it('a trigger day on a weekend is caught up on Monday, described as of Monday', async () => {
    // Entered Access on 7 January: its 60-day items are due Sunday 8 March.
    await givenPartner(t.db, {
      id: 'sun',
      type: 'ambassador',
      tier: 'access',
      joinedOn: '2026-01-07',
      tierSince: '2026-01-07',
      slackChannelId: 'CSUN',
    });
    await givenContact(t.db, { partnerId: 'sun', slackUserId: 'USUN', profile: 'admin' });
    await runDay('2026-03-06'); // Friday: nothing due that day
    expect(await remindedOn('2026-03-06')).toEqual([]);
    await runDay('2026-03-07'); // Saturday: nothing on weekends
    await runDay('2026-03-08');
    expect(await outboxRows(t.db)).toEqual([]);
    await runDay('2026-03-09'); // Monday: Sunday's due date, reported overdue
    expect(await remindedOn('2026-03-09')).toContain('USUN trn-online-admin overdue');
    expect(textOf((await outboxRows(t.db)).find((r) => r.channel === 'USUN')!)).toContain(
      '*overdue* since 8 Mar 2026 (1 day)',
    );
  });

  it('follows an item from 14 days before to done: snoozed, woken, escalated to the manager, then stopped by the contact’s Done', async () => {
    const ada = await givenAcme(t.db);
    const item = { partnerId: 'acme', obligation: 'trn-online-admin', contactId: ada.id };
    const adminDays: string[] = [];
    const managerDays: string[] = [];
    for (let day = '2026-02-09'; day <= '2026-04-10'; day = addDays(day, 1)) {
      if (day === '2026-03-04') {
        // Snoozed for a week on Wednesday 4 March: Monday 9 March (7 days overdue) stays quiet.
        expect(
          await snoozeReminder(t.db, catalog, { ...item, days: 7, by: 'UADMIN', today: day }),
        ).toMatchObject({ status: 'snoozed', until: '2026-03-11' });
      }
      if (day === '2026-03-17') {
        // The contact says it is done: pending a manager's confirmation, and no more reminders.
        expect(await markReminderDone(t.db, catalog, { ...item, by: 'UADMIN', today: day })).toMatchObject({
          status: 'pending',
        });
      }
      if (isWeekday(day)) await runDay(day);
      const reminded = await remindedOn(day);
      if (reminded.some((r) => r.startsWith('UADMIN trn-online-admin'))) adminDays.push(day);
      if (reminded.some((r) => r.startsWith('UMGR trn-online-admin escalation'))) managerDays.push(day);
    }
    expect(adminDays).toEqual(['2026-02-16', '2026-02-23', '2026-03-02', '2026-03-11', '2026-03-16']);
    expect(managerDays).toEqual(['2026-03-16']);
    const escalation = (await outboxRows(t.db)).find((r) => r.dedupeKey === 'reminders:2026-03-16:UMGR')!;
    expect(escalation.kind).toBe('reminder.escalation');
    expect(textOf(escalation)).toContain(
      'Acme: *Mandatory online training — Admin: MyDstny* · *overdue* since 2 Mar 2026 (14 days)',
    );
    expect(actionIdsOf(escalation)).toEqual(['reminder_done:0', 'reminder_done:1', 'reminder_done:2']);
    // The partner's own items went on being reminded to the channel meanwhile.
    expect(await remindedOn('2026-03-23')).toEqual(
      expect.arrayContaining(['CACME trn-online-sales overdue', 'UMGR trn-online-sales escalation']),
    );
    expect(await remindedOn('2026-03-23')).not.toContain('UADMIN trn-online-admin overdue');

    // The manager confirms the declaration from its escalation's Done button.
    expect(await markReminderDone(t.db, catalog, { ...item, by: 'UMGR', today: '2026-03-24' })).toMatchObject(
      { status: 'confirmed' },
    );
    const [completion] = await t.db.select().from(trainingCompletions);
    expect(completion).toMatchObject({ status: 'confirmed', declaredBy: 'UADMIN', confirmedBy: 'UMGR' });
  });

  it('the buttons answer only the people concerned', async () => {
    const ada = await givenAcme(t.db);
    await givenContact(t.db, { partnerId: 'acme', slackUserId: 'USALES', profile: 'sales' });
    await givenPartner(t.db, { id: 'other' });
    await givenContact(t.db, { partnerId: 'other', slackUserId: 'UOTHER', profile: 'admin' });
    await givenStaff(t.db, 'UTEAM', 'admin');
    const item = { partnerId: 'acme', obligation: 'trn-online-admin', contactId: ada.id };
    const today = '2026-02-16';

    expect(await markReminderDone(t.db, catalog, { ...item, by: 'UOTHER', today })).toEqual({
      status: 'forbidden',
    });
    // Another contact of the partner cannot answer for Ada's own training.
    expect(await markReminderDone(t.db, catalog, { ...item, by: 'USALES', today })).toEqual({
      status: 'forbidden',
    });
    expect(await snoozeReminder(t.db, catalog, { ...item, days: 3, by: 'UADMIN', today })).toEqual({
      status: 'invalid-days',
    });
    // The partner's own item: any of its contacts declares it; staff confirm it.
    const webinar = { partnerId: 'acme', obligation: 'trn-webinar-trunk-metacentrex-data', contactId: null };
    expect(await markReminderDone(t.db, catalog, { ...webinar, by: 'USALES', today })).toMatchObject({
      status: 'pending',
    });
    expect(await markReminderDone(t.db, catalog, { ...webinar, by: 'USALES', today })).toMatchObject({
      status: 'already-done',
    });
    expect(await markReminderDone(t.db, catalog, { ...item, by: 'UTEAM', today })).toMatchObject({
      status: 'confirmed',
    });
  });

  it('delivers through the outbox with working buttons, in French with LOCALE=fr', async () => {
    await givenAcme(t.db);
    const fake = await startFakeSlackDelivery();
    try {
      await runJobOccurrence(
        jobDeps(t.db, { config: testConfig({ LOCALE: 'fr' }) }),
        remindersJob,
        instantForDay('0 9 * * 1-5', TZ, '2026-03-02'),
      );
      expect((await testDispatcher(t.db, fake, { perChannelIntervalMs: 0 }).drain()).sent).toBe(2);
      const dm = fake.posted.find((p) => p.channel === 'DADMIN')!;
      expect(dm.text).toBe('Rappel\u202f: 1 formation obligatoire à suivre.');
      expect(JSON.stringify(dm.blocks)).toContain('Formation obligatoire en ligne — Admin\u202f: MyDstny');
      expect(JSON.stringify(dm.blocks)).toContain('à suivre *aujourd’hui*');
      expect(JSON.stringify(dm.blocks)).toContain('Reporter de 7 jours');
      expect((await t.db.select().from(outbox)).every((r) => r.status === 'sent')).toBe(true);
    } finally {
      await fake.close();
    }
  });

  it('`partner-bot remind --as-of --dry-run` lists, a real run queues and records the day', async () => {
    await givenAcme(t.db);
    const { ctx, lines } = cliContext(t, '2026-02-16');

    expect(await remindCommand(['--as-of', '2026-02-16', '--dry-run'], ctx)).toBe(0);
    expect(lines[0]).toBe(
      'Dry run: reminders for 2026-02-16 (trigger days after 2026-02-13): 2 messages, 3 items',
    );
    expect(lines).toContain('  Acme: trn-online-admin upcoming, due 2026-03-02');
    expect(await outboxRows(t.db)).toEqual([]);

    lines.length = 0;
    expect(await remindCommand(['--as-of', '2026-02-16'], ctx)).toBe(0);
    expect(lines).toEqual([
      'Reminders for 2026-02-16: 2 messages queued for 3 items (the running app delivers them).',
    ]);
    lines.length = 0;
    // The scheduled 09:00 run of that day is the same occurrence.
    expect(await runDay('2026-02-16')).toEqual({ status: 'skipped', reason: 'already-done' });
    expect(await remindCommand(['--as-of', '2026-02-21'], ctx)).toBe(0);
    expect(lines[0]).toContain('2026-02-21 is a weekend day: no reminders');
    expect(await remindCommand(['--as-of', '21/02/2026'], ctx).catch((e: Error) => e.message)).toContain(
      '--as-of must be a date',
    );
  });
});
