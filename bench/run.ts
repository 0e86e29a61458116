import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import postgres from 'postgres';
import { benchBurst } from './burst.bench.js';
import { benchDelivery } from './delivery.bench.js';
import { benchEvaluation } from './evaluation.bench.js';
import { benchFlood } from './flood.bench.js';
import { benchImport } from './import.bench.js';
import { benchLatency } from './latency.bench.js';
import { benchPortfolio } from './portfolio.bench.js';
import { BENCH_POSTGRES_URL, round } from './support.js';
import { benchUnderstand } from './understand.bench.js';

/**
 * `npm run bench [-- latency evaluation delivery import flood portfolio burst]`: builds each section's dataset, measures it
 * beside a baseline taken in the same run, prints one table and writes bench/results.json.
 */

const SECTIONS = [
  'latency',
  'evaluation',
  'delivery',
  'import',
  'flood',
  'understand',
  'portfolio',
  'burst',
] as const;
type Section = (typeof SECTIONS)[number];

export interface Row {
  section: Section;
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  /** null: no target. */
  met: boolean | null;
}

const ms = (n: number) => `${round(n, 1)} ms`;
const s = (n: number) => `${round(n, 2)} s`;
const mb = (n: number | undefined) => (n === undefined ? '—' : `${n} MB`);
const x = (n: number) => `${round(n, 2)}×`;
const thousands = (n: number) => Math.round(n).toLocaleString('en-US').replaceAll(',', ' ');

type LatencyResult = Awaited<ReturnType<typeof benchLatency>>;

function latencyRows(r: LatencyResult): Row[] {
  const name = r.backend === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const onPostgres = r.backend === 'postgres';
  const { app, bare } = r;
  const base = { section: 'latency' as const };
  /** The app's figure beside bare Bolt's, their ratio, and a target where one is set (on PostgreSQL). */
  const besideBare = (
    measure: string,
    [appValue, bareValue]: [number, number],
    unit: (n: number) => string,
    target?: { text: string; met: boolean },
  ): Row => ({
    ...base,
    measure: `${measure}, ${name}`,
    value: unit(appValue),
    baseline: `${unit(bareValue)} bare Bolt`,
    ratio: x(appValue / bareValue),
    target: target?.text ?? '—',
    met: target?.met ?? null,
  });
  return [
    besideBare(
      '/partner status p50',
      [app.p50Ms, bare.p50Ms],
      ms,
      onPostgres ? { text: '≤ 2× bare', met: app.p50Ms <= 2 * bare.p50Ms } : undefined,
    ),
    ...(r.roundRatios.length > 1
      ? [
          {
            ...base,
            measure: `p50 ratio of each round (bare, app), ${name}`,
            value: r.roundRatios.map(x).join(' / '),
            baseline: 'these figures: the median round',
            ratio: x(r.p50Ratio),
            target: '—',
            met: null,
          },
        ]
      : []),
    besideBare('/partner status p95', [app.p95Ms, bare.p95Ms], ms),
    besideBare(
      '/partner status p99',
      [app.p99Ms, bare.p99Ms],
      ms,
      onPostgres ? { text: '≤ 50 ms', met: app.p99Ms <= 50 } : undefined,
    ),
    besideBare('p50 one request at a time', [app.oneAtATime.p50Ms, bare.oneAtATime.p50Ms], ms),
    {
      ...besideBare('CPU per request', [app.cpuMsPerRequest, bare.cpuMsPerRequest], ms),
      ...(app.databaseCpuMsPerRequest === undefined
        ? {}
        : { value: `${ms(app.cpuMsPerRequest)} + ${ms(app.databaseCpuMsPerRequest)} db` }),
    },
    // At 16 at a time the two cores are busy, so each p50 follows the CPU all three processes spend on a
    // request (README, Performance, item 9), and the database's share counts against the app.
    ...(app.databaseCpuMsPerRequest === undefined
      ? []
      : [
          {
            ...besideBare(
              'CPU per request, load + server + db',
              [
                app.loadCpuMsPerRequest + app.cpuMsPerRequest + app.databaseCpuMsPerRequest,
                bare.loadCpuMsPerRequest + bare.cpuMsPerRequest,
              ],
              ms,
            ),
            value: `${ms(app.loadCpuMsPerRequest)} + ${ms(app.cpuMsPerRequest)} + ${ms(app.databaseCpuMsPerRequest)}`,
            baseline: `${ms(bare.loadCpuMsPerRequest)} + ${ms(bare.cpuMsPerRequest)} bare Bolt`,
          },
        ]),
    ...(app.involuntarySwitchesPerRequest === undefined || bare.involuntarySwitchesPerRequest === undefined
      ? []
      : [
          besideBare(
            'server preempted per request',
            [app.involuntarySwitchesPerRequest, bare.involuntarySwitchesPerRequest],
            (n) => `${round(n, 2)}`,
          ),
        ]),
    besideBare('peak RSS while answering', [app.peakRssMb, bare.peakRssMb], mb),
    {
      ...base,
      measure: `errors / wrong answers, ${name}`,
      value: `${app.errors + app.oneAtATime.errors} / ${app.wrongAnswers + app.oneAtATime.wrongAnswers} of ${r.requests + r.serialRequests}`,
      baseline: `${bare.errors + bare.oneAtATime.errors} / ${bare.wrongAnswers + bare.oneAtATime.wrongAnswers} bare Bolt`,
      ratio: '—',
      target: '0 / 0',
      met: [app, bare].every(
        (f) => f.errors + f.wrongAnswers + f.oneAtATime.errors + f.oneAtATime.wrongAnswers === 0,
      ),
    },
  ];
}

function evaluationRows(r: Awaited<ReturnType<typeof benchEvaluation>>): Row[] {
  return [
    {
      section: 'evaluation',
      measure: `evaluation of ${thousands(r.partners)} partners`,
      value: s(r.evaluationSeconds),
      baseline: `${s(r.baselineAggregateSeconds)} plain SQL aggregate`,
      ratio: x(r.ratio),
      target: '≤ 10 s and ≤ 2× aggregate',
      met: r.evaluationSeconds <= 10 && r.ratio <= 2,
    },
  ];
}

function deliveryRows(r: Awaited<ReturnType<typeof benchDelivery>>): Row[] {
  const run = (measure: string, f: typeof r.announcements): Row[] => [
    {
      section: 'delivery',
      measure,
      value: s(f.seconds),
      baseline: `${s(f.floorSeconds)} floor at ${r.workspacePerSecond}/s`,
      ratio: x(f.ratio),
      target: '≤ 1.1× floor',
      met: f.ratio <= 1.1,
    },
    {
      section: 'delivery',
      measure: `${measure}: 429s / lost / duplicated`,
      value: `${f.rateLimited.channel + f.rateLimited.workspace} / ${f.lost} / ${f.duplicated}`,
      baseline: '—',
      ratio: '—',
      target: 'lost 0, duplicated 0',
      met: f.lost === 0 && f.duplicated === 0,
    },
  ];
  return [
    ...run(`${thousands(r.announcements.messages)} announcements, one per channel`, r.announcements),
    ...run(`reminders to ${thousands(r.reminders.contacts)} contacts (DMs)`, r.reminders),
  ];
}

function importRows(r: Awaited<ReturnType<typeof benchImport>>): Row[] {
  return [
    {
      section: 'import',
      measure: `revenue import, ${thousands(r.rows)} lines`,
      value: `${thousands(r.rowsPerSecond)} rows/s`,
      baseline: `${thousands(r.copyRowsPerSecond)} rows/s COPY`,
      ratio: `${x(r.ratioToCopy)} slower`,
      target: '≥ 50 000 rows/s',
      met: r.rowsPerSecond >= 50_000,
    },
    {
      section: 'import',
      measure: 'revenue import peak RSS',
      value: mb(r.peakRssMb),
      baseline: '—',
      ratio: '—',
      target: '≤ 300 MB',
      met: r.peakRssMb <= 300,
    },
  ];
}

function floodRows(r: Awaited<ReturnType<typeof benchFlood>>): Row[] {
  const base = { section: 'flood' as const };
  const statuses = (s: Record<string, number>) =>
    Object.entries(s)
      .map(([status, n]) => `${n}× ${status}`)
      .join(', ');
  /** How much the server's RSS grew over what it was before the flood: at most 64 MB. */
  const rssGrowth = (measure: string, p: typeof r.unsigned, rssMb: number): Row => ({
    ...base,
    measure,
    value: mb(rssMb - p.rssBeforeMb),
    baseline: `${mb(p.rssBeforeMb)} before`,
    ratio: '—',
    target: '≤ 64 MB',
    met: rssMb - p.rssBeforeMb <= 64,
  });
  const rows = (name: string, p: typeof r.unsigned): Row[] => [
    rssGrowth(`${name}: server RSS growth, peak during`, p, p.rssPeakMb),
    rssGrowth(`${name}: server RSS growth, after (gc)`, p, p.rssAfterMb),
    {
      ...base,
      measure: `${name}: valid /partner help, p50 / max of ${p.valid.requests}`,
      value: `${ms(p.valid.p50Ms)} / ${ms(p.valid.maxMs)}`,
      baseline: `${ms(r.baseline.p50Ms)} / ${ms(r.baseline.maxMs)} without flood`,
      ratio: x(p.valid.p50Ms / r.baseline.p50Ms),
      target: 'max ≤ 1 s, 0 errors',
      met: p.valid.maxMs <= 1_000 && p.valid.errors === 0,
    },
    {
      ...base,
      measure: `${name}: answers to the flood (${p.flood.connections} connections)`,
      value: `${statuses(p.flood.statuses)}; ${s(p.flood.ms / 1000)}`,
      baseline: `server CPU ${ms(p.serverCpuMs)}`,
      ratio: '—',
      target: 'none kept open',
      met: p.flood.keptOpen === 0,
    },
  ];
  return [
    ...rows(`${r.pending} pending + ${r.posts} posts × 3.9 MB unsigned`, r.unsigned),
    ...rows(`${r.forgedPosts} forged-signature posts × ${Math.round(r.forgedBytes / 1024)} KiB`, r.forged),
  ];
}

function understandRows(r: Awaited<ReturnType<typeof benchUnderstand>>): Row[] {
  const base = { section: 'understand' as const };
  const n = thousands(r.partners);
  return [
    {
      ...base,
      measure: `understand(), per question, ${n} partners (mean / p50 / p99 of single calls)`,
      value: `${round(r.perQuestion.meanMs, 3)} / ${round(r.perQuestion.p50Ms, 3)} / ${round(r.perQuestion.p99Ms, 3)} ms`,
      baseline: `${round(r.baseline.meanMs, 4)} ms splitting the words alone`,
      ratio: x(r.perQuestion.meanMs / r.baseline.meanMs),
      target: '< 2 ms each (mean)',
      met: r.perQuestion.meanMs < 2,
    },
    {
      ...base,
      measure: 'slowest question of the corpus, averaged over 20 calls',
      value: `${round(r.slowest.ms, 3)} ms`,
      baseline: `“${r.slowest.question}”`,
      ratio: '—',
      target: '< 2 ms',
      met: r.slowest.ms < 2,
    },
    {
      ...base,
      measure: `partner index of ${n} partners, built once`,
      value: ms(r.indexBuildMs),
      baseline: '—',
      ratio: '—',
      target: '—',
      met: null,
    },
    {
      ...base,
      measure: `corpus understood exactly at ${n} partners`,
      value: `${r.understood} of ${r.questions} (${round((100 * r.understood) / r.questions, 1)} %)`,
      baseline: '—',
      ratio: '—',
      target: '≥ 95 %, 0 wrong partner',
      met: r.understood >= 0.95 * r.questions && r.wrongPartner === 0,
    },
    {
      ...base,
      measure: 'wrong partner named with confidence',
      value: String(r.wrongPartner),
      baseline: '—',
      ratio: '—',
      target: '0',
      met: r.wrongPartner === 0,
    },
  ];
}

function portfolioRows(r: Awaited<ReturnType<typeof benchPortfolio>>): Row[] {
  const [baseline, ...measures] = r.measures;
  const refresh: Row = {
    section: 'portfolio',
    measure: `daily status refresh, ${thousands(r.partners)} partners (job, once a day); loop delay max`,
    value: `${s(r.refresh.ms / 1000)}; ${ms(r.refresh.maxLoopDelayMs)}`,
    baseline: '—',
    ratio: '—',
    target: 'loop ≤ 50 ms',
    met: r.refresh.maxLoopDelayMs <= 50,
  };
  return [
    refresh,
    ...measures.map((m) => ({
      section: 'portfolio' as const,
      measure: `${m.name}, ${thousands(r.partners)} partners: median / max of ${r.runs}; loop delay max`,
      value: `${ms(m.medianMs)} / ${ms(m.maxMs)}; ${ms(m.maxLoopDelayMs)}`,
      baseline: `${ms(baseline!.medianMs)} one SQL page`,
      ratio: x(m.medianMs / baseline!.medianMs),
      target: '≤ 300 ms; loop ≤ 50 ms',
      met: m.maxMs <= 300 && m.maxLoopDelayMs <= 50,
    })),
  ];
}

function burstRows(r: Awaited<ReturnType<typeof benchBurst>>): Row[] {
  return r.app.map((a, i) => {
    const b = r.bare[i]!;
    const allCards = a.requests <= 200;
    return {
      section: 'burst' as const,
      measure: `${a.requests} concurrent /partner status, ${thousands(r.partners)} partners: cards / busy / other; p50 / max`,
      value: `${a.cards} / ${a.busy} / ${a.other}; ${ms(a.p50Ms)} / ${ms(a.maxMs)}`,
      baseline: `bare Bolt ${ms(b.p50Ms)} / ${ms(b.maxMs)}`,
      ratio: x(a.maxMs / b.maxMs),
      target: allCards ? 'all cards within 3 s' : 'all card or busy within 3 s',
      met:
        a.within3s === a.requests &&
        a.other === 0 &&
        (allCards ? a.cards === a.requests : a.cards + a.busy === a.requests),
    };
  });
}

/** A section's run: its result (written to the JSON report) and the rows of the table. */
type SectionRun = { result: unknown; rows: Row[] };

/** A section measured once: the bench's result and the table rows drawn from it. */
async function measured<R>(bench: Promise<R>, rows: (result: R) => Row[]): Promise<SectionRun> {
  const result = await bench;
  return { result, rows: rows(result) };
}

const RUNNERS: Record<Section, () => Promise<SectionRun>> = {
  latency: async () => {
    const onPostgres = await benchLatency({ backend: 'postgres' });
    // PGlite's row has no target: one round is enough to follow it.
    const onPglite = await benchLatency({ backend: 'pglite', rounds: 1 });
    return {
      result: { postgres: onPostgres, pglite: onPglite },
      rows: [...latencyRows(onPostgres), ...latencyRows(onPglite)],
    };
  },
  evaluation: () => measured(benchEvaluation(100_000), evaluationRows),
  delivery: () => measured(benchDelivery(), deliveryRows),
  import: () => measured(benchImport(), importRows),
  flood: () => measured(benchFlood(), floodRows),
  understand: () => measured(benchUnderstand(), understandRows),
  burst: () => measured(benchBurst(), burstRows),
  portfolio: () => measured(benchPortfolio(), portfolioRows),
};

export function formatTable(rows: Row[]): string {
  const header = ['measure', 'value', 'baseline', 'ratio', 'target', 'met?'];
  const cells = rows.map((r) => [
    r.measure,
    r.value,
    r.baseline,
    r.ratio,
    r.target,
    r.met === null ? '' : r.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

async function postgresVersion(): Promise<string> {
  const sql = postgres(BENCH_POSTGRES_URL, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ v: string }[]>`select current_setting('server_version') as v`;
    return row?.v ?? 'unknown';
  } catch {
    return 'unreachable';
  } finally {
    await sql.end();
  }
}

async function main() {
  // `status` is another name for `latency` (/partner status against the bare ack).
  const asked = process.argv.slice(2).map((a) => (a === 'status' ? 'latency' : a));
  const unknown = asked.filter((a) => !(SECTIONS as readonly string[]).includes(a));
  if (unknown.length > 0) {
    console.error(`unknown section(s): ${unknown.join(', ')}; choose among ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
  const chosen = SECTIONS.filter((section) => asked.length === 0 || asked.includes(section));
  const machine = {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    postgres: await postgresVersion(),
    loadAverageAtStart: loadavg().map((n) => round(n, 2)),
  };
  console.log(
    `partner-bot bench: ${chosen.join(', ')} on ${machine.nproc} CPU(s) (${machine.cpu}), ${machine.memoryGb} GB, ` +
      `Node ${machine.node}, PostgreSQL ${machine.postgres}, load average ${machine.loadAverageAtStart.join(' ')}`,
  );

  const started = performance.now();
  const sections: Record<string, unknown> = {};
  const rows: Row[] = [];
  let failed = false;
  for (const section of chosen) {
    const sectionStart = performance.now();
    console.log(`\n== ${section} ...`);
    try {
      const { result, rows: sectionRows } = await RUNNERS[section]();
      sections[section] = result;
      rows.push(...sectionRows);
      console.log(formatTable(sectionRows));
    } catch (error) {
      failed = true;
      sections[section] = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      rows.push({
        section,
        measure: section,
        value: 'failed',
        baseline: '',
        ratio: '',
        target: '',
        met: false,
      });
      console.error(`${section} failed:`, error);
    }
    console.log(`(${section}: ${round((performance.now() - sectionStart) / 1000, 1)} s)`);
  }
  const seconds = round((performance.now() - started) / 1000, 1);

  console.log(`\n== results (${seconds} s)\n`);
  console.log(formatTable(rows));
  const results = {
    generatedAt: new Date().toISOString(),
    command: `npm run bench${asked.length ? ` -- ${asked.join(' ')}` : ''}`,
    machine: { ...machine, loadAverageAtEnd: loadavg().map((n) => round(n, 2)) },
    seconds,
    table: rows,
    sections,
  };
  const path = new URL('./results.json', import.meta.url);
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten to bench/results.json`);
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
