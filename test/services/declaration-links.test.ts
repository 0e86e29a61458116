import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../src/db/repositories/index.js';
import { auditLog, contacts, declarationLinks, outbox, trainingCompletions } from '../../src/db/schema.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import {
  type DeclarationLinkDeps,
  issueDeclarationLink,
  useDeclarationLink,
} from '../../src/services/declaration-links.service.js';
import { useRepositoryDatabase } from '../db/support.js';
import { BACKENDS } from '../support/databases.js';
import { givenContact, givenPartner, givenStaff } from '../support/rows.js';

const catalog = loadCatalog();
const deps: DeclarationLinkDeps = { catalog, secret: 'test-link-secret-0123456789abcdef-ghij', locale: 'en' };
const NOW = new Date('2026-02-16T08:30:00Z');
const TODAY = '2026-02-16';
const TRAINING = 'trn-online-admin';

/**
 * The declaration a link's POST records (useDeclarationLink), below the page: who declares, for which
 * partner, and what is refused, decided on the contact and the partner as they stand when it is used.
 */
describe.each(BACKENDS)('a declaration link used, on %s', (backend) => {
  const db = useRepositoryDatabase(backend);

  /** Acme (managed by UMGR) and Globex (by UMGR2); Paul, Acme's admin contact, sent a link. */
  async function given() {
    await givenStaff(db(), 'UMGR', 'manager');
    await givenStaff(db(), 'UMGR2', 'manager');
    await givenPartner(db(), { id: 'acme', name: 'Acme', tier: 'access', managerSlackUserId: 'UMGR' });
    await givenPartner(db(), { id: 'globex', name: 'Globex', tier: 'access', managerSlackUserId: 'UMGR2' });
    const paul = await givenContact(db(), { partnerId: 'acme', name: 'Paul', email: 'paul@acme.example' });
    const link = issueDeclarationLink(
      { publicUrl: 'https://bot.example', secret: deps.secret },
      { contactId: paul.id, obligation: TRAINING, now: NOW },
    );
    await createRepositories(db()).declarationLinks.insert([link.row]);
    const token = link.url.split('/').pop()!;
    return { paul, use: () => useDeclarationLink(db(), deps, { token, now: NOW, today: TODAY }) };
  }

  async function snapshot() {
    return {
      completions: await db().select().from(trainingCompletions).orderBy(asc(trainingCompletions.id)),
      links: await db().select().from(declarationLinks),
      audit: await db().select().from(auditLog).orderBy(asc(auditLog.id)),
      outbox: await db().select({ key: outbox.dedupeKey, channel: outbox.channel }).from(outbox),
    };
  }

  it('records the contact’s declaration for its partner, tells the partner’s manager, and uses the link', async () => {
    const { paul, use } = await given();
    const state = await use();
    expect(state).toMatchObject({
      status: 'declared',
      outcome: 'pending',
      partner: { id: 'acme', name: 'Acme', managerSlackUserId: 'UMGR' },
      contact: { id: paul.id, name: 'Paul', partnerId: 'acme' },
      training: { code: TRAINING },
    });
    const after = await snapshot();
    expect(after.completions).toEqual([
      expect.objectContaining({
        partnerId: 'acme',
        contactId: paul.id,
        training: TRAINING,
        status: 'pending',
        completedOn: TODAY,
        declaredBy: `link:contact:${paul.id}`,
      }),
    ]);
    expect(after.audit).toEqual([
      expect.objectContaining({
        action: 'training.declared',
        actor: `link:contact:${paul.id}`,
        partnerId: 'acme',
      }),
    ]);
    expect(after.outbox).toEqual([{ key: expect.stringMatching(/^training\.declared:/), channel: 'UMGR' }]);
    expect(after.links[0]!.usedAt).toEqual(NOW);
    expect((await use()).status).toBe('used');
  });

  it('declares for the partner the contact belongs to when it is used, not when the link was sent', async () => {
    const { paul, use } = await given();
    await db().update(contacts).set({ partnerId: 'globex' }).where(eq(contacts.id, paul.id));
    expect(await use()).toMatchObject({
      status: 'declared',
      outcome: 'pending',
      partner: { id: 'globex' },
      contact: { id: paul.id, partnerId: 'globex' },
    });
    const after = await snapshot();
    expect(after.completions).toEqual([expect.objectContaining({ partnerId: 'globex', contactId: paul.id })]);
    expect(after.outbox).toEqual([{ key: expect.any(String), channel: 'UMGR2' }]);
  });

  it('refuses, writing nothing, a training the contact may no longer declare (its profiles changed)', async () => {
    const { paul, use } = await given();
    await db()
      .update(contacts)
      .set({ profiles: ['sales'] })
      .where(eq(contacts.id, paul.id));
    const before = await snapshot();
    expect(await use()).toEqual({ status: 'gone', locale: 'en' });
    expect(await snapshot()).toEqual(before);
    expect(before.links[0]!.usedAt).toBeNull();
  });

  it('leaves a training a manager confirmed as it is, and uses the link', async () => {
    const { paul, use } = await given();
    await db().insert(trainingCompletions).values({
      partnerId: 'acme',
      contactId: paul.id,
      training: TRAINING,
      completedOn: '2026-02-12',
      status: 'confirmed',
      confirmedBy: 'UMGR',
    });
    const before = await snapshot();
    expect(await use()).toMatchObject({ status: 'declared', outcome: 'already-done' });
    const after = await snapshot();
    expect(after.completions).toEqual(before.completions);
    expect(after.audit).toEqual([]);
    expect(after.outbox).toEqual([]);
    expect(after.links[0]!.usedAt).toEqual(NOW);
  });
});
