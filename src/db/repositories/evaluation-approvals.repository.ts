import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { evaluationApprovals } from '../schema.js';
import { lockedRow } from './one-row.js';

export type EvaluationApprovalRow = typeof evaluationApprovals.$inferSelect;

/** The evaluation_approvals table: with EVALUATION_APPROVAL, a semester's announcements wait for an admin. */
export function createEvaluationApprovalsRepository(db: Db) {
  return {
    /** Asks for the semester's approval of the messages held on `hold`; a semester already asked is kept. */
    async request(semester: string, hold: string): Promise<void> {
      await db
        .insert(evaluationApprovals)
        .values({ semester, hold })
        .onConflictDoNothing({ target: evaluationApprovals.semester });
    },

    /** The semester's approval, locked until the transaction (`db`) ends. */
    async lock(semester: string): Promise<EvaluationApprovalRow | undefined> {
      return lockedRow(db, evaluationApprovals, eq(evaluationApprovals.semester, semester));
    },

    async approve(semester: string, input: { by: string; at: Date }): Promise<void> {
      await db
        .update(evaluationApprovals)
        .set({ status: 'approved', decidedBy: input.by, decidedAt: input.at })
        .where(eq(evaluationApprovals.semester, semester));
    },
  };
}

export type EvaluationApprovalsRepository = ReturnType<typeof createEvaluationApprovalsRepository>;
