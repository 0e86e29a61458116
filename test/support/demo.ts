import { afterAll, beforeAll } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { seedDemo } from '../../src/demo/seed.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import { semesterContaining } from '../../src/program/semesters.js';
import { type Backend, createTestDatabase, type TestDatabase } from './databases.js';
import { startTestSlackApp, type TestSlackApp } from './slack-app.js';

export type DemoDatabase = TestDatabase & { drop(): Promise<void> };

/** Seeds the demo partners as of `today` (their revenue runs to the semester containing it). */
export async function seedDemoAsOf(db: Db, today: string): Promise<void> {
  const catalog = loadCatalog();
  await seedDemo(db, catalog, today, semesterContaining(catalog, today).firstMonth);
}

/** A database (PGlite unless told) holding the demo partners as of `today`, for tests that play the demo users. */
export async function createDemoDatabase(today: string, backend: Backend = 'pglite'): Promise<DemoDatabase> {
  const database = await createTestDatabase(backend);
  await seedDemoAsOf(database.db, today);
  return database;
}

/** The real app over HTTP on a fresh demo database, its clock fixed at `now`. */
export async function startDemoSlackApp(today: string, now: Date): Promise<DemoSlackApp> {
  const database = await createDemoDatabase(today);
  return { database, t: await startTestSlackApp({ database, now: () => now }) };
}

export interface DemoSlackApp {
  database: DemoDatabase;
  t: TestSlackApp;
}

/**
 * The hooks of a describe block on one demo Slack app: started before its tests, stopped after them;
 * `use` receives it once started (`(app) => ({ database, t } = app)`).
 */
export function useDemoSlackApp(today: string, now: Date, use: (app: DemoSlackApp) => void): void {
  let app: Partial<DemoSlackApp> = {};
  beforeAll(async () => {
    app = await startDemoSlackApp(today, now);
    use(app as DemoSlackApp);
  });
  afterAll(async () => {
    await app.t?.stop();
    await app.database?.drop();
  });
}
