import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createPartnerStatusesRepository,
  type PartnerStatusFigures,
} from '../../src/db/repositories/partner-statuses.repository.js';
import {
  checklistItems,
  contacts,
  partnerStatuses,
  partners,
  tierHistory,
  trainingCompletions,
} from '../../src/db/schema.js';
import { BACKENDS } from '../support/databases.js';
import { givenContact, givenMonthlyRevenue, givenPartner, tierHistoryRow } from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

const DAY = '2026-04-06';
const RULES = 'rules-v1';
const scope = { managedBy: undefined };

const figures = (over: Partial<PartnerStatusFigures> = {}): PartnerStatusFigures => ({
  hasLeft: false,
  overdue: 0,
  missed: 0,
  averageSoFarCents: null,
  demotionTo: null,
  missingToKeepCents: null,
  promotionTo: null,
  missingForNextCents: null,
  details: { overdue: [], missed: [] },
  ...over,
});

/** The same cap for every digest section. */
const caps = (n: number) => ({ demotions: n, promotions: n, overdue: n, missed: n });

describe.each(BACKENDS)('partner statuses repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  const repo = () => createPartnerStatusesRepository(db());
  /** Computes (here: saves given figures for) every stale partner, as the refresh does. */
  const saveAll = async (by: Record<string, Partial<PartnerStatusFigures>> = {}) => {
    const stale = await repo().stale(DAY, RULES, scope);
    await repo().save(
      DAY,
      RULES,
      stale.map((s) => ({ ...s, ...figures(by[s.partnerId]) })),
    );
  };
  /** The digest rows with their sections read. */
  const digests = async (...args: Parameters<ReturnType<typeof repo>['digestsByManager']>) =>
    (await repo().digestsByManager(...args)).map((row) => ({ ...row, ...row.sections() }));
  const staleIds = async () => (await repo().stale(DAY, RULES, scope)).map((s) => s.partnerId);

  it('gives every new partner a stale row; saved figures make it fresh for that day and those rules only', async () => {
    await givenPartner(db(), { id: 'acme' });
    await givenPartner(db(), { id: 'beta' });
    expect(await staleIds()).toEqual(['acme', 'beta']);
    await saveAll();
    expect(await staleIds()).toEqual([]);
    expect((await repo().stale('2026-04-07', RULES, scope)).length).toBe(2);
    expect((await repo().stale(DAY, 'rules-v2', scope)).length).toBe(2);
  });

  it('marks a partner stale at every write of its facts, whatever the table, and no other partner', async () => {
    await givenPartner(db(), { id: 'acme' });
    await givenPartner(db(), { id: 'beta' });
    const contact = await givenContact(db(), { partnerId: 'acme', slackUserId: 'UA' });
    await saveAll();
    const writes: [string, () => Promise<unknown>][] = [
      ['revenue', () => givenMonthlyRevenue(db(), 'acme', '2026-01', '2026-03', 100)],
      [
        'contact',
        () =>
          db()
            .update(contacts)
            .set({ profiles: ['sales'] })
            .where(eq(contacts.id, contact.id)),
      ],
      [
        'training',
        () =>
          db().insert(trainingCompletions).values({
            partnerId: 'acme',
            contactId: contact.id,
            training: 't',
            completedOn: '2026-02-01',
            status: 'confirmed',
          }),
      ],
      [
        'checklist',
        () =>
          db().insert(checklistItems).values({ partnerId: 'acme', item: 'doc', completedOn: '2026-02-01' }),
      ],
      ['checklist removed', () => db().delete(checklistItems).where(eq(checklistItems.partnerId, 'acme'))],
      [
        'tier history',
        () =>
          db()
            .insert(tierHistory)
            .values(tierHistoryRow({ partnerId: 'acme' })),
      ],
      ['partner', () => db().update(partners).set({ leftOn: DAY }).where(eq(partners.id, 'acme'))],
      ['contact removed', () => db().delete(contacts).where(eq(contacts.partnerId, 'acme'))],
    ];
    for (const [what, write] of writes) {
      await write();
      expect({ what, stale: await staleIds() }).toEqual({ what, stale: ['acme'] });
      await saveAll();
    }
    // Deleting a partner deletes its row.
    await db().delete(partners).where(eq(partners.id, 'acme'));
    expect((await db().select().from(partnerStatuses)).map((r) => r.partnerId)).toEqual(['beta']);
  });

  it('does not save figures computed from facts written since (the generation moved)', async () => {
    await givenPartner(db(), { id: 'acme' });
    const [before] = await repo().stale(DAY, RULES, scope);
    await givenMonthlyRevenue(db(), 'acme', '2026-01', '2026-01', 5);
    expect(await repo().save(DAY, RULES, [{ ...before!, ...figures({ overdue: 9 }) }])).toBe(0);
    expect(await staleIds()).toEqual(['acme']);
    const [now] = await repo().stale(DAY, RULES, scope);
    expect(await repo().save(DAY, RULES, [{ ...now!, ...figures({ overdue: 9 }) }])).toBe(1);
    expect(await staleIds()).toEqual([]);
  });

  it('counts, pages, ranks and picks for the digest from the saved figures, by scope', async () => {
    await givenPartner(db(), { id: 'a', name: 'Alpha', tier: 'business', managerSlackUserId: 'U1' });
    await givenPartner(db(), { id: 'b', name: 'Bravo', tier: 'business', managerSlackUserId: 'U1' });
    await givenPartner(db(), { id: 'c', name: 'Charlie', tier: 'access', managerSlackUserId: 'U2' });
    await givenPartner(db(), { id: 'd', name: 'Delta', tier: 'access', leftOn: '2026-01-01' });
    await givenPartner(db(), { id: 'e', name: 'Echo', tier: 'starter' });
    await saveAll({
      a: { overdue: 1, demotionTo: 'access', missingToKeepCents: 100 },
      b: { overdue: 3, promotionTo: 'premium' },
      c: { demotionTo: 'starter', missingToKeepCents: 900 },
      d: { hasLeft: true, overdue: 5 },
      e: { missed: 1 },
    });
    const ids = (rows: { partner: { id: string } }[]) => rows.map((r) => r.partner.id);
    const page = { offset: 0, limit: 10 };
    expect(ids(await repo().page(scope, { kind: 'all' }, page))).toEqual(['a', 'b', 'c', 'e']);
    expect(ids(await repo().page(scope, { kind: 'all' }, { offset: 1, limit: 2 }))).toEqual(['b', 'c']);
    expect(ids(await repo().page({ managedBy: 'U1' }, { kind: 'all' }, page))).toEqual(['a', 'b']);
    expect(ids(await repo().page(scope, { kind: 'tier', tier: 'access' }, page))).toEqual(['c']);
    expect(ids(await repo().page(scope, { kind: 'overdue' }, page))).toEqual(['a', 'b']);
    expect(ids(await repo().page(scope, { kind: 'at-risk' }, page))).toEqual(['a', 'c']);
    expect(ids(await repo().page(scope, { kind: 'left' }, page))).toEqual(['d']);
    expect(await repo().count(scope, { kind: 'all' })).toBe(4);
    expect(await repo().count({ managedBy: 'U2' }, { kind: 'at-risk' })).toBe(1);
    expect(await repo().tierCounts(scope)).toEqual(
      new Map([
        ['business', 2],
        ['access', 1],
        ['starter', 1],
      ]),
    );
    expect(ids(await repo().mostOverdue(scope, 10))).toEqual(['b', 'a']);
    expect(ids(await repo().mostAtRisk(scope, 1))).toEqual(['c']);
    // Managed, in the program, with something to say: not Delta (left), not Echo (nobody manages it).
    expect(
      (await digests(caps(1_000))).map((r) => [
        r.manager,
        r.listedRank,
        r.demotions.map(([name]) => name),
        r.promotions.map(([name]) => name),
        r.overdue.map(([name]) => name),
      ]),
    ).toEqual([
      ['U1', 1, ['Alpha'], ['Bravo'], ['Alpha', 'Bravo']],
      ['U2', 3, ['Charlie'], [], []],
    ]);
  });

  it("reads a manager's digest sections only while they are under the cap, with their totals", async () => {
    const item = { obligation: 'doc', dueOn: '2026-01-01', contact: null };
    for (const id of ['a', 'b', 'c', 'd'])
      await givenPartner(db(), { id, name: id.toUpperCase(), managerSlackUserId: 'U1' });
    await givenPartner(db(), { id: 'z', name: 'Z', managerSlackUserId: 'U2' });
    await saveAll({
      a: { overdue: 2, details: { overdue: [item, item], missed: [] } },
      b: { overdue: 1, details: { overdue: [item], missed: [] } },
      c: {
        overdue: 1,
        demotionTo: 'starter',
        missingToKeepCents: 5,
        details: { overdue: [item], missed: [] },
      },
      d: { overdue: 1, details: { overdue: [item], missed: [] } },
      z: { overdue: 1, details: { overdue: [item], missed: [] } },
    });
    const rows = await digests(caps(3));
    // A and B make 3 overdue lines for U1: C comes for its demotion only, D not at all.
    expect(
      rows.map((r) => [
        r.manager,
        r.overdue.map(([name, items]) => [name, items.length]),
        r.demotions.map(([name]) => name),
        r.totals,
      ]),
    ).toEqual([
      [
        'U1',
        [
          ['A', 2],
          ['B', 1],
        ],
        ['C'],
        { demotions: 1, promotions: 0, overdue: 5, missed: 0 },
      ],
      ['U2', [['Z', 1]], [], { demotions: 0, promotions: 0, overdue: 1, missed: 0 }],
    ]);
  });

  it('reads, beside the counts, only the lines within the characters a section can hold, by the names’ lengths', async () => {
    const item = { obligation: 'doc', dueOn: '2026-01-01', contact: null };
    // Six partners of 30-character names, each with 3 overdue items and a promotion within reach.
    const names = ['A', 'B', 'C', 'D', 'E', 'F'].map((letter) => letter.repeat(30));
    for (const name of names) await givenPartner(db(), { id: name[0]!, name, managerSlackUserId: 'U1' });
    const promising = {
      overdue: 3,
      promotionTo: 'access',
      details: { overdue: [item, item, item], missed: [] },
    };
    await saveAll(Object.fromEntries(names.map((name) => [name[0]!, promising])));
    // A line takes at least 50 + 30 characters and its newline: 81. Within 1 000 characters, 13 lines at
    // the most are read in a section: the 6 promotions, and 3 + 3 + 3 + 3 + 1 overdue items (E's cut after
    // one, F's not read).
    const bound = {
      shortest: { demotions: 50, promotions: 50, overdue: 50, missed: 50 },
      longest: 2_900,
      budget: 1_000,
    };
    const [row] = await digests(caps(1_000), bound);
    expect(row?.overdue.map(([name, items]) => [name[0], items.length])).toEqual([
      ['A', 3],
      ['B', 3],
      ['C', 3],
      ['D', 3],
      ['E', 1],
    ]);
    expect(row?.promotions.map(([name]) => name[0])).toEqual(names.map((name) => name[0]));
    expect(row?.totals).toEqual({ demotions: 0, promotions: 6, overdue: 18, missed: 0 });
    // A line is never counted longer than `longest` (lineSectionsOf cuts it there): 2 900 + 1 characters,
    // so two lines begin within 2 902.
    const [capped] = await digests(caps(1_000), {
      ...bound,
      shortest: { demotions: 3_000, promotions: 3_000, overdue: 3_000, missed: 3_000 },
      budget: 2_902,
    });
    expect([capped?.promotions.length, capped?.overdue.map(([, items]) => items.length)]).toEqual([2, [2]]);
    // The counts still bound it where they are tighter.
    const [counted] = await digests(caps(2), bound);
    expect([counted?.promotions.length, counted?.overdue.map(([, items]) => items.length)]).toEqual([2, [2]]);
  });

  it('bounds demotions and missed duties in characters by their own widths', async () => {
    const quarter = { year: 2026, number: 1 };
    const missed = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ obligation: `m${i}`, quarters: [quarter] }));
    // Eight partners of 10-character names, each with a demotion and 3 missed duties.
    const names = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'].map((letter) => letter.repeat(10));
    for (const name of names) await givenPartner(db(), { id: name[0]!, name, managerSlackUserId: 'U1' });
    const falling = {
      demotionTo: 'starter',
      missingToKeepCents: 1,
      missed: 3,
      details: { overdue: [], missed: missed(3) },
    };
    await saveAll(Object.fromEntries(names.map((name) => [name[0]!, falling])));
    // Demotions take 40 + 10 + 1 = 51 characters: 6 begin within 300. Missed duties 60 + 10 + 1 = 71: A's
    // 3, then B's first 2 (B starts at 213). Overdue's width (0 + 10 + 1) would let far more through.
    const [row] = await digests(caps(1_000), {
      shortest: { demotions: 40, promotions: 0, overdue: 0, missed: 60 },
      longest: 2_900,
      budget: 300,
    });
    expect(row?.demotions.map(([name]) => name[0])).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(row?.missed.map(([name, items]) => [name[0], items.length])).toEqual([
      ['A', 3],
      ['B', 2],
    ]);
    expect(row?.totals).toEqual({ demotions: 8, promotions: 0, overdue: 0, missed: 24 });
  });

  it("reads only each section's items under its own cap, and every partner with a depth line", async () => {
    const item = (obligation: string) => ({ obligation, dueOn: '2026-01-01', contact: null });
    const quarters = [{ year: 2026, number: 1 }];
    for (const id of ['a', 'b', 'c'])
      await givenPartner(db(), { id, name: id.toUpperCase(), managerSlackUserId: 'U1' });
    await saveAll({
      a: {
        overdue: 3,
        missed: 2,
        details: {
          overdue: [item('o1'), item('o2'), item('o3')],
          missed: [
            { obligation: 'm1', quarters },
            { obligation: 'm2', quarters },
          ],
        },
      },
      b: { overdue: 1, details: { overdue: [item('o4')], missed: [] } },
      // Past every cap, but its program-depth line is always read.
      c: {
        overdue: 1,
        details: { overdue: [item('o5')], missed: [], depth: { techReviewsMissed: ['2026-03'] } },
      },
    });
    const [row] = await digests({ demotions: 5, promotions: 5, overdue: 2, missed: 3 });
    expect([
      row?.overdue.map(([name, items]) => [name, items.map((o) => o.obligation)]),
      row?.missed.map(([name, items]) => [name, items.map((m) => m.obligation)]),
      row?.depth,
      row?.totals.overdue,
      [row?.listedRank, row?.depthRank],
    ]).toEqual([
      [['A', ['o1', 'o2']]],
      [['A', ['m1', 'm2']]],
      [['C', { techReviewsMissed: ['2026-03'] }]],
      5,
      [1, 2],
    ]);
  });
});
