import { describe, expect, it } from 'vitest';
import { createContactsRepository } from '../../src/db/repositories/contacts.repository.js';
import { createPartnersRepository } from '../../src/db/repositories/partners.repository.js';
import { createSeenSignaturesRepository } from '../../src/db/repositories/seen-requests.repository.js';
import { createStaffRepository } from '../../src/db/repositories/staff.repository.js';
import { type Actor, identifyActor } from '../../src/services/actor.service.js';
import { BACKENDS } from '../support/databases.js';
import { givenContact, givenMonthlyRevenue, givenPartner, givenStaff } from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

/**
 * The reads every request makes are batched while one is in flight (src/db/batch-calls.ts): asked all at
 * once, as a burst of requests asks them, each caller still gets its own answer.
 */
describe.each(BACKENDS)('reads asked at once, batched, on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const NOW = new Date('2026-12-01T10:00:00Z');
  const at = (ms: number) => new Date(NOW.getTime() + ms);

  it('replay checks: a new signature is new once, even asked twice in one batch; an expired one is new again', async () => {
    const seen = createSeenSignaturesRepository(db());
    expect(await seen.rememberAll([{ signature: 'v0=old', expiresAt: at(1_000) }], NOW)).toEqual([true]);
    expect(await seen.rememberAll([{ signature: 'v0=gone', expiresAt: at(-1) }], at(-10_000))).toEqual([
      true,
    ]);
    const answers = await seen.rememberAll(
      [
        { signature: 'v0=a', expiresAt: at(300_000) },
        { signature: 'v0=old', expiresAt: at(300_000) },
        { signature: 'v0=a', expiresAt: at(300_000) },
        { signature: 'v0=gone', expiresAt: at(300_000) },
        { signature: 'v0=b', expiresAt: at(300_000) },
      ],
      NOW,
    );
    expect(answers).toEqual([true, false, false, true, true]);
    expect(await seen.rememberAll([{ signature: 'v0=b', expiresAt: at(300_000) }], NOW)).toEqual([false]);
    expect(await seen.rememberAll([], NOW)).toEqual([]);
  });

  it('who is asking: many askers at once, staff, contacts and strangers, each identified as alone', async () => {
    await givenPartner(db(), { id: 'acme', name: 'Acme' });
    await givenPartner(db(), { id: 'beta', name: 'Beta' });
    await givenStaff(db(), 'UADMIN', 'admin', 'Ada');
    await givenStaff(db(), 'UMGR', 'manager', 'Max');
    await givenContact(db(), { partnerId: 'acme', slackUserId: 'UANNE', name: 'Anne' });
    await givenContact(db(), { partnerId: 'beta', slackUserId: 'UBEA', name: 'Bea' });
    const askers = ['UANNE', 'UADMIN', 'UNOBODY', 'UBEA', 'UMGR', 'UANNE', 'UOTHER'];
    // Each asker as the staff and contacts repositories read them, one query each.
    const staff = createStaffRepository(db());
    const contacts = createContactsRepository(db());
    const expected: Actor[] = [];
    for (const slackUserId of askers) {
      const [member, contact] = [
        await staff.bySlackUserId(slackUserId),
        await contacts.bySlackUserId(slackUserId),
      ];
      expected.push(
        member
          ? { kind: 'staff', slackUserId, role: member.role, name: member.name }
          : contact
            ? { kind: 'contact', slackUserId, contact }
            : { kind: 'stranger', slackUserId },
      );
    }
    expect(await identifyActor(db(), 'UANNE')).toEqual(expected[0]);
    const atOnce = await Promise.all(askers.map((asker) => identifyActor(db(), asker)));
    expect(atOnce).toEqual(expected);
    expect(atOnce.map((a) => (a.kind === 'contact' ? a.contact.partnerId : a.kind))).toEqual([
      'acme',
      'staff',
      'stranger',
      'beta',
      'staff',
      'acme',
      'stranger',
    ]);
    const rows = await Promise.all([staff.bySlackUserId('UMGR'), contacts.bySlackUserId('UMGR')]);
    expect(rows.map((r) => r?.name)).toEqual(['Max', undefined]);
  });

  it('partners by id at once, duplicates and unknown ids among them: each its own row, as read alone', async () => {
    for (const id of ['acme', 'beta', 'gamma']) await givenPartner(db(), { id, name: `Name of ${id}` });
    const partners = createPartnersRepository(db());
    const ids = ['beta', 'acme', 'nobody', 'beta', 'gamma', 'ACME'];
    const alone = [];
    for (const id of ids) alone.push(await partners.byId(id));
    const atOnce = await Promise.all(ids.map((id) => partners.byId(id)));
    expect(atOnce).toEqual(alone);
    expect(atOnce.map((p) => p?.name)).toEqual([
      'Name of beta',
      'Name of acme',
      undefined,
      'Name of beta',
      'Name of gamma',
      undefined,
    ]);
    // Two callers asking for the same partner do not share one object.
    expect(atOnce[0]).not.toBe(atOnce[3]);
  });

  it('partners named at once: each key its own matches, by name, within its limit, as read alone', async () => {
    await givenPartner(db(), { id: 'acme', name: 'Acme Telecom' });
    await givenPartner(db(), { id: 'acorn', name: 'Acorn' });
    await givenPartner(db(), { id: 'a_1', name: 'Zeta' });
    // What `a_1` and `back\s` would also match if `_` and `\` were wildcards and escapes.
    await givenPartner(db(), { id: 'ab1', name: 'Ab1' });
    await givenPartner(db(), { id: 'slash', name: 'Back\\slash' });
    await givenPartner(db(), { id: 'backs', name: 'Backs' });
    await givenPartner(db(), { id: 'beta', name: 'Beta 100%' });
    await givenPartner(db(), { id: 'beta2', name: 'Beta 1000' });
    const partners = createPartnersRepository(db());
    const asks: [string, number][] = [
      ['ac', 25],
      ['beta 100%', 25],
      ['nothing', 25],
      ['a_1', 25],
      ['a', 1],
      ['ac', 25],
      ['beta 100', 25],
      ['back\\s', 25],
    ];
    const alone = [];
    for (const [key, limit] of asks) alone.push(await partners.matching(key, limit));
    const atOnce = await Promise.all(asks.map(([key, limit]) => partners.matching(key, limit)));
    expect(atOnce).toEqual(alone);
    // `%`, `_` and `\` typed are letters; a key matches an id exactly, a name by its start.
    expect(atOnce.map((found) => found.map((p) => p.id))).toEqual([
      ['acme', 'acorn'],
      ['beta'],
      [],
      ['a_1'],
      ['ab1'],
      ['acme', 'acorn'],
      ['beta', 'beta2'],
      ['slash'],
    ]);
    expect(atOnce[0]![0]).not.toBe(atOnce[5]![0]);
    // The rows as drizzle's own select gives them (dates, numbers, nulls).
    expect(atOnce[0]![0]).toEqual(await partners.byId('acme'));
  });

  it('records at once, of different partners and months, each the record read alone; unknown ones undefined', async () => {
    for (const [id, cents] of [
      ['acme', 1_000_00],
      ['beta', 2_000_00],
      ['gamma', 3_000_00],
    ] as const) {
      await givenPartner(db(), { id, name: id });
      await givenMonthlyRevenue(db(), id, '2025-06', '2026-11', cents);
      await givenContact(db(), { partnerId: id, slackUserId: `U-${id}`, name: `Contact ${id}` });
    }
    const partners = createPartnersRepository(db());
    const asks = [
      ['acme', '2026-07-01', '2026-01-01'],
      ['beta', '2026-07-01', '2026-01-01'],
      ['nobody', '2026-07-01', '2026-01-01'],
      ['gamma', '2026-01-01', '2025-07-01'],
      ['acme', '2026-07-01', '2026-01-01'],
    ] as const;
    const alone = [];
    for (const [id, since, depth] of asks) alone.push(await partners.recordWithDepth(id, since, depth));
    const atOnce = await Promise.all(
      asks.map(([id, since, depth]) => partners.recordWithDepth(id, since, depth)),
    );
    expect(atOnce).toEqual(alone);
    expect(atOnce.map((r) => r?.record.partner.id)).toEqual(['acme', 'beta', undefined, 'gamma', 'acme']);
    expect(atOnce[0]!.record.contacts).not.toBe(atOnce[4]!.record.contacts);
    expect(atOnce[3]!.record.revenue.every((r) => r.month >= '2026-01-01')).toBe(true);
    expect(atOnce[3]!.record.revenue.some((r) => r.month < '2026-07-01')).toBe(true);
    expect(atOnce[0]!.record.revenue.every((r) => r.month >= '2026-07-01')).toBe(true);
  });
});
