import { describeProblem, describeWhere, type ImportProblem } from '../i18n/import-issues.js';
import type { Locale } from '../program/locales.js';

export type { ImportNote, ImportProblem } from '../i18n/import-issues.js';

/**
 * One problem in an import file: where (line as a spreadsheet numbers it, header = 1; column) and what,
 * as a code with its parameters (worded in src/i18n/import-issues.ts).
 */
export interface ImportIssue {
  line?: number;
  column?: string;
  problem: ImportProblem;
}

/** "line 7, amount_eur: …" / « ligne 7, amount_eur : … », in the locale. */
export function formatIssue(issue: ImportIssue, locale: Locale): string {
  return describeWhere(issue, describeProblem(issue.problem, locale), locale);
}

/** The file was refused as a whole: nothing was written. `issues` holds the first ones, by line. */
export class ImportRejected extends Error {
  constructor(
    readonly file: string,
    readonly issues: ImportIssue[],
    /** Every issue found, also those beyond `issues`. */
    readonly issueCount: number = issues.length,
  ) {
    super(
      `${file} was rejected, nothing was imported: ${issueCount} ${issueCount === 1 ? 'error' : 'errors'}` +
        (issues[0] ? ` (first: ${formatIssue(issues[0], 'en')})` : ''),
    );
    this.name = 'ImportRejected';
  }
}

/** Collects issues without holding millions of them: counts all, keeps the first `keep` by line. */
export class IssueList {
  private items: ImportIssue[] = [];
  count = 0;

  constructor(private readonly keep: number) {}

  add(issue: ImportIssue, alsoCounted = 1): void {
    this.count += alsoCounted;
    this.items.push(issue);
    if (this.items.length >= this.keep * 2) this.items = this.sorted();
  }

  /** Adds a count of issues of which only some were listed. */
  addCounted(listed: ImportIssue[], total: number): void {
    for (const issue of listed) this.add(issue, 0);
    this.count += total;
  }

  /** By line, then column; issues of one cell keep the order they were found in (the sort is stable). */
  sorted(): ImportIssue[] {
    return this.items
      .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? '').localeCompare(b.column ?? ''))
      .slice(0, this.keep);
  }
}
