/**
 * One-off measure of `/partner import` through the real app and the fake Slack (not part of `npm run bench`):
 * 2 000 partners, a 48 000-line revenue CSV (1.5 MB) uploaded, previewed and imported. Prints the ack times,
 * the times to the preview and to the import, and how many views the modal went through.
 *
 *   node --import tsx bench/slack-import.measure.ts [pglite|postgres]
 */
import { partners, staff } from '../src/db/schema.js';
import { IMPORT_CALLBACK_IDS, IMPORT_FIELDS } from '../src/slack/ids.js';
import { createTestDatabase } from '../test/support/databases.js';
import { partnerRow } from '../test/support/rows.js';
import { startTestSlackApp } from '../test/support/slack-app.js';
import { viewSubmission } from '../test/support/slack-requests.js';

const backend = (process.argv[2] ?? 'pglite') as 'pglite' | 'postgres';
const PARTNERS = 2000;
const MONTHS = 24;
const t = await createTestDatabase(backend);
await t.db.insert(staff).values({ slackUserId: 'U0ADMIN', role: 'admin', name: 'Admin' });
for (let i = 0; i < PARTNERS; i += 500)
  await t.db.insert(partners).values(Array.from({ length: 500 }, (_, j) => partnerRow({ id: `p${i + j}` })));
const lines = ['partner_id;month;category;amount_eur'];
for (let p = 0; p < PARTNERS; p++)
  for (let m = 0; m < MONTHS; m++) {
    const month = `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    lines.push(
      `p${p};${month};recurring;${1000 + ((p * 31 + m) % 5000)},${String(m % 100).padStart(2, '0')}`,
    );
  }
const bytes = Buffer.from(lines.join('\r\n'));
const app = await startTestSlackApp({ database: t, now: () => new Date('2026-03-20T10:00:00Z') });
const file = app.fakeSlack.hostFile({ name: 'revenue.csv', bytes, user: 'U0ADMIN' });
const send = async (callbackId: string, extra: object) => {
  const started = performance.now();
  const response = await app.send(
    viewSubmission({ callbackId, userId: 'U0ADMIN', viewId: 'V0MEASURE', ...extra }),
  );
  const ackMs = performance.now() - started;
  await app.settle(600_000);
  return { ackMs, totalMs: performance.now() - started, status: response.status };
};
const preview = await send(IMPORT_CALLBACK_IDS.upload, {
  values: {
    [IMPORT_FIELDS.kind]: {
      [IMPORT_FIELDS.kind]: { type: 'static_select', selected_option: { value: 'revenue' } },
    },
    [IMPORT_FIELDS.file]: {
      [IMPORT_FIELDS.file]: { type: 'file_input', files: [{ id: file.id, name: file.name }] },
    },
  },
});
const view = app.fakeSlack.callsTo('views.update').at(-1)!.body.view as {
  private_metadata: string;
  submit?: unknown;
};
const commit = await send(IMPORT_CALLBACK_IDS.preview, { privateMetadata: view.private_metadata });
console.log(
  JSON.stringify({
    backend,
    rows: lines.length - 1,
    mb: +(bytes.length / 1048576).toFixed(2),
    preview,
    commit,
    updates: app.fakeSlack.callsTo('views.update').length,
    submit: Boolean(view.submit),
  }),
);
await app.stop();
await t.drop();
