import { asc, eq } from 'drizzle-orm';
import type { CliContext } from '../../src/cli/context.js';
import { type Config, loadConfig } from '../../src/config.js';
import type { Database, Db } from '../../src/db/client.js';
import { outbox, tierHistory } from '../../src/db/schema.js';
import type { JobDeps } from '../../src/jobs/occurrences.js';
import { createLogger } from '../../src/logger.js';
import { loadCatalog } from '../../src/program/catalog.load.js';
import { evaluateAndAnnounce } from '../../src/services/evaluation-approval.service.js';
import { announcementViews } from '../../src/slack/views/announcements.view.js';
import { givenMonthlyRevenue, givenPartner } from '../support/rows.js';

export const catalog = loadCatalog();

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ LOCALE: 'en', ANNOUNCE_CHANNEL_ID: 'CTEAM', LOG_LEVEL: 'error', ...env });
}

export const quietLogger = createLogger({ level: 'error', name: 'test', sink: () => {} });

export function jobDeps(db: Db, overrides: Partial<JobDeps> = {}): JobDeps {
  return {
    db,
    catalog,
    config: testConfig(),
    logger: quietLogger,
    now: () => new Date(),
    instanceId: 'test',
    ...overrides,
  };
}

/** Acme, an Access ambassador since 1 January 2026, with its channel. */
export const ACME = {
  id: 'acme',
  name: 'Acme',
  type: 'ambassador',
  tier: 'access',
  joinedOn: '2026-01-01',
  tierSince: '2026-01-01',
  slackChannelId: 'CACME',
} as const;

/** Bolt, a Business ambassador with its channel: at 800 € a month over 2026-H1 it drops to Access on 1 July. */
export const BOLT = {
  id: 'bolt',
  name: 'Bolt',
  type: 'ambassador',
  tier: 'business',
  slackChannelId: 'CBOLT',
} as const;

/** A partner billing `euros` (recurring) every month of 2026-H1, the semester evaluated on 1 July 2026. */
export async function givenFirstHalfOf2026(
  db: Db,
  row: Parameters<typeof givenPartner>[1],
  euros: number,
): Promise<void> {
  await givenPartner(db, row);
  await givenMonthlyRevenue(db, row.id, '2026-01', '2026-06', euros);
}

/** The 1 July 2026 evaluation (2026-H1), its announcements queued, under the test config with `env`. */
export function evaluateFirstHalfOf2026(db: Db, env: Record<string, string> = {}) {
  return evaluateAndAnnounce(db, { catalog, config: testConfig(env) }, announcementViews, {
    asOf: '2026-07-01',
    actor: 't',
  });
}

export async function outboxRows(db: Db) {
  return db.select().from(outbox).orderBy(asc(outbox.id));
}

/** A partner's tier history, oldest first. */
export async function tierHistoryOf(db: Db, partnerId: string) {
  return db.select().from(tierHistory).where(eq(tierHistory.partnerId, partnerId)).orderBy(tierHistory.id);
}

/** All the text of a queued message (notification text and every block's text), for assertions. */
export function textOf(row: { text: string; blocks: unknown }): string {
  const parts = [row.text];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'text' && typeof v === 'string') parts.push(v);
        else walk(v);
      }
    }
  };
  walk(row.blocks);
  return parts.join('\n');
}

/** The action_ids of a queued message's buttons. */
export function actionIdsOf(row: { blocks: unknown }): string[] {
  const ids: string[] = [];
  for (const block of (row.blocks as { type: string; elements?: { action_id?: string }[] }[]) ?? [])
    if (block.type === 'actions')
      for (const e of block.elements ?? []) if (e.action_id) ids.push(e.action_id);
  return ids;
}

/** A command-line context on a test database as of `today`; what the command prints goes to `lines`. */
export function cliContext(database: Database, today: string, overrides: Partial<CliContext> = {}) {
  const lines: string[] = [];
  const ctx = {
    config: testConfig(),
    catalog,
    database,
    print: (line: string) => lines.push(line),
    actor: 'cli:test',
    now: () => new Date(),
    today: () => today,
    ...overrides,
  } satisfies CliContext;
  return { ctx, lines };
}
