import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createReminderLogRepository,
  type NewReminderLogRow,
} from '../../src/db/repositories/reminder-log.repository.js';
import { reminderLog } from '../../src/db/schema.js';
import { BACKENDS } from '../support/databases.js';
import { givenContact, givenPartner } from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

describe.each(BACKENDS)('reminder log repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repo = () => createReminderLogRepository(db());

  const entry = (
    row: Partial<NewReminderLogRow> & Pick<NewReminderLogRow, 'remindedOn' | 'recipient' | 'partnerId'>,
  ) => ({
    contactId: null,
    subject: 'partner',
    obligation: 'trn-online-admin',
    kind: 'due' as const,
    dueOn: row.remindedOn,
    outboxKey: `reminders:${row.remindedOn}:${row.recipient}`,
    ...row,
  });

  it('tells who was reminded on a day, each once', async () => {
    await givenPartner(db(), { id: 'rl-acme' });
    const ada = await givenContact(db(), { partnerId: 'rl-acme', slackUserId: 'URLADA' });
    await repo().record([
      entry({
        remindedOn: '2030-01-07',
        recipient: 'URLADA',
        partnerId: 'rl-acme',
        contactId: ada.id,
        subject: `contact:${ada.id}`,
      }),
      entry({
        remindedOn: '2030-01-07',
        recipient: 'URLADA',
        partnerId: 'rl-acme',
        obligation: 'trn-online-sales',
      }),
      entry({ remindedOn: '2030-01-07', recipient: 'CRLACME', partnerId: 'rl-acme' }),
      entry({ remindedOn: '2030-01-08', recipient: 'URLMGR', partnerId: 'rl-acme', kind: 'escalation' }),
    ]);

    expect((await repo().recipientsOn('2030-01-07')).sort()).toEqual(['CRLACME', 'URLADA']);
    expect(await repo().recipientsOn('2030-01-08')).toEqual(['URLMGR']);
  });

  it('tells nobody for a day nothing was reminded', async () => {
    await givenPartner(db(), { id: 'rl-acme' });
    await repo().record([
      entry({ remindedOn: '2030-01-31', recipient: 'CRLACME', partnerId: 'rl-acme' }),
      entry({ remindedOn: '2030-02-02', recipient: 'CRLACME', partnerId: 'rl-acme' }),
    ]);
    expect(await repo().recipientsOn('2030-02-01')).toEqual([]);
  });

  it('keeps the first record of a reminder logged twice (same day, recipient, partner, subject, obligation)', async () => {
    await givenPartner(db(), { id: 'rl-twice' });
    const first = entry({
      remindedOn: '2030-03-04',
      recipient: 'CRLTWICE',
      partnerId: 'rl-twice',
      kind: 'upcoming',
    });
    await repo().record([first]);
    await repo().record([
      { ...first, kind: 'overdue', outboxKey: 'another key' },
      entry({ remindedOn: '2030-03-04', recipient: 'CRLTWICE', partnerId: 'rl-twice', subject: 'contact:1' }),
    ]);

    const rows = await db().select().from(reminderLog).where(eq(reminderLog.partnerId, 'rl-twice'));
    expect(rows.map((r) => [r.subject, r.kind, r.outboxKey]).sort()).toEqual([
      ['contact:1', 'due', 'reminders:2030-03-04:CRLTWICE'],
      ['partner', 'upcoming', 'reminders:2030-03-04:CRLTWICE'],
    ]);
  });

  it('logs more reminders than one statement takes, and nothing for none', async () => {
    await givenPartner(db(), { id: 'rl-many' });
    await repo().record([]);
    const rows = Array.from({ length: 1_203 }, (_, i) =>
      entry({ remindedOn: '2030-04-01', recipient: `URLMANY${i}`, partnerId: 'rl-many' }),
    );
    await repo().record(rows);
    expect(await repo().recipientsOn('2030-04-01')).toHaveLength(1_203);
  });
});
