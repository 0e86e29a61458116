import { PassThrough } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { runConsole } from '../../src/console/index.js';
import { outbox, revenueLines, trainingCompletions } from '../../src/db/schema.js';
import { DEMO_USERS } from '../../src/demo/demo-data.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import { BACKENDS, type TestDatabase } from '../support/databases.js';
import { createDemoDatabase } from '../support/demo.js';

const catalog = loadCatalog();
// A Thursday on which the demo has trainings to remind (weekly while overdue).
const TODAY = '2026-12-03';
const NOW = new Date(`${TODAY}T10:00:00Z`);
const config = loadConfig({});

/** A console session fed line by line, each line typed once what it waits for is shown. */
function scriptedConsole(database: TestDatabase) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  const waiters = new Set<() => void>();
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const w of waiters) w();
  });
  const done = runConsole({
    db: database.db,
    database,
    catalog,
    config,
    input,
    output,
    user: DEMO_USERS.manager,
    now: () => NOW,
  });
  const waitFor = (pattern: RegExp, from: number) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const seen = text.slice(from);
        if (!pattern.test(seen)) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(seen);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`Not shown: ${pattern}\n--- output ---\n${text.slice(from)}`));
      }, 30_000);
      waiters.add(check);
      check();
    });
  return {
    /** Types a line, resolves with what is shown after it once `pattern` is. */
    async type(line: string, pattern: RegExp): Promise<string> {
      const from = text.length;
      input.write(`${line}\n`);
      return waitFor(pattern, from);
    },
    async quit() {
      input.end('quit\n');
      await done;
    },
  };
}

describe.each(BACKENDS)('the console drives the real app on %s', (backend) => {
  let database: TestDatabase & { drop(): Promise<void> };
  beforeAll(async () => {
    database = await createDemoDatabase(TODAY, backend);
  });
  afterAll(() => database?.drop());

  it('shows the reminders the outbox delivers, and a reminder’s Done pressed by its number records it', async () => {
    const c = scriptedConsole(database);
    const queued = await c.type('remind', /Reminders for 2026-12-03: .*queued/);
    expect(queued).not.toMatch(/: 0 messages/);
    // Delivered by the outbox dispatcher to the local Slack, shown with their buttons numbered.
    const delivered = await c.type('', /── message to [@#]\S+.*──\n[\s\S]*\[(\d+)\] Done/);
    const done = /\[(\d+)\] Done/.exec(delivered)![1]!;
    const before = await database.db
      .select()
      .from(trainingCompletions)
      .where(eq(trainingCompletions.confirmedBy, DEMO_USERS.manager));
    await c.type(done, /confirmed|already/i);
    await c.quit();
    const after = await database.db
      .select()
      .from(trainingCompletions)
      .where(eq(trainingCompletions.confirmedBy, DEMO_USERS.manager));
    expect(after.length).toBe(before.length + 1);
    const sent = await database.db.select().from(outbox).where(eq(outbox.status, 'sent'));
    expect(sent.length).toBeGreaterThan(0);
  });

  it('lets a contact press “I’ve done it” on its own item: a declaration awaiting confirmation', async () => {
    const pending = () =>
      database.db.select().from(trainingCompletions).where(eq(trainingCompletions.status, 'pending'));
    const before = await pending();
    const c = scriptedConsole(database);
    await c.type('as contact', /Now asking as Camille Acme/);
    const list = await c.type('obligations', /\[\d+\] Share in channel/);
    const own = /trn-online-admin {2}\[(\d+)\] I’ve done it/.exec(list)![1]!;
    expect(list).not.toContain('Mark done');
    const pressed = await c.type(own, /── \(updated\) ──[\s\S]*Share in channel/);
    expect(pressed).toContain('awaits your partner manager’s confirmation');
    await c.quit();
    const added = (await pending()).filter((r) => !before.some((b) => b.id === r.id));
    expect(added.map((r) => r.training)).toEqual(['trn-online-admin']);
  });

  it('shares a card for everyone in the channel when its Share button is pressed', async () => {
    const c = scriptedConsole(database);
    await c.type('in C0ACME', /Now in C0ACME/);
    const card = await c.type('tier', /\[(\d+)\] Share in channel/);
    const share = /\[(\d+)\] Share in channel/.exec(card)![1]!;
    const shared = await c.type(share, /Shared by @Marc Dubois/);
    expect(shared).toContain('── posted for everyone in #C0ACME ──');
    expect(shared).toContain('Acme Télécom: Business Partner');
    await c.quit();
  });

  it('speaks French after `lang fr`: its own words, the forms and the bot’s answers', async () => {
    const c = scriptedConsole(database);
    await c.type('lang fr', /Réponses en français\./);
    await c.type('in C0ACME', /Vous êtes maintenant dans C0ACME\./);
    // In Acme's channel the partner is filled in: the month is asked first.
    const form = await c.type('/partner revenue', /Mois [^\n]*Entrée garde [^\n]*\u202f: $/);
    expect(form).toContain(
      '── formulaire\u202f: Saisir le CA (tapez «\u00a0annuler\u00a0» pour le fermer) ──',
    );
    await c.type('annuler', /Formulaire fermé, rien n’a été envoyé\./);
    await c.type('in -', /Vous n’êtes plus dans aucun canal\./);
    // The console's own runs of the jobs speak its language too.
    await c.type(
      'remind --dry-run',
      /Simulation\u202f: rappels du 3 déc\. 2026 \(jours de déclenchement après le [^)]+\)\u202f: \d+ messages?, \d+ éléments?/,
    );
    const evaluated = await c.type('evaluate --dry-run', /\d+ promus?, \d+ rétrogradés?, \d+ inchangés?/);
    expect(evaluated).toMatch(/Simulation\u202f: évaluation du S[12] 20\d\d \(/);
    expect(evaluated).not.toMatch(/promoted|Dry run/);
    await c.quit();
  });

  it('asks a form again where the listener found a problem, and submits it once right', async () => {
    const c = scriptedConsole(database);
    await c.type('/partner revenue', /Partner[^\n]*: $/);
    await c.type('acme', /Month[^\n]*: $/);
    await c.type('2026-13', /Category[^\n]*: $/);
    await c.type('2', /Amount[^\n]*: $/);
    // The month is refused by the view_submission listener: only that field is asked again.
    const refused = await c.type('99,50', /✗ Month: [^\n]+\n[\s\S]*Month[^\n]*: $/);
    expect(refused).not.toContain('✗ Amount');
    const recorded = await c.type('2026-10', /Revenue recorded for Acme Télécom/);
    expect(recorded).toContain('── message to @Marc Dubois ──');
    const cancelled = await c.type('/partner revenue', /Partner[^\n]*: $/);
    expect(cancelled).toContain('── form: ');
    await c.type('cancel', /Form closed, nothing submitted\./);
    await c.quit();
    const rows = await database.db.select().from(revenueLines).where(eq(revenueLines.partnerId, 'acme'));
    expect(rows.find((r) => r.month === '2026-10-01' && r.category === 'one_off')?.amountCents).toBe(9_950);
  });
});
