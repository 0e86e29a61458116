import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { rowsOf } from '../src/db/client.js';
import { createDeps } from '../src/deps.js';
import { digestMessagesOf, planDigests } from '../src/jobs/digest.job.js';
import { createLogger } from '../src/logger.js';
import { loadCatalog } from '../src/program/catalog.load.js';
import { localDate, monthOf } from '../src/program/dates.js';
import { refreshPartnerStatuses } from '../src/services/partner-status-snapshot.service.js';
import { createListenerDeps } from '../src/slack/listeners/deps.js';
import { publishHome } from '../src/slack/listeners/events/app-home.event.js';
import { handlePartnerCommand } from '../src/slack/partner-command/handle.js';
import { generateDataset } from './dataset.js';
import { benchPostgres, percentile, round, timed } from './support.js';

/**
 * Lets the histogram's timer fire once more before it is disabled: a measure ending in synchronous work
 * (rendering) would else leave that last delay unrecorded.
 */
const delaySeen = () => new Promise<void>((resolve) => setTimeout(resolve, 5));

/** The admin of the dataset: every partner is in its portfolio. */
const ADMIN = 'UMGR1';

export interface PortfolioMeasure {
  name: string;
  medianMs: number;
  maxMs: number;
  /** The largest event-loop delay seen while it ran (perf_hooks.monitorEventLoopDelay, 1 ms resolution). */
  maxLoopDelayMs: number;
  /** What it gave, to check it did the work (rows listed, partners at risk...). */
  size: number;
}

/**
 * The portfolio answers at 10 000 partners, in this process on PostgreSQL: `/partner list`, `list at-risk`,
 * `list overdue` (the whole /partner core: asker, rules, view), the App Home of the admin (load + render)
 * and the Monday digest (plan + render every manager's message). Each runs `runs` times after a warm-up;
 * the event-loop delay is sampled while each runs. Baseline: one indexed SQL page of the same partners.
 */
export async function benchPortfolio(options: { partners?: number; runs?: number } = {}) {
  const partners = options.partners ?? 10_000;
  const runs = options.runs ?? 7;
  const database = await benchPostgres();
  try {
    const config = loadConfig({ LOG_LEVEL: 'warn', DATABASE_URL: database.url });
    const catalog = loadCatalog(config.CATALOG_PATH);
    const logger = createLogger({ level: 'warn', name: 'bench-portfolio' });
    const today = localDate(new Date(), config.PROGRAM_TIMEZONE);
    const setup = await timed(() =>
      generateDataset(database.db, {
        partners,
        contactsPerPartner: 3,
        months: 24,
        lastMonth: monthOf(today),
      }),
    );
    const deps = createListenerDeps(createDeps({ config, catalog, logger, database }));
    const client = {
      users: { info: async () => ({ ok: true, user: { locale: 'en-US' } }) },
      views: { publish: async () => ({ ok: true }) },
    };
    const command = (text: string) => async () => {
      const reply = await handlePartnerCommand(deps, { userId: ADMIN, text, locale: 'en' });
      return reply.blocks?.length ?? 0;
    };
    const cases: { name: string; run: () => Promise<number> }[] = [
      {
        name: 'baseline: one SQL page of partners',
        run: async () =>
          rowsOf(
            await database.db.execute(
              sql`select id, name, tier from partners where left_on is null order by name limit 20`,
            ),
          ).length,
      },
      { name: '/partner list', run: command('list') },
      { name: '/partner list at-risk', run: command('list at-risk') },
      { name: '/partner list overdue', run: command('list overdue') },
      {
        name: 'App Home (admin)',
        run: async () => {
          let blocks = 0;
          await publishHome(
            deps,
            {
              ...client,
              views: {
                publish: async (args: { view: { blocks: unknown[] } }) => {
                  blocks = args.view.blocks.length;
                  return { ok: true };
                },
              },
            },
            ADMIN,
            { locale: 'en' },
          );
          return blocks;
        },
      },
      {
        name: 'Monday digest (plan + render)',
        run: async () => {
          const digests = await planDigests(database.db, { catalog, config }, today);
          return (await digestMessagesOf(catalog, 'en', today, digests)).length;
        },
      },
    ];

    const measures: PortfolioMeasure[] = [];
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    // The daily refresh (every partner's snapshot computed by the rules), once, as the job does it.
    histogram.enable();
    const refresh = await timed(() => refreshPartnerStatuses(database.db, catalog, today));
    await delaySeen();
    histogram.disable();
    const refreshFigures = {
      ms: round(refresh.ms, 0),
      saved: refresh.value.saved,
      maxLoopDelayMs: round(histogram.max / 1e6, 1),
    };
    for (const c of cases) {
      await c.run();
      const times: number[] = [];
      let maxLoopDelayMs = 0;
      let size = 0;
      for (let i = 0; i < runs; i++) {
        histogram.reset();
        histogram.enable();
        const { ms, value } = await timed(c.run);
        await delaySeen();
        histogram.disable();
        times.push(ms);
        size = value;
        maxLoopDelayMs = Math.max(maxLoopDelayMs, histogram.max / 1e6);
      }
      times.sort((a, b) => a - b);
      measures.push({
        name: c.name,
        medianMs: round(percentile(times, 50), 1),
        maxMs: round(times[times.length - 1]!, 1),
        maxLoopDelayMs: round(maxLoopDelayMs, 1),
        size,
      });
    }
    return { partners, runs, setupSeconds: round(setup.ms / 1000), refresh: refreshFigures, measures };
  } finally {
    await database.drop();
  }
}
