import type { PartnerRow } from '../db/repositories/partners.repository.js';
import { parseAmountCents, parseMonth } from '../import/values.js';
import { type Catalog, REVENUE_CATEGORIES, type RevenueCategory } from '../program/catalog.schema.js';
import { type IsoDate, monthOf } from '../program/dates.js';
import { type SemesterProgress, semesterProgress } from '../program/progress.js';
import { monthInSemester, type Semester, semesterContaining } from '../program/semesters.js';
import { searchKey } from '../program/text.js';
import { basisCategories } from '../program/tiers.js';
import { refused, succeeded, type WriteIssue } from './write-issues.js';
import { staffPartnerWrite } from './write-transaction.js';

export interface RecordRevenueInput {
  /** Slack user id of whoever records it (staff only). */
  by: string;
  partnerId: string;
  /** YYYY-MM (or YYYY-MM-01), as typed. */
  month: string;
  /** A category code or label, as typed. */
  category: string;
  /** Euros as typed: "1 234,56", "1234.56 €". */
  amount: string;
  /** When it is recorded (the line's updated_at). */
  now: Date;
}

export interface RevenueRecorded {
  partner: PartnerRow;
  /** First day of the month. */
  month: IsoDate;
  category: RevenueCategory;
  /** null when nothing was recorded for this month and category before. */
  previousCents: number | null;
  amountCents: number;
  /** False when the same amount was already recorded (nothing written). */
  changed: boolean;
  /** Whether the category counts toward this partner's tier (access fees and minutes never do). */
  countsTowardTier: boolean;
  /** The current semester, and whether the month is part of it. */
  semester: Semester;
  inCurrentSemester: boolean;
  /** The semester's progress before and after (the average so far, the projected tier). */
  before: SemesterProgress;
  after: SemesterProgress;
}

const CATEGORY_ALIASES: Record<string, RevenueCategory> = {
  recurrent: 'recurring',
  rec: 'recurring',
  mrr: 'recurring',
  rrm: 'recurring',
  'one-off': 'one_off',
  oneoff: 'one_off',
  ponctuel: 'one_off',
  'access-fees': 'access_fees',
  fees: 'access_fees',
  frais: 'access_fees',
  min: 'minutes',
};

/** A category from its code, a hyphenated code, its label in either language or a short alias. */
export function parseRevenueCategory(catalog: Catalog, text: string): RevenueCategory | undefined {
  const key = searchKey(text);
  if (!key) return undefined;
  const direct = REVENUE_CATEGORIES.find((c) => c === key || c.replace('_', '-') === key);
  if (direct) return direct;
  const labelled = catalog.revenueCategories.find((c) =>
    Object.values(c.label).some((l) => searchKey(l) === key),
  );
  return labelled?.code ?? CATEGORY_ALIASES[key];
}

/** Validates a month typed for revenue: a real month, not after the current one. */
export function checkRevenueMonth(text: string, today: IsoDate): { month?: IsoDate; issue?: WriteIssue } {
  const raw = text.trim();
  if (raw === '') return { issue: { code: 'month-missing' } };
  const parsed = parseMonth(raw);
  if (!parsed.ok) return { issue: { code: 'month-invalid', value: raw } };
  if (parsed.value > monthOf(today)) return { issue: { code: 'month-future', value: raw } };
  return { month: parsed.value };
}

/** Validates an amount typed in euros, with the import's parser. */
export function checkAmount(text: string): { cents?: number; issue?: WriteIssue } {
  const raw = text.trim();
  if (raw === '') return { issue: { code: 'amount-missing' } };
  const bare = raw.replace(/^(?:€|eur)\s*|\s*(?:€|eur)$/gi, '').trim();
  if (/^[-\u2212]|^\(.*\)$|-$/.test(bare)) return { issue: { code: 'amount-negative', value: raw } };
  const parsed = parseAmountCents(raw);
  if (!parsed.ok) return { issue: { code: 'amount-invalid', value: raw } };
  // A month's revenue of a billion euros is a typo, and bigint cents stay exact far below this.
  if (parsed.value > 100_000_000_000) return { issue: { code: 'amount-too-large', value: raw } };
  return { cents: parsed.value };
}

/**
 * Records (or corrects) a partner's revenue for one month and category: staff only, upserted, audited.
 * Answers with the previous and new amounts and the current semester's average before and after.
 */
export const recordRevenue = staffPartnerWrite<RecordRevenueInput, RevenueRecorded>(
  async (repos, { partner, issues }, { catalog, input, today }) => {
    const { month, issue: monthIssue } = checkRevenueMonth(input.month, today);
    if (monthIssue) issues.push(monthIssue);
    const category = parseRevenueCategory(catalog, input.category);
    if (!category) issues.push({ code: 'category-unknown', value: input.category.trim() });
    const { cents, issue: amountIssue } = checkAmount(input.amount);
    if (amountIssue) issues.push(amountIssue);
    if (issues.length || !partner || !month || !category || cents === undefined) return refused(...issues);

    const semester = semesterContaining(catalog, today);
    const lines = await repos.revenue.since(partner.id, semester.firstMonth);
    const previousCents = (await repos.revenue.amountForUpdate(partner.id, month, category)) ?? null;
    const changed = previousCents !== cents;

    if (changed) {
      await repos.revenue.upsert({ partnerId: partner.id, month, category, amountCents: cents }, input.now);
      await repos.audit.record({
        actor: input.by,
        action: 'revenue.record',
        partnerId: partner.id,
        details: { month: month.slice(0, 7), category, previousCents, amountCents: cents },
      });
    }

    const afterLines = [
      ...lines.filter((l) => !(l.month === month && l.category === category)),
      ...(month >= semester.firstMonth ? [{ month, category, amountCents: cents }] : []),
    ];
    const progress = (l: typeof lines) =>
      semesterProgress(
        catalog,
        { type: partner.type, tier: partner.tier, joinedOn: partner.joinedOn, lines: l },
        today,
      );
    return succeeded({
      partner,
      month,
      category,
      previousCents,
      amountCents: cents,
      changed,
      countsTowardTier: basisCategories(catalog, partner.type).includes(category),
      semester,
      inCurrentSemester: monthInSemester(semester, month),
      before: progress(lines),
      after: progress(afterLines),
    });
  },
);
