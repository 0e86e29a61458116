import { commandMessages } from '../src/i18n/commands.js';
import { localDate, monthOf } from '../src/program/dates.js';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { startBenchChild } from './child.js';
import { generateDataset } from './dataset.js';
import { isStatusCardOf } from './latency.bench.js';
import { BARE_REPLY, runSlashCommandLoad } from './slack-load.js';
import { benchPostgres, percentile, round } from './support.js';

const BUSY = commandMessages.en.busy;

export interface BurstFigures {
  requests: number;
  cards: number;
  busy: number;
  /** Anything else: errors, "temporarily unavailable", wrong answers. */
  other: number;
  p50Ms: number;
  maxMs: number;
  within3s: number;
  samples: string[];
}

/**
 * Bursts of `/partner status` at 10 000 partners, every request sent at once on its own connection, to the
 * real app (its own process, PostgreSQL) and to the bare Bolt ack (the baseline): how many got their card,
 * how many "busy", and whether every answer came within Slack's 3 s.
 */
export async function benchBurst(options: { partners?: number; bursts?: number[] } = {}) {
  const partners = options.partners ?? 10_000;
  const bursts = options.bursts ?? [200, 500];
  const fakeSlack = await startFakeSlack();
  const database = await benchPostgres();
  try {
    const lastMonth = monthOf(localDate(new Date(), 'Europe/Paris'));
    await generateDataset(database.db, { partners, contactsPerPartner: 3, months: 24, lastMonth });
    const measure = async (mode: 'app' | 'bare') => {
      const child = startBenchChild('./latency-server.ts', {
        BENCH_MODE: mode,
        SLACK_API_URL: fakeSlack.apiUrl,
        DATABASE_URL: database.url,
      });
      try {
        const { port } = await child.next<{ type: 'ready'; port: number }>('ready', 120_000);
        const burst = async (requests: number, offset: number): Promise<BurstFigures> => {
          let cards = 0;
          let busy = 0;
          const partnerOf = (i: number) => 1 + ((offset + i * 37) % partners);
          const load = await runSlashCommandLoad({
            url: `http://127.0.0.1:${port}/slack/events`,
            requests,
            concurrency: requests,
            userId: 'UMGR1',
            responseUrl: fakeSlack.responseUrl('burst'),
            text: (i) => `status p${partnerOf(i)}`,
            check: (i, body) => {
              if (mode === 'bare' ? body.includes(BARE_REPLY) : isStatusCardOf(body, partnerOf(i)))
                cards += 1;
              else if (body.includes(BUSY)) busy += 1;
              else return false;
              return true;
            },
          });
          const l = load.latenciesMs;
          return {
            requests,
            cards,
            busy,
            other: requests - cards - busy,
            p50Ms: round(percentile(l, 50), 1),
            maxMs: round(l[l.length - 1] ?? Number.NaN, 1),
            within3s: l.filter((ms) => ms <= 3_000).length,
            samples: load.samples,
          };
        };
        // Warm-up (JIT, pool, the asker's locale), a pause, then each burst after a pause of its own.
        await burst(50, 0);
        const results: BurstFigures[] = [];
        for (const [i, n] of bursts.entries()) {
          await new Promise((resolve) => setTimeout(resolve, 2_000));
          results.push(await burst(n, 1_000 * (i + 1)));
        }
        child.send({ type: 'stop' });
        await child.next('stopped', 30_000);
        return results;
      } finally {
        await child.kill();
      }
    };
    const bare = await measure('bare');
    const app = await measure('app');
    return { partners, bursts, app, bare };
  } finally {
    await database.drop();
    await fakeSlack.close();
  }
}
