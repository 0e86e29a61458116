import { describe, expect, it } from 'vitest';
import { type ImportIssue, IssueList } from '../../src/import/issues.js';

describe('the issues an import lists', () => {
  it('by line, then column; the issues of one cell in the order they were found, whatever the locale', () => {
    const list = new IssueList(4);
    const found: ImportIssue[] = [
      { line: 9, column: 'amount_eur', problem: { code: 'amount.negative', value: '-1' } },
      { line: 3, column: 'month', problem: { code: 'month.invalid', value: 'mars' } },
      { line: 3, column: 'amount_eur', problem: { code: 'amount.decimals', value: '1.234' } },
      { line: 3, column: 'amount_eur', problem: { code: 'amount.thousands', value: '1 23' } },
      { problem: { code: 'cell.required' } },
    ];
    for (const issue of found) list.add(issue);
    expect(list.sorted()).toEqual([found[4], found[2], found[3], found[1]]);
    expect(list.count).toBe(5);
  });

  it('keeps the first ones by line while counting them all', () => {
    const list = new IssueList(2);
    for (let line = 20; line >= 2; line--) list.add({ line, problem: { code: 'cell.required' } });
    list.addCounted([{ line: 1, problem: { code: 'date.required' } }], 7);
    expect(list.sorted().map((i) => i.line)).toEqual([1, 2]);
    expect(list.count).toBe(19 + 7);
  });
});
