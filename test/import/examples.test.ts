import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCommand } from '../../src/cli/import.command.js';
import { seedDemo } from '../../src/demo/seed.js';
import { LOCALES } from '../../src/program/locales.js';
import { semesterContaining } from '../../src/program/semesters.js';
import { IMPORT_KINDS, type ImportKind, importCsv } from '../../src/services/import.service.js';
import { BACKENDS, createTestDatabase } from '../support/databases.js';
import { ACTOR, catalog, csvFile, TODAY } from './support.js';

const EXAMPLES = resolve(import.meta.dirname, '../../examples');

describe.each(BACKENDS)('examples/ and templates on top of the demo data, on %s', (backend) => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeEach(async () => {
    t = await createTestDatabase(backend);
    await seedDemo(t.db, catalog, TODAY, semesterContaining(catalog, TODAY).firstMonth);
  });
  afterEach(() => t?.drop());

  it('holds one file per kind', () => {
    expect(readdirSync(EXAMPLES).sort()).toEqual(IMPORT_KINDS.map((k) => `${k}.csv`).sort());
  });

  it.each(IMPORT_KINDS)(
    'examples/%s.csv imports cleanly, adding rows, and again changes nothing',
    async (kind) => {
      const run = () =>
        importCsv(t.db, catalog, { kind, file: join(EXAMPLES, `${kind}.csv`), actor: ACTOR, today: TODAY });
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
      const cli = (...args: string[]) =>
        importCommand(args, { db: t.db, catalog, print: (l) => out.push(l), actor: ACTOR, today: TODAY });
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
    const cli = (...args: string[]) =>
      importCommand(args, { db: t.db, catalog, print: (l) => out.push(l), actor: ACTOR, today: TODAY });
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
