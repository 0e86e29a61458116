import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/program/catalog.load.js';
import { digestView } from '../../src/slack/views/digest.view.js';

const catalog = loadCatalog();

describe('digest view of a large portfolio', () => {
  it('counts the lines it was not given from the totals ("… and N more"), in the message text too', () => {
    const obligation = catalog.obligations[0]!.label;
    const overdue = Array.from({ length: 3 }, (_, i) => ({
      partnerName: `Partner ${i}`,
      obligation,
      dueOn: '2026-01-01',
      daysOverdue: 10,
      contact: undefined,
    }));
    const digest = { manager: 'U1', demotions: [], promotions: [], overdue, missed: [], pending: [] };
    const small = digestView(catalog, 'en', digest);
    const large = digestView(catalog, 'en', { ...digest, totals: { overdue: 5_003 } });
    expect(JSON.stringify(small.blocks)).not.toContain('more');
    expect(JSON.stringify(large.blocks)).toContain('… and 5000 more');
    expect(large.text).not.toBe(small.text);
  });
});
