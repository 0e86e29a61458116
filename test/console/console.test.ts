import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { askCommand } from '../../src/cli/ask.command.js';
import type { CliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/main.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { loadConfig } from '../../src/config.js';
import { mrkdwnToText, renderReply, runConsole, startConsole } from '../../src/console/index.js';
import { partners } from '../../src/db/schema.js';
import { DEMO_USERS } from '../../src/demo/demo-data.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createDemoDatabase } from '../support/demo.js';

const catalog = loadCatalog();
const TODAY = '2026-11-26';
const NOW = new Date(`${TODAY}T10:00:00Z`);
const config = loadConfig({});

function collect() {
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { output, text: () => text };
}

describe('the console and ask', () => {
  let database: TestDatabase & { drop(): Promise<void> };
  beforeAll(async () => {
    database = await createDemoDatabase(TODAY);
  });
  afterAll(() => database?.drop());
  afterEach(() => vi.restoreAllMocks());

  function cliContext(lines: string[]): CliContext {
    return {
      config,
      catalog,
      database,
      print: (line) => lines.push(line),
      actor: 'cli:test',
      now: () => NOW,
      today: () => TODAY,
    };
  }

  /** What the console writes when `user` types these lines on the demo database. */
  async function consoleTranscript(lines: string[], user: string): Promise<string> {
    const { output, text } = collect();
    await runConsole({
      db: database.db,
      catalog,
      config,
      input: Readable.from(lines),
      output,
      user,
      now: () => NOW,
    });
    return text();
  }

  it('ask prints the tier of a demo partner as text, and exits 0', async () => {
    const lines: string[] = [];
    const code = await askCommand(
      ['--user', DEMO_USERS.manager, '/partner tier acme telecom'],
      cliContext(lines),
    );
    expect(code).toBe(0);
    const text = lines.join('\n').replace(/[\u00a0\u202f]/g, ' ');
    expect(text).toContain('Acme Télécom: Business Partner\n═');
    expect(text).toContain('Tier: Business Partner, since 1 Jan 2026');
    expect(text).toContain('Semester average so far: €1,404.00 a month (H2 2026, 5 months)');
    expect(text).toContain('Partner manager: @Marc Dubois');
    expect(text).toContain('[Share in channel]');
    expect(text).not.toMatch(/[*<>]/);
  });

  it('ask answers in French, in a channel, as any user', async () => {
    const lines: string[] = [];
    await askCommand(
      ['--user', DEMO_USERS.manager, '--channel', 'C0ACME', '--locale', 'fr', 'tier'],
      cliContext(lines),
    );
    expect(lines.join('\n')).toContain('Acme Télécom\u202f: Business Partner');
    expect(lines.join('\n')).toContain('Statut\u202f: Business Partner, depuis le 1er janv. 2026');
    lines.length = 0;
    await askCommand(['--user', DEMO_USERS.stranger, 'tier acme'], cliContext(lines));
    expect(lines.join('\n')).toContain('Ask your partner manager or the Dstny partner team');
  });

  it('ask wants a user', async () => {
    await expect(askCommand(['/partner tier acme'], cliContext([]))).rejects.toBeInstanceOf(UsageError);
    await expect(
      askCommand(['--user', 'U1', '--locale', 'de', 'help'], cliContext([])),
    ).rejects.toBeInstanceOf(UsageError);
  });

  it('the console answers two commands from a scripted input, switching users in between', async () => {
    const transcript = await consoleTranscript(
      ['/partner tier acme\n', 'as contact\n', 'partner obligations\n', 'quit\n', 'tier acme\n'],
      DEMO_USERS.manager,
    );
    expect(transcript).toContain('Marc Dubois (U0MANAGER1)> /partner tier acme');
    expect(transcript).toContain('Acme Télécom: Business Partner');
    expect(transcript).toContain('Now asking as Camille Acme (U0ACME0ADM).');
    expect(transcript).toContain('Acme Télécom: obligations');
    expect(transcript).toContain('Mandatory online training — Admin: MyDstny · @Camille Acme (Admin)');
    expect(transcript).toContain('Sales targets & forecasts met');
    // Nothing after quit is answered.
    expect(transcript.match(/Acme Télécom: Business Partner/g)).toHaveLength(1);
  });

  it('the console lists the demo users and switches language and channel', async () => {
    const transcript = await consoleTranscript(
      ['users\n', 'lang fr\n', 'in C0CLOUDCAL\n', 'tier\n'],
      DEMO_USERS.admin,
    );
    expect(transcript).toMatch(/\* admin\s+U0ADMIN01\s+Alice Martin/);
    expect(transcript).toContain('CloudCall Services\u202f: Premium Partner');
  });

  it('understands questions typed in plain words, follow-ups included, beside the commands', async () => {
    const { output, text } = collect();
    await runConsole({
      db: database.db,
      catalog,
      config,
      input: Readable.from(['où en est Acme ?\n', 'et ses avantages ?\n', 'what does Garone still owe?\n']),
      output,
      user: DEMO_USERS.manager,
      // The real clock: the answers come through the outbox, which delivers what is due now.
    });
    const transcript = text().replace(/[\u00a0\u202f]/g, ' ');
    // Each answered in its own language (the console's user has Slack in English).
    expect(transcript).toContain('Acme Télécom\n════════════\nStatut : Business Partner');
    expect(transcript).toContain('Acme Télécom : avantages');
    expect(transcript).toContain('Garonne IT: obligations');
  });

  it('shows every emoji the messages use as a symbol, never as its :code:', () => {
    const sources = ['src/i18n', 'src/slack/views'].flatMap((folder) =>
      readdirSync(folder).map((file) => readFileSync(join(folder, file), 'utf8')),
    );
    const codes = new Set(sources.flatMap((text) => text.match(/:[a-z][a-z0-9_]*[a-z0-9]:/g) ?? []));
    expect(codes.size).toBeGreaterThan(5);
    expect([...codes].filter((code) => mrkdwnToText(code) === code)).toEqual([]);
  });

  it('renders mrkdwn as plain text: marks removed, mentions named, entities decoded', () => {
    const names = new Map([['U0MANAGER1', 'Marc Dubois']]);
    expect(
      mrkdwnToText('*Bold* _it_ ~st~ `code` <@U0MANAGER1> <@U0OTHER> &lt;!channel&gt; &amp; :warning:', {
        names,
      }),
    ).toBe('Bold it st code @Marc Dubois @U0OTHER <!channel> & ⚠');
    expect(
      renderReply({
        text: 'x',
        blocks: [
          { type: 'header', text: { type: 'plain_text', text: 'Title' } },
          { type: 'section', fields: [{ type: 'mrkdwn', text: '*Tier*\nPremium' }] },
          { type: 'context', elements: [{ type: 'mrkdwn', text: '_note_' }] },
          {
            type: 'actions',
            elements: [{ type: 'button', text: { type: 'plain_text', text: 'Go' }, action_id: 'go' }],
          },
        ],
      }),
    ).toBe('Title\n═════\nTier: Premium\nnote\n[Go]');
  });
});

describe('startConsole', () => {
  it('seeds the demo partners into an empty database only, and opens the console as the demo manager', async () => {
    const database = await createTestDatabase('pglite');
    try {
      const first = collect();
      await startConsole({
        database,
        catalog,
        config,
        input: Readable.from(['/partner list\n']),
        output: first.output,
        now: () => NOW,
      });
      expect(first.text()).toContain('demo partners loaded');
      expect(first.text()).toContain('Marc Dubois (U0MANAGER1)> /partner list');
      expect(first.text()).toContain('Your partners');
      const count = (await database.db.select().from(partners)).length;
      const second = collect();
      await startConsole({
        database,
        catalog,
        config,
        input: Readable.from([]),
        output: second.output,
        now: () => NOW,
      });
      expect(second.text()).toContain('Using the partners already in the database.');
      expect((await database.db.select().from(partners)).length).toBe(count);
    } finally {
      await database.drop();
    }
  });
});

describe('partner-bot ask', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'partner-bot-ask-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is a command of the CLI', async () => {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    const code = await runCli(['ask', '--user', 'U0SOMEONE', '/partner program'], { DATA_DIR: dataDir });
    vi.restoreAllMocks();
    expect(code).toBe(0);
    expect(out).toContain('The Dstny partner program');
  }, 60_000);

  it('says where partners come from when the database holds none yet (a fresh clone)', async () => {
    let err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err += String(chunk);
      return true;
    });
    const code = await runCli(['ask', '--user', 'U0MANAGER1', '--locale', 'fr', '/partner status acme'], {
      DATA_DIR: dataDir,
    });
    vi.restoreAllMocks();
    expect(code).toBe(0);
    expect(err).toContain('La base ne contient encore aucun partenaire\u202f: `npm start` charge');
  }, 60_000);
});
