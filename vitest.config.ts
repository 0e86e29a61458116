import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * The suite in four parts (`npx vitest run --project unit`); `npm test` runs them all, each database test
 * on every backend of TEST_BACKENDS (pglite,postgres by default).
 *
 * - unit: pure code, no database (no global setup either: it never touches PGlite or PostgreSQL);
 * - db: the database layer, the CSV import and the services;
 * - slack: the Slack app over HTTP against a fake Slack, the console, and the web pages in Chromium;
 * - jobs: the scheduled jobs and the outbox dispatcher, and the fault suite (test/faults: loopback only).
 */
const PARTS = {
  unit: ['unit'],
  db: ['db', 'import', 'services'],
  slack: ['slack', 'console', 'web'],
  jobs: ['jobs', 'outbox', 'faults'],
} as const;

/** Folders of test/ that are not tests. */
const NOT_TESTS = new Set(['support']);

// A test folder no part lists would silently never run: refuse the config instead.
const listed = new Set<string>(Object.values(PARTS).flat());
const unlisted = readdirSync(new URL('./test', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !NOT_TESTS.has(entry.name) && !listed.has(entry.name))
  .map((entry) => entry.name);
if (unlisted.length > 0)
  throw new Error(`vitest.config.ts: add test/${unlisted.join(', test/')} to one of the PARTS`);

/**
 * Parts whose files must each get fresh modules: test/import/support.ts makes a temporary folder when it is
 * loaded, and the db part's files share it with no cleanup between them.
 */
const ISOLATED = new Set<string>(['db']);

const common = {
  hookTimeout: 60_000,
  testTimeout: 30_000,
  // Worker threads, reused from file to file: most of a file's cost was loading Bolt, drizzle and PGlite
  // again in a fresh process. Each file still builds its own app, fake Slack and database.
  pool: 'threads',
} as const;

export default defineConfig({
  test: {
    // One test file per core. vitest's default (cores - 1) ran every file one after another on 2 cores,
    // while most files spend much of their time waiting on timers, sockets and PostgreSQL.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: Object.entries(PARTS).map(([name, folders]) => ({
      test: {
        ...common,
        name,
        isolate: ISOLATED.has(name),
        include: folders.map((folder) => `test/${folder}/**/*.test.ts`),
        // The database parts share one setup: PostgreSQL checked once, a migrated template and PGlite image.
        ...(name === 'unit' ? {} : { globalSetup: ['test/support/global-setup.ts'] }),
      },
    })),
  },
});
