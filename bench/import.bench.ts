import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { addMonths } from '../src/program/dates.js';
import { startBenchChild } from './child.js';
import { megabytes } from './rss.js';
import { benchPostgres, round, timed } from './support.js';

export interface ImportOptions {
  partners?: number;
  months?: number;
}

/** What bench/import-child.ts reports. */
type ImportResult = {
  type: 'result';
  ms: number;
  rows: number;
  inserted: number;
  updated: number;
  rssAtStartBytes: number;
  sampledPeakBytes: number;
  maxRssBytes: number;
  hwmBytes?: number;
};

const CATEGORIES = ['recurring', 'one_off', 'access_fees', 'minutes'] as const;
const LAST_MONTH = '2026-05-01';
const TODAY = '2026-06-15';

/**
 * A revenue export as a spreadsheet writes it: semicolons, French amounts ("1234,56"), one line per
 * partner, month and category. Streamed to disk (never whole in memory).
 */
async function writeRevenueCsv(path: string, partners: number, months: number): Promise<number> {
  const out = createWriteStream(path);
  const monthCodes = Array.from({ length: months }, (_, m) =>
    addMonths(LAST_MONTH, m - months + 1).slice(0, 7),
  );
  let lines = 0;
  let chunk = 'partner_id;month;category;amount_eur\n';
  for (let g = 1; g <= partners; g++) {
    for (const month of monthCodes) {
      for (const [c, category] of CATEGORIES.entries()) {
        const cents = ((g * 7919 + lines * 31 + c) % 2_000_000) + 100;
        chunk += `p${g};${month};${category};${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}\n`;
        lines += 1;
      }
    }
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return lines;
}

/**
 * A 1 000 000-line revenue CSV imported by the real import service (a child process, for its own peak
 * RSS) beside PostgreSQL's COPY of the same file into a plain table.
 */
export async function benchImport(options: ImportOptions = {}) {
  const partners = options.partners ?? 10_000;
  const months = options.months ?? 25;
  const dir = mkdtempSync(join(tmpdir(), 'pb-bench-import-'));
  const file = join(dir, 'revenue.csv');
  const database = await benchPostgres();
  try {
    const written = await timed(() => writeRevenueCsv(file, partners, months));
    // The partners the revenue belongs to, as on a fresh install: no revenue yet (every line is an insert),
    // and revenue_lines never analyzed. (Analyzed while empty, the import's insert of new lines plans a
    // nested loop over the table it fills, quadratic: see bench/PERFORMANCE.md.)
    await database.db.execute(sql`
      insert into partners (id, name, search_name, type, joined_on, tier, tier_since)
      select 'p' || g, 'Partner ' || g, 'partner ' || g, 'ambassador', date '2022-01-10', 'starter', date '2024-07-01'
      from generate_series(1, ${partners}) g`);
    await database.db.execute(sql`analyze partners`);

    const child = startBenchChild('./import-child.ts', {
      DATABASE_URL: database.url,
      BENCH_CSV: file,
      BENCH_TODAY: TODAY,
    });
    let result: ImportResult;
    try {
      result = await child.next<ImportResult>('result', 600_000);
    } finally {
      await child.kill();
    }

    // Baseline: COPY of the same bytes into a table of text columns (no parsing, checking or upsert).
    const client = postgres(database.url, { max: 1, onnotice: () => {} });
    let copyMs: number;
    try {
      await client`create table copy_baseline (partner_id text, month text, category text, amount_eur text)`;
      copyMs = (
        await timed(async () => {
          const writable =
            await client`copy copy_baseline from stdin with (format csv, header true, delimiter ';')`.writable();
          await pipeline(createReadStream(file), writable);
        })
      ).ms;
      const [{ n } = { n: 0 }] = await client<{ n: number }[]>`select count(*)::int as n from copy_baseline`;
      if (n !== written.value) throw new Error(`COPY loaded ${n} rows, expected ${written.value}`);
    } finally {
      await client.end();
    }

    const rowsPerSecond = result.rows / (result.ms / 1000);
    const copyRowsPerSecond = written.value / (copyMs / 1000);
    return {
      lines: written.value,
      fileMb: megabytes(statSync(file).size),
      writeCsvSeconds: round(written.ms / 1000, 1),
      rows: result.rows,
      inserted: result.inserted,
      updated: result.updated,
      seconds: round(result.ms / 1000, 2),
      rowsPerSecond: Math.round(rowsPerSecond),
      // VmHWM: the import process's own high-water mark (its maxRSS may carry the bench's RSS at fork).
      peakRssMb: megabytes(result.hwmBytes ?? Math.max(result.sampledPeakBytes, result.maxRssBytes)),
      sampledPeakRssMb: megabytes(result.sampledPeakBytes),
      maxRssMb: megabytes(result.maxRssBytes),
      rssAtStartMb: megabytes(result.rssAtStartBytes),
      copySeconds: round(copyMs / 1000, 2),
      copyRowsPerSecond: Math.round(copyRowsPerSecond),
      ratioToCopy: round(copyRowsPerSecond / rowsPerSecond, 2),
    };
  } finally {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
