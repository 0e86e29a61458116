import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditLog, evaluationApprovals, outbox, partners, staff, tierHistory } from '../db/schema.js';
import { transaction } from '../db/transaction.js';
import type { AnnounceDeps } from '../jobs/evaluation.job.js';
import { enqueue } from '../outbox/enqueue.js';
import { semesterEvaluatedOn } from '../program/semesters.js';
import { tierIndex } from '../program/tiers.js';
import { evaluationKeys, partnerAnnouncements } from '../slack/views/announcements.view.js';

export type ApprovalOutcome =
  | { status: 'approved'; released: number }
  | { status: 'already-approved'; by: string | null }
  | { status: 'unknown' }
  | { status: 'forbidden' };

export type OverrideOutcome =
  | { status: 'overridden'; partnerName: string; tier: string; replaced: number }
  | { status: 'same'; partnerName: string; tier: string }
  | { status: 'forbidden' }
  | { status: 'unknown' }
  | { status: 'not-evaluated' }
  | { status: 'invalid-tier' };

async function isAdmin(tx: Db, slackUserId: string): Promise<boolean> {
  const [row] = await tx
    .select({ role: staff.role })
    .from(staff)
    .where(and(eq(staff.slackUserId, slackUserId), eq(staff.role, 'admin')));
  return row !== undefined;
}

/**
 * An admin approves a semester's evaluation: the partner and manager messages held for it are released to
 * the outbox (the dispatcher sends them at its next poll). Only once; anyone else is refused.
 */
export function approveEvaluation(
  db: Db,
  input: { semester: string; by: string; now: Date },
): Promise<ApprovalOutcome> {
  return transaction(db, async (tx) => {
    if (!(await isAdmin(tx, input.by))) return { status: 'forbidden' };
    const [approval] = await tx
      .select()
      .from(evaluationApprovals)
      .where(eq(evaluationApprovals.semester, input.semester))
      .for('update');
    if (!approval) return { status: 'unknown' };
    if (approval.status === 'approved') return { status: 'already-approved', by: approval.decidedBy };
    await tx
      .update(evaluationApprovals)
      .set({ status: 'approved', decidedBy: input.by, decidedAt: input.now })
      .where(eq(evaluationApprovals.semester, input.semester));
    const released = await tx
      .update(outbox)
      .set({ hold: null, nextAttemptAt: input.now })
      .where(and(eq(outbox.hold, approval.hold), eq(outbox.status, 'pending')))
      .returning({ id: outbox.id });
    await tx.insert(auditLog).values({
      actor: input.by,
      action: 'evaluation.approve',
      details: { semester: input.semester, released: released.length },
    });
    return { status: 'approved', released: released.length };
  });
}

/** The partners whose tier a semester's evaluation changed, for the override modal. */
export async function evaluationChanges(db: Db, semester: string) {
  return db
    .select({
      partnerId: tierHistory.partnerId,
      name: partners.name,
      previousTier: tierHistory.previousTier,
      tier: tierHistory.tier,
    })
    .from(tierHistory)
    .innerJoin(partners, eq(partners.id, tierHistory.partnerId))
    .where(
      and(
        eq(tierHistory.kind, 'evaluation'),
        eq(tierHistory.semester, semester),
        ne(tierHistory.tier, sql`coalesce(${tierHistory.previousTier}, '')`),
      ),
    )
    .orderBy(asc(partners.name));
}

/**
 * While a semester awaits approval, an admin overrides a partner's computed tier with a reason: the
 * override is recorded beside the computed tier (tier_history kind 'override'), the partner moves to the
 * tier, its held announcements are cancelled and, when the override still changes its tier from before
 * the evaluation, replaced by ones telling the overridden change (held as well).
 */
export function overrideEvaluatedTier(
  db: Db,
  deps: AnnounceDeps,
  input: { semester: string; partnerId: string; tier: string; reason: string; by: string; now: Date },
): Promise<OverrideOutcome> {
  return transaction(db, async (tx) => {
    const { catalog } = deps;
    if (!(await isAdmin(tx, input.by))) return { status: 'forbidden' };
    const [approval] = await tx
      .select()
      .from(evaluationApprovals)
      .where(eq(evaluationApprovals.semester, input.semester))
      .for('update');
    if (approval?.status !== 'pending') return { status: 'unknown' };
    try {
      tierIndex(catalog, input.tier);
    } catch {
      return { status: 'invalid-tier' };
    }
    const [evaluated] = await tx
      .select()
      .from(tierHistory)
      .where(
        and(
          eq(tierHistory.partnerId, input.partnerId),
          eq(tierHistory.kind, 'evaluation'),
          eq(tierHistory.semester, input.semester),
        ),
      );
    const [partner] = await tx.select().from(partners).where(eq(partners.id, input.partnerId)).for('update');
    if (!evaluated || !partner) return { status: 'not-evaluated' };
    if (partner.tier === input.tier) return { status: 'same', partnerName: partner.name, tier: input.tier };

    await tx
      .update(partners)
      .set({ tier: input.tier, tierSince: evaluated.effectiveOn, updatedAt: input.now })
      .where(eq(partners.id, partner.id));
    await tx.insert(tierHistory).values({
      partnerId: partner.id,
      kind: 'override',
      semester: input.semester,
      effectiveOn: evaluated.effectiveOn,
      averageCents: evaluated.averageCents,
      activeMonths: evaluated.activeMonths,
      computedTier: evaluated.tier,
      previousTier: partner.tier,
      tier: input.tier,
      reason: input.reason,
      actor: input.by,
      catalogVersion: catalog.version,
    });
    const prefixes = [
      evaluationKeys.partner(input.semester, partner.id),
      evaluationKeys.manager(input.semester, partner.id),
    ];
    const cancelled = await tx
      .update(outbox)
      .set({ status: 'cancelled', lastError: `replaced by an override from ${input.by}` })
      .where(
        and(
          eq(outbox.hold, approval.hold),
          eq(outbox.status, 'pending'),
          sql`(${sql.join(
            prefixes.map((p) => sql`left(${outbox.dedupeKey}, ${p.length}) = ${p}`),
            sql` or `,
          )})`,
        ),
      )
      .returning({ id: outbox.id });

    const previousTier = evaluated.previousTier ?? evaluated.tier;
    if (input.tier !== previousTier) {
      const [overrides] = await tx
        .select({ n: count() })
        .from(tierHistory)
        .where(
          and(
            eq(tierHistory.partnerId, partner.id),
            eq(tierHistory.kind, 'override'),
            eq(tierHistory.semester, input.semester),
          ),
        );
      await enqueue(
        tx,
        partnerAnnouncements(catalog, {
          semester: semesterEvaluatedOn(catalog, evaluated.effectiveOn),
          changes: [
            {
              partnerId: partner.id,
              name: partner.name,
              type: partner.type,
              operatorProgram: partner.operatorProgram,
              slackChannelId: partner.slackChannelId,
              managerSlackUserId: partner.managerSlackUserId,
              previousTier,
              tier: input.tier,
              averageCents: Number(evaluated.averageCents ?? 0),
            },
          ],
          unchanged: 0,
          locale: deps.config.LOCALE,
          announceChannel: undefined,
          hold: approval.hold,
          keySuffix: `:override:${Number(overrides?.n ?? 1)}`,
        }),
      );
    }
    await tx.insert(auditLog).values({
      actor: input.by,
      action: 'evaluation.override',
      partnerId: partner.id,
      details: {
        semester: input.semester,
        computedTier: evaluated.tier,
        tier: input.tier,
        reason: input.reason,
        cancelled: cancelled.length,
      },
    });
    return { status: 'overridden', partnerName: partner.name, tier: input.tier, replaced: cancelled.length };
  });
}
