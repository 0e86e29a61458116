import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from '@protobi/exceljs';
import { and, eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { auditLog, revenueLines } from '../../src/db/schema.js';
import { IMPORT_CALLBACK_IDS, IMPORT_FIELDS } from '../../src/slack/ids.js';
import { PROGRESS_AFTER_MS } from '../../src/slack/listeners/views/import.submission.js';
import { BACKENDS } from '../support/databases.js';
import { TEST_BOT_TOKEN } from '../support/slack-app.js';
import { frenchTypographyIssues } from '../support/typography.js';
import { importFlow, type ModalBody, modalText } from './import.fixtures.js';
import { snapshot, USERS, useWritesApp, writeCommands } from './writes.fixtures.js';

/** March revenue for two partners, and acme's February as recorded (unchanged). */
const REVENUE_CSV = [
  'partner_id;month;category;amount_eur',
  'acme;2026-03;recurring;3 000',
  'beta;2026-03;recurring;1 000,50',
  'acme;2026-02;recurring;2 500',
].join('\r\n');

const BAD_REVENUE_CSV = [
  'partner_id,month,category,amount_eur',
  'acme,2026-03,recurring,3000',
  'nobody,2026-03,recurring,100',
  'beta,2026-03,recurring,lots',
].join('\n');

async function cents(db: Parameters<typeof snapshot>[0], partnerId: string, month: string) {
  const rows = await db
    .select()
    .from(revenueLines)
    .where(and(eq(revenueLines.partnerId, partnerId), eq(revenueLines.month, month)));
  return rows.map((r) => r.amountCents);
}

describe.each(BACKENDS)('/partner import from Slack on %s', (backend) => {
  const h = useWritesApp(backend);
  const { run } = writeCommands(h, { user: USERS.admin });
  const flow = importFlow(h);
  const host = (name: string, text: string | Buffer) =>
    h.app.fakeSlack.hostFile({
      name,
      bytes: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'),
      user: USERS.admin,
    });

  it('opens the modal for an admin: the kind and one csv, tsv, txt or xlsx file', async () => {
    const { text } = await run('import');
    expect(text).toContain('Opening the form');
    const [call] = await h.app.fakeSlack.waitForCalls('views.open');
    const view = call!.body.view as ModalBody;
    expect(view.callback_id).toBe(IMPORT_CALLBACK_IDS.upload);
    const file = view.blocks.find((b) => b.block_id === IMPORT_FIELDS.file)!;
    expect(file.element).toMatchObject({
      type: 'file_input',
      filetypes: ['csv', 'tsv', 'txt', 'xlsx'],
      max_files: 1,
    });
    const kind = view.blocks.find((b) => b.block_id === IMPORT_FIELDS.kind)!;
    expect((kind.element!.options as { value: string }[]).map((o) => o.value)).toContain('revenue');
  });

  it('refuses a manager and a contact, and opens nothing', async () => {
    const manager = await run('import', USERS.manager);
    expect(manager.text).toContain('Only an admin');
    const contact = await run('import', USERS.acmeAdmin);
    expect(contact.text).toContain('/partner import');
    expect(contact.text).not.toContain('Opening the form');
    await h.app.settle();
    expect(h.app.fakeSlack.callsTo('views.open')).toEqual([]);
  });

  it('previews a valid file without writing, then imports it on "Import", audited with the Slack file', async () => {
    const file = host('revenue.csv', REVENUE_CSV);
    const before = await snapshot(h.t.db);
    const { ack } = await flow.submitFile('revenue', file);
    expect(ack.response_action).toBe('update');
    expect(modalText(ack.view!)).toContain('Reading');
    const preview = flow.lastView();
    const text = modalText(preview);
    expect(preview.callback_id).toBe(IMPORT_CALLBACK_IDS.preview);
    expect(preview.submit?.text).toBe('Import');
    expect(text).toContain('UTF-8');
    expect(text).toContain('semicolon');
    expect(text).toContain('3 rows');
    expect(text).toContain('add *2*, change *0* and leave *1* unchanged');
    // The tiers of the partners the file touches at the next evaluation, before → after.
    expect(text).toMatch(/Acme Telecom \(`acme`\): .+ → .+/);
    expect(await snapshot(h.t.db)).toBe(before);
    // The bot downloaded it with its own token (the fake serves no other).
    expect(h.app.fakeSlack.fileDownloads).toEqual([{ fileId: file.id, token: TEST_BOT_TOKEN, status: 200 }]);

    const confirmed = await flow.confirm(preview);
    expect(confirmed.ack.response_action).toBe('update');
    const { view } = confirmed;
    expect(modalText(view)).toContain('Imported');
    expect(modalText(view)).toContain('2 added, 0 changed, 1 unchanged');
    expect(await cents(h.t.db, 'acme', '2026-03-01')).toEqual([300_000]);
    expect(await cents(h.t.db, 'beta', '2026-03-01')).toEqual([100_050]);
    const audit = await h.t.db.select().from(auditLog).where(eq(auditLog.action, 'import.revenue'));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe(USERS.admin);
    expect(audit[0]!.details).toMatchObject({
      file: 'revenue.csv',
      source: 'slack',
      slackFileId: file.id,
      uploadedBy: USERS.admin,
      inserted: 2,
    });
  });

  it('writes nothing when the preview is cancelled (Slack closes it without a submission)', async () => {
    const before = await snapshot(h.t.db);
    const preview = await flow.preview('revenue', host('revenue.csv', REVENUE_CSV));
    expect(preview.close?.text).toBe('Cancel');
    expect(await snapshot(h.t.db)).toBe(before);
  });

  it('lists the errors of a bad file by line and column, offers no Import, and DMs the rejected lines', async () => {
    const file = host('bad.csv', BAD_REVENUE_CSV);
    const before = await snapshot(h.t.db);
    const preview = await flow.preview('revenue', file);
    const text = modalText(preview);
    expect(preview.submit).toBeUndefined();
    expect(text).toContain('2 errors');
    expect(text).toMatch(/line 3, column `partner_id`/);
    expect(text).toMatch(/line 4, column `amount_eur`/);
    expect(text).toContain('direct messages');

    const [upload] = await h.app.fakeSlack.waitForUploads(1);
    expect(upload!.channelId).toBe('D0ADMIN');
    expect(upload!.filename).toBe('bad-errors.csv');
    const csv = upload!.bytes.toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('partner_id;month;category;amount_eur;error');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^nobody;2026-03;recurring;100;line 3, partner_id: /);
    expect(lines[2]).toMatch(/^beta;2026-03;recurring;lots;"line 4, amount_eur: ""lots"" is not an amount/);

    // "Import" forged on the rejected file itself: checked again in full, refused, nothing written.
    const h256 = createHash('sha256').update(BAD_REVENUE_CSV).digest('hex');
    const forged = {
      ...preview,
      private_metadata: JSON.stringify({ k: 'revenue', f: file.id, h: h256, n: 'bad.csv' }),
    };
    const { view } = await flow.confirm(forged);
    expect(modalText(view)).toContain('2 errors');
    expect(view.submit).toBeUndefined();
    expect(await snapshot(h.t.db)).toBe(before);
  });

  it('re-checks the file on Import: bytes changed since the preview are not imported', async () => {
    const file = host('revenue.csv', REVENUE_CSV);
    const preview = await flow.preview('revenue', file);
    h.app.fakeSlack.hostFile({
      id: file.id,
      name: file.name,
      bytes: Buffer.from(BAD_REVENUE_CSV),
      user: USERS.admin,
    });
    const before = await snapshot(h.t.db);
    const { view } = await flow.confirm(preview);
    expect(modalText(view)).toContain('no longer what was previewed');
    expect(await snapshot(h.t.db)).toBe(before);
  });

  it('the fake Slack serves a hosted file to the bot token only', async () => {
    const file = host('revenue.csv', REVENUE_CSV);
    const wrong = await fetch(file.url_private_download, {
      headers: { authorization: 'Bearer xoxb-someone-else' },
    });
    expect(wrong.status).toBe(403);
    const none = await fetch(file.url_private_download);
    expect(none.status).toBe(403);
    const bot = await fetch(file.url_private_download, {
      headers: { authorization: `Bearer ${TEST_BOT_TOKEN}` },
    });
    expect(Buffer.from(await bot.arrayBuffer()).toString('utf8')).toBe(REVENUE_CSV);
  });

  it('never sends its token to a download URL outside Slack', async () => {
    const seen: (string | undefined)[] = [];
    const elsewhere = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.end(REVENUE_CSV);
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = elsewhere.address() as AddressInfo;
      const file = host('revenue.csv', REVENUE_CSV);
      h.app.fakeSlack.on('files.info', () => ({
        ok: true,
        file: {
          id: file.id,
          name: file.name,
          size: 100,
          url_private_download: `http://127.0.0.1:${port}/x.csv`,
        },
      }));
      const before = await snapshot(h.t.db);
      const preview = await flow.preview('revenue', file);
      expect(modalText(preview)).toContain('Slack did not let me read this file');
      expect(seen).toEqual([]);
      expect(await snapshot(h.t.db)).toBe(before);
    } finally {
      await new Promise((resolve) => elsewhere.close(resolve));
    }
  });

  it('imports a Windows-1252 CSV as French Excel saves it', async () => {
    const text = 'partenaire;mois;catégorie;montant\r\nacme;mars 2026;recurring;1\u00a0234,56 €\r\n';
    const file = host('ca.csv', iconv.encode(text, 'windows-1252'));
    const preview = await flow.preview('revenue', file);
    expect(modalText(preview)).toContain('Windows-1252');
    await flow.confirm(preview);
    expect(await cents(h.t.db, 'acme', '2026-03-01')).toEqual([123_456]);
  });

  it('imports an xlsx workbook with date and number cells', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('CA');
    sheet.addRow(['partner_id', 'month', 'category', 'amount_eur']);
    sheet.addRow(['beta', new Date(Date.UTC(2026, 2, 1)), 'one_off', 420.5]);
    const file = host('ca.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    const preview = await flow.preview('revenue', file);
    expect(modalText(preview)).toContain('xlsx, sheet CA');
    await flow.confirm(preview);
    expect(await cents(h.t.db, 'beta', '2026-03-01')).toEqual([42_050]);
  });

  it('shows its progress in the modal when the file takes long to come', async () => {
    const slow = h.app.fakeSlack.hostFile({
      name: 'slow.csv',
      bytes: Buffer.from(REVENUE_CSV),
      user: USERS.admin,
      delayMs: PROGRESS_AFTER_MS + 200,
    });
    const preview = await flow.preview('revenue', slow);
    expect(preview.submit?.text).toBe('Import');
    const shown = h.app.fakeSlack.callsTo('views.update').map((c) => modalText(c.body.view as ModalBody));
    // At least one progress view before the preview (more on a machine slow enough to need them).
    expect(shown.length).toBeGreaterThanOrEqual(2);
    const progressViews = shown.slice(0, -1);
    const ticking = (text: string) => /Reading `slow\.csv`…/.test(text) && /\d s so far/.test(text);
    expect(progressViews.some(ticking)).toBe(true);
  });

  it('refuses a file over the size limit before downloading it', async () => {
    const file = h.app.fakeSlack.hostFile({
      name: 'huge.csv',
      bytes: Buffer.from(REVENUE_CSV),
      size: 25 * 1024 * 1024,
    });
    const preview = await flow.preview('revenue', file);
    expect(modalText(preview)).toMatch(/This file is 25 MB: files of at most 20 MB/);
    expect(h.app.fakeSlack.fileDownloads).toEqual([]);
  });

  it('asks for the kind and the file when either is missing', async () => {
    const { ack } = await flow.submitFile('', { id: 'F0NONE', name: 'x.csv' });
    expect(ack).toMatchObject({
      response_action: 'errors',
      errors: { [IMPORT_FIELDS.kind]: expect.any(String) },
    });
  });

  it('speaks French to a French admin, with French typography, the reasons of its errors too', async () => {
    h.app.fakeSlack.setUserLocale(USERS.admin, 'fr-FR');
    const preview = await flow.preview('revenue', host('ca.csv', BAD_REVENUE_CSV));
    const text = modalText(preview);
    expect(text).toContain('2 erreurs');
    expect(text).toMatch(/ligne 3, colonne `partner_id`/);
    expect(text).not.toMatch(/unknown partner|is not an amount/);
    const raw = modalText(preview, { raw: true });
    expect(raw).toContain('• ligne 3, colonne `partner_id`\u202f: partenaire inconnu nobody');
    expect(raw).toContain(
      '• ligne 4, colonne `amount_eur`\u202f: «\u00a0lots\u00a0» n’est pas un montant (par ex. 1234,56 ou 1\u00a0234,56)',
    );
    // The whole modal, the import's own reasons included; the file's values are left out like code.
    expect(frenchTypographyIssues(raw, { ignore: ['nobody', 'lots'] })).toEqual([]);

    // The rejected lines come back with the reasons in French too.
    const [upload] = await h.app.fakeSlack.waitForUploads(1);
    const lines = upload!.bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('partenaire;mois;categorie;montant;erreur');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      'nobody;2026-03;recurring;100;ligne 3, partner_id\u202f: partenaire inconnu nobody',
    );
    expect(lines[2]).toBe(
      'beta;2026-03;recurring;lots;ligne 4, amount_eur\u202f: «\u00a0lots\u00a0» n’est pas un montant (par ex. 1234,56 ou 1\u00a0234,56)',
    );
    for (const line of lines.slice(1)) {
      const error = line.split(';').at(-1)!;
      expect(frenchTypographyIssues(error, { ignore: ['nobody', 'lots'] })).toEqual([]);
    }
  });
});
