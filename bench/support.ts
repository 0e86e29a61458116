import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { type Database, openDatabase } from '../src/db/client.js';

export const BENCH_POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ??
  process.env.TEST_POSTGRES_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

/** A pool on the bench's database `name` (which must exist), without the app's statement timeout. */
export async function openBenchDatabase(name: string): Promise<Database & { url: string }> {
  const url = new URL(BENCH_POSTGRES_URL);
  url.pathname = `/${name}`;
  // The datasets are built by single statements over millions of rows: far longer than the app's 5 s limit.
  const database = await openDatabase({
    databaseUrl: url.toString(),
    dataDir: '',
    maxConnections: 16,
    statementTimeoutMs: 600_000,
  });
  return { ...database, url: url.toString() };
}

/** A fresh, migrated PostgreSQL database for one measure, dropped by `drop()`. */
export async function benchPostgres(): Promise<Database & { url: string; drop(): Promise<void> }> {
  const name = `pb_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(BENCH_POSTGRES_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const database = await openBenchDatabase(name);
  await database.migrate();
  return {
    ...database,
    drop: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * CPU time (ms) used so far by the PostgreSQL backends connected to `databaseUrl`'s database, read from
 * /proc (Linux, server on this machine); undefined when it cannot be read. Lets a bench say how much of
 * a request's cost is the database's, whatever else the machine is doing.
 */
export async function backendCpuMs(databaseUrl: string): Promise<number | undefined> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ pid: number }[]>`
      select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
    let ticks = 0;
    for (const { pid } of rows) {
      try {
        // Fields after the command name: state is [0], utime [11], stime [12] (clock ticks, 100 a second).
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // The backend ended meanwhile.
      }
    }
    return rows.length > 0 ? ticks * 10 : undefined;
  } catch {
    return undefined;
  } finally {
    await sql.end();
  }
}
