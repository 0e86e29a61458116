import type { PartnerRow } from '../db/repositories/partners.repository.js';
import type { Catalog, Tier } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { nextEvaluationOn } from '../program/semesters.js';
import { searchKey } from '../program/text.js';
import { refused, succeeded } from './write-issues.js';
import { staffPartnerWrite } from './write-transaction.js';

export const MAX_REASON_LENGTH = 500;

export interface OverrideTierInput {
  by: string;
  partnerId: string;
  /** A tier code or label ("premium", "Premium Partner"), as typed. */
  tier: string;
  reason: string;
  /** When it is decided (the partner's updated_at). */
  now: Date;
}

export interface TierOverridden {
  partner: PartnerRow;
  previousTier: string;
  tier: Tier;
  reason: string;
  effectiveOn: IsoDate;
  /** The override lasts until this evaluation. */
  nextEvaluationOn: IsoDate;
}

/** A tier from its code or its label in either language, with or without the trailing "Partner". */
export function parseTier(catalog: Catalog, text: string): Tier | undefined {
  const key = searchKey(text);
  if (!key) return undefined;
  return catalog.tiers.find((t) =>
    [t.code, ...Object.values(t.label)].some((name) => {
      const k = searchKey(name);
      return k === key || k.replace(/\s+partner$/, '') === key;
    }),
  );
}

/**
 * A manager sets a partner's tier by hand, with a reason: recorded in tier_history as an override (beside
 * the tier the last evaluation computed), partners.tier and tier_since updated, audited. The next semester
 * evaluation starts from it and decides again (PROGRAM.md §4).
 */
export const overrideTier = staffPartnerWrite<OverrideTierInput, TierOverridden>(
  async (repos, { partner, issues }, { catalog, input, today }) => {
    const tier = parseTier(catalog, input.tier);
    if (!input.tier.trim()) issues.push({ code: 'tier-missing' });
    else if (!tier) issues.push({ code: 'tier-unknown', value: input.tier.trim() });
    else if (partner && partner.tier === tier.code) issues.push({ code: 'tier-unchanged', tier: tier.code });
    const reason = input.reason.replace(/\s+/g, ' ').trim();
    if (!reason) issues.push({ code: 'reason-missing' });
    else if (reason.length > MAX_REASON_LENGTH)
      issues.push({ code: 'reason-too-long', max: MAX_REASON_LENGTH });
    if (issues.length || !partner || !tier) return refused(...issues);

    const computedTier = await repos.tierHistory.lastComputedTier(partner.id);
    await repos.tierHistory.add({
      partnerId: partner.id,
      kind: 'override',
      effectiveOn: today,
      computedTier: computedTier ?? null,
      previousTier: partner.tier,
      tier: tier.code,
      reason,
      actor: input.by,
      catalogVersion: catalog.version,
    });
    await repos.partners.setTier(partner.id, tier.code, today, input.now);
    await repos.audit.record({
      actor: input.by,
      action: 'tier.override',
      partnerId: partner.id,
      details: { previousTier: partner.tier, tier: tier.code, reason },
    });
    return succeeded({
      partner: { ...partner, tier: tier.code, tierSince: today },
      previousTier: partner.tier,
      tier,
      reason,
      effectiveOn: today,
      nextEvaluationOn: nextEvaluationOn(catalog, today),
    });
  },
);
