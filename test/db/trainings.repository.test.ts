import { describe, expect, it } from 'vitest';
import { createTrainingsRepository } from '../../src/db/repositories/trainings.repository.js';
import { trainingCompletions } from '../../src/db/schema.js';
import { transaction } from '../../src/db/transaction.js';
import { BACKENDS } from '../support/databases.js';
import { givenContact, givenPartner } from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

describe.each(BACKENDS)('trainings repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repo = () => createTrainingsRepository(db());

  /** acme (managed by UM1) and beta (nobody's) and gamma (UM2's), one contact each. */
  const given = async () => {
    await givenPartner(db(), { id: 'acme', name: 'Acme', managerSlackUserId: 'UM1' });
    await givenPartner(db(), { id: 'beta', name: 'Beta' });
    await givenPartner(db(), { id: 'gamma', name: 'Gamma', managerSlackUserId: 'UM2' });
    return {
      anne: await givenContact(db(), { partnerId: 'acme', slackUserId: 'U1', name: 'Anne' }),
      bob: await givenContact(db(), { partnerId: 'beta', slackUserId: 'U2', name: 'Bob' }),
      carl: await givenContact(db(), { partnerId: 'gamma', slackUserId: 'U3', name: 'Carl' }),
    };
  };
  const completion = (partnerId: string, contactId: number, training = 'trn-sales') => ({
    partnerId,
    contactId,
    training,
    completedOn: '2026-03-01',
    declaredBy: 'U1',
  });

  it('records a declaration pending and finds it for update by contact and training', async () => {
    const { anne } = await given();
    const declared = await repo().insertDeclared(completion('acme', anne.id));
    expect(declared).toMatchObject({
      status: 'pending',
      declaredBy: 'U1',
      confirmedBy: null,
      confirmedAt: null,
    });
    const [found, other] = await transaction(db(), async (tx) => {
      const r = createTrainingsRepository(tx);
      return [
        await r.ofContactForUpdate(anne.id, 'trn-sales'),
        await r.ofContactForUpdate(anne.id, 'trn-tech'),
      ];
    });
    expect(found?.id).toBe(declared.id);
    expect(other).toBeUndefined();
  });

  it('refuses a second completion of the same training by a contact', async () => {
    const { anne } = await given();
    await repo().insertDeclared(completion('acme', anne.id));
    await expect(
      repo().insertConfirmed(completion('acme', anne.id), { by: 'UM1', at: undefined }),
    ).rejects.toThrow();
  });

  it('declares again on another day; an unknown id changes nothing', async () => {
    const { anne } = await given();
    const declared = await repo().insertDeclared(completion('acme', anne.id));
    const again = await repo().redeclare(declared.id, { completedOn: '2026-03-05', declaredBy: 'U1' });
    expect(again).toMatchObject({ id: declared.id, completedOn: '2026-03-05', status: 'pending' });
    expect(
      await repo().redeclare(declared.id + 1000, { completedOn: '2026-03-06', declaredBy: 'U1' }),
    ).toBeUndefined();
  });

  it('confirms at the time given, or on the database clock; moved to a day when one is given', async () => {
    const { anne, bob } = await given();
    const at = new Date('2026-03-10T08:30:00Z');
    const a = await repo().insertDeclared(completion('acme', anne.id));
    const b = await repo().insertDeclared(completion('beta', bob.id));
    expect(await repo().confirm(a.id, { by: 'UM1', at })).toMatchObject({
      status: 'confirmed',
      confirmedBy: 'UM1',
      confirmedAt: at,
      completedOn: '2026-03-01',
    });
    const onDbClock = await repo().confirm(b.id, { by: 'UM1', at: undefined, completedOn: '2026-02-20' });
    expect(onDbClock).toMatchObject({ status: 'confirmed', completedOn: '2026-02-20' });
    expect(onDbClock!.confirmedAt).toBeInstanceOf(Date);
    expect(await repo().confirm(b.id + 1000, { by: 'UM1', at })).toBeUndefined();
  });

  it('records a completion confirmed at once', async () => {
    const { anne } = await given();
    const at = new Date('2026-03-10T08:30:00Z');
    const row = await repo().insertConfirmed(completion('acme', anne.id, 'trn-tech'), { by: 'UM1', at });
    expect(row).toMatchObject({ status: 'confirmed', confirmedBy: 'UM1', confirmedAt: at, declaredBy: 'U1' });
    const dbClock = await repo().insertConfirmed(completion('acme', anne.id, 'trn-sales'), {
      by: 'UM1',
      at: undefined,
    });
    expect(dbClock.confirmedAt).toBeInstanceOf(Date);
  });

  it('reads a pending declaration with its contact and partner for update, and removes it', async () => {
    const { anne } = await given();
    const pending = await repo().insertDeclared(completion('acme', anne.id));
    const confirmed = await repo().insertConfirmed(completion('acme', anne.id, 'trn-tech'), {
      by: 'UM1',
      at: undefined,
    });
    const [row, notPending] = await transaction(db(), async (tx) => {
      const r = createTrainingsRepository(tx);
      return [await r.pendingForUpdate(pending.id), await r.pendingForUpdate(confirmed.id)];
    });
    expect(row?.completion.id).toBe(pending.id);
    expect(row?.contact).toMatchObject({ id: anne.id, name: 'Anne' });
    expect(row?.partner).toMatchObject({ id: 'acme', name: 'Acme' });
    expect(notPending).toBeUndefined();
    await repo().remove(pending.id);
    expect(await repo().pendingForUpdate(pending.id)).toBeUndefined();
    await repo().remove(pending.id);
    expect((await db().select().from(trainingCompletions)).map((r) => r.id)).toEqual([confirmed.id]);
  });

  it("lists pending declarations oldest first: all of them, or a manager's partners' and nobody's", async () => {
    const { anne, bob, carl } = await given();
    await repo().insertMany([
      { ...completion('gamma', carl.id), status: 'pending', createdAt: new Date('2026-03-03T00:00:00Z') },
      { ...completion('acme', anne.id), status: 'pending', createdAt: new Date('2026-03-02T00:00:00Z') },
      { ...completion('beta', bob.id), status: 'pending', createdAt: new Date('2026-03-04T00:00:00Z') },
      {
        ...completion('acme', anne.id, 'trn-tech'),
        status: 'confirmed',
        createdAt: new Date('2026-03-01T00:00:00Z'),
      },
    ]);
    const all = await repo().pending();
    expect(all.map((p) => p.partnerId)).toEqual(['acme', 'gamma', 'beta']);
    expect(all[0]).toEqual({
      id: expect.any(Number),
      partnerId: 'acme',
      partnerName: 'Acme',
      contactName: 'Anne',
      contactSlackUserId: 'U1',
      training: 'trn-sales',
      completedOn: '2026-03-01',
      declaredBy: 'U1',
    });
    expect((await repo().pending({ managedBy: 'UM1' })).map((p) => p.partnerId)).toEqual(['acme', 'beta']);
    expect((await repo().pending({ managedBy: 'UM9' })).map((p) => p.partnerId)).toEqual(['beta']);
  });
});
