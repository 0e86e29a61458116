import type { Catalog } from '../../program/catalog.schema.js';
import { hasLeft } from '../../program/membership.js';
import { searchKey } from '../../program/text.js';
import { thresholdCents } from '../../program/tiers.js';
import { isAdmin } from '../../services/actor.service.js';
import { loadPartnerStatuses, type PartnerStatus } from '../../services/partner-status.service.js';
import { LIST_PAGE_SIZE, type ListFilter, type ListPage, type ListRow } from '../views/list.view.js';
import type { CommandContext } from './types.js';

export interface ListArgs {
  filter: ListFilter | undefined;
  /** The filter as typed, for the page buttons. */
  filterText: string | undefined;
  page: number;
}

const OVERDUE_WORDS = new Set(['overdue', 'late', 'retard', 'en-retard', 'en retard']);
const AT_RISK_WORDS = new Set(['at-risk', 'at risk', 'risk', 'risque', 'a-risque', 'a risque', 'en risque']);
const LEFT_WORDS = new Set(['left', 'leavers', 'gone', 'partis', 'parti', 'sortis', 'depart', 'departs']);
const REACH_WORDS = new Set(['within-reach', 'within reach', 'reach', 'promotion', 'promotions', 'promus']);

/**
 * `list [filter] [page]`: filter is a tier (code or label, either language: "business", "Business
 * Partner"), `overdue`, `at-risk` or `left` (French words too); a trailing number is the page.
 */
export function parseListArgs(catalog: Catalog, args: string): ListArgs | { unknownFilter: string } {
  let text = args.trim();
  let page = 1;
  const pageMatch = /(?:^|\s)(\d{1,5})$/.exec(text);
  if (pageMatch) {
    page = Math.max(1, Number(pageMatch[1]));
    text = text.slice(0, pageMatch.index).trim();
  }
  if (!text) return { filter: undefined, filterText: undefined, page };
  const key = searchKey(text);
  if (OVERDUE_WORDS.has(key)) return { filter: { kind: 'overdue' }, filterText: text, page };
  if (AT_RISK_WORDS.has(key)) return { filter: { kind: 'at-risk' }, filterText: text, page };
  if (LEFT_WORDS.has(key)) return { filter: { kind: 'left' }, filterText: text, page };
  if (REACH_WORDS.has(key)) return { filter: { kind: 'within-reach' }, filterText: text, page };
  const tier = catalog.tiers.find((t) =>
    [t.code, ...Object.values(t.label)].some((name) => {
      const k = searchKey(name);
      return k === key || k.replace(/\s+partner$/, '') === key;
    }),
  );
  if (tier) return { filter: { kind: 'tier', tier: tier.code }, filterText: text, page };
  return { unknownFilter: text };
}

function row(status: PartnerStatus): ListRow {
  const { partner } = status.record;
  if (hasLeft(partner, status.today))
    // What it owes or risks no longer matters: when it left and why does.
    return {
      partner,
      averageSoFarCents: status.progress.averageSoFarCents,
      overdue: 0,
      left: { on: partner.leftOn!, reason: partner.leftReason ?? '' },
    };
  return {
    partner,
    averageSoFarCents: status.progress.averageSoFarCents,
    overdue: status.obligations.filter((o) => o.status === 'overdue').length,
    ...(status.progress.demotion ? { demotionTo: status.progress.demotion.toTier.code } : {}),
  };
}

/**
 * A partner within reach of a promotion, as the Monday digest counts it: not at risk, a month counted,
 * and the semester's average short of the next tier by at most catalog.digest.promotionReach of its
 * threshold (or already there).
 */
function withinReach(catalog: Catalog, status: PartnerStatus): ListRow[] {
  const { progress } = status;
  const { partner } = status.record;
  if (progress.demotion || !progress.nextTier || progress.averageSoFarCents === null) return [];
  const missing = progress.missingForNextCents;
  if (missing === null) return [];
  const threshold = thresholdCents(catalog, progress.nextTier.code, partner.type);
  if (missing > threshold * catalog.digest.promotionReach) return [];
  return [{ ...row(status), promotion: { toTier: progress.nextTier.code, missingCents: missing } }];
}

/**
 * The asker's portfolio (a manager: the partners they manage; an admin: all), filtered and paginated.
 * Only the filters that need the rules (overdue, at-risk) load every partner's status; otherwise only the
 * page's partners are evaluated.
 */
function paginate<T>(items: T[], requested: number) {
  const total = items.length;
  const pages = Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
  const page = Math.min(Math.max(1, requested), pages);
  return { items: items.slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE), total, page, pages };
}

export async function loadListPage(ctx: CommandContext, args: ListArgs): Promise<ListPage> {
  const admin = isAdmin(ctx.actor);
  const everyone = await ctx.deps.partners.byManager(admin ? undefined : ctx.actor.slackUserId);
  // Partners that left the program are listed by `list left` only, with the day and the reason.
  const left = everyone.filter((p) => hasLeft(p, ctx.view.today));
  const all = args.filter?.kind === 'left' ? left : everyone.filter((p) => !hasLeft(p, ctx.view.today));
  const statusesOf = (ids: string[]) =>
    loadPartnerStatuses(ctx.deps.partners, ctx.deps.catalog, ids, ctx.view.today);
  const { filter } = args;
  let shown: { rows: ListRow[]; total: number; page: number; pages: number };
  if (filter?.kind === 'overdue' || filter?.kind === 'at-risk' || filter?.kind === 'within-reach') {
    const statuses = await statusesOf(all.map((p) => p.id));
    const rows =
      filter.kind === 'within-reach'
        ? statuses.flatMap((s) => withinReach(ctx.deps.catalog, s))
        : statuses
            .map(row)
            .filter((r) => (filter.kind === 'overdue' ? r.overdue > 0 : r.demotionTo !== undefined));
    const { items, ...position } = paginate(rows, args.page);
    shown = { rows: items, ...position };
  } else {
    const candidates = filter?.kind === 'tier' ? all.filter((p) => p.tier === filter.tier) : all;
    const { items, ...position } = paginate(candidates, args.page);
    shown = { rows: (await statusesOf(items.map((p) => p.id))).map(row), ...position };
  }
  return { scope: admin ? 'all' : 'mine', filter, filterText: args.filterText?.slice(0, 100), ...shown };
}
