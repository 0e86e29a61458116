import type { Db } from '../db/client.js';
import { createAuditRepository } from '../db/repositories/audit.repository.js';
import {
  createEvaluationRepository,
  type EvaluatedPartnerRow,
} from '../db/repositories/evaluation.repository.js';
import { transaction } from '../db/transaction.js';
import type { Catalog } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { lastEvaluation, type Semester } from '../program/semesters.js';
import { tierIndex } from '../program/tiers.js';

/** One partner as the evaluation found it (recordedNow false when the semester was already recorded). */
export type EvaluatedPartner = EvaluatedPartnerRow;

export interface EvaluationResult {
  semester: Semester;
  catalogVersion: string;
  dryRun: boolean;
  partners: EvaluatedPartner[];
  /** Partners whose tier changed in this run (empty on a rerun). */
  changes: EvaluatedPartner[];
  promotions: number;
  demotions: number;
  unchanged: number;
}

export interface EvaluateOptions {
  asOf: IsoDate;
  dryRun: boolean;
  actor: string;
  /** EVALUATION_APPROVAL: computed changes wait as pending; partners keep their tier until approved. */
  approval?: boolean;
  /**
   * Called in the evaluation's transaction once it is recorded (not on a dry run): whatever it writes
   * (the announcements queued in the outbox) commits or rolls back with the evaluation.
   */
  onRecorded?: (tx: Db, result: EvaluationResult) => Promise<void>;
}

/**
 * The semester re-evaluation, set-based (evaluation.repository.ts): one statement computes every
 * partner's average over the evaluated window, records it in tier_history (once per partner and
 * semester) and moves the tiers; the run is audited.
 */
export async function evaluateSemester(
  db: Db,
  catalog: Catalog,
  options: EvaluateOptions,
): Promise<EvaluationResult> {
  const semester = lastEvaluation(catalog, options.asOf);
  return transaction(db, async (tx) => {
    const evaluation = createEvaluationRepository(tx);
    await evaluation.tuneTransaction();
    const evaluated = await evaluation.evaluate(catalog, semester, {
      dryRun: options.dryRun,
      actor: options.actor,
      approval: options.approval ?? false,
    });
    const partners = evaluated.sort(
      (a, b) => a.name.localeCompare(b.name) || a.partnerId.localeCompare(b.partnerId),
    );
    // Not-evaluated and override-stands rows keep the partner's tier: never a change, never announced.
    const changes = partners.filter(
      (p) =>
        p.recordedNow && (p.outcome === 'applied' || p.outcome === 'pending') && p.tier !== p.previousTier,
    );
    const promotions = changes.filter(
      (p) => tierIndex(catalog, p.tier) > tierIndex(catalog, p.previousTier),
    ).length;
    const result: EvaluationResult = {
      semester,
      catalogVersion: catalog.version,
      dryRun: options.dryRun,
      partners,
      changes,
      promotions,
      demotions: changes.length - promotions,
      unchanged: partners.length - changes.length,
    };
    if (!options.dryRun && partners.some((p) => p.recordedNow)) {
      await createAuditRepository(tx).record({
        actor: options.actor,
        action: 'evaluation.run',
        details: {
          semester: semester.code,
          promotions,
          demotions: result.demotions,
          catalogVersion: catalog.version,
        },
      });
    }
    if (!options.dryRun && options.onRecorded) await options.onRecorded(tx, result);
    return result;
  });
}
