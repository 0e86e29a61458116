import type {
  PartnerRecord,
  PartnerRow,
  PartnersRepository,
  RecordRead,
} from '../db/repositories/partners.repository.js';
import type { TierChangeRow } from '../db/repositories/tier-history.repository.js';
import { type BenefitInForce, benefitsAddedBy, benefitsInForce } from '../program/benefits.js';
import type { Benefit, Catalog, Tier } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { type ObligationItem, obligationsFor } from '../program/obligations.js';
import { type SemesterProgress, semesterProgress } from '../program/progress.js';
import { semesterContaining } from '../program/semesters.js';
import { tierEntryDates } from '../program/tier-entries.js';
import { nextTier, tierByCode } from '../program/tiers.js';
import { type ZenEligibility, zenEligibility } from '../program/zen.js';
import {
  depthFactsOf,
  depthRevenueSince,
  type ProgramDepth,
  type ProgramDepthFacts,
  programDepth,
} from './program-depth.service.js';

/** Everything the bot says about one partner on one day, computed by the program rules. */
export interface PartnerStatus {
  record: PartnerRecord;
  tier: Tier;
  progress: SemesterProgress;
  benefits: BenefitInForce[];
  /** What the next tier would add; empty at the top tier. */
  nextTierBenefits: Benefit[];
  obligations: ObligationItem[];
  zen: ZenEligibility;
  today: IsoDate;
  /** Objectives, forecasts, plan reviews (issue 14): set when the caller read them (recordWithDepth). */
  depth?: ProgramDepth;
}

/** The months a status reads revenue from: its record's (the semester's) and its depth's. */
export function statusMonths(catalog: Catalog, today: IsoDate): { sinceMonth: IsoDate; depthSince: IsoDate } {
  return {
    sinceMonth: semesterContaining(catalog, today).firstMonth,
    depthSince: depthRevenueSince(catalog, today),
  };
}

/** The status of a partner read with its depth (recordWithDepth, recordsWithDepth). */
export function statusOfRead(catalog: Catalog, read: RecordRead, today: IsoDate): PartnerStatus {
  return partnerStatus(catalog, read.record, today, read.depth && depthFactsOf(read.depth));
}

/** A partner's status with the program's depth (objectives, forecasts, plan reviews: recordWithDepth). */
export async function loadPartnerStatus(
  partnersRepo: PartnersRepository,
  catalog: Catalog,
  partnerId: string,
  today: IsoDate,
): Promise<PartnerStatus | undefined> {
  const { sinceMonth, depthSince } = statusMonths(catalog, today);
  // The record and its depth in one statement (one round trip, one connection).
  const read = await partnersRepo.recordWithDepth(partnerId, sinceMonth, depthSince);
  return read && statusOfRead(catalog, read, today);
}

/** Partners read with their depth per statement by loadPartnerStatuses (an export's devoirs). */
const STATUSES_PER_READ = 100;

/**
 * These partners' statuses with the program's depth, as the status card computes them, in the order of
 * `ids` (unknown ids left out): one statement per STATUSES_PER_READ partners.
 */
export async function loadPartnerStatuses(
  partnersRepo: PartnersRepository,
  catalog: Catalog,
  ids: readonly string[],
  today: IsoDate,
): Promise<PartnerStatus[]> {
  const { sinceMonth, depthSince } = statusMonths(catalog, today);
  const statuses: PartnerStatus[] = [];
  for (let i = 0; i < ids.length; i += STATUSES_PER_READ) {
    const reads = await partnersRepo.recordsWithDepth(
      ids.slice(i, i + STATUSES_PER_READ),
      sinceMonth,
      depthSince,
    );
    for (const read of reads) statuses.push(statusOfRead(catalog, read, today));
  }
  return statuses;
}

/** The days the partner entered each tier it holds (a result awaiting approval moved nothing). */
export function partnerEntries(
  catalog: Catalog,
  record: { partner: Pick<PartnerRow, 'joinedOn' | 'tier'>; history: TierChangeRow[] },
): Record<string, IsoDate> {
  const { partner } = record;
  return tierEntryDates(catalog, {
    joinedOn: partner.joinedOn,
    tier: partner.tier,
    history: record.history
      .filter((h) => h.outcome !== 'pending')
      .map((h) => ({ effectiveOn: h.effectiveOn, tier: h.tier, previousTier: h.previousTier })),
  });
}

export function partnerStatus(
  catalog: Catalog,
  record: PartnerRecord,
  today: IsoDate,
  depthFacts?: ProgramDepthFacts,
): PartnerStatus {
  const { partner } = record;
  const entries = partnerEntries(catalog, record);
  const benefits = benefitsInForce(catalog, { tier: partner.tier, entries }, today);
  const depth = depthFacts
    ? programDepth(catalog, { type: partner.type, entries, benefits }, depthFacts, today)
    : undefined;
  // Plan reviews and quarters met complete the quarterly sales duties like checklist entries do.
  const checklist = depth ? [...record.checklist, ...depth.completions] : record.checklist;
  const next = nextTier(catalog, partner.tier);
  return {
    record,
    tier: tierByCode(catalog, partner.tier),
    progress: semesterProgress(
      catalog,
      { type: partner.type, tier: partner.tier, joinedOn: partner.joinedOn, lines: record.revenue },
      today,
    ),
    benefits,
    nextTierBenefits: next ? benefitsAddedBy(catalog, partner.tier, next.code) : [],
    obligations: obligationsFor(
      catalog,
      {
        type: partner.type,
        operatorProgram: partner.operatorProgram,
        tier: partner.tier,
        entries,
        contacts: record.contacts,
        trainings: record.trainings,
        checklist,
      },
      today,
    ),
    zen: zenEligibility(catalog, { tier: partner.tier, checklist: record.checklist }, today),
    today,
    ...(depth ? { depth } : {}),
  };
}
