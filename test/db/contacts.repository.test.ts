import { describe, expect, it } from 'vitest';
import { createContactsRepository } from '../../src/db/repositories/contacts.repository.js';
import { BACKENDS } from '../support/databases.js';
import { givenPartner } from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

describe.each(BACKENDS)('contacts repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repo = () => createContactsRepository(db());
  const contact = (partnerId: string, slackUserId: string, name: string) => ({
    partnerId,
    slackUserId,
    name,
    profiles: ['sales' as const],
  });

  it('inserts contacts and answers their ids by Slack user id; no rows inserts nothing', async () => {
    await givenPartner(db(), { id: 'acme' });
    expect(await repo().insertMany([])).toEqual([]);
    const inserted = await repo().insertMany([contact('acme', 'U1', 'Anne'), contact('acme', 'U2', 'Bob')]);
    expect(inserted.map((c) => c.slackUserId)).toEqual(['U1', 'U2']);
    expect((await repo().byId(inserted[1]!.id))?.name).toBe('Bob');
  });

  it('refuses a Slack user who already is a contact', async () => {
    await givenPartner(db(), { id: 'acme' });
    await givenPartner(db(), { id: 'beta' });
    await repo().insertMany([contact('acme', 'U1', 'Anne')]);
    await expect(repo().insertMany([contact('beta', 'U1', 'Anne')])).rejects.toThrow();
    expect(await repo().byName()).toHaveLength(1);
  });

  it('finds a contact by Slack user id or id; undefined when unknown', async () => {
    await givenPartner(db(), { id: 'acme' });
    const [anne] = await repo().insertMany([contact('acme', 'U1', 'Anne')]);
    expect(await repo().bySlackUserId('U1')).toMatchObject({ id: anne!.id, partnerId: 'acme', name: 'Anne' });
    expect(await repo().bySlackUserId('U404')).toBeUndefined();
    expect(await repo().byId(anne!.id + 1000)).toBeUndefined();
  });

  it("lists a partner's contacts (or everyone's) by name, and everyone's names", async () => {
    await givenPartner(db(), { id: 'acme' });
    await givenPartner(db(), { id: 'beta' });
    await repo().insertMany([
      contact('acme', 'U3', 'Zoé'),
      contact('beta', 'U2', 'Marc'),
      contact('acme', 'U1', 'Anne'),
    ]);
    expect((await repo().byName('acme')).map((c) => c.name)).toEqual(['Anne', 'Zoé']);
    expect((await repo().byName()).map((c) => c.name)).toEqual(['Anne', 'Marc', 'Zoé']);
    expect(await repo().byName('nobody')).toEqual([]);
    expect((await repo().names()).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: 'U1', name: 'Anne' },
      { id: 'U2', name: 'Marc' },
      { id: 'U3', name: 'Zoé' },
    ]);
  });

  it('answers for a partner with a contact referent for any of its profiles first', async () => {
    await givenPartner(db(), { id: 'acme' });
    const [, solo] = await repo().insertMany([
      contact('acme', 'U1', 'Anne'),
      {
        ...contact('acme', 'U2', 'Solo'),
        profiles: ['admin', 'sales', 'technical'],
        referentProfiles: ['technical'],
      },
    ]);
    expect(await repo().firstForPartner('acme')).toBe(solo!.id);
    expect((await repo().byId(solo!.id))?.profiles).toEqual(['admin', 'sales', 'technical']);
  });
});
