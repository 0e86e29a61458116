import { describe, expect, it } from 'vitest';
import { createContactsRepository } from '../../src/db/repositories/contacts.repository.js';
import { createTrainingsRepository } from '../../src/db/repositories/trainings.repository.js';
import { trainingCompletions } from '../../src/db/schema.js';
import { BACKENDS } from '../support/databases.js';
import { givenContact, givenPartner } from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

describe.each(BACKENDS)('the contact and completion a reminder’s Done button records, on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const contacts = () => createContactsRepository(db());
  const trainings = () => createTrainingsRepository(db());

  it('answers for a partner with its first referent, else its first contact, else nobody', async () => {
    await givenPartner(db(), { id: 'ra-referent' });
    await givenContact(db(), { partnerId: 'ra-referent', slackUserId: 'URAFIRST' });
    const referent = await givenContact(db(), {
      partnerId: 'ra-referent',
      slackUserId: 'URAREF',
      referent: true,
    });
    await givenContact(db(), { partnerId: 'ra-referent', slackUserId: 'URAREF2', referent: true });
    await givenPartner(db(), { id: 'ra-plain' });
    const first = await givenContact(db(), { partnerId: 'ra-plain', slackUserId: 'URAPLAIN1' });
    await givenContact(db(), { partnerId: 'ra-plain', slackUserId: 'URAPLAIN2' });
    await givenPartner(db(), { id: 'ra-empty' });

    expect(await contacts().firstForPartner('ra-referent')).toBe(referent.id);
    expect(await contacts().firstForPartner('ra-plain')).toBe(first.id);
    expect(await contacts().firstForPartner('ra-empty')).toBeUndefined();
  });

  it('gives a contact’s completion of a training, confirmed or pending, if any', async () => {
    await givenPartner(db(), { id: 'ra-done' });
    const ada = await givenContact(db(), { partnerId: 'ra-done', slackUserId: 'URADONE' });
    await db()
      .insert(trainingCompletions)
      .values([
        { partnerId: 'ra-done', contactId: ada.id, training: 'trn-online-admin', completedOn: '2030-01-10' },
        {
          partnerId: 'ra-done',
          contactId: ada.id,
          training: 'trn-online-sales',
          completedOn: '2030-01-12',
          status: 'pending',
          declaredBy: 'URADONE',
        },
      ]);

    expect(await trainings().completionOf(ada.id, 'trn-online-admin')).toEqual({
      status: 'confirmed',
      completedOn: '2030-01-10',
    });
    expect(await trainings().completionOf(ada.id, 'trn-online-sales')).toEqual({
      status: 'pending',
      completedOn: '2030-01-12',
    });
    expect(await trainings().completionOf(ada.id, 'trn-onsite-admin')).toBeUndefined();
    expect(await trainings().completionOf(-1, 'trn-online-admin')).toBeUndefined();
  });
});
