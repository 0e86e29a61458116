import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../src/db/client.js';
import { auditLog, revenueLines, trainingCompletions } from '../../src/db/schema.js';
import { DEMO_USERS } from '../../src/demo/demo-data.js';
import { BACKENDS, createTestDatabase } from '../support/databases.js';
import { KEYS, type PtyConsole, startPtyConsole } from './pty.js';

const PROMPT = 'Marc Dubois (U0MANAGER1)> ';

/** `shown`, then the prompt drawn again after it: the console is waiting for the next line. */
const ready = (shown: RegExp) => new RegExp(`${shown.source}[\\s\\S]*U0MANAGER1\\)> $`, shown.flags);

/** Last month, YYYY-MM: the console runs on the real clock (and the demo is seeded around it). */
function lastMonth(): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

/**
 * `partner-bot start` with no Slack configured, in a real pseudo-terminal, on each backend: on PGlite
 * its own data folder (read here once the console has quit), on PostgreSQL a test database.
 */
async function openConsole(backend: (typeof BACKENDS)[number]) {
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'console-pty-'));
    return {
      pty: startPtyConsole({ DATA_DIR: dir }),
      /** Runs `check` on the console's database, once the console has quit. */
      async read<T>(check: (db: Db) => Promise<T>): Promise<T> {
        const database = await openDatabase({ dataDir: dir });
        try {
          return await check(database.db);
        } finally {
          await database.close();
        }
      },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const database = await createTestDatabase('postgres');
  return {
    pty: startPtyConsole({ DATABASE_URL: database.url!, DATA_DIR: '/nonexistent' }),
    read: <T>(check: (db: Db) => Promise<T>) => check(database.db),
    cleanup: () => database.drop(),
  };
}

describe.each(BACKENDS)('the console in a terminal, on %s', (backend) => {
  let cleanup: (() => Promise<void>) | undefined;
  let pty: PtyConsole | undefined;
  afterEach(async () => {
    pty?.kill();
    await pty?.exited;
    await cleanup?.();
    pty = undefined;
    cleanup = undefined;
  });

  /** Types `keys`, then waits for `shown` in what the terminal shows after them. */
  async function type(keys: string, shown: string | RegExp): Promise<string> {
    const from = pty!.text().length;
    pty!.send(keys);
    return pty!.waitFor(shown, { from });
  }

  it('recalls a line with the up arrow, completes with Tab, presses a button, fills in a form', async () => {
    const session = await openConsole(backend);
    cleanup = session.cleanup;
    pty = session.pty;
    // Node, tsx, the database's start, its migrations and the demo data: slow on a busy machine.
    await pty.waitFor(PROMPT, { timeoutMs: 240_000 });

    // History: the up arrow brings the last line back (no "^[[A" read as a command), Enter runs it again.
    await type('/partner tier acme\r', ready(/Share in channel/));
    const again = await type(KEYS.up, '/partner tier acme');
    expect(again).not.toContain('^[');
    await type(KEYS.enter, ready(/Share in channel/));
    expect(pty.text().match(/Acme Télécom: Business Partner/g)).toHaveLength(2);
    expect(pty.text()).not.toContain('I don’t know');

    // Tab completes the subcommand, then the partner's name ("obliga acm" alone would get the help).
    await type('obliga', 'obliga');
    await type(KEYS.tab, 'tions');
    await type(' acm', ' acm');
    await type(KEYS.tab, 'Télécom');
    const list = await type(KEYS.enter, ready(/\[\d+\] Share in channel/));
    expect(list).toContain('Acme Télécom: obligations');
    expect(list).not.toContain('I don’t know');
    expect(list).toMatch(/· trn-online-admin {2}\[\d+\] Mark done/);

    // A numbered button, pressed by its number: the real Confirm listener records it.
    const declarations = await type('confirm\r', ready(/\[\d+\] Reject/));
    const confirm = /\[(\d+)\] Confirm/.exec(declarations)![1]!;
    await type(`${confirm}\r`, ready(/confirmed/));

    // A form, asked field by field, submitted through the real view_submission listener.
    await type('revenue\r', /Partner[^\n]*: $/);
    await type('acme\r', /Month[^\n]*: $/);
    const month = lastMonth();
    await type(`${month}\r`, /Category[^\n]*: $/);
    await type('1\r', /Amount[^\n]*: $/);
    const recorded = await type('1234,56\r', ready(/Revenue recorded for Acme Télécom/));
    expect(recorded).toContain('message to @Marc Dubois');

    pty.send('quit\r');
    expect(await pty.exited).toBe(0);

    const [confirmed, audit, revenue] = await session.read((db) =>
      Promise.all([
        db.select().from(trainingCompletions).where(eq(trainingCompletions.confirmedBy, DEMO_USERS.manager)),
        db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.actor, DEMO_USERS.manager), eq(auditLog.action, 'training.confirmed'))),
        db
          .select()
          .from(revenueLines)
          .where(and(eq(revenueLines.partnerId, 'acme'), eq(revenueLines.month, `${month}-01`))),
      ]),
    );
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]!.status).toBe('confirmed');
    expect(audit).toHaveLength(1);
    expect(revenue.find((r) => r.category === 'recurring')?.amountCents).toBe(123_456);
    // A process of its own starting a database on a shared machine: minutes are allowed, not measured.
  }, 480_000);
});
