import { REVENUE_CATEGORIES } from '../../program/catalog.schema.js';
import { monthOf } from '../../program/dates.js';
import { parseAmountCents, parseCode, parseMonth } from '../values.js';
import { Cells, type ImportKindSpec, UNKNOWN_PARTNER } from './kind.js';

/** Monthly revenue per partner and category, in integer cents, keyed by partner_id + month + category. */
export const revenueKind: ImportKindSpec = {
  kind: 'revenue',
  header: ['partner_id', 'month', 'category', 'amount_eur'],
  optional: [],
  staging: { partner_id: 'text', month: 'date', category: 'text', amount_cents: 'bigint' },
  key: ['partner_id', 'month', 'category'],

  parse(raw, { today }) {
    const c = new Cells(raw);
    const month = c.parse('month', parseMonth);
    // A month after the current one is refused, in the words /partner revenue uses (write issue month-future).
    if (month && month > monthOf(today))
      c.issue('month', { code: 'month.future', value: raw.month ?? month });
    return c.result({
      partner_id: c.partnerId(),
      month,
      category: c.parse('category', (v) => parseCode(v, REVENUE_CATEGORIES, 'revenue-category')),
      amount_cents: c.parse('amount_eur', parseAmountCents),
    });
  },

  checks: [UNKNOWN_PARTNER],

  async notes(stage) {
    const early = await stage.revenueBeforeJoining();
    if (early.lines === 0) return [];
    return [{ code: 'revenue-before-joining', lines: early.lines, partnerIds: early.partnerIds }];
  },

  apply: (merge) => merge.revenue(),
};
