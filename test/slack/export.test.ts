import ExcelJS from '@protobi/exceljs';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { importExportMessages } from '../../src/i18n/import-export.js';
import { parseExportArgs } from '../../src/slack/partner-command/export.subcommand.js';
import { BACKENDS } from '../support/databases.js';
import { givenPartner, givenStaff } from '../support/rows.js';
import { importFlow, modalText } from './import.fixtures.js';
import { seedWrites, snapshot, USERS, useWritesApp, writeCommands } from './writes.fixtures.js';

const OTHER_MANAGER = 'U0OTHERMGR';
const HOSTILE = '=HYPERLINK("http://evil.example","click")';

/** The writes' partners (all Marie's), plus one of another manager whose name is a formula. */
async function seed(db: Db) {
  await seedWrites(db);
  await givenStaff(db, OTHER_MANAGER, 'manager', 'Olivier Other');
  await givenPartner(db, {
    id: 'gamma',
    name: HOSTILE,
    type: 'ambassador',
    slackChannelId: 'C0GAMMA',
    managerSlackUserId: OTHER_MANAGER,
  });
}

describe('the export usage in each language', () => {
  it('shows the kinds in the asker’s language, each one the command accepts', () => {
    const kindsOf = (usage: string) => /export ([a-zé|]+) \[/.exec(usage)![1]!.split('|');
    const en = importExportMessages.en;
    const fr = importExportMessages.fr;
    expect(kindsOf(en.help.export.usage)).toEqual(['portfolio', 'obligations', 'history', 'revenue']);
    expect(kindsOf(fr.help.export.usage)).toEqual(['portefeuille', 'devoirs', 'historique', 'ca']);
    for (const m of [en, fr])
      for (const usage of [m.help.export.usage, m.export.usage])
        expect(kindsOf(usage).map((k) => parseExportArgs(k))).toEqual(
          ['portfolio', 'devoirs', 'history', 'revenue'].map((kind) => ({ kind, format: 'csv' })),
        );
  });
});

describe.each(BACKENDS)('/partner export by DM on %s', (backend) => {
  const h = useWritesApp(backend, seed);
  const { run } = writeCommands(h);
  const flow = importFlow(h);

  async function exported(text: string, userId: string) {
    const { text: reply } = await run(text, userId);
    expect(reply).toContain('sending you the file by direct message');
    await h.app.settle(20_000);
    const [upload] = await h.app.fakeSlack.waitForUploads(1);
    return upload!;
  }

  it('answers usage without a kind or with a wrong one, and sends nothing', async () => {
    expect((await run('export')).text).toContain(
      'Usage: `/partner export portfolio|obligations|history|revenue',
    );
    const wrong = await run('export invoices');
    expect(wrong.text).toContain('I cannot export `invoices`');
    expect((await run('export revenue pdf')).text).toContain('Usage');
    await h.app.settle();
    expect(h.app.fakeSlack.uploads).toEqual([]);
    expect(h.app.fakeSlack.callsTo('files.getUploadURLExternal')).toEqual([]);
  });

  it('refuses a contact', async () => {
    const { text } = await run('export portfolio', USERS.acmeAdmin);
    expect(text).not.toContain('direct message');
    await h.app.settle();
    expect(h.app.fakeSlack.uploads).toEqual([]);
  });

  it('sends a manager the CSV of its own partners only, for French Excel', async () => {
    const upload = await exported('export portfolio', USERS.manager);
    expect(upload.channelId).toBe('D0MANAGER');
    expect(upload.filename).toBe('partner-bot-portfolio-2026-03-20.csv');
    expect(upload.initialComment).toContain('the partners you manage');
    const csv = upload.bytes.toString('utf8');
    expect(csv.startsWith('\uFEFFpartner_id;name;type;')).toBe(true);
    const ids = csv
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((line) => line.split(';')[0]);
    expect(ids).toEqual(['access-tel', 'acme', 'beta']);
    // The DM channel came from conversations.open, the upload from the external flow.
    expect(h.app.fakeSlack.callsTo('conversations.open')[0]!.body.users).toBe(USERS.manager);
    expect(h.app.fakeSlack.callsTo('files.completeUploadExternal')).toHaveLength(1);
  });

  it('sends an admin every partner, the hostile cell neutralised, and the file re-imports changing nothing', async () => {
    const upload = await exported('export portfolio', USERS.admin);
    expect(upload.initialComment).toContain('every partner');
    const csv = upload.bytes.toString('utf8');
    const gamma = csv.split('\r\n').find((line) => line.startsWith('gamma;'))!;
    expect(gamma).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);

    const before = await snapshot(h.t.db);
    const preview = await flow.preview('partners', { id: upload.id, name: upload.filename });
    expect(modalText(preview)).toContain('add *0*, change *0* and leave *4* unchanged');
    await flow.confirm(preview);
    const after = JSON.parse(await snapshot(h.t.db)) as { p: unknown; r: unknown };
    expect(after.p).toEqual((JSON.parse(before) as { p: unknown }).p);
  });

  it('sends an xlsx on request: amounts as numbers, text neutralised, and it re-imports cleanly', async () => {
    const upload = await exported('export revenue xlsx', USERS.admin);
    expect(upload.filename).toBe('partner-bot-revenue-2026-03-20.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(upload.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(2).getCell(4).value).toBe(2500);
    const preview = await flow.preview('revenue', { id: upload.id, name: upload.filename });
    expect(modalText(preview)).toContain('add *0*, change *0* and leave *2* unchanged');

    h.app.fakeSlack.reset();
    const portfolio = await exported('export portfolio xlsx', USERS.admin);
    const portfolioBook = new ExcelJS.Workbook();
    await portfolioBook.xlsx.load(portfolio.bytes as unknown as ArrayBuffer);
    const names: unknown[] = [];
    portfolioBook.worksheets[0]!.eachRow((row) => names.push(row.getCell(2).value));
    expect(names).toContain(`'${HOSTILE}`);
  });

  it('speaks French to a French manager', async () => {
    const { text } = await run('export devoirs', USERS.francois);
    expect(text).toContain('Je vous envoie le fichier en message privé…');
    await h.app.settle(20_000);
    const [upload] = await h.app.fakeSlack.waitForUploads(1);
    expect(upload!.initialComment).toContain('Votre export des devoirs');
  });
});
