import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.js';
import { REVENUE_CATEGORIES } from '../../program/catalog.schema.js';
import { parseAmountCents, parseCode, parseMonth } from '../values.js';
import { Cells, type ImportKindSpec, STAGE, unknownPartnerCheck } from './kind.js';

/** Monthly revenue per partner and category, in integer cents, keyed by partner_id + month + category. */
export const revenueKind: ImportKindSpec = {
  kind: 'revenue',
  header: ['partner_id', 'month', 'category', 'amount_eur'],
  optional: [],
  staging: { partner_id: 'text', month: 'date', category: 'text', amount_cents: 'bigint' },
  key: ['partner_id', 'month', 'category'],

  parse(raw) {
    const c = new Cells(raw);
    return c.result({
      partner_id: c.partnerId(),
      month: c.parse('month', parseMonth),
      category: c.parse('category', (v) => parseCode(v, REVENUE_CATEGORIES, 'revenue category')),
      amount_cents: c.parse('amount_eur', parseAmountCents),
    });
  },

  checks: () => [unknownPartnerCheck()],

  // The one kind that comes by the million: an UPDATE of the changed lines, then an INSERT of the rest
  // where ON CONFLICT skips the existing ones through the primary key. (An anti-join instead was planned
  // as a scan of revenue_lines per staged line when its statistics were stale: quadratic.)
  async apply(tx) {
    const [updated] = rowsOf<{ n: number }>(
      await tx.execute(sql`with changed as (
          update revenue_lines r set amount_cents = s.amount_cents, updated_at = now()
          from ${STAGE} s
          where r.partner_id = s.partner_id and r.month = s.month and r.category = s.category
            and r.amount_cents <> s.amount_cents
          returning 1)
        select count(*)::int as n from changed`),
    );
    const [inserted] = rowsOf<{ n: number }>(
      await tx.execute(sql`with added as (
          insert into revenue_lines (partner_id, month, category, amount_cents)
          select s.partner_id, s.month, s.category, s.amount_cents from ${STAGE} s
          on conflict (partner_id, month, category) do nothing
          returning 1)
        select count(*)::int as n from added`),
    );
    return { inserted: Number(inserted?.n ?? 0), updated: Number(updated?.n ?? 0) };
  },
};
