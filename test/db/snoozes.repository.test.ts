import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createSnoozesRepository } from '../../src/db/repositories/snoozes.repository.js';
import { snoozes } from '../../src/db/schema.js';
import { BACKENDS } from '../support/databases.js';
import { givenContact, givenPartner } from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

describe.each(BACKENDS)('snoozes repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repo = () => createSnoozesRepository(db());

  const of = async (partnerId: string, day: string) =>
    (await repo().endingFrom(day))
      .filter((s) => s.partnerId === partnerId)
      .sort((a, b) => `${a.contactId}${a.obligation}`.localeCompare(`${b.contactId}${b.obligation}`));

  it('records who put off which item until when', async () => {
    await givenPartner(db(), { id: 'sz-add' });
    const ada = await givenContact(db(), { partnerId: 'sz-add', slackUserId: 'USZADD' });
    await repo().add({
      partnerId: 'sz-add',
      contactId: ada.id,
      obligation: 'trn-online-admin',
      until: '2030-01-14',
      snoozedBy: 'USZADD',
    });
    await repo().add({
      partnerId: 'sz-add',
      contactId: null,
      obligation: 'trn-online-admin',
      until: '2030-01-21',
      snoozedBy: 'UMGR',
    });

    const rows = await db().select().from(snoozes).where(eq(snoozes.partnerId, 'sz-add'));
    expect(rows.map((r) => [r.contactId, r.obligation, r.until, r.snoozedBy])).toEqual(
      expect.arrayContaining([
        [ada.id, 'trn-online-admin', '2030-01-14', 'USZADD'],
        [null, 'trn-online-admin', '2030-01-21', 'UMGR'],
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it('gives each item its latest snooze, the partner’s and each contact’s apart', async () => {
    await givenPartner(db(), { id: 'sz-latest' });
    const ada = await givenContact(db(), { partnerId: 'sz-latest', slackUserId: 'USZLATEST' });
    const snooze = (contactId: number | null, obligation: string, until: string) =>
      repo().add({ partnerId: 'sz-latest', contactId, obligation, until, snoozedBy: 'U' });
    await snooze(null, 'trn-a', '2030-02-10');
    await snooze(null, 'trn-a', '2030-02-20');
    await snooze(null, 'trn-a', '2030-02-15');
    await snooze(ada.id, 'trn-a', '2030-02-12');
    await snooze(ada.id, 'trn-b', '2030-02-11');

    expect(await of('sz-latest', '2030-02-01')).toEqual([
      { partnerId: 'sz-latest', contactId: ada.id, obligation: 'trn-a', until: '2030-02-12' },
      { partnerId: 'sz-latest', contactId: ada.id, obligation: 'trn-b', until: '2030-02-11' },
      { partnerId: 'sz-latest', contactId: null, obligation: 'trn-a', until: '2030-02-20' },
    ]);
  });

  it('leaves out the items whose snoozes all ended before the day; one ending that day counts', async () => {
    await givenPartner(db(), { id: 'sz-ended' });
    await repo().add({
      partnerId: 'sz-ended',
      contactId: null,
      obligation: 'trn-over',
      until: '2030-03-09',
      snoozedBy: 'U',
    });
    await repo().add({
      partnerId: 'sz-ended',
      contactId: null,
      obligation: 'trn-today',
      until: '2030-03-10',
      snoozedBy: 'U',
    });

    expect(await of('sz-ended', '2030-03-10')).toEqual([
      { partnerId: 'sz-ended', contactId: null, obligation: 'trn-today', until: '2030-03-10' },
    ]);
    expect(await of('sz-ended', '2030-03-11')).toEqual([]);
  });
});
