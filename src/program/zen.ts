import type { Catalog, ZenRequirement } from './catalog.schema.js';
import { certificationDates, lapsingRequirements } from './certifications.js';
import type { IsoDate } from './dates.js';

export interface ZenEligibility {
  eligible: boolean;
  met: ZenRequirement[];
  unmet: ZenRequirement[];
}

/** Experts Zen listing: every requirement must be met; the computed one comes from the tier. */
export function zenEligibility(
  catalog: Catalog,
  input: { tier: string; checklist: { item: string; completedOn?: IsoDate }[] },
  /** With a day, a certification done more than its validForMonths before it has lapsed (unmet). */
  today?: IsoDate,
): ZenEligibility {
  const lapsing = new Map(lapsingRequirements(catalog).map((r) => [r.code, r]));
  const done = new Set(
    input.checklist
      .filter((c) => {
        const requirement = lapsing.get(c.item);
        return (
          !today ||
          !requirement ||
          !c.completedOn ||
          certificationDates(catalog, requirement, c.completedOn).lapsesOn > today
        );
      })
      .map((c) => c.item),
  );
  const qualifies = catalog.expertsZen.qualifyingTiers.includes(input.tier);
  const met: ZenRequirement[] = [];
  const unmet: ZenRequirement[] = [];
  for (const requirement of catalog.expertsZen.requirements) {
    const ok = requirement.computed ? qualifies : done.has(requirement.code);
    (ok ? met : unmet).push(requirement);
  }
  return { eligible: unmet.length === 0, met, unmet };
}
