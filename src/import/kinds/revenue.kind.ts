import { REVENUE_CATEGORIES } from '../../program/catalog.schema.js';
import { parseAmountCents, parseCode, parseMonth } from '../values.js';
import { Cells, type ImportKindSpec, UNKNOWN_PARTNER } from './kind.js';

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

  checks: [UNKNOWN_PARTNER],

  apply: (merge) => merge.revenue(),
};
