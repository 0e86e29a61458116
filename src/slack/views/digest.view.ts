import {
  DIGEST_CAPPED_SECTIONS,
  type DigestCappedSection,
  type DigestCaps,
  type DigestCharBound,
} from '../../db/repositories/partner-statuses.repository.js';
import { benefitUsesMessages } from '../../i18n/benefit-uses.js';
import { commandMessages } from '../../i18n/commands.js';
import { digestMessages } from '../../i18n/digest.js';
import { formatDate, formatMoney, label, plural } from '../../i18n/format.js';
import type { Catalog, Label, Locale } from '../../program/catalog.schema.js';
import type { IsoDate } from '../../program/dates.js';
import { LOCALES } from '../../program/locales.js';
import type { QuarterSales } from '../../program/objectives.js';
import { techReviewMonthName } from './benefit-uses.view.js';
import { header, type KnownBlock, LIMITS, lineSectionsOf, type View, view } from './blocks.js';
import { viewContext } from './context.js';
import { escapeMrkdwn, mention } from './escape.js';
import { objectivesOf, quarterName, quarterSalesParts } from './sales-plan.view.js';

/** A partner whose semester average so far means a demotion. */
export interface DigestDemotion {
  partnerName: string;
  averageSoFarCents: number;
  missingToKeepCents: number;
  /** The tier it would lose. */
  tier: string;
  daysLeft: number;
  nextEvaluationOn: IsoDate;
}

/** A partner within reach of the next tier (missingCents 0: already on track for it). */
export interface DigestPromotion {
  partnerName: string;
  nextTier: string;
  missingCents: number;
  thresholdCents: number;
  daysLeft: number;
}

export interface DigestOverdue {
  partnerName: string;
  obligation: Label;
  dueOn: IsoDate;
  daysOverdue: number;
  /** The contact who owes it, when it is a contact's. */
  contact: { slackUserId: string | null; name: string } | undefined;
}

/** A training a contact declared done, awaiting the manager's confirmation. */
export interface DigestPending {
  partnerName: string;
  /** The training's code, and its catalog label when the catalog still has it. */
  training: string;
  trainingLabel: Label | undefined;
  contact: { slackUserId: string | null; name: string } | undefined;
  completedOn: IsoDate;
}

/** A quarterly duty of a partner missed in one or more of the quarters still shown. */
export interface DigestMissed {
  partnerName: string;
  obligation: Label;
  /** Oldest first. */
  quarters: { year: number; number: number }[];
}

/** A contact a reminder could not reach this week (not on Slack, no SMTP): the manager must tell it. */
export interface DigestUnreached {
  partnerName: string;
  contactName: string;
  trainings: Label[];
}

/** A partner's current quarter behind its objective, or without its forecast past the deadline (issue 14). */
export interface DigestSales {
  partnerName: string;
  sales: QuarterSales;
}

/** What one manager's Monday digest tells, in sections (the empty ones are left out). */
export interface ManagerDigest {
  manager: string;
  demotions: DigestDemotion[];
  promotions: DigestPromotion[];
  overdue: DigestOverdue[];
  missed: DigestMissed[];
  pending: DigestPending[];
  unreached?: DigestUnreached[];
  /** How many lines each section has in all, when its list holds only the first ones (large portfolios). */
  totals?: Partial<DigestCaps>;
  /** Program depth (issue 14); absent from digests planned without it. */
  sales?: DigestSales[];
  /** Premium partners' months without their technical review (YYYY-MM, oldest first). */
  techReviewsMissed?: { partnerName: string; months: string[] }[];
}

/** Blocks a digest section may take. */
const SECTION_BLOCKS = 10;

const bySection = (value: (section: DigestCappedSection) => number) =>
  Object.fromEntries(DIGEST_CAPPED_SECTIONS.map((section) => [section, value(section)])) as DigestCaps;

/** The characters a section's text may hold over its blocks: each at most LIMITS.sectionText - 100. */
const BLOCK_TEXT = LIMITS.sectionText - 100;

/**
 * The shortest line of each section, in either locale, with an empty partner name: its template with the
 * shortest label, date (a 1st is longer in French), tier and amount there are.
 */
function shortestLines(catalog: Catalog): DigestCaps {
  let known = shortestOf.get(catalog);
  if (!known) {
    known = measureShortestLines(catalog);
    shortestOf.set(catalog, known);
  }
  return known;
}

/** Per catalog: the caps and the bound in characters both start from it, at every digest. */
const shortestOf = new WeakMap<Catalog, DigestCaps>();

function measureShortestLines(catalog: Catalog): DigestCaps {
  const shortest = (texts: string[]) => Math.min(...texts.map((t) => t.length));
  const pad = (n: number) => 'x'.repeat(n);
  const shortestLine = (section: DigestCappedSection) =>
    Math.min(
      ...LOCALES.map((locale) => {
        const m = digestMessages[locale];
        const euros = pad(formatMoney(0, locale, { wholeEuros: 'auto' }).length);
        const date = pad(shortest(MONTHS.map((month) => formatDate(`2000-${month}-02`, locale))));
        const tier = pad(shortest(catalog.tiers.map((t) => label(t.label, locale))));
        const duty = pad(shortest(catalog.obligations.map((o) => label(o.label, locale))));
        const daysLeft = plural(1, m.daysLeft, locale);
        const lines = {
          demotions: () => [m.demotion('', euros, euros, tier, daysLeft, date)],
          promotions: () => [
            m.promotion('', euros, tier, euros, daysLeft),
            m.promotionReached('', tier, daysLeft),
          ],
          overdue: () => [m.overdueLine('', duty, date, plural(1, m.days, locale), '')],
          missed: () => [m.missedLine('', duty, m.quarterName(2000, 1))],
        }[section]();
        return shortest(lines.map((line) => `• ${line}`));
      }),
    );
  return bySection(shortestLine);
}

/**
 * The most lines each section can show, in either locale: a section takes at most SECTION_BLOCKS blocks
 * of lineSectionsOf's text, and none of its lines is shorter than the section's shortest line. A digest
 * need not read more lines than this.
 */
export function digestLinesShown(catalog: Catalog): DigestCaps {
  const shortest = shortestLines(catalog);
  // Lines are joined by a newline within a block.
  const perBlock = (section: DigestCappedSection) => Math.floor((BLOCK_TEXT + 1) / (shortest[section] + 1));
  return bySection((section) => SECTION_BLOCKS * perBlock(section));
}

/**
 * The same bound counted in characters, for lines whose partner names are known: a line is at least its
 * section's shortest line plus its partner's name (escaping only lengthens it), and at most BLOCK_TEXT
 * (lineSectionsOf cuts longer ones). The lines a section shows, each with its newline, fit in its
 * blocks: a line whose lines before already take `budget` characters is never shown.
 */
export function digestLineBound(catalog: Catalog): DigestCharBound {
  return { shortest: shortestLines(catalog), longest: BLOCK_TEXT, budget: SECTION_BLOCKS * (BLOCK_TEXT + 1) };
}

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'];

/** `format` remembering its answers (by value for numbers and strings, by identity for objects). */
function memo<K, V>(format: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = format(key);
      known.set(key, value);
    }
    return value;
  };
}

/** A manager's Monday digest: a header, then a titled list per section that has something. */
export function digestView(catalog: Catalog, locale: Locale, digest: ManagerDigest): View {
  const m = digestMessages[locale];
  // A digest repeats few amounts, dates, counts, tiers and duties over hundreds of lines: each is
  // formatted once (Intl formatting was most of the rendering).
  const euros = memo((cents: number) => formatMoney(Math.max(0, cents), locale, { wholeEuros: 'auto' }));
  const days = memo((n: number) => plural(n, m.days, locale));
  const daysLeft = memo((n: number) => plural(n, m.daysLeft, locale));
  const date = memo((d: IsoDate) => formatDate(d, locale));
  const tierName = memo((code: string) =>
    escapeMrkdwn(label(catalog.tiers.find((t) => t.code === code)!.label, locale)),
  );
  const duty = memo((l: Label) => escapeMrkdwn(label(l, locale)));
  const quarterOf = memo((key: number) => m.quarterName(Math.floor(key / 10), key % 10));
  const quarter = (q: { year: number; number: number }) => quarterOf(q.year * 10 + q.number);

  const demotion = (d: DigestDemotion) =>
    m.demotion(
      escapeMrkdwn(d.partnerName),
      euros(d.averageSoFarCents),
      euros(d.missingToKeepCents),
      tierName(d.tier),
      daysLeft(d.daysLeft),
      date(d.nextEvaluationOn),
    );
  const promotion = (p: DigestPromotion) =>
    p.missingCents === 0
      ? m.promotionReached(escapeMrkdwn(p.partnerName), tierName(p.nextTier), daysLeft(p.daysLeft))
      : m.promotion(
          escapeMrkdwn(p.partnerName),
          euros(p.missingCents),
          tierName(p.nextTier),
          euros(p.thresholdCents),
          daysLeft(p.daysLeft),
        );
  const overdue = (o: DigestOverdue) =>
    m.overdueLine(
      escapeMrkdwn(o.partnerName),
      duty(o.obligation),
      date(o.dueOn),
      days(o.daysOverdue),
      o.contact ? mention(o.contact.slackUserId, o.contact.name) : '',
    );
  const missed = (d: DigestMissed) =>
    m.missedLine(escapeMrkdwn(d.partnerName), duty(d.obligation), d.quarters.map(quarter).join(', '));
  const pending = (p: DigestPending) =>
    m.pendingLine(
      escapeMrkdwn(p.partnerName),
      escapeMrkdwn(p.trainingLabel ? label(p.trainingLabel, locale) : p.training),
      mention(p.contact?.slackUserId, p.contact?.name),
      date(p.completedOn),
    );

  const unreached = (digest.unreached ?? []).map((u) =>
    m.unreachedLine(
      escapeMrkdwn(u.partnerName),
      escapeMrkdwn(u.contactName),
      u.trainings.map((t) => escapeMrkdwn(label(t, locale))).join(', '),
    ),
  );

  const blocks: KnownBlock[] = [header(m.title)];
  let count = 0;
  // Each section renders only the lines that fit (lineSectionsOf), whatever the portfolio's size.
  const sectionOf = <T>(title: string, items: T[], line: (item: T) => string, total = items.length) => {
    if (items.length === 0) return;
    count += total;
    blocks.push(
      ...lineSectionsOf<T | undefined>(
        [undefined, ...items],
        (i) => (i === undefined ? `*${title}*` : `• ${line(i)}`),
        { maxBlocks: SECTION_BLOCKS, more: m.more, total: total + 1 },
      ),
    );
  };
  const { totals = {} } = digest;
  sectionOf(m.demotions, digest.demotions, demotion, totals.demotions);
  sectionOf(m.promotions, digest.promotions, promotion, totals.promotions);
  sectionOf(m.overdue, digest.overdue, overdue, totals.overdue);
  sectionOf(m.missed, digest.missed, missed, totals.missed);
  sectionOf(m.pending, digest.pending, pending);
  sectionOf(m.unreached, unreached, (line) => line);
  const depth = depthLines(catalog, locale);
  sectionOf(depth.salesTitle, digest.sales ?? [], depth.sales);
  sectionOf(depth.reviewsTitle, digest.techReviewsMissed ?? [], depth.reviews);
  return view(m.text(count), blocks);
}

/** The digest's sections about the program's depth (issue 14), after the others: titles and lines. */
function depthLines(catalog: Catalog, locale: Locale) {
  const ctx = { locale, m: commandMessages[locale] };
  const o = objectivesOf(ctx);
  const b = benefitUsesMessages[locale];
  const vctx = viewContext(catalog, locale, '2000-01-01');
  const monthName = memo((month: string) => techReviewMonthName(vctx, month));
  return {
    salesTitle: o.digestTitle,
    sales: (d: DigestSales) =>
      o.digestLine(
        escapeMrkdwn(d.partnerName),
        quarterName(ctx, d.sales.quarter),
        quarterSalesParts(ctx, d.sales),
      ),
    reviewsTitle: b.digestTitle,
    reviews: (d: { partnerName: string; months: string[] }) =>
      b.digestLine(escapeMrkdwn(d.partnerName), d.months.map(monthName).join(', ')),
  };
}
