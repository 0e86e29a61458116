import { membershipMessages } from '../../i18n/membership.js';
import { ACTION_IDS, encodeValue, indexedActionId } from '../ids.js';
import {
  actions,
  type Button,
  button,
  context,
  header,
  type KnownBlock,
  section,
  type View,
  view,
} from './blocks.js';
import { fmt, partnershipLabel, type ViewContext } from './context.js';
import { code, escapeMrkdwn } from './escape.js';

/** Partners per page: one section each, plus header, page line and buttons, well within 50 blocks. */
export const LIST_PAGE_SIZE = 20;

export type ListFilter =
  | { kind: 'tier'; tier: string }
  | { kind: 'overdue' }
  | { kind: 'at-risk' }
  /** Partners that left the program (listed by this filter only). */
  | { kind: 'left' }
  /** Partners whose semester so far is within the digest's reach of the next tier. */
  | { kind: 'within-reach' };

export interface ListRow {
  partner: { id: string; name: string; type: string; operatorProgram: string | null; tier: string };
  averageSoFarCents: number | null;
  overdue: number;
  /** The tier the semester so far would move it down to. */
  demotionTo?: string;
  /** When it left the program, and why. */
  left?: { on: string; reason: string };
  /** Within reach of a promotion: the next tier and what a month still lacks for it. */
  promotion?: { toTier: string; missingCents: number };
}

export interface ListPage {
  /** Whose partners: the asker's portfolio, or all of them (admins). */
  scope: 'mine' | 'all';
  filter: ListFilter | undefined;
  /** The filter as typed, carried by the page buttons. */
  filterText: string | undefined;
  rows: ListRow[];
  /** 1-based. */
  page: number;
  pages: number;
  total: number;
}

export function listView(ctx: ViewContext, list: ListPage): View {
  const f = fmt(ctx);
  const l = ctx.m.list;
  const mm = membershipMessages[ctx.locale];
  const scope = list.scope === 'mine' ? l.mine : l.all;
  const filter =
    list.filter?.kind === 'overdue'
      ? l.overdue
      : list.filter?.kind === 'at-risk'
        ? l.atRisk
        : list.filter?.kind === 'tier'
          ? l.atTier(f.tier(list.filter.tier))
          : list.filter?.kind === 'left'
            ? mm.listLeft
            : list.filter?.kind === 'within-reach'
              ? l.withinReach
              : undefined;
  const title = filter ? l.filtered(scope, filter) : scope;
  const count = f.count(list.total, ctx.m.partners);
  const blocks: KnownBlock[] = [header(l.title(title))];
  if (list.total === 0) {
    blocks.push(
      section(list.filter?.kind === 'left' ? mm.listLeftEmpty : list.filter ? l.empty : l.emptyPortfolio),
    );
    return view(l.text(escapeMrkdwn(title), count), blocks);
  }
  blocks.push(context(l.page(String(list.page), String(list.pages), count)));
  list.rows.forEach((row, i) => {
    const facts = [
      `*${escapeMrkdwn(f.tier(row.partner.tier))}*`,
      escapeMrkdwn(partnershipLabel(ctx, row.partner)),
      row.averageSoFarCents === null ? l.noRevenue : ctx.m.perMonth(f.money(row.averageSoFarCents)),
      ...(row.overdue ? [f.count(row.overdue, l.overdueCount)] : []),
      ...(row.demotionTo ? [l.atRiskFlag(escapeMrkdwn(f.tier(row.demotionTo)))] : []),
      ...(row.left ? [`_${mm.listLeftRow(f.date(row.left.on), escapeMrkdwn(row.left.reason))}_`] : []),
      ...(row.promotion
        ? [l.withinReachFlag(escapeMrkdwn(f.tier(row.promotion.toTier)), f.money(row.promotion.missingCents))]
        : []),
    ];
    blocks.push(
      section(
        `*${escapeMrkdwn(row.partner.name)}* ${code(row.partner.id)}\n${facts.join(' · ')}`,
        button({
          text: ctx.m.buttons.open,
          actionId: indexedActionId(ACTION_IDS.openPartner, i),
          value: encodeValue({ p: row.partner.id, s: 'status' }),
        }),
      ),
    );
  });
  const paging: Button[] = [];
  const pageValue = (n: number) => encodeValue(list.filterText ? { f: list.filterText, n } : { n });
  if (list.page > 1)
    paging.push(
      button({
        text: ctx.m.buttons.previous,
        actionId: indexedActionId(ACTION_IDS.listPage, 0),
        value: pageValue(list.page - 1),
      }),
    );
  if (list.page < list.pages)
    paging.push(
      button({
        text: ctx.m.buttons.next,
        actionId: indexedActionId(ACTION_IDS.listPage, 1),
        value: pageValue(list.page + 1),
      }),
    );
  if (paging.length) blocks.push(...actions(paging));
  return view(l.text(escapeMrkdwn(title), count), blocks);
}
