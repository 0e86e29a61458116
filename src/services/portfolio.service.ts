import type { Db } from '../db/client.js';
import {
  createPartnerStatusesRepository,
  type PartnerWithStatus,
  type PortfolioScope,
  type SnapshotFilter,
} from '../db/repositories/partner-statuses.repository.js';
import type { PartnerRow } from '../db/repositories/partners.repository.js';
import type { Catalog } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import type { Actor } from './actor.service.js';
import { refreshPartnerStatuses } from './partner-status-snapshot.service.js';
import { type PendingDeclaration, pendingDeclarations } from './trainings.service.js';

export type { PartnerWithStatus, SnapshotFilter } from '../db/repositories/partner-statuses.repository.js';

type Staff = Extract<Actor, { kind: 'staff' }>;

/** An admin's portfolio is every partner, a manager's the partners it manages. */
function scopeOf(actor: Staff): PortfolioScope {
  return { managedBy: actor.role === 'admin' ? undefined : actor.slackUserId };
}

export interface PortfolioSummary {
  /** An admin's view covers every partner, a manager's the partners it manages. */
  scope: 'all' | 'mine';
  total: number;
  /** Every tier of the catalog, in order, with how many partners hold it. */
  byTier: { tier: string; count: number }[];
  /** Partners with overdue obligations, the most overdue items first (the first `partnerLimit`), and how many. */
  overdue: { items: { partner: PartnerRow; overdue: number }[]; total: number };
  /** Partners whose semester so far would move them down, the largest shortfall first, and how many. */
  atRisk: {
    items: { partner: PartnerRow; toTier: string; missingToKeepCents: number }[];
    total: number;
  };
  pending: { items: PendingDeclaration[]; total: number };
}

/**
 * What a staff member's App Home shows, from the status snapshot (brought up to today first): counts and
 * the first partners of each list in SQL, whatever the portfolio's size.
 */
export async function portfolioSummary(
  db: Db,
  catalog: Catalog,
  actor: Staff,
  today: IsoDate,
  options: { pendingLimit?: number; partnerLimit?: number } = {},
): Promise<PortfolioSummary> {
  const scope = scopeOf(actor);
  await refreshPartnerStatuses(db, catalog, today, scope);
  const snapshots = createPartnerStatusesRepository(db);
  const limit = options.partnerLimit ?? 15;
  // Partners that left the program are not counted, at risk nor overdue (`/partner list left` shows them).
  const [counts, overdue, overdueTotal, atRisk, atRiskTotal, pending] = await Promise.all([
    snapshots.tierCounts(scope),
    snapshots.mostOverdue(scope, limit),
    snapshots.count(scope, { kind: 'overdue' }),
    snapshots.mostAtRisk(scope, limit),
    snapshots.count(scope, { kind: 'at-risk' }),
    pendingDeclarations(db, actor, { limit: options.pendingLimit ?? 10 }),
  ]);
  return {
    scope: scope.managedBy === undefined ? 'all' : 'mine',
    total: [...counts.values()].reduce((a, b) => a + b, 0),
    byTier: catalog.tiers.map((t) => ({ tier: t.code, count: counts.get(t.code) ?? 0 })),
    overdue: {
      items: overdue.map((r) => ({ partner: r.partner, overdue: r.status.overdue })),
      total: overdueTotal,
    },
    atRisk: {
      items: atRisk.map((r) => ({
        partner: r.partner,
        toTier: r.status.demotionTo!,
        missingToKeepCents: r.status.missingToKeepCents!,
      })),
      total: atRiskTotal,
    },
    pending,
  };
}

export interface PortfolioPage {
  scope: 'all' | 'mine';
  rows: PartnerWithStatus[];
  total: number;
  /** The page shown (the last one when a later one was asked for), from 1. */
  page: number;
  pages: number;
}

/**
 * One page of the asker's portfolio (by name) passing the filter, from the status snapshot brought up to
 * today: `all` and the tiers leave out partners that left the program, `left` lists only them.
 */
export async function portfolioPage(
  db: Db,
  catalog: Catalog,
  actor: Staff,
  today: IsoDate,
  filter: SnapshotFilter,
  requested: { page: number; pageSize: number },
): Promise<PortfolioPage> {
  const scope = scopeOf(actor);
  await refreshPartnerStatuses(db, catalog, today, scope);
  const snapshots = createPartnerStatusesRepository(db);
  const total = await snapshots.count(scope, filter);
  const pages = Math.max(1, Math.ceil(total / requested.pageSize));
  const page = Math.min(Math.max(1, requested.page), pages);
  const rows =
    total === 0
      ? []
      : await snapshots.page(scope, filter, {
          offset: (page - 1) * requested.pageSize,
          limit: requested.pageSize,
        });
  return { scope: scope.managedBy === undefined ? 'all' : 'mine', rows, total, page, pages };
}
