import { openDatabase } from '../src/db/client.js';
import { loadCatalog } from '../src/program/catalog.load.js';
import { importCsv } from '../src/services/import.service.js';
import { tellParent } from './child.js';
import { startRssSampler } from './rss.js';

/**
 * One revenue import with the real import service, alone in its process so its RSS is the import's own:
 * DATABASE_URL, BENCH_CSV (the file), BENCH_TODAY. Reports to the bench over IPC.
 */
async function run() {
  const file = process.env.BENCH_CSV;
  const today = process.env.BENCH_TODAY;
  if (!file || !today || !process.env.DATABASE_URL)
    throw new Error('DATABASE_URL, BENCH_CSV and BENCH_TODAY');
  const catalog = loadCatalog();
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '' });
  try {
    const rssAtStart = process.memoryUsage.rss();
    const sampler = startRssSampler(50);
    const started = performance.now();
    const report = await importCsv(database.db, catalog, { kind: 'revenue', file, actor: 'bench', today });
    const ms = performance.now() - started;
    const rss = sampler.stop();
    await tellParent({
      type: 'result',
      ms,
      rows: report.rows,
      inserted: report.inserted,
      updated: report.updated,
      rssAtStartBytes: rssAtStart,
      ...rss,
    });
  } finally {
    await database.close();
  }
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
