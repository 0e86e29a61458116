import { asc, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import {
  auditLog,
  checklistItems,
  contacts,
  partners,
  revenueLines,
  staff,
  tierHistory,
  trainingCompletions,
} from '../../src/db/schema.js';
import { writeMessages } from '../../src/i18n/writes.js';
import {
  describeNote,
  type ImportKind,
  ImportRejected,
  type ImportReport,
  importCsv,
} from '../../src/services/import.service.js';
import { useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { givenContact } from '../support/rows.js';
import {
  ACTOR,
  catalog,
  countRows as countTableRows,
  csvFile,
  importFile,
  inWords,
  TODAY,
} from './support.js';

const PARTNERS = [
  'partner_id,name,type,operator_program,slack_channel_id,manager_slack_user_id,joined_on,tier',
  'acme,Société Acmé,operator,standard,C0ACME,U0MGR1,2025-01-15,',
  'beta,Beta Télécom,ambassador,,C0BETA,U0MGR1,2025-03-01,business',
  'gamma,"Gamma ""G"" {x}, \\ y",operator,eshop,,,2026-02-01,',
];

const CONTACTS = [
  'partner_id;slack_user_id;name;email;profile;referent',
  'acme;U0ACME1;Ann Acme;ann@acme.example;admin;oui',
  'acme;U0ACME2;Al Acme;;sales;non',
  'beta;U0BETA1;Bea Beta;bea@beta.example;Technical;yes',
];

describe.each(BACKENDS)('CSV import on %s', (backend) => {
  let db: Db;
  useTestDatabase(backend, (t) => ({ db } = t));

  const run = (kind: ImportKind, file: string, dryRun = false): Promise<ImportReport> =>
    importFile(db, kind, file, { dryRun });

  async function rejected(kind: ImportKind, file: string): Promise<ImportRejected> {
    const err = await run(kind, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    return err as ImportRejected;
  }

  const issues = (err: ImportRejected) =>
    inWords(err.issues).map((i) => `${i.line}/${i.column}: ${i.message}`);
  const notes = (r: ImportReport) => r.notes.map((note) => describeNote(note, 'en'));
  const counts = (r: ImportReport) => [r.rows, r.inserted, r.updated, r.unchanged];
  const countRows = (table: PgTable) => countTableRows(db, table);

  async function givenPartnersAndContacts() {
    await run('partners', csvFile(PARTNERS));
    await run('contacts', csvFile(CONTACTS));
  }

  describe('partners', () => {
    it('creates partners with their search name, starting tier and tier history', async () => {
      const report = await run('partners', csvFile(PARTNERS));
      expect(counts(report)).toEqual([3, 3, 0, 0]);
      expect(notes(report)).toEqual([
        'managers not in the staff list (import staff to let them act as managers): U0MGR1',
      ]);
      const rows = await db.select().from(partners).orderBy(asc(partners.id));
      expect(
        rows.map((p) => [
          p.id,
          p.searchName,
          p.type,
          p.operatorProgram,
          p.slackChannelId,
          p.tier,
          p.tierSince,
        ]),
      ).toEqual([
        ['acme', 'societe acme', 'operator', 'standard', 'C0ACME', 'starter', '2025-01-15'],
        ['beta', 'beta telecom', 'ambassador', null, 'C0BETA', 'business', '2025-03-01'],
        ['gamma', 'gamma "g" {x}, \\ y', 'operator', 'eshop', null, 'starter', '2026-02-01'],
      ]);
      const history = await db.select().from(tierHistory);
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({
        partnerId: 'beta',
        kind: 'import',
        tier: 'business',
        effectiveOn: '2025-03-01',
        actor: ACTOR,
        catalogVersion: catalog.version,
      });
      const audit = await db.select().from(auditLog);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor: ACTOR,
        action: 'import.partners',
        details: { file: expect.stringMatching(/\.csv$/), rows: 3, inserted: 3, updated: 0, unchanged: 0 },
      });
    });

    it('changes nothing when the same file comes again, not even updated_at', async () => {
      const file = csvFile(PARTNERS);
      await run('partners', file);
      const before = await db.select().from(partners).orderBy(asc(partners.id));
      const report = await run('partners', file);
      expect(counts(report)).toEqual([3, 0, 0, 3]);
      expect(await db.select().from(partners).orderBy(asc(partners.id))).toEqual(before);
      expect(await db.select().from(tierHistory)).toHaveLength(1);
    });

    it('updates changed partners only, and leaves an existing tier to evaluations', async () => {
      await run('partners', csvFile(PARTNERS));
      const [gammaBefore] = await db.select().from(partners).where(eq(partners.id, 'gamma'));
      const report = await run(
        'partners',
        csvFile([
          PARTNERS[0]!,
          'acme,ACME SAS,operator,eshop_managed,C0ACME,U0MGR2,2025-01-15,premium',
          PARTNERS[2]!,
          PARTNERS[3]!,
        ]),
      );
      expect(counts(report)).toEqual([3, 0, 1, 2]);
      expect(notes(report).join('\n')).toMatch(
        /tier column ignored for 1 existing partner .*acme \(line 2: premium, is starter\)/,
      );
      const [acme] = await db.select().from(partners).where(eq(partners.id, 'acme'));
      expect(acme).toMatchObject({
        name: 'ACME SAS',
        searchName: 'acme sas',
        operatorProgram: 'eshop_managed',
        tier: 'starter',
      });
      expect(acme!.updatedAt.getTime()).toBeGreaterThanOrEqual(acme!.createdAt.getTime());
      const [gammaAfter] = await db.select().from(partners).where(eq(partners.id, 'gamma'));
      expect(gammaAfter!.updatedAt).toEqual(gammaBefore!.updatedAt);
    });

    it('lists every bad cell by line and column and writes nothing', async () => {
      const err = await rejected(
        'partners',
        csvFile([
          PARTNERS[0]!,
          'acme,Acme,operator,standard,C0ACME,U0MGR1,2025-01-15,',
          'beta,Beta,operator,,bad channel,,2025-02-30,gold',
          'gamma,Gamma,ambassador,eshop,,,2026-02-01,',
          'delta,Delta,operator,standard,C0ACME,,2026-02-01,',
          'acme,Acme again,ambassador,,,,2026-02-01,',
          'zeta,,reseller,,,,2025-01-15,',
        ]),
      );
      expect(issues(err)).toEqual([
        '3/joined_on: "2025-02-30" is not a date (YYYY-MM-DD or DD/MM/YYYY, e.g. 2024-03-31 or 31/03/2024)',
        '3/operator_program: required for operators (standard, eshop, eshop_managed)',
        '3/slack_channel_id: "bad channel" is not a Slack channel id (like C0123ABCD)',
        '3/tier: unknown tier "gold" (one of starter, access, business, premium)',
        '4/operator_program: must be empty for ambassadors (got "eshop")',
        '5/slack_channel_id: channel C0ACME is already used by another row of the file (line 2)',
        '6/partner_id: same partner_id as line 2',
        '7/name: required',
        '7/type: unknown partnership type "reseller" (one of ambassador, operator)',
      ]);
      expect(await countRows(partners)).toBe(0);
      expect(await countRows(auditLog)).toBe(0);
    });

    it('refuses a channel that another partner already has', async () => {
      await run('partners', csvFile(PARTNERS));
      const err = await rejected(
        'partners',
        csvFile([PARTNERS[0]!, 'delta,Delta,operator,standard,C0BETA,,2026-02-01,']),
      );
      expect(issues(err)).toEqual([
        '2/slack_channel_id: channel C0BETA is already the channel of partner beta',
      ]);
    });
  });

  describe('partners: the optional left_on column', () => {
    const HEADER = `${PARTNERS[0]!},left_on`;
    const leftOf = async () =>
      Object.fromEntries(
        (await db.select().from(partners).orderBy(asc(partners.id))).map((p) => [
          p.id,
          [p.leftOn, p.leftReason],
        ]),
      );

    it('records the day a partner left, updates it on re-import, and empty means still in the program', async () => {
      const report = await run(
        'partners',
        csvFile([HEADER, `${PARTNERS[1]!},2026-03-31`, `${PARTNERS[2]!},`, `${PARTNERS[3]!},`]),
      );
      expect(counts(report)).toEqual([3, 3, 0, 0]);
      expect(await leftOf()).toEqual({
        acme: ['2026-03-31', null],
        beta: [null, null],
        gamma: [null, null],
      });
      // Another day for acme, beta leaves, gamma unchanged.
      const again = await run(
        'partners',
        csvFile([HEADER, `${PARTNERS[1]!},2026-04-30`, `${PARTNERS[2]!},2026-05-01`, `${PARTNERS[3]!},`]),
      );
      expect(counts(again)).toEqual([3, 0, 2, 1]);
      expect(await leftOf()).toMatchObject({ acme: ['2026-04-30', null], beta: ['2026-05-01', null] });
      // Emptied: back in the program, and a reason recorded in Slack goes with it.
      await db.update(partners).set({ leftReason: 'contract ended' }).where(eq(partners.id, 'beta'));
      await run('partners', csvFile([HEADER, `${PARTNERS[2]!},`]));
      expect((await leftOf()).beta).toEqual([null, null]);
    });

    it('a file without the column is read as every partner in the program (the column is optional)', async () => {
      await run('partners', csvFile(PARTNERS));
      expect(Object.values(await leftOf()).every(([on]) => on === null)).toBe(true);
    });

    it('is validated like the other dates, and a partner cannot leave before it joined', async () => {
      const err = await rejected(
        'partners',
        csvFile([
          HEADER,
          `${PARTNERS[1]!},2026-02-30`,
          `${PARTNERS[2]!},03/31/2026`,
          `${PARTNERS[3]!},2026-01-31`,
        ]),
      );
      expect(issues(err)).toEqual([
        '2/left_on: "2026-02-30" is not a date (YYYY-MM-DD or DD/MM/YYYY, e.g. 2024-03-31 or 31/03/2024)',
        '3/left_on: "03/31/2026" is not a date (YYYY-MM-DD or DD/MM/YYYY, e.g. 2024-03-31 or 31/03/2024)',
        '4/left_on: 2026-01-31 is before joined_on (2026-02-01): a partner leaves after it joined',
      ]);
      expect(await countRows(partners)).toBe(0);
    });
  });

  describe('contacts', () => {
    it('imports a semicolon file with a BOM and CRLF, referents as oui/non/yes', async () => {
      await run('partners', csvFile(PARTNERS));
      const report = await run('contacts', csvFile(CONTACTS, { bom: true, eol: '\r\n' }));
      expect(report.delimiter).toBe(';');
      expect(counts(report)).toEqual([3, 3, 0, 0]);
      const rows = await db.select().from(contacts).orderBy(asc(contacts.slackUserId));
      expect(
        rows.map((c) => [c.partnerId, c.slackUserId, c.name, c.email, c.profiles, c.referentProfiles]),
      ).toEqual([
        ['acme', 'U0ACME1', 'Ann Acme', 'ann@acme.example', ['admin'], ['admin']],
        ['acme', 'U0ACME2', 'Al Acme', null, ['sales'], []],
        ['beta', 'U0BETA1', 'Bea Beta', 'bea@beta.example', ['technical'], ['technical']],
      ]);
      expect(counts(await run('contacts', csvFile(CONTACTS)))).toEqual([3, 0, 0, 3]);
      expect(
        counts(
          await run('contacts', csvFile([CONTACTS[0]!, 'acme;U0ACME2;Al Acme;al@acme.example;sales;non'])),
        ),
      ).toEqual([1, 0, 1, 0]);
    });

    it('refuses a contact of another partner, an unknown partner and two referents for one profile', async () => {
      await givenPartnersAndContacts();
      const err = await rejected(
        'contacts',
        csvFile([
          CONTACTS[0]!,
          'beta;U0ACME2;Al Acme;;sales;non',
          'nobody;U0NEW1;New;;admin;non',
          'acme;U0ACME3;Other admin;;admin;oui',
          'acme;U0ACME4;x;not-an-email;boss;maybe',
        ]),
      );
      expect(issues(err)).toEqual([
        '2/slack_user_id: U0ACME2 is already a contact of partner acme (a Slack user is the contact of one partner)',
        '3/partner_id: unknown partner nobody',
        '4/referent: partner acme would have several admin referents (U0ACME1, U0ACME3); keep one',
        '5/email: "not-an-email" is not an email address',
        '5/profile: unknown profile "boss" (one of admin, sales, technical)',
        '5/referent: "maybe" is not yes, no or a list of profiles (accepted: yes/no, oui/non, true/false, 1/0, or the profiles it is referent for, such as admin+technical)',
      ]);
      expect(await countRows(contacts)).toBe(3);
    });

    it('one person may hold several profiles joined by +, in any order and case, and be referent for some', async () => {
      await run('partners', csvFile(PARTNERS));
      const file = csvFile([
        CONTACTS[0]!,
        'acme;U0SOLO;Solo Acme;;Technical+admin+SALES;yes',
        'beta;U0DUO;Duo Beta;;sales + admin;technical+Admin',
      ]);
      expect(issues(await rejected('contacts', file))).toEqual([
        '3/referent: referent for technical, a profile the contact does not hold (profile admin+sales)',
      ]);
      const fixed = csvFile([
        CONTACTS[0]!,
        'acme;U0SOLO;Solo Acme;;Technical+admin+SALES;yes',
        'beta;U0DUO;Duo Beta;;sales + admin;Admin',
      ]);
      expect(counts(await run('contacts', fixed))).toEqual([2, 2, 0, 0]);
      const rows = await db.select().from(contacts).orderBy(asc(contacts.slackUserId));
      expect(rows.map((c) => [c.slackUserId, c.profiles, c.referentProfiles])).toEqual([
        ['U0DUO', ['admin', 'sales'], ['admin']],
        ['U0SOLO', ['admin', 'sales', 'technical'], ['admin', 'sales', 'technical']],
      ]);
      expect(counts(await run('contacts', fixed))).toEqual([2, 0, 0, 2]);
    });

    it('refuses a profile twice, an unknown or empty one, naming line and column, and imports nothing', async () => {
      await run('partners', csvFile(PARTNERS));
      const err = await rejected(
        'contacts',
        csvFile([
          CONTACTS[0]!,
          'acme;U0OK;Fine;;admin;no',
          'acme;U0TWICE;Twice;;admin+sales+Admin;no',
          'acme;U0BOSS;Boss;;admin+boss;no',
          'acme;U0EMPTY;Empty;;admin+;no',
          'acme;U0REF;Ref;;admin;admin+boss',
        ]),
      );
      expect(issues(err)).toEqual([
        '3/profile: profile admin listed twice in "admin+sales+Admin"',
        '4/profile: unknown profile "boss" (one of admin, sales, technical)',
        '5/profile: an empty profile in "admin+" (profiles are joined by +, such as admin+sales)',
        '6/referent: unknown profile "boss" (one of admin, sales, technical)',
      ]);
      expect(await countRows(contacts)).toBe(0);
    });

    it('a contact referent for two profiles clashes with each other referent of them', async () => {
      await givenPartnersAndContacts();
      const err = await rejected('contacts', csvFile([CONTACTS[0]!, 'acme;U0ACME5;Both;;admin+sales;yes']));
      expect(issues(err)).toEqual([
        '2/referent: partner acme would have several admin referents (U0ACME1, U0ACME5); keep one',
      ]);
    });
  });

  describe('staff', () => {
    it('imports a tab-separated file and upserts on slack_user_id', async () => {
      const file = csvFile(['slack_user_id\tname\trole', 'U0ADMIN\tAlice\tadmin', 'U0MGR1\tMarc\tManager']);
      const report = await run('staff', file);
      expect(report.delimiter).toBe('\t');
      expect(counts(report)).toEqual([2, 2, 0, 0]);
      expect(counts(await run('staff', file))).toEqual([2, 0, 0, 2]);
      expect(counts(await run('staff', csvFile(['slack_user_id,name,role', 'U0MGR1,Marc,admin'])))).toEqual([
        1, 0, 1, 0,
      ]);
      expect(
        await db
          .select({ id: staff.slackUserId, role: staff.role })
          .from(staff)
          .orderBy(asc(staff.slackUserId)),
      ).toEqual([
        { id: 'U0ADMIN', role: 'admin' },
        { id: 'U0MGR1', role: 'admin' },
      ]);
    });
  });

  describe('revenue', () => {
    it('reads French amounts into cents and upserts on partner, month and category', async () => {
      await run('partners', csvFile(PARTNERS));
      const file = csvFile(
        [
          'partner_id;month;category;amount_eur',
          'acme;2026-01;recurring;"1 234,56"',
          'acme;2026-01;one_off;1\u00a0234,56 €',
          'acme;2026-02;recurring;1\u202f000',
          'beta;2026-01;recurring;99.9',
          'beta;2026-01;minutes;0',
        ],
        { eol: '\r\n' },
      );
      expect(counts(await run('revenue', file))).toEqual([5, 5, 0, 0]);
      const rows = await db
        .select()
        .from(revenueLines)
        .orderBy(asc(revenueLines.partnerId), asc(revenueLines.month), asc(revenueLines.category));
      expect(rows.map((r) => [r.partnerId, r.month, r.category, r.amountCents])).toEqual([
        ['acme', '2026-01-01', 'one_off', 123456],
        ['acme', '2026-01-01', 'recurring', 123456],
        ['acme', '2026-02-01', 'recurring', 100000],
        ['beta', '2026-01-01', 'minutes', 0],
        ['beta', '2026-01-01', 'recurring', 9990],
      ]);
      expect(counts(await run('revenue', file))).toEqual([5, 0, 0, 5]);
      expect(
        await db
          .select()
          .from(revenueLines)
          .orderBy(asc(revenueLines.partnerId), asc(revenueLines.month), asc(revenueLines.category)),
      ).toEqual(rows);
      const changed = await run(
        'revenue',
        csvFile([
          'partner_id,month,category,amount_eur',
          'acme,2026-02,recurring,1500',
          'gamma,2026-02,recurring,1',
        ]),
      );
      expect(counts(changed)).toEqual([2, 1, 1, 0]);
    });

    it('rejects the whole file on any bad row, listing every error, and writes nothing', async () => {
      await run('partners', csvFile(PARTNERS));
      const err = await rejected(
        'revenue',
        csvFile([
          'partner_id,month,category,amount_eur',
          'acme,2026-01,recurring,100',
          'acme,2026-13,recurring,-5',
          'nobody,2026-01,recurring,100',
          'acme,2026-01,fees,abc',
          'acme,2026-01,recurring,200',
          'beta,2026-02,recurring,',
        ]),
      );
      expect(issues(err)).toEqual([
        '3/amount_eur: "-5" is negative; amounts must be 0 or more',
        '3/month: "2026-13" is not a month (YYYY-MM, MM/YYYY or "janv. 2026", e.g. 2024-03)',
        '4/partner_id: unknown partner nobody',
        '5/amount_eur: "abc" is not an amount (expected e.g. 1234,56 or 1 234.56)',
        '5/category: unknown revenue category "fees" (one of recurring, one_off, access_fees, minutes)',
        '6/partner_id+month+category: same partner_id, month, category as line 2',
        '7/amount_eur: an amount is required',
      ]);
      expect(err.issueCount).toBe(7);
      expect(await countRows(revenueLines)).toBe(0);
      expect(await countRows(auditLog)).toBe(1);
    });

    it('accepts revenue from before a partner joined, and says how many lines will not count', async () => {
      await run('partners', csvFile(PARTNERS));
      const report = await run(
        'revenue',
        csvFile([
          'partner_id,month,category,amount_eur',
          'gamma,2025-12,recurring,3000',
          'gamma,2026-01,recurring,3000',
          'gamma,2026-02,recurring,500',
          'beta,2025-03,recurring,100',
        ]),
      );
      expect(counts(report)).toEqual([4, 4, 0, 0]);
      expect(notes(report)).toEqual([
        '2 lines are for a month before the partner joined: recorded, but never counted toward a tier (gamma)',
      ]);
    });

    it('refuses a month after the current one, in the words of /partner revenue', async () => {
      await run('partners', csvFile(PARTNERS));
      const next = `${Number(TODAY.slice(0, 4)) + 1}-01`;
      const err = await rejected(
        'revenue',
        csvFile([
          'partner_id,month,category,amount_eur',
          `acme,${next},recurring,100`,
          `acme,${TODAY.slice(0, 7)},recurring,100`,
        ]),
      );
      expect(issues(err)).toEqual([`2/month: ${writeMessages.en.issues.monthFuture(next)}`]);
      expect(await countRows(revenueLines)).toBe(0);
    });

    it('streams a 50 000-line file', async () => {
      await run('partners', csvFile(PARTNERS));
      const lines = ['partner_id;month;category;amount_eur'];
      const ids = ['acme', 'beta', 'gamma'];
      const categories = ['recurring', 'one_off', 'access_fees', 'minutes'];
      let n = 0;
      outer: for (let year = 1; year <= 9999; year++)
        for (let month = 1; month <= 12; month++)
          for (const id of ids)
            for (const category of categories) {
              if (n === 50_000) break outer;
              lines.push(
                `${id};${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')};${category};${n % 9000},${n % 100}`,
              );
              n += 1;
            }
      const file = csvFile(lines);
      const started = performance.now();
      const report = await run('revenue', file);
      const seconds = (performance.now() - started) / 1000;
      console.info(
        `${backend}: 50 000 revenue lines in ${seconds.toFixed(2)} s (${Math.round(50_000 / seconds)} rows/s)`,
      );
      expect(counts(report)).toEqual([50_000, 50_000, 0, 0]);
      expect(await countRows(revenueLines)).toBe(50_000);
      expect(counts(await run('revenue', file))).toEqual([50_000, 0, 0, 50_000]);
    }, 120_000);
  });

  describe('trainings', () => {
    it('records confirmed trainings of a partner contact, and confirms a pending declaration', async () => {
      await givenPartnersAndContacts();
      const [al] = await db.select().from(contacts).where(eq(contacts.slackUserId, 'U0ACME2'));
      await db.insert(trainingCompletions).values({
        partnerId: 'acme',
        contactId: al!.id,
        training: 'trn-online-sales',
        completedOn: '2026-02-01',
        status: 'pending',
        declaredBy: 'U0ACME2',
      });
      const file = csvFile([
        'partner_id,slack_user_id,training,completed_on',
        'acme,U0ACME1,trn-online-admin,2026-01-10',
        'acme,U0ACME2,trn-online-sales,2026-02-01',
        'beta,u0beta1,TRN-WEBINAR-TRUNK-METACENTREX-DATA,2026-03-01',
      ]);
      expect(counts(await run('trainings', file))).toEqual([3, 2, 1, 0]);
      const rows = await db.select().from(trainingCompletions).orderBy(asc(trainingCompletions.training));
      expect(
        rows.map((r) => [r.partnerId, r.training, r.completedOn, r.status, r.declaredBy, r.confirmedBy]),
      ).toEqual([
        ['acme', 'trn-online-admin', '2026-01-10', 'confirmed', null, ACTOR],
        ['acme', 'trn-online-sales', '2026-02-01', 'confirmed', 'U0ACME2', ACTOR],
        ['beta', 'trn-webinar-trunk-metacentrex-data', '2026-03-01', 'confirmed', null, ACTOR],
      ]);
      expect(counts(await run('trainings', file))).toEqual([3, 0, 0, 3]);
    });

    it('refuses unknown trainings, contacts of another partner, unknown contacts and future dates', async () => {
      await givenPartnersAndContacts();
      const err = await rejected(
        'trainings',
        csvFile([
          'partner_id,slack_user_id,training,completed_on',
          'acme,U0BETA1,trn-online-admin,2026-01-10',
          'acme,U0NOBODY,trn-online-admin,2026-01-10',
          'acme,U0ACME1,doc-partner-charter,2026-01-10',
          'acme,U0ACME1,trn-online-admin,2027-01-01',
          'acme,U0ACME2,trn-online-sales,2026-01-10',
          'acme,U0ACME2,trn-online-sales,2026-01-11',
        ]),
      );
      expect(issues(err)).toEqual([
        '2/slack_user_id: U0BETA1 is a contact of partner beta, not of acme',
        '3/slack_user_id: no contact U0NOBODY (import contacts first)',
        '4/training: unknown training "doc-partner-charter" (see the program catalog)',
        '5/completed_on: 2027-01-01 is in the future (today is 2026-03-15)',
        '7/contact+training: same contact, training as line 6',
      ]);
      expect(await countRows(trainingCompletions)).toBe(0);
    });

    it('names a contact not on Slack by its e-mail, among its partner’s contacts', async () => {
      await givenPartnersAndContacts();
      await run(
        'contacts',
        csvFile([
          'partner_id,slack_user_id,name,email,profile,referent',
          'acme,,Paul Mail,Paul@Acme.example,sales,no',
          'beta,,Bob Mail,bob@beta.example,admin,no',
        ]),
      );
      const file = csvFile([
        'partner_id,slack_user_id,training,completed_on,email',
        'acme,,trn-online-sales,2026-02-01,paul@acme.EXAMPLE',
        'acme,U0ACME1,trn-online-admin,2026-01-10,',
      ]);
      expect(counts(await run('trainings', file))).toEqual([2, 2, 0, 0]);
      const [paul] = await db.select().from(contacts).where(eq(contacts.name, 'Paul Mail'));
      const rows = await db.select().from(trainingCompletions).orderBy(asc(trainingCompletions.training));
      expect(rows.map((r) => [r.contactId === paul!.id, r.training, r.status, r.confirmedBy])).toEqual([
        [false, 'trn-online-admin', 'confirmed', ACTOR],
        [true, 'trn-online-sales', 'confirmed', ACTOR],
      ]);
      expect(counts(await run('trainings', file))).toEqual([2, 0, 0, 2]);

      // Another partner's e-mail, an unknown one, none at all, a bad one, the same contact twice, an
      // e-mail two of the partner's contacts share: refused.
      await givenContact(db, { partnerId: 'acme', name: 'Ann Again', email: 'ANN@acme.example' });
      const err = await rejected(
        'trainings',
        csvFile([
          'partner_id,slack_user_id,training,completed_on,email',
          'acme,,trn-online-admin,2026-01-10,bob@beta.example',
          'acme,,trn-online-admin,2026-01-10,nobody@acme.example',
          'acme,,trn-online-admin,2026-01-10,',
          'acme,,trn-online-admin,2026-01-10,not-an-address',
          'acme,,trn-online-admin,2026-01-10,PAUL@acme.example',
          'acme,,trn-online-admin,2026-01-11,paul@acme.example',
          'acme,,trn-online-admin,2026-01-10,ann@acme.example',
        ]),
      );
      expect(issues(err)).toEqual([
        '2/slack_user_id: no contact with the e-mail bob@beta.example at partner acme (import contacts first)',
        '3/slack_user_id: no contact with the e-mail nobody@acme.example at partner acme (import contacts first)',
        '4/slack_user_id: required unless an email is given (a contact not on Slack)',
        '5/email: "not-an-address" is not an email address',
        '7/contact+training: same contact, training as line 6',
        '8/email: several contacts of partner acme have the e-mail ann@acme.example (give the slack_user_id of the one meant)',
      ]);
      expect(await countRows(trainingCompletions)).toBe(2);
    });
  });

  describe('checklist', () => {
    it('records documents, sales follow-ups and Experts Zen steps, once each', async () => {
      await run('partners', csvFile(PARTNERS));
      const file = csvFile([
        'partner_id,item,completed_on',
        'acme,doc-partner-charter,2025-02-01',
        'acme,sales-plan-review,2025-12-15',
        'acme,sales-plan-review,2026-03-01',
        'beta,zen-charter,2026-01-05',
      ]);
      expect(counts(await run('checklist', file))).toEqual([4, 4, 0, 0]);
      expect(counts(await run('checklist', file))).toEqual([4, 0, 0, 4]);
      expect(await countRows(checklistItems)).toBe(4);
    });

    it('refuses trainings, computed requirements, unknown items and unknown partners', async () => {
      await run('partners', csvFile(PARTNERS));
      const err = await rejected(
        'checklist',
        csvFile([
          'partner_id,item,completed_on',
          'acme,trn-online-admin,2025-02-01',
          'acme,zen-tier,2025-02-01',
          'zeta,doc-partner-charter,2025-02-01',
          'acme,doc-partner-charter,2025-02-01',
          'acme,doc-partner-charter,2025-02-01',
        ]),
      );
      expect(issues(err)).toEqual([
        '2/item: unknown checklist item "trn-online-admin" (see the program catalog)',
        '3/item: unknown checklist item "zen-tier" (see the program catalog)',
        '4/partner_id: unknown partner zeta',
        '6/partner_id+item+completed_on: same partner_id, item, completed_on as line 5',
      ]);
    });
  });

  describe('dry run', () => {
    it('reports what would change and the tier changes of the next evaluation, writing nothing', async () => {
      await run('partners', csvFile(PARTNERS));
      const lines = ['partner_id,month,category,amount_eur'];
      // Today is 15 March: April to June would be future months, refused. October to March instead; only
      // January to March fall in the semester, at twice the amount, so the six-month averages stay 600 and 2 500.
      const months = ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
      for (const m of months) lines.push(`beta,${m},recurring,1200`);
      for (const m of months) lines.push(`acme,${m},recurring,5000`);
      const report = await run('revenue', csvFile(lines), true);
      expect(report.dryRun).toBe(true);
      expect(counts(report)).toEqual([12, 12, 0, 0]);
      expect(report.tierPreview?.evaluationOn).toBe('2026-07-01');
      // Only the partners the file touches (not gamma), at the next evaluation without the file and with it.
      expect(report.tierPreview?.partners).toEqual([
        { partnerId: 'acme', name: 'Société Acmé', before: 'starter', after: 'business' },
        { partnerId: 'beta', name: 'Beta Télécom', before: 'starter', after: 'access' },
      ]);
      expect(await countRows(revenueLines)).toBe(0);
      expect(await countRows(tierHistory)).toBe(1);
      expect(await countRows(auditLog)).toBe(1);
      const partnersBefore = await db.select().from(partners).orderBy(asc(partners.id));
      const again = await run(
        'partners',
        csvFile([PARTNERS[0]!, 'zeta,Zeta,ambassador,,,,2026-01-01,access']),
        true,
      );
      expect(counts(again)).toEqual([1, 1, 0, 0]);
      expect(await db.select().from(partners).orderBy(asc(partners.id))).toEqual(partnersBefore);
      expect(await countRows(tierHistory)).toBe(1);
    });

    it('still rejects a bad file', async () => {
      const err = await importCsv(db, catalog, {
        kind: 'staff',
        file: csvFile(['slack_user_id,name,role', 'nope,X,admin']),
        dryRun: true,
        actor: ACTOR,
        today: TODAY,
      }).catch((e) => e);
      expect(err).toBeInstanceOf(ImportRejected);
    });
  });

  it('rejects a file whose header misses a column, naming it', async () => {
    const err = await rejected('revenue', csvFile(['partner_id;month;amont;total', 'acme;2026-01;12;0']));
    expect(issues(err)).toEqual([
      '1/category: required column (or categorie) missing (found: partner_id, month, amont, total; separator ";"; not recognised: amont, total)',
      '1/amount_eur: required column (or montant) missing (found: partner_id, month, amont, total; separator ";"; not recognised: amont, total)',
    ]);
  });
});
