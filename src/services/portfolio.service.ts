import type { Db } from '../db/client.js';
import { createPartnersRepository, type PartnerRow } from '../db/repositories/partners.repository.js';
import type { Catalog } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { inProgram } from '../program/membership.js';
import type { Actor } from './actor.service.js';
import { loadPartnerStatuses } from './partner-status.service.js';
import { type PendingDeclaration, pendingDeclarations } from './trainings.service.js';

export interface PortfolioSummary {
  /** An admin's view covers every partner, a manager's the partners it manages. */
  scope: 'all' | 'mine';
  total: number;
  /** Every tier of the catalog, in order, with how many partners hold it. */
  byTier: { tier: string; count: number }[];
  /** Partners with overdue obligations, the most overdue items first. */
  overdue: { partner: PartnerRow; overdue: number }[];
  /** Partners whose semester so far would move them down, the largest shortfall first. */
  atRisk: { partner: PartnerRow; toTier: string; missingToKeepCents: number }[];
  pending: { items: PendingDeclaration[]; total: number };
}

/** What a staff member's App Home shows. Statuses are computed in a few queries for the whole portfolio. */
export async function portfolioSummary(
  db: Db,
  catalog: Catalog,
  actor: Extract<Actor, { kind: 'staff' }>,
  today: IsoDate,
  options: { pendingLimit?: number } = {},
): Promise<PortfolioSummary> {
  const repo = createPartnersRepository(db);
  const admin = actor.role === 'admin';
  // Partners that left the program are not counted, at risk nor overdue (`/partner list left` shows them).
  const all = inProgram(await repo.byManager(admin ? undefined : actor.slackUserId), today);
  const statuses = await loadPartnerStatuses(
    repo,
    catalog,
    all.map((p) => p.id),
    today,
  );
  const counts = new Map<string, number>();
  for (const p of all) counts.set(p.tier, (counts.get(p.tier) ?? 0) + 1);
  const overdue = statuses
    .map((s) => ({
      partner: s.record.partner,
      overdue: s.obligations.filter((o) => o.status === 'overdue').length,
    }))
    .filter((r) => r.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue || a.partner.name.localeCompare(b.partner.name));
  const atRisk = statuses
    .filter((s) => s.progress.demotion)
    .map((s) => ({
      partner: s.record.partner,
      toTier: s.progress.demotion!.toTier.code,
      missingToKeepCents: s.progress.demotion!.missingToKeepCents,
    }))
    .sort(
      (a, b) => b.missingToKeepCents - a.missingToKeepCents || a.partner.name.localeCompare(b.partner.name),
    );
  return {
    scope: admin ? 'all' : 'mine',
    total: all.length,
    byTier: catalog.tiers.map((t) => ({ tier: t.code, count: counts.get(t.code) ?? 0 })),
    overdue,
    atRisk,
    pending: await pendingDeclarations(db, actor, { limit: options.pendingLimit ?? 10 }),
  };
}
