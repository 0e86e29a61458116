import { describe, expect, it } from 'vitest';
import {
  createPartnerStatusesRepository,
  type PartnerStatusFigures,
} from '../../src/db/repositories/partner-statuses.repository.js';
import { partners } from '../../src/db/schema.js';
import { digestMessagesOf, digestReadBounds, planDigests } from '../../src/jobs/digest.job.js';
import { LOCALES } from '../../src/program/locales.js';
import { rulesKey } from '../../src/services/partner-status-snapshot.service.js';
import { type DroppableTestDatabase, useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { catalog, jobDeps } from './support.js';

const TODAY = '2026-04-06';
const PARTNERS = 900;

/** A name of 1 to 80 characters, some with what mrkdwn escapes. */
function nameOf(i: number): string {
  const base = `P${String(i).padStart(3, '0')} ${i % 7 === 0 ? 'R&D <Lab> ' : ''}`;
  return `${base}${'x'.repeat((i * 37) % 80)}`.slice(0, 1 + ((i * 53) % 80));
}

/** Every partner (nearly all of one manager's): a demotion or a promotion within reach, two overdue items, two quarterly duties missed. */
function figuresOf(i: number): PartnerStatusFigures {
  const quarters = [
    { year: 2025, number: 2 },
    { year: 2025, number: 3 },
    { year: 2025, number: 4 },
  ].slice(0, 1 + (i % 3));
  return {
    hasLeft: false,
    overdue: 2,
    missed: 2,
    averageSoFarCents: 10_000 * i,
    demotionTo: i % 2 === 0 ? 'access' : null,
    missingToKeepCents: i % 2 === 0 ? 500 * i : null,
    promotionTo: i % 2 === 0 ? null : 'business',
    missingForNextCents: i % 2 === 0 ? null : 300 * i,
    details: {
      overdue: [
        { obligation: 'doc-qualification-form', dueOn: '2026-01-15', contact: null },
        {
          obligation: 'doc-development-plan',
          dueOn: '2026-02-01',
          contact: { id: i, slackUserId: i % 5 === 0 ? null : `UC${i}`, name: `Contact ${i}` },
        },
      ],
      missed: [
        { obligation: 'sales-plan-review', quarters },
        { obligation: 'sales-forecast', quarters },
      ],
    },
  };
}

describe.each(BACKENDS)('what the digest reads of a large portfolio, on %s', (backend) => {
  let t: DroppableTestDatabase;
  useTestDatabase(backend, (db) => (t = db));

  it('its bounds (line counts and names’ lengths) leave every message as it is when everything is read', async () => {
    await t.db.insert(partners).values(
      Array.from({ length: PARTNERS }, (_, i) => ({
        id: `p${i}`,
        name: nameOf(i),
        searchName: nameOf(i).toLowerCase(),
        type: 'ambassador' as const,
        tier: 'business',
        tierSince: '2025-10-01',
        joinedOn: '2025-10-01',
        managerSlackUserId: i % 50 === 0 ? 'UMGR2' : 'UMGR1',
      })),
    );
    // The snapshot as the refresh would leave it today, under these rules: planDigests reads it as it is.
    const snapshots = createPartnerStatusesRepository(t.db);
    const stale = await snapshots.stale(TODAY, rulesKey(catalog), { managedBy: undefined });
    await snapshots.save(
      TODAY,
      rulesKey(catalog),
      stale.map((s) => ({ ...s, ...figuresOf(Number(s.partnerId.slice(1))) })),
    );

    const deps = jobDeps(t.db);
    const bounded = await planDigests(t.db, deps, TODAY);
    const everything = await planDigests(t.db, deps, TODAY, {
      lines: { demotions: 10_000, promotions: 10_000, overdue: 10_000, missed: 10_000 },
    });
    // The bounds cut: fewer lines read than there are...
    const lines = (digests: typeof bounded) =>
      digests.map((d) => [d.demotions.length, d.promotions.length, d.overdue.length, d.missed.length]);
    const large = (digests: typeof bounded) => lines(digests.filter((d) => d.manager === 'UMGR1'))[0]!;
    const all = large(everything);
    for (const [section, n] of large(bounded).entries())
      expect(n, `section ${section}`).toBeLessThan(all[section]!);
    // ... and cut only below what the counts alone read.
    const counted = await planDigests(t.db, deps, TODAY, { lines: digestReadBounds(catalog).lines });
    expect(
      lines(bounded)
        .flat()
        .reduce((a, b) => a + b),
    ).toBeLessThan(
      lines(counted)
        .flat()
        .reduce((a, b) => a + b),
    );
    // ... yet every message, in both languages, is the same.
    for (const locale of LOCALES)
      expect(await digestMessagesOf(catalog, locale, TODAY, bounded)).toEqual(
        await digestMessagesOf(catalog, locale, TODAY, everything),
      );
  });
});
