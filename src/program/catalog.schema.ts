import { z } from 'zod';

import { byLocale } from './locales.js';

export { isLocale, LOCALES, type Locale } from './locales.js';

export const PARTNERSHIP_TYPES = ['ambassador', 'operator'] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];

export const OPERATOR_PROGRAMS = ['standard', 'eshop', 'eshop_managed'] as const;
export type OperatorProgram = (typeof OPERATOR_PROGRAMS)[number];

export const REVENUE_CATEGORIES = ['recurring', 'one_off', 'access_fees', 'minutes'] as const;
export type RevenueCategory = (typeof REVENUE_CATEGORIES)[number];

export const PROFILES = ['admin', 'sales', 'technical'] as const;
export type Profile = (typeof PROFILES)[number];

const isoDate = z.iso.date();

const code = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case code');
const label = z.object(byLocale(() => z.string().min(1)));
export type Label = z.infer<typeof label>;

const partnershipType = z.object({
  code: z.enum(PARTNERSHIP_TYPES),
  label,
  description: label,
  basis: z.object({ code, label, categories: z.array(z.enum(REVENUE_CATEGORIES)).min(1) }),
});

const tier = z.object({
  code,
  label,
  minMonthlyEur: z.object({ ambassador: z.number().nonnegative(), operator: z.number().nonnegative() }),
});

const benefit = z.object({
  code,
  tier: code,
  label,
  supersedes: code.optional(),
  validForMonths: z.number().int().positive().optional(),
});

const obligation = z
  .object({
    code,
    tier: code,
    kind: z.enum(['document', 'training', 'communication', 'sales']),
    scope: z.enum(['partner', 'profile', 'referent']),
    profile: z.enum(PROFILES).optional(),
    types: z.array(z.enum(PARTNERSHIP_TYPES)).min(1).optional(),
    programs: z.array(z.enum(OPERATOR_PROGRAMS)).min(1).optional(),
    due: z.union([z.literal('quarterly'), z.object({ daysAfterTierEntry: z.number().int().nonnegative() })]),
    label,
  })
  .refine((o) => (o.scope === 'partner') === (o.profile === undefined), {
    message: 'profile is required for profile and referent scopes, and only for them',
    path: ['profile'],
  });

export const catalogSchema = z
  .object({
    version: z.string().min(1),
    /**
     * The program's time zone is PROGRAM_TIMEZONE (config), one source: a catalog naming one is refused
     * rather than silently ignored.
     */
    timezone: z
      .never({ error: 'the time zone is set by PROGRAM_TIMEZONE (config), not by the catalog' })
      .optional(),
    /** Due dates count from the later of the tier entry and this day (PROGRAM.md §6); PROGRAM_START overrides it. */
    programStart: isoDate,
    principles: label,
    partnershipTypes: z.array(partnershipType).length(PARTNERSHIP_TYPES.length),
    operatorPrograms: z
      .array(
        z.object({
          code: z.enum(OPERATOR_PROGRAMS),
          label,
          fees: label,
          /** The opening fee, when the program has one (informational: the bot bills nothing). */
          openingFeeEur: z.number().nonnegative().optional(),
          /** The retrocession of billed revenue agreed, in percent: a fixed rate has min = max. */
          retrocessionPercent: z
            .object({ min: z.number().min(0).max(100), max: z.number().min(0).max(100) })
            .optional(),
        }),
      )
      .min(1),
    revenueCategories: z.array(z.object({ code: z.enum(REVENUE_CATEGORIES), label })).length(4),
    profiles: z.array(z.object({ code: z.enum(PROFILES), label })).length(PROFILES.length),
    tiers: z.array(tier).min(1),
    evaluation: z.object({
      months: z.array(z.number().int().min(1).max(12)).min(1),
      windowMonths: z.number().int().min(1).max(12),
      /** Whole calendar months of the window a partner must have been one to be evaluated. */
      minimumMonths: z.number().int().min(0).max(12).default(3),
      rule: label,
    }),
    benefits: z.array(benefit),
    obligations: z.array(obligation),
    quarterlyDuties: z.object({ missedVisibleForQuarters: z.number().int().nonnegative() }),
    expertsZen: z.object({
      description: label,
      qualifyingTiers: z.array(code).min(1),
      domains: z.array(z.object({ label, items: z.array(z.string().min(1)).min(1) })),
      requirements: z
        .array(
          z.object({
            code,
            label,
            computed: z.boolean().optional(),
            /** A certification that lapses this many months after it was done (then due again). */
            validForMonths: z.number().int().positive().optional(),
          }),
        )
        .min(1),
      /** A lapsing certification falls due again (its contacts reminded) this many days before it lapses. */
      renewalReminderDays: z.number().int().nonnegative().default(30),
    }),
    reminders: z.object({
      daysBefore: z.array(z.number().int().nonnegative()),
      overdueEveryDays: z.number().int().positive(),
      escalateToManagerAfterDaysOverdue: z.number().int().positive(),
      snoozeDays: z.array(z.number().int().positive()).min(1),
    }),
    digest: z.object({
      /** "Within reach of a promotion": the average so far lacks at most this share of the next threshold. */
      promotionReach: z.number().min(0).max(1),
    }),
    portal: label,
    /** "Respect objectifs & prévisions des ventes" (issue 14): when a forecast is in time, what counts as met. */
    salesObjectives: z
      .object({
        /** A quarter's forecast is in time when given at the latest this many days after the quarter starts. */
        forecastDueDays: z.number().int().nonnegative().default(15),
        /** The share of the objective the actual must reach for the quarter to count as met (1 = 100 %). */
        metShare: z.number().gt(0).max(2).default(1),
      })
      .default({ forecastDueDays: 15, metShare: 1 }),
    /** Benefits used, not just listed (issue 14). */
    benefitUses: z
      .object({
        /** Months of "Point technique mensuel" shown back from the current one (the missed ones stand out). */
        techReviewVisibleMonths: z.number().int().positive().default(6),
      })
      .default({ techReviewVisibleMonths: 6 }),
  })
  .superRefine((c, ctx) => {
    const tierCodes = new Set(c.tiers.map((t) => t.code));
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    c.tiers.forEach((t, i) => {
      const prev = c.tiers[i - 1];
      if (i === 0 && (t.minMonthlyEur.ambassador !== 0 || t.minMonthlyEur.operator !== 0))
        issue(['tiers', 0, 'minMonthlyEur'], 'the lowest tier must start at 0');
      if (
        prev &&
        (t.minMonthlyEur.ambassador <= prev.minMonthlyEur.ambassador ||
          t.minMonthlyEur.operator <= prev.minMonthlyEur.operator)
      )
        issue(['tiers', i, 'minMonthlyEur'], 'thresholds must increase from one tier to the next');
    });
    const unique = (list: { code: string }[], path: string) => {
      const seen = new Set<string>();
      list.forEach((x, i) => {
        if (seen.has(x.code)) issue([path, i, 'code'], `duplicate code ${x.code}`);
        seen.add(x.code);
      });
    };
    unique(c.tiers, 'tiers');
    unique(c.benefits, 'benefits');
    unique(c.obligations, 'obligations');
    unique(c.expertsZen.requirements, 'expertsZen.requirements');
    const benefitCodes = new Set(c.benefits.map((b) => b.code));
    c.benefits.forEach((b, i) => {
      if (!tierCodes.has(b.tier)) issue(['benefits', i, 'tier'], `unknown tier ${b.tier}`);
      if (b.supersedes && !benefitCodes.has(b.supersedes))
        issue(['benefits', i, 'supersedes'], `unknown benefit ${b.supersedes}`);
    });
    c.obligations.forEach((o, i) => {
      if (!tierCodes.has(o.tier)) issue(['obligations', i, 'tier'], `unknown tier ${o.tier}`);
    });
    c.expertsZen.qualifyingTiers.forEach((t, i) => {
      if (!tierCodes.has(t)) issue(['expertsZen', 'qualifyingTiers', i], `unknown tier ${t}`);
    });
  });

export type Catalog = z.infer<typeof catalogSchema>;
export type Tier = Catalog['tiers'][number];
export type Benefit = Catalog['benefits'][number];
export type Obligation = Catalog['obligations'][number];
export type ZenRequirement = Catalog['expertsZen']['requirements'][number];
