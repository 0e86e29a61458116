import type { Catalog } from '../../program/catalog.schema.js';
import { searchKey } from '../../program/text.js';
import { type PartnerWithStatus, portfolioPage } from '../../services/portfolio.service.js';
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

function row({ partner, status }: PartnerWithStatus): ListRow {
  if (status.hasLeft)
    // What it owes or risks no longer matters: when it left and why does.
    return {
      partner,
      averageSoFarCents: status.averageSoFarCents,
      overdue: 0,
      left: { on: partner.leftOn!, reason: partner.leftReason ?? '' },
    };
  return {
    partner,
    averageSoFarCents: status.averageSoFarCents,
    overdue: status.overdue,
    ...(status.demotionTo ? { demotionTo: status.demotionTo } : {}),
    ...(!status.demotionTo && status.promotionTo
      ? { promotion: { toTier: status.promotionTo, missingCents: status.missingForNextCents ?? 0 } }
      : {}),
  };
}

/**
 * The asker's portfolio (a manager: the partners it manages; an admin: all), filtered and paginated in
 * SQL over the status snapshot (services/portfolio.service.ts): the same cost for every filter.
 */
export async function loadListPage(ctx: CommandContext, args: ListArgs): Promise<ListPage> {
  if (ctx.actor.kind !== 'staff') throw new Error('list is a staff subcommand');
  const { filter } = args;
  const shown = await portfolioPage(
    ctx.deps.db,
    ctx.deps.catalog,
    ctx.actor,
    ctx.view.today,
    filter ?? { kind: 'all' },
    { page: args.page, pageSize: LIST_PAGE_SIZE },
  );
  return {
    scope: shown.scope,
    filter,
    filterText: args.filterText?.slice(0, 100),
    rows: shown.rows.map(row),
    total: shown.total,
    page: shown.page,
    pages: shown.pages,
  };
}
