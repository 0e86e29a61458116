import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/client.js';
import { localDate, monthOf } from '../src/program/dates.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { startBenchChild } from './child.js';
import { generateDataset } from './dataset.js';
import { megabytes } from './rss.js';
import { BARE_REPLY, type LoadResult, runSlashCommandLoad } from './slack-load.js';
import { backendCpuMs, benchPostgres, percentile, round, timed } from './support.js';

export interface LatencyOptions {
  backend: 'postgres' | 'pglite';
  partners?: number;
  contactsPerPartner?: number;
  months?: number;
  requests?: number;
  concurrency?: number;
  /** Requests sent before measuring (JIT, connection pool, the asker's locale cached). */
  warmup?: number;
  /** Requests sent one at a time after the measured run: the service time, without queueing. */
  serialRequests?: number;
  /**
   * Rounds of (bare ack, app), one after the other: the machine's load drifts between two measures, so the
   * figures given are those of the round with the median p50 ratio, beside every round's ratio.
   */
  rounds?: number;
}

/** A staff member of the dataset (the admin): sees every partner. */
const ASKER = 'UMGR1';

export interface ServerFigures {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
  requestsPerSecond: number;
  errors: number;
  wrongAnswers: number;
  /** Highest RSS sampled (every 20 ms) during the measured requests. */
  peakRssMb: number;
  /** The kernel's high-water mark (VmHWM) of the server process's whole life, startup and warm-up included. */
  hwmRssMb: number | undefined;
  /** The server process's CPU time per measured request (user + system). */
  cpuMsPerRequest: number;
  /** The PostgreSQL backends' CPU time per measured request (PostgreSQL on this machine only). */
  databaseCpuMsPerRequest?: number;
  /** The load generator's (this process's: signing, sending, checking each reply) CPU per measured request. */
  loadCpuMsPerRequest: number;
  /** Times per measured request the kernel took the server's main thread off its core (Linux only). */
  involuntarySwitchesPerRequest?: number;
  samples: string[];
}

/** One server measured: at `concurrency` at a time, then one request at a time. */
type ServerRun = ServerFigures & {
  oneAtATime: { requests: number; p50Ms: number; p99Ms: number; errors: number; wrongAnswers: number };
};

type ServerUsage = {
  sampledPeakBytes: number;
  hwmBytes?: number | undefined;
  cpuMs: number;
  databaseCpuMs?: number | undefined;
  involuntarySwitches?: number | undefined;
  loadCpuMs: number;
};

function figures(load: LoadResult, usage: ServerUsage): ServerFigures {
  const l = load.latenciesMs;
  const perRequest = (ms: number) => round(ms / load.requests, 3);
  return {
    p50Ms: round(percentile(l, 50), 2),
    p95Ms: round(percentile(l, 95), 2),
    p99Ms: round(percentile(l, 99), 2),
    maxMs: round(l[l.length - 1] ?? Number.NaN, 2),
    meanMs: round(l.reduce((a, b) => a + b, 0) / Math.max(1, l.length), 2),
    requestsPerSecond: round(load.requests / (load.wallMs / 1000)),
    errors: load.errors,
    wrongAnswers: load.wrongAnswers,
    peakRssMb: megabytes(usage.sampledPeakBytes),
    hwmRssMb: usage.hwmBytes === undefined ? undefined : megabytes(usage.hwmBytes),
    cpuMsPerRequest: perRequest(usage.cpuMs),
    ...(usage.databaseCpuMs === undefined
      ? {}
      : { databaseCpuMsPerRequest: perRequest(usage.databaseCpuMs) }),
    loadCpuMsPerRequest: perRequest(usage.loadCpuMs),
    ...(usage.involuntarySwitches === undefined
      ? {}
      : { involuntarySwitchesPerRequest: perRequest(usage.involuntarySwitches) }),
    samples: load.samples,
  };
}

/** Deterministic partner numbers in 1..n (a small LCG): the same requests on every run. */
function partnerNumbers(count: number, n: number): number[] {
  let seed = 20_260_701;
  return Array.from({ length: count }, () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return 1 + (seed % n);
  });
}

/** A real status card about partner n: ephemeral, with blocks naming it ("Partner 12", not "Partner 123"). */
export function isStatusCardOf(body: string, n: number): boolean {
  try {
    const reply = JSON.parse(body) as { response_type?: string; blocks?: unknown[] };
    if (reply.response_type !== 'ephemeral' || !Array.isArray(reply.blocks) || reply.blocks.length < 3)
      return false;
    return new RegExp(`Partner ${n}(?!\\d)`).test(JSON.stringify(reply.blocks));
  } catch {
    return false;
  }
}

/**
 * `/partner status <random partner>` through the real app in HTTP mode (its own process) beside a bare
 * Bolt app with the same receiver and signing that acks a fixed reply, both measured the same way, in
 * `rounds` interleaved pairs.
 */
export async function benchLatency(options: LatencyOptions) {
  const partners = options.partners ?? 10_000;
  const contactsPerPartner = options.contactsPerPartner ?? 3;
  const months = options.months ?? 24;
  const requests = options.requests ?? 2_000;
  const concurrency = options.concurrency ?? 16;
  const warmup = options.warmup ?? 200;
  const serialRequests = options.serialRequests ?? 300;
  const rounds = Math.max(1, options.rounds ?? 3);
  const lastMonth = monthOf(localDate(new Date(), 'Europe/Paris'));
  const size = { partners, contactsPerPartner, months, lastMonth };

  const fakeSlack = await startFakeSlack();
  let cleanup: () => Promise<void> = async () => {};
  try {
    // The dataset, and where the app finds it.
    let databaseEnv: Record<string, string>;
    let setupMs: number;
    if (options.backend === 'postgres') {
      const database = await benchPostgres();
      cleanup = database.drop;
      setupMs = (await timed(() => generateDataset(database.db, size))).ms;
      databaseEnv = { DATABASE_URL: database.url };
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'pb-bench-pglite-'));
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
      setupMs = (
        await timed(async () => {
          const database = await openDatabase({ dataDir: dir });
          try {
            await database.migrate();
            await generateDataset(database.db, size);
          } finally {
            await database.close();
          }
        })
      ).ms;
      databaseEnv = { BENCH_PGLITE_DIR: dir };
    }

    const measure = async (mode: 'app' | 'bare'): Promise<ServerRun> => {
      const child = startBenchChild('./latency-server.ts', {
        BENCH_MODE: mode,
        SLACK_API_URL: fakeSlack.apiUrl,
        ...databaseEnv,
      });
      try {
        const { port } = await child.next<{ type: 'ready'; port: number }>('ready', 120_000);
        const numbers = partnerNumbers(warmup + requests + serialRequests, partners);
        const load = (from: number, count: number, atOnce = concurrency) =>
          runSlashCommandLoad({
            url: `http://127.0.0.1:${port}/slack/events`,
            requests: count,
            concurrency: atOnce,
            userId: ASKER,
            responseUrl: fakeSlack.responseUrl('bench'),
            text: (i) => `status p${numbers[from + i]}`,
            check: (i, body) =>
              mode === 'bare' ? body.includes(BARE_REPLY) : isStatusCardOf(body, numbers[from + i]!),
          });
        await load(0, warmup);
        const databaseCpu = () =>
          mode === 'app' && databaseEnv.DATABASE_URL ? backendCpuMs(databaseEnv.DATABASE_URL) : undefined;
        const databaseCpuBefore = await databaseCpu();
        child.send({ type: 'rss-start' });
        await child.next('rss-started');
        const loadCpuBefore = process.cpuUsage();
        const result = await load(warmup, requests);
        const loadCpu = process.cpuUsage(loadCpuBefore);
        child.send({ type: 'rss-stop' });
        const usage = await child.next<{ type: 'rss' } & Omit<ServerUsage, 'loadCpuMs'>>('rss');
        const databaseCpuAfter = await databaseCpu();
        const serial = await load(warmup + requests, serialRequests, 1);
        child.send({ type: 'stop' });
        await child.next('stopped', 30_000);
        return {
          ...figures(result, {
            ...usage,
            loadCpuMs: (loadCpu.user + loadCpu.system) / 1000,
            databaseCpuMs:
              databaseCpuBefore === undefined || databaseCpuAfter === undefined
                ? undefined
                : databaseCpuAfter - databaseCpuBefore,
          }),
          oneAtATime: {
            requests: serialRequests,
            p50Ms: round(percentile(serial.latenciesMs, 50), 2),
            p99Ms: round(percentile(serial.latenciesMs, 99), 2),
            errors: serial.errors,
            wrongAnswers: serial.wrongAnswers,
          },
        };
      } finally {
        await child.kill();
      }
    };

    const measured: { app: ServerRun; bare: ServerRun; ratio: number }[] = [];
    for (let i = 0; i < rounds; i += 1) {
      const bare = await measure('bare');
      const app = await measure('app');
      measured.push({ app, bare, ratio: app.p50Ms / bare.p50Ms });
    }
    const byRatio = [...measured].sort((a, b) => a.ratio - b.ratio);
    const { app, bare } = byRatio[Math.floor((byRatio.length - 1) / 2)]!;
    return {
      backend: options.backend,
      partners,
      contactsPerPartner,
      revenueMonths: months,
      revenueRows: partners * months * 4,
      requests,
      concurrency,
      warmup,
      serialRequests,
      setupSeconds: round(setupMs / 1000),
      app,
      bare,
      p50Ratio: round(app.p50Ms / bare.p50Ms, 2),
      /** Every round's p50 ratio, in the order measured (the figures above are the median round's). */
      roundRatios: measured.map((m) => round(m.ratio, 2)),
      p99Ratio: round(app.p99Ms / bare.p99Ms, 2),
    };
  } finally {
    await cleanup();
    await fakeSlack.close();
  }
}
