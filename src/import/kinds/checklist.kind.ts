import type { Catalog } from '../../program/catalog.schema.js';
import { parseCode, parseIsoDate } from '../values.js';
import { Cells, type ImportKindSpec, notAfterToday, UNKNOWN_PARTNER } from './kind.js';

/** What a checklist row may record: documents, communication and sales follow-ups, Experts Zen steps. */
export function checklistItemCodes(catalog: Catalog): string[] {
  return [
    ...catalog.obligations
      .filter((o) => o.kind === 'document' || o.kind === 'communication' || o.kind === 'sales')
      .map((o) => o.code),
    ...catalog.expertsZen.requirements.filter((r) => !r.computed).map((r) => r.code),
  ];
}

/**
 * Completed checklist items, keyed by partner_id + item + completed_on: every row is a fact (a quarterly
 * sales review is recorded once per quarter), so a row is either new or already there.
 */
export const checklistKind: ImportKindSpec = {
  kind: 'checklist',
  header: ['partner_id', 'item', 'completed_on'],
  optional: [],
  staging: { partner_id: 'text', item: 'text', completed_on: 'date' },
  key: ['partner_id', 'item', 'completed_on'],

  parse(raw, { catalog, today }) {
    const c = new Cells(raw);
    const codes = checklistItemCodes(catalog);
    const completedOn = c.parse('completed_on', parseIsoDate);
    notAfterToday(c, 'completed_on', completedOn, today);
    return c.result({
      partner_id: c.partnerId(),
      item: c.parse('item', (v) => parseCode(v, codes, 'checklist-item')),
      completed_on: completedOn,
    });
  },

  checks: [UNKNOWN_PARTNER],

  apply: (merge) => merge.checklist(),
};
