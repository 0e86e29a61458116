import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ENTRY = resolve(import.meta.dirname, '../../src/cli/entry.ts');
const home = mkdtempSync(join(tmpdir(), 'partner-bot-cli-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Runs `partner-bot <args>` in a child process, on a PGlite folder of its own and no Slack. */
function cli(dataDir: string, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
      env: { PATH: process.env.PATH, HOME: home, DATA_DIR: dataDir, LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('error', fail);
    child.on('close', (code) => done({ code, out, err }));
  });
}

const COMMANDS = ['migrate', 'start', 'ask', 'evaluate', 'remind', 'outbox', 'import', 'export'];

// One child process at a time: each loads the whole program through tsx, seconds on a busy machine.
describe('partner-bot <command> --help', () => {
  it.each(COMMANDS)(
    '%s --help shows its usage, exits 0 and changes nothing',
    { timeout: 120_000 },
    async (name) => {
      const dataDir = join(home, `data-${name}`);
      const { code, out, err } = await cli(dataDir, name, '--help');
      expect(err).toBe('');
      expect(out).toMatch(new RegExp(`^Usage: partner-bot ${name}\\b`));
      expect(code).toBe(0);
      // Nothing was opened: no database created, no migration run, no console started.
      expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
    },
  );

  it('-h after other options is help too', { timeout: 120_000 }, async () => {
    const dataDir = join(home, 'data-h');
    const { code, out } = await cli(dataDir, 'evaluate', '--as-of', '2026-07-01', '-h');
    expect(code).toBe(0);
    expect(out).toContain('--dry-run');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('a mistake names it, shows the usage and points to --help (exit 2)', { timeout: 120_000 }, async () => {
    const dataDir = join(home, 'data-bad');
    const bad = await cli(dataDir, 'migrate', 'now');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(
      'migrate takes no arguments, got: now\nUsage: partner-bot migrate\nRun `partner-bot migrate --help` for more.\n',
    );
    expect(existsSync(dataDir)).toBe(false);
    const unknown = await cli(dataDir, 'frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/^Unknown command "frobnicate"\.\n\npartner-bot: /);
    expect(unknown.err).toContain('`partner-bot <command> --help` shows a command');
  });
});
