import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, rowsOf } from '../../src/db/client.js';
import {
  arrayLiteral,
  createImportStagingRepository,
  type ImportStagingRepository,
  type StageCheckName,
  type StageCheckRows,
  type StageProblems,
} from '../../src/db/repositories/import-staging.repository.js';
import { transaction } from '../../src/db/transaction.js';
import { describeProblem } from '../../src/i18n/import-issues.js';
import { duplicateProblem, stageCheckProblem } from '../../src/services/import.service.js';
import { BACKENDS } from '../support/databases.js';
import { givenContact, givenPartner, givenStaff } from '../support/rows.js';
import { useRepositoryDatabase } from './support.js';

const PARTNER_COLUMNS = {
  partner_id: 'text',
  slack_channel_id: 'text',
  manager_slack_user_id: 'text',
  tier: 'text',
} as const;
const CONTACT_COLUMNS = {
  partner_id: 'text',
  slack_user_id: 'text',
  // Both the contacts and the trainings files carry it (optional): the contact checks read it.
  email: 'text',
  contact_key: 'text',
  profile: 'text',
  referent: 'text',
} as const;

/** What a check found, each line in the words the import shows (English). */
function worded<N extends StageCheckName>(name: N, found: StageProblems<StageCheckRows[N]>) {
  return {
    lines: found.lines.map((l) => ({
      line: l.line,
      message: describeProblem(stageCheckProblem(name, l), 'en'),
    })),
    total: found.total,
  };
}

function wordedDuplicates(key: string[], found: StageProblems<{ firstLine: number }>) {
  return {
    lines: found.lines.map((l) => ({
      line: l.line,
      message: describeProblem(duplicateProblem(key, l.firstLine), 'en'),
    })),
    total: found.total,
  };
}

describe('arrayLiteral', () => {
  it('quotes texts (escaping " and \\), writes numbers, booleans and NULL', () => {
    expect(arrayLiteral(['a', 'say "hi"', 'back\\slash', null, 12, true, false])).toBe(
      '{"a","say \\"hi\\"","back\\\\slash",NULL,12,t,f}',
    );
    expect(arrayLiteral([])).toBe('{}');
  });
});

describe.each(BACKENDS)('import staging repository on %s', (backend) => {
  const db = useRepositoryDatabase(backend);
  /** Runs `work` on a staging table (dropped with the transaction, which commits). */
  const staged = <T>(
    columns: Parameters<ImportStagingRepository['create']>[0],
    rows: Record<string, string | number | boolean | null>[],
    work: (stage: ImportStagingRepository, tx: Db) => Promise<T>,
  ) =>
    transaction(db(), async (tx) => {
      const stage = createImportStagingRepository(tx);
      await stage.create(columns);
      await stage.stage(columns, rows);
      await stage.analyze();
      return work(stage, tx);
    });

  it('stages rows of every type, in batches, as they were given', async () => {
    const columns = { t: 'text', i: 'integer', b: 'bigint', d: 'date', f: 'boolean' } as const;
    const read = await transaction(db(), async (tx) => {
      const stage = createImportStagingRepository(tx);
      await stage.create(columns);
      await stage.stage(columns, []);
      await stage.stage(columns, [
        { line: 2, t: 'O\'Neil "quoted" \\ x', i: 7, b: 9_007_199_254_740_991, d: '2026-03-01', f: true },
      ]);
      await stage.stage(columns, [{ line: 3, t: null, i: null, b: null, d: null, f: false }]);
      return rowsOf<Record<string, unknown>>(
        await tx.execute(
          sql`select line, t, i, b::text as b, d::text as d, f from import_stage order by line`,
        ),
      );
    });
    expect(read).toEqual([
      { line: 2, t: 'O\'Neil "quoted" \\ x', i: 7, b: '9007199254740991', d: '2026-03-01', f: true },
      { line: 3, t: null, i: null, b: null, d: null, f: false },
    ]);
  });

  it('drops the staging table with the transaction', async () => {
    await staged(PARTNER_COLUMNS, [], async () => undefined);
    await staged(PARTNER_COLUMNS, [], async () => undefined);
  });

  it('reports a key already on an earlier line, by line, with how many in all beyond the limit', async () => {
    const rows = [2, 3, 4, 5].map((line) => ({ line, partner_id: line === 3 ? 'beta' : 'acme' }));
    const found = await staged(PARTNER_COLUMNS, rows, async (stage) => ({
      all: wordedDuplicates(['partner_id'], await stage.duplicates(['partner_id'], 10)),
      limited: wordedDuplicates(['partner_id'], await stage.duplicates(['partner_id'], 1)),
      none: wordedDuplicates(['partner_id', 'tier'], await stage.duplicates(['partner_id', 'tier'], 10)),
    }));
    // partner_id + tier: every tier is null, and null never equals null.
    expect(found.none).toEqual({ lines: [], total: 0 });
    expect(found.all).toEqual({
      lines: [
        { line: 4, message: 'same partner_id as line 2' },
        { line: 5, message: 'same partner_id as line 2' },
      ],
      total: 2,
    });
    expect(found.limited).toEqual({ lines: [{ line: 4, message: 'same partner_id as line 2' }], total: 2 });
  });

  it('finds unknown partners and channels already taken, in the file or by another partner', async () => {
    await givenPartner(db(), { id: 'acme', slackChannelId: 'C1' });
    await givenPartner(db(), { id: 'beta', slackChannelId: 'C2' });
    const rows = [
      { line: 2, partner_id: 'nobody', slack_channel_id: 'C9' },
      { line: 3, partner_id: 'gamma', slack_channel_id: 'C9' },
      { line: 4, partner_id: 'acme', slack_channel_id: 'C2' },
    ];
    const found = await staged(PARTNER_COLUMNS, rows, async (stage) => ({
      unknown: worded('unknown-partner', await stage.check('unknown-partner', 10)),
      twice: worded('channel-twice', await stage.check('channel-twice', 10)),
      taken: worded('channel-of-another-partner', await stage.check('channel-of-another-partner', 10)),
    }));
    expect(found.unknown.lines).toEqual([
      { line: 2, message: 'unknown partner nobody' },
      { line: 3, message: 'unknown partner gamma' },
    ]);
    expect(found.twice.lines).toEqual([
      { line: 3, message: 'channel C9 is already used by another row of the file (line 2)' },
    ]);
    expect(found.taken.lines).toEqual([
      { line: 4, message: 'channel C2 is already the channel of partner beta' },
    ]);
  });

  it('finds contacts of another partner and partners left with two referents of a profile', async () => {
    await givenPartner(db(), { id: 'acme' });
    await givenPartner(db(), { id: 'beta' });
    await givenContact(db(), { partnerId: 'acme', slackUserId: 'U1', profile: 'sales', referent: false });
    await givenContact(db(), { partnerId: 'acme', slackUserId: 'U5', profile: 'sales', referent: true });
    const rows = [
      { line: 2, partner_id: 'beta', slack_user_id: 'U1', contact_key: 'U1', profile: 'sales', referent: '' },
      {
        line: 3,
        partner_id: 'acme',
        slack_user_id: 'U2',
        contact_key: 'U2',
        profile: 'admin+sales',
        referent: 'admin+sales',
      },
      {
        line: 4,
        partner_id: 'acme',
        slack_user_id: 'U3',
        contact_key: 'U3',
        profile: 'technical',
        referent: 'technical',
      },
    ];
    const found = await staged(CONTACT_COLUMNS, rows, async (stage) => ({
      other: worded('contact-of-another-partner', await stage.check('contact-of-another-partner', 10)),
      referents: worded('several-referents', await stage.check('several-referents', 10)),
      unknownContact: worded('unknown-contact', await stage.check('unknown-contact', 10)),
      notOfPartner: worded('contact-not-of-partner', await stage.check('contact-not-of-partner', 10)),
    }));
    expect(found.other.lines).toEqual([
      {
        line: 2,
        message: 'U1 is already a contact of partner acme (a Slack user is the contact of one partner)',
      },
    ]);
    expect(found.referents.lines).toEqual([
      { line: 3, message: 'partner acme would have several sales referents (U2, U5); keep one' },
    ]);
    expect(found.unknownContact.lines.map((l) => l.message)).toEqual([
      'no contact U2 (import contacts first)',
      'no contact U3 (import contacts first)',
    ]);
    expect(found.notOfPartner.lines).toEqual([
      { line: 2, message: 'U1 is a contact of partner acme, not of beta' },
    ]);
  });

  it('notes existing partners with another tier in the file, and managers who are not staff', async () => {
    await givenPartner(db(), { id: 'acme', tier: 'business' });
    await givenStaff(db(), 'UM1', 'manager');
    const rows = [
      { line: 2, partner_id: 'acme', tier: 'premium', manager_slack_user_id: 'UM1' },
      { line: 3, partner_id: 'new', tier: 'premium', manager_slack_user_id: 'UX2' },
      { line: 4, partner_id: 'new2', tier: null, manager_slack_user_id: 'UX1' },
      { line: 5, partner_id: 'new3', tier: null, manager_slack_user_id: 'UX1' },
    ];
    const found = await staged(PARTNER_COLUMNS, rows, async (stage) => ({
      tiers: await stage.tiersDiffering(),
      managers: await stage.managersNotStaff(),
    }));
    expect(found.tiers).toEqual({
      rows: [{ line: 2, partnerId: 'acme', fileTier: 'premium', tier: 'business' }],
      total: 1,
    });
    expect(found.managers).toEqual(['UX1', 'UX2']);
  });

  it('finds nothing to note or refuse in an empty stage', async () => {
    const found = await staged(PARTNER_COLUMNS, [], async (stage) => ({
      tiers: await stage.tiersDiffering(),
      managers: await stage.managersNotStaff(),
      unknown: worded('unknown-partner', await stage.check('unknown-partner', 10)),
    }));
    expect(found).toEqual({ tiers: { rows: [], total: 0 }, managers: [], unknown: { lines: [], total: 0 } });
  });
});
