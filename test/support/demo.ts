import { seedDemo } from '../../src/demo/seed.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import { semesterContaining } from '../../src/program/semesters.js';
import { createTestDatabase, type TestDatabase } from './databases.js';
import { startTestSlackApp, type TestSlackApp } from './slack-app.js';

export type DemoDatabase = TestDatabase & { drop(): Promise<void> };

/** A PGlite database holding the demo partners as of `today`, for tests that play the demo users. */
export async function createDemoDatabase(today: string): Promise<DemoDatabase> {
  const catalog = loadCatalog();
  const database = await createTestDatabase('pglite');
  await seedDemo(database.db, catalog, today, semesterContaining(catalog, today).firstMonth);
  return database;
}

/** The real app over HTTP on a fresh demo database, its clock fixed at `now`. */
export async function startDemoSlackApp(
  today: string,
  now: Date,
): Promise<{ database: DemoDatabase; t: TestSlackApp }> {
  const database = await createDemoDatabase(today);
  return { database, t: await startTestSlackApp({ database, now: () => now }) };
}
