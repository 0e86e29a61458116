import { createHash } from 'node:crypto';
import type { Db } from '../db/client.js';
import {
  createPartnerStatusesRepository,
  type PartnerStatusFigures,
  type PortfolioScope,
} from '../db/repositories/partner-statuses.repository.js';
import { createPartnersRepository } from '../db/repositories/partners.repository.js';
import type { Catalog } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { hasLeft } from '../program/membership.js';
import { promotionWithinReach } from '../program/progress.js';
import { type PartnerStatus, statusMonths, statusOfRead } from './partner-status.service.js';

/**
 * Partners whose records are loaded and saved together while refreshing: small enough that handling one
 * chunk's query results holds the event loop only a few ms. Measured at 10 000 partners: chunks of 100
 * kept a chunk's records alive through many young-generation collections, each copying them (25–40 ms
 * pauses, loop delay 30–85 ms); chunks of 25 keep it at 15–29 ms (once 41 ms) for the same total time.
 */
const CHUNK = 25;
/** Longest the rules run before letting other work in (the event loop stays responsive). */
const SLICE_MS = 8;

/**
 * Bumped when what a row holds changes (2: the digest's program-depth lines) or the rules answer
 * otherwise (3: a quarter entered in its course is missed), so that older rows go stale.
 */
const SNAPSHOT_FORMAT = 3;

const keys = new WeakMap<Catalog, string>();

/**
 * Names the rules a snapshot was computed with: the catalog as applied and the snapshot's format (a changed
 * catalog, or rows of an older format, make every row stale).
 */
export function rulesKey(catalog: Catalog): string {
  let key = keys.get(catalog);
  if (!key) {
    key = createHash('sha256')
      .update(JSON.stringify([SNAPSHOT_FORMAT, catalog]))
      .digest('hex')
      .slice(0, 16);
    keys.set(catalog, key);
  }
  return key;
}

/** What the snapshot keeps of a partner's status: the program rules' answers, as they gave them. */
export function statusFigures(catalog: Catalog, status: PartnerStatus): PartnerStatusFigures {
  const { partner } = status.record;
  const { progress } = status;
  const overdue = status.obligations.filter((o) => o.status === 'overdue');
  // Quarterly duties missed in the quarters still shown: one line per duty, its quarters oldest first.
  const missed = new Map<string, { obligation: string; quarters: { year: number; number: number }[] }>();
  for (const item of status.obligations) {
    if (item.status !== 'missed' || !item.quarter) continue;
    let line = missed.get(item.obligation.code);
    if (!line) {
      line = { obligation: item.obligation.code, quarters: [] };
      missed.set(item.obligation.code, line);
    }
    line.quarters.push({ year: item.quarter.year, number: item.quarter.number });
  }
  const promotion = promotionWithinReach(catalog, partner.type, progress);
  const depth = digestDepthOf(status);
  return {
    hasLeft: hasLeft(partner, status.today),
    overdue: overdue.length,
    missed: missed.size,
    averageSoFarCents: progress.averageSoFarCents,
    demotionTo: progress.demotion?.toTier.code ?? null,
    missingToKeepCents: progress.demotion?.missingToKeepCents ?? null,
    promotionTo: promotion?.code ?? null,
    missingForNextCents: progress.missingForNextCents,
    details: {
      overdue: overdue.map((o) => ({
        obligation: o.obligation.code,
        dueOn: o.dueOn,
        contact:
          o.actor.kind === 'contact'
            ? { id: o.actor.contact.id, slackUserId: o.actor.contact.slackUserId, name: o.actor.contact.name }
            : null,
      })),
      missed: [...missed.values()],
      ...(depth ? { depth } : {}),
    },
  };
}

/**
 * The digest's program-depth lines of a status computed with its depth (issue 14): the current quarter
 * when it has an objective and is behind it or past the forecast's deadline without one, and the months
 * without the technical review the partner is entitled to. Undefined when there is neither.
 */
function digestDepthOf(status: PartnerStatus): NonNullable<PartnerStatusFigures['details']>['depth'] {
  const current = status.depth?.sales[0];
  const behind =
    current?.objectiveCents != null &&
    current.state === 'outstanding' &&
    (current.onTrack === false || current.forecastInTime === false);
  const techReviewsMissed = (status.depth?.benefitUses.techReviews ?? [])
    .filter((r) => r.state === 'missed')
    .map((r) => r.month);
  if (!behind && techReviewsMissed.length === 0) return undefined;
  return {
    ...(behind ? { sales: current } : {}),
    ...(techReviewsMissed.length > 0 ? { techReviewsMissed } : {}),
  };
}

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Brings the status snapshot of the scope's partners up to `today`: the rows a write marked stale, those
 * of another day or other rules are computed again by the rules (partnerStatus), in chunks, yielding the
 * event loop every few ms. A row whose facts are written meanwhile stays stale for the next reader.
 * Cheap when nothing is stale (one query).
 */
export async function refreshPartnerStatuses(
  db: Db,
  catalog: Catalog,
  today: IsoDate,
  scope: PortfolioScope = { managedBy: undefined },
): Promise<{ stale: number; saved: number }> {
  const snapshots = createPartnerStatusesRepository(db);
  const key = rulesKey(catalog);
  const stale = await snapshots.stale(today, key, scope);
  if (stale.length === 0) return { stale: 0, saved: 0 };
  const records = createPartnersRepository(db);
  const { sinceMonth, depthSince } = statusMonths(catalog, today);
  let saved = 0;
  for (let i = 0; i < stale.length; i += CHUNK) {
    const chunk = stale.slice(i, i + CHUNK);
    const generations = new Map(chunk.map((s) => [s.partnerId, s.generation]));
    // With the program's depth: what it completes of the quarterly duties counts, as on the status card.
    const reads = await records.recordsWithDepth(
      chunk.map((s) => s.partnerId),
      sinceMonth,
      depthSince,
    );
    const rows: Parameters<typeof snapshots.save>[2] = [];
    let sliceStart = performance.now();
    for (const read of reads) {
      const { id } = read.record.partner;
      rows.push({
        partnerId: id,
        generation: generations.get(id)!,
        ...statusFigures(catalog, statusOfRead(catalog, read, today)),
      });
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToOthers();
        sliceStart = performance.now();
      }
    }
    saved += await snapshots.save(today, key, rows);
  }
  return { stale: stale.length, saved };
}
