import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  type Applied,
  createImportMergeRepository,
  type ImportMergeRepository,
} from '../../src/db/repositories/import-merge.repository.js';
import {
  createImportStagingRepository,
  type StagedRow,
  type StagingType,
} from '../../src/db/repositories/import-staging.repository.js';
import {
  checklistItems,
  contacts,
  partners,
  revenueLines,
  staff,
  tierHistory,
  trainingCompletions,
} from '../../src/db/schema.js';
import { transaction } from '../../src/db/transaction.js';
import { KINDS } from '../../src/import/kinds/index.js';
import { BACKENDS } from '../support/databases.js';
import { givenContact, givenPartner } from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

describe.each(BACKENDS)('import merge repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  /** Stages the rows (in the columns an import kind stages) and merges them, in one transaction. */
  const merge = (
    columns: Readonly<Record<string, StagingType>>,
    rows: StagedRow[],
    apply: (merge: ImportMergeRepository) => Promise<Applied>,
  ) =>
    transaction(db(), async (tx) => {
      const stage = createImportStagingRepository(tx);
      await stage.create(columns);
      await stage.stage(
        columns,
        rows.map((row, i) => ({ line: i + 2, ...row })),
      );
      return apply(createImportMergeRepository(tx));
    });

  const PARTNER = KINDS.partners.staging;
  const partnerRow = (id: string, over: StagedRow = {}): StagedRow => ({
    partner_id: id,
    name: id,
    search_name: id,
    type: 'ambassador',
    operator_program: null,
    slack_channel_id: null,
    manager_slack_user_id: null,
    joined_on: '2025-01-01',
    tier: null,
    ...over,
  });

  it('merges partners: created with their starting tier recorded, changed ones updated, the same left alone', async () => {
    const imported = (m: ImportMergeRepository) => m.partners({ actor: 'cli:test', catalogVersion: 'v9' });
    expect(
      await merge(PARTNER, [partnerRow('acme', { tier: 'business' }), partnerRow('beta')], imported),
    ).toEqual({
      inserted: 2,
      updated: 0,
    });
    const rows = await db().select().from(partners).orderBy(asc(partners.id));
    expect(rows.map((p) => [p.id, p.tier, p.tierSince])).toEqual([
      ['acme', 'business', '2025-01-01'],
      ['beta', 'starter', '2025-01-01'],
    ]);
    expect(await db().select().from(tierHistory)).toEqual([
      expect.objectContaining({
        partnerId: 'acme',
        kind: 'import',
        tier: 'business',
        actor: 'cli:test',
        catalogVersion: 'v9',
      }),
    ]);

    expect(
      await merge(
        PARTNER,
        [partnerRow('acme', { tier: 'premium' }), partnerRow('beta', { name: 'Beta' })],
        imported,
      ),
    ).toEqual({ inserted: 0, updated: 1 });
    const [beta] = await db().select().from(partners).where(eq(partners.id, 'beta'));
    expect(beta!.name).toBe('Beta');
    // An existing partner's tier is not the file's to move.
    expect((await db().select().from(partners).where(eq(partners.id, 'acme')))[0]!.tier).toBe('business');
    expect(await db().select().from(tierHistory)).toHaveLength(1);
  });

  it('merges contacts on their Slack user id', async () => {
    await givenPartner(db(), { id: 'acme' });
    const columns = KINDS.contacts.staging;
    const row = (slackUserId: string, name: string): StagedRow => ({
      partner_id: 'acme',
      slack_user_id: slackUserId,
      name,
      email: null,
      profile: 'admin+sales',
      referent: slackUserId === 'U1' ? 'sales' : '',
    });
    expect(await merge(columns, [row('U1', 'Anne'), row('U2', 'Bob')], (m) => m.contacts())).toEqual({
      inserted: 2,
      updated: 0,
    });
    expect(await merge(columns, [row('U1', 'Anne'), row('U2', 'Robert')], (m) => m.contacts())).toEqual({
      inserted: 0,
      updated: 1,
    });
    const rows = await db().select().from(contacts).orderBy(asc(contacts.slackUserId));
    expect(rows.map((c) => [c.name, c.profiles, c.referentProfiles])).toEqual([
      ['Anne', ['admin', 'sales'], ['sales']],
      ['Robert', ['admin', 'sales'], []],
    ]);
  });

  it('merges staff on their Slack user id', async () => {
    const columns = KINDS.staff.staging;
    expect(
      await merge(columns, [{ slack_user_id: 'U1', name: 'Alice', role: 'manager' }], (m) => m.staff()),
    ).toEqual({
      inserted: 1,
      updated: 0,
    });
    expect(
      await merge(columns, [{ slack_user_id: 'U1', name: 'Alice', role: 'admin' }], (m) => m.staff()),
    ).toEqual({
      inserted: 0,
      updated: 1,
    });
    expect(
      await merge(columns, [{ slack_user_id: 'U1', name: 'Alice', role: 'admin' }], (m) => m.staff()),
    ).toEqual({
      inserted: 0,
      updated: 0,
    });
    expect(await db().select().from(staff)).toEqual([
      expect.objectContaining({ slackUserId: 'U1', role: 'admin' }),
    ]);
  });

  it('merges revenue lines: changed amounts updated, new lines inserted, equal ones left alone', async () => {
    await givenPartner(db(), { id: 'acme' });
    const columns = KINDS.revenue.staging;
    const line = (month: string, cents: number): StagedRow => ({
      partner_id: 'acme',
      month,
      category: 'recurring',
      amount_cents: cents,
    });
    expect(
      await merge(columns, [line('2026-01-01', 100), line('2026-02-01', 200)], (m) => m.revenue()),
    ).toEqual({
      inserted: 2,
      updated: 0,
    });
    expect(
      await merge(columns, [line('2026-01-01', 100), line('2026-02-01', 250), line('2026-03-01', 300)], (m) =>
        m.revenue(),
      ),
    ).toEqual({ inserted: 1, updated: 1 });
    const rows = await db().select().from(revenueLines).orderBy(asc(revenueLines.month));
    expect(rows.map((r) => r.amountCents)).toEqual([100, 250, 300]);
  });

  it('merges trainings as confirmed by the importer, confirming a pending declaration', async () => {
    await givenPartner(db(), { id: 'acme' });
    const anne = await givenContact(db(), { partnerId: 'acme', slackUserId: 'U1' });
    await db().insert(trainingCompletions).values({
      partnerId: 'acme',
      contactId: anne.id,
      training: 'trn-sales',
      completedOn: '2026-02-01',
      status: 'pending',
      declaredBy: 'U1',
    });
    const columns = KINDS.trainings.staging;
    const row = (training: string): StagedRow => ({
      partner_id: 'acme',
      slack_user_id: 'U1',
      training,
      completed_on: '2026-02-01',
    });
    const imported = (m: ImportMergeRepository) => m.trainings({ actor: 'cli:test' });
    expect(await merge(columns, [row('trn-sales'), row('trn-tech')], imported)).toEqual({
      inserted: 1,
      updated: 1,
    });
    expect(await merge(columns, [row('trn-sales'), row('trn-tech')], imported)).toEqual({
      inserted: 0,
      updated: 0,
    });
    const rows = await db().select().from(trainingCompletions).orderBy(asc(trainingCompletions.training));
    expect(rows.map((r) => [r.training, r.status, r.confirmedBy])).toEqual([
      ['trn-sales', 'confirmed', 'cli:test'],
      ['trn-tech', 'confirmed', 'cli:test'],
    ]);
  });

  it('merges checklist items: a row is new or already there', async () => {
    await givenPartner(db(), { id: 'acme' });
    const columns = KINDS.checklist.staging;
    const row = (completedOn: string): StagedRow => ({
      partner_id: 'acme',
      item: 'doc-charter',
      completed_on: completedOn,
    });
    expect(await merge(columns, [row('2026-01-01')], (m) => m.checklist())).toEqual({
      inserted: 1,
      updated: 0,
    });
    expect(await merge(columns, [row('2026-01-01'), row('2026-02-01')], (m) => m.checklist())).toEqual({
      inserted: 1,
      updated: 0,
    });
    expect(await db().select().from(checklistItems)).toHaveLength(2);
  });
});
