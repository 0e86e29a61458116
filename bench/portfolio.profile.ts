import { createHash } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import postgres from 'postgres';
import { loadConfig } from '../src/config.js';
import { digestMessagesOf, planDigests } from '../src/jobs/digest.job.js';
import { loadCatalog } from '../src/program/catalog.load.js';
import { localDate, monthOf } from '../src/program/dates.js';
import { LOCALES } from '../src/program/locales.js';
import { generateDataset } from './dataset.js';
import { BENCH_POSTGRES_URL, openBenchDatabase, round } from './support.js';

/**
 * The Monday digest at 10 000 partners, for a profiler: `node --cpu-prof --import tsx
 * bench/portfolio.profile.ts [runs] [--keep]`. Builds the portfolio bench's dataset once in a database of
 * its own (kept with --keep, and reused by the next run), runs plan + render `runs` times, prints each
 * run's time and event-loop delay, and a hash of every message in both locales (to check that a change
 * leaves the digest byte-identical).
 */
const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const keep = args.includes('--keep');
const name = 'pb_digest_profile';

const admin = postgres(BENCH_POSTGRES_URL, { max: 1, onnotice: () => {} });
const exists = (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
if (!exists) await admin.unsafe(`create database ${name}`);
const database = await openBenchDatabase(name);
try {
  const config = loadConfig({ LOG_LEVEL: 'warn', DATABASE_URL: database.url });
  const catalog = loadCatalog(config.CATALOG_PATH);
  const today = localDate(new Date(), config.PROGRAM_TIMEZONE);
  if (!exists) {
    await database.migrate();
    await generateDataset(database.db, {
      partners: 10_000,
      contactsPerPartner: 3,
      months: 24,
      lastMonth: monthOf(today),
    });
  }
  const deps = { catalog, config };
  // Warm-up: the first run also refreshes the snapshot.
  await planDigests(database.db, deps, today);
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  for (let i = 0; i < runs; i++) {
    histogram.reset();
    histogram.enable();
    const start = performance.now();
    const digests = await planDigests(database.db, deps, today);
    const planned = performance.now();
    const messages = await digestMessagesOf(catalog, 'en', today, digests);
    const done = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    histogram.disable();
    console.log(
      `run ${i + 1}: plan ${round(planned - start)} ms, render ${round(done - planned)} ms, total ${round(done - start)} ms, loop max ${round(histogram.max / 1e6)} ms, ${messages.length} messages`,
    );
  }
  const hash = createHash('sha256');
  const digests = await planDigests(database.db, deps, today);
  for (const locale of LOCALES)
    hash.update(JSON.stringify(await digestMessagesOf(catalog, locale, today, digests)));
  console.log(`messages of both locales: sha256 ${hash.digest('hex')}`);
} finally {
  await database.close();
  if (!keep) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
