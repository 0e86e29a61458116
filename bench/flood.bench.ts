import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandMessages } from '../src/i18n/commands.js';
import { DEFAULT_RECEIVER_LIMITS } from '../src/slack/receiver.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import type { FloodOptions, FloodOutcome } from '../test/support/slack-requests.js';
import { startBenchChild } from './child.js';
import { megabytes } from './rss.js';
import { runSlashCommandLoad } from './slack-load.js';
import { percentile, round } from './support.js';

export interface FloodBenchOptions {
  /** Connections that send headers declaring `bodyBytes`, unsigned, and never their body (the tester: 400). */
  pending?: number;
  /** Unsigned posts that try to send all `bodyBytes` (the tester: 144). */
  posts?: number;
  bodyBytes?: number;
  /** Second flood: posts with well-formed but forged signatures, sent whole, just under the body limit. */
  forged?: number;
  /** Valid `/partner help` requests timed without the flood (the baseline). */
  baselineRequests?: number;
}

const ASKER = 'U0FLOODBENCH';
const HELP = commandMessages.en.help.text;

export interface FloodPhase {
  flood: FloodOutcome;
  /** Valid requests answered during the flood, and their latencies (ms, sorted). */
  valid: { requests: number; errors: number; latenciesMs: number[]; p50Ms: number; maxMs: number };
  /** Server RSS: after gc before the flood, highest sampled during it, after gc once it is over. */
  rssBeforeMb: number;
  rssPeakMb: number;
  rssAfterMb: number;
  heapBeforeMb: number;
  heapAfterMb: number;
  /** The server's CPU time (user + system) from the flood's start until it was over. */
  serverCpuMs: number;
}

type Memory = { type: 'memory'; rss: number; heapUsed: number; gc: boolean };

/**
 * The unsigned flood a tester ran against the old receiver (400 connections each declaring 3.9 MB
 * unsigned and never finishing, 144 unsigned 3.9 MB posts), then a flood of forged-signature posts at the
 * body limit (which pass the header check, so are read, within the body budget). The server is the real
 * app in HTTP mode in a process of its own (bench/latency-server.ts on an empty PGlite database, with
 * --expose-gc), so its RSS is its own; the flood comes from another (bench/flood-client.ts), and the
 * timed valid requests from this one, so that neither client slows the other. Valid `/partner help`
 * requests are sent one at a time, each on a new connection, while the flood is under way, and the same
 * way without it (the baseline).
 */
export async function benchFlood(options: FloodBenchOptions = {}) {
  const pending = options.pending ?? 400;
  const posts = options.posts ?? 144;
  const bodyBytes = options.bodyBytes ?? 3_900_000;
  const forged = options.forged ?? 400;
  const forgedBytes = DEFAULT_RECEIVER_LIMITS.bodyLimitBytes - 1024;
  const baselineRequests = options.baselineRequests ?? 50;

  const fakeSlack = await startFakeSlack();
  const dir = mkdtempSync(join(tmpdir(), 'pb-bench-flood-'));
  const child = startBenchChild(
    './latency-server.ts',
    { BENCH_MODE: 'app', SLACK_API_URL: fakeSlack.apiUrl, BENCH_PGLITE_DIR: dir },
    ['--expose-gc'],
  );
  const flooder = startBenchChild('./flood-client.ts');
  try {
    const { port } = await child.next<{ type: 'ready'; port: number }>('ready', 120_000);
    await flooder.next('ready', 60_000);
    const flood = async (options: Omit<FloodOptions, 'port'>) => {
      flooder.send({ type: 'flood', options: { ...options, port } });
      return (await flooder.next<{ type: 'flooded'; outcome: FloodOutcome }>('flooded', 120_000)).outcome;
    };
    const url = `http://127.0.0.1:${port}/slack/events`;
    const help = (requests: number) =>
      runSlashCommandLoad({
        url,
        requests,
        concurrency: 1,
        text: () => 'help',
        userId: ASKER,
        responseUrl: fakeSlack.responseUrl('flood-bench'),
        check: (_, body) => body.includes(HELP.slice(0, 40)),
      });
    const memory = async () => {
      child.send({ type: 'memory' });
      return child.next<Memory>('memory', 30_000);
    };

    await help(20); // warm-up: JIT, the help reply, the asker's locale
    const baseline = await help(baselineRequests);

    const phase = async (run: () => Promise<FloodOutcome>): Promise<FloodPhase> => {
      const before = await memory();
      child.send({ type: 'rss-start' });
      await child.next('rss-started');
      let done = false;
      const running = run().finally(() => {
        done = true;
      });
      const latencies: number[] = [];
      let requests = 0;
      let errors = 0;
      // At least 10 valid requests, the first sent while the flood's connections are still opening.
      while (!done || requests < 10) {
        const one = await help(1);
        requests += 1;
        errors += one.errors + one.wrongAnswers;
        latencies.push(...one.latenciesMs);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const outcome = await running;
      child.send({ type: 'rss-stop' });
      const peak = await child.next<{ type: 'rss'; sampledPeakBytes: number; cpuMs: number }>('rss');
      // Let the refused connections' memory go back before measuring what is left.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const after = await memory();
      latencies.sort((a, b) => a - b);
      return {
        flood: outcome,
        valid: {
          requests,
          errors,
          latenciesMs: latencies.map((ms) => round(ms, 1)),
          p50Ms: round(percentile(latencies, 50), 1),
          maxMs: round(latencies[latencies.length - 1] ?? Number.NaN, 1),
        },
        rssBeforeMb: megabytes(before.rss),
        rssPeakMb: megabytes(Math.max(peak.sampledPeakBytes, before.rss)),
        rssAfterMb: megabytes(after.rss),
        heapBeforeMb: megabytes(before.heapUsed),
        heapAfterMb: megabytes(after.heapUsed),
        serverCpuMs: round(peak.cpuMs, 0),
      };
    };

    const unsigned = await phase(() => flood({ pending, posts, bodyBytes, timeoutMs: 30_000 }));
    const forgedPhase = await phase(() =>
      flood({ pending: 0, posts: 0, forged, forgedBytes, timeoutMs: 30_000 }),
    );

    flooder.send({ type: 'stop' });
    await flooder.next('stopped', 30_000);
    child.send({ type: 'stop' });
    await child.next('stopped', 30_000);
    return {
      pending,
      posts,
      bodyBytes,
      forgedPosts: forged,
      forgedBytes,
      limits: DEFAULT_RECEIVER_LIMITS,
      baseline: {
        requests: baseline.requests,
        errors: baseline.errors + baseline.wrongAnswers,
        p50Ms: round(percentile(baseline.latenciesMs, 50), 1),
        p99Ms: round(percentile(baseline.latenciesMs, 99), 1),
        maxMs: round(baseline.latenciesMs[baseline.latenciesMs.length - 1] ?? Number.NaN, 1),
      },
      unsigned,
      forged: forgedPhase,
    };
  } finally {
    await flooder.kill();
    await child.kill();
    await fakeSlack.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
