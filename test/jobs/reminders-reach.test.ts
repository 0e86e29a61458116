import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { contacts, reminderLog } from '../../src/db/schema.js';
import { digestMessage, planDigests } from '../../src/jobs/digest.job.js';
import type { JobDeps } from '../../src/jobs/occurrences.js';
import { type DroppableTestDatabase, useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { givenContact, givenPartner, givenStaff } from '../support/rows.js';
import { runRemindersOn } from './run-reminders.js';
import { ACME, actionIdsOf, catalog, jobDeps, outboxRows, testConfig, textOf } from './support.js';

/** 14 days before Acme's admin training is due (2 March 2026). */
const DAY = '2026-02-16';
const SMTP = { SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Dstny <partners@dstny.example>' };

describe.each(BACKENDS)('reminders reach each contact where it can act, on %s', (backend) => {
  let t: DroppableTestDatabase;
  useTestDatabase(backend, (db) => (t = db));
  beforeEach(async () => {
    await givenPartner(t.db, { ...ACME, managerSlackUserId: 'UMGR', locale: 'fr' });
    await givenStaff(t.db, 'UMGR', 'manager');
  });

  const run = (overrides: Partial<JobDeps> = {}, lateMs = 0) =>
    runRemindersOn(jobDeps(t.db, { homeTeamIds: ['T0DSTNY'], ...overrides }), DAY, lateMs);
  const routes = async () =>
    (await t.db.select().from(reminderLog).where(eq(reminderLog.remindedOn, DAY))).map(
      (r) => `${r.recipient} ${r.obligation} ${r.route}`,
    );

  it('an external contact is mentioned in its partner’s channel, in the partner’s language, with its buttons', async () => {
    await givenContact(t.db, {
      partnerId: 'acme',
      slackUserId: 'UEXT',
      slackTeamId: 'T0ACME',
      name: 'Ext Admin',
      profile: 'admin',
    });
    await givenContact(t.db, {
      partnerId: 'acme',
      slackUserId: 'UGUEST',
      slackTeamId: 'T0DSTNY',
      name: 'Guest Sales',
      profile: 'sales',
    });
    expect(await run()).toMatchObject({ status: 'done' });
    const rows = await outboxRows(t.db);
    expect(rows.map((r) => r.channel).sort()).toEqual(['CACME', 'UGUEST']);
    const channel = rows.find((r) => r.channel === 'CACME')!;
    expect(textOf(channel)).toContain('<@UEXT>');
    expect(textOf(channel)).toContain('Formation');
    expect(actionIdsOf(channel)).toContain('reminder_done:0');
    expect((await routes()).sort()).toEqual(
      [
        'CACME trn-online-admin channel',
        'CACME trn-online-technical channel',
        'UGUEST trn-online-sales dm',
      ].sort(),
    );
    // The member's DM stays a DM: no mention of the contact there.
    expect(textOf(rows.find((r) => r.channel === 'UGUEST')!)).not.toContain('<@UGUEST>');
  });

  it('a contact not on Slack gets one e-mail a day in its language; again the same day, nothing', async () => {
    await givenContact(t.db, {
      partnerId: 'acme',
      name: 'Paul Mail',
      email: 'Paul@Acme.example',
      locale: 'fr',
    });
    const deps = { config: testConfig(SMTP) };
    expect(await run(deps)).toMatchObject({ status: 'done' });
    const mails = (await outboxRows(t.db)).filter((r) => r.transport === 'email');
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail).toMatchObject({ channel: 'mail:paul@acme.example', kind: 'reminder.email' });
    expect(mail!.mail).toMatchObject({
      to: 'Paul@Acme.example',
      subject: expect.stringContaining('Acme\u202f:'),
    });
    expect(mail!.text).toContain('Bonjour Paul Mail');
    expect((mail!.mail as { html: string }).html).toContain('<html lang="fr">');

    // A second run of the same day (another instance, a catch-up) queues nothing more.
    await run(deps, 60_000);
    expect((await outboxRows(t.db)).filter((r) => r.transport === 'email')).toHaveLength(1);
  });

  it('without SMTP, a contact not on Slack is kept as unreached, and nothing is queued for it', async () => {
    await givenContact(t.db, { partnerId: 'acme', name: 'Paul Mail', email: 'paul@acme.example' });
    const result = await run();
    expect(result).toMatchObject({ status: 'done', summary: { unreached: 1 } });
    expect((await outboxRows(t.db)).map((r) => r.channel)).toEqual(['CACME']);
    // The manager's digest says so, until someone reaches the contact another way.
    const [digest] = await planDigests(t.db, { catalog, config: testConfig() }, DAY);
    const text = textOf({ text: '', blocks: digestMessage(catalog, 'en', DAY, digest!).blocks });
    expect(text).toContain('Contacts the reminders could not reach');
    expect(text).toContain('Paul Mail, reachable neither on Slack nor by e-mail, for');
    expect(await routes()).toContain(
      `unreached:contact:${(await t.db.select().from(contacts))[0]!.id} trn-online-admin unreached`,
    );
  });

  it('a member with an e-mail is DMed, with its e-mail queued only if Slack refuses the DM', async () => {
    await givenContact(t.db, {
      partnerId: 'acme',
      slackUserId: 'UMEMBER',
      name: 'Mia Member',
      email: 'mia@acme.example',
      profile: 'admin',
    });
    await run({ config: testConfig(SMTP) });
    const dm = (await outboxRows(t.db)).find((r) => r.channel === 'UMEMBER')!;
    expect(dm.transport).toBe('slack');
    expect(dm.fallback).toMatchObject({
      dedupeKey: `${dm.dedupeKey}:email`,
      transport: 'email',
      channel: 'mail:mia@acme.example',
      mail: { to: 'mia@acme.example' },
    });
    expect((await outboxRows(t.db)).filter((r) => r.transport === 'email')).toEqual([]);
  });
});
