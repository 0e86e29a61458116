import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/program/locales.js';
import { IMPORT_KINDS, type ImportKind } from '../../src/services/import.service.js';
import { type DroppableTestDatabase, useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { seedDemoAsOf } from '../support/demo.js';
import { csvFile, importCli, importFile, TODAY } from './support.js';

const EXAMPLES = resolve(import.meta.dirname, '../../examples');

describe.each(BACKENDS)('examples/ and templates on top of the demo data, on %s', (backend) => {
  let t: DroppableTestDatabase;
  useTestDatabase(backend, (db) => (t = db));
  beforeEach(() => seedDemoAsOf(t.db, TODAY));

  it('holds one file per kind', () => {
    expect(readdirSync(EXAMPLES).sort()).toEqual(IMPORT_KINDS.map((k) => `${k}.csv`).sort());
  });

  it.each(IMPORT_KINDS)(
    'examples/%s.csv imports cleanly, adding rows, and again changes nothing',
    async (kind) => {
      const run = () => importFile(t.db, kind, join(EXAMPLES, `${kind}.csv`));
      const first = await run();
      expect(first.rows).toBeGreaterThan(0);
      expect(first.inserted + first.updated).toBe(first.rows);
      expect(first.ignoredColumns).toEqual([]);
      const again = await run();
      expect(again.unchanged).toBe(again.rows);
    },
  );

  it.each(IMPORT_KINDS.flatMap((kind) => LOCALES.map((locale) => [kind, locale] as const)))(
    'the %s template in %s imports cleanly',
    async (kind, locale) => {
      const out: string[] = [];
      const cli = importCli(t.db, out);
      expect(await cli('--template', kind, '--locale', locale)).toBe(0);
      expect(out).toHaveLength(2);
      const file = csvFile(out, { name: `template-${kind}-${locale}.csv` });
      out.length = 0;
      expect(await cli(kind, file)).toBe(0);
      expect(out[0]).toMatch(
        new RegExp(
          `^Imported ${kind} from template-${kind}-${locale}.csv [^:]*: 1 row; (1 added, 0 changed|0 added, 1 changed), 0 unchanged`,
        ),
      );
    },
  );

  it('refuses a template of an unknown kind or locale, pointing to --help', async () => {
    const out: string[] = [];
    const cli = importCli(t.db, out);
    expect(await cli('--template', 'money')).toBe(2);
    expect(out[0]).toBe(
      'Unknown kind "money" (expected one of partners, contacts, staff, revenue, trainings, checklist, objectives).',
    );
    expect(out.at(-1)).toBe('Run `partner-bot import --help` to see this again.');
    out.length = 0;
    expect(await cli('--template', 'revenue', '--locale', 'de' as ImportKind)).toBe(2);
    expect(out[0]).toBe('--locale must be fr or en, got "de".');
  });
});
