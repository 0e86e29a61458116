/**
 * Which database backends a test run uses and where PostgreSQL is, read from the environment. Shared by the
 * test helpers (in the workers) and the global setup (in the main vitest process); it imports nothing of
 * vitest's so both can load it.
 */

export type Backend = 'pglite' | 'postgres';

/** The server tests create their databases on; .ci/run makes sure one answers. */
export const TEST_POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const BACKENDS: Backend[] = (process.env.TEST_BACKENDS ?? 'pglite,postgres')
  .split(',')
  .map((b) => b.trim())
  .filter((b): b is Backend => b === 'pglite' || b === 'postgres');

/** The URL without its password, for messages. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparsable TEST_POSTGRES_URL)';
  }
}

/** The same server, another database. */
export function urlOfDatabase(name: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** What the global setup (test/support/global-setup.ts) hands to the test workers, through inject(). */
declare module 'vitest' {
  export interface ProvidedContext {
    /** A file holding a migrated PGlite data directory (a tar), made once per run. */
    pgliteImagePath: string | undefined;
    /** A migrated PostgreSQL database made once per run, cloned for each test database. */
    postgresTemplate: string | undefined;
    /** Prefix of the databases this run creates, so the teardown can sweep what a killed worker left. */
    postgresPrefix: string | undefined;
  }
}
