import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { loadCatalog } from '../../src/program/catalog.load.js';

export const catalog = loadCatalog();
export const TODAY = '2026-03-15';
export const ACTOR = 'cli:tester';

const dir = mkdtempSync(join(tmpdir(), 'partner-bot-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

/** Writes a CSV fixture to a temporary file and returns its path. Lines are joined with `eol`. */
export function csvFile(
  lines: string[] | string,
  options: { eol?: string; bom?: boolean; name?: string } = {},
) {
  const text = Array.isArray(lines) ? `${lines.join(options.eol ?? '\n')}${options.eol ?? '\n'}` : lines;
  counter += 1;
  const path = join(dir, options.name ?? `file-${counter}.csv`);
  writeFileSync(path, `${options.bom ? '\uFEFF' : ''}${text}`, 'utf8');
  return path;
}
