import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { createPartnersRepository } from '../db/repositories/partners.repository.js';
import { evaluationApprovals } from '../db/schema.js';
import { enqueue } from '../outbox/enqueue.js';
import type { Catalog } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { type EvaluationResult, evaluateSemester } from '../services/evaluation.service.js';
import {
  approvalHold,
  type ChangedPartner,
  type EvaluationAnnouncementInput,
  partnerAnnouncements,
  summaryAnnouncement,
} from '../slack/views/announcements.view.js';
import type { JobDefinition } from './occurrences.js';

export interface AnnounceDeps {
  catalog: Catalog;
  config: Pick<Config, 'LOCALE' | 'ANNOUNCE_CHANNEL_ID' | 'EVALUATION_APPROVAL'>;
}

export interface EvaluationAnnounced {
  result: EvaluationResult;
  /** Dedupe keys queued in the outbox by this run (none on a rerun). */
  queued: string[];
  /** Set when the partner messages wait for an admin's approval. */
  hold?: string;
}

/**
 * Queues the evaluation's announcements in the evaluation's own transaction: the team summary (or, with
 * EVALUATION_APPROVAL, a preview with Approve/Override, the partner and manager messages held until an
 * admin approves), each changed partner's message and a DM to the manager of each demoted partner. Only
 * partners recorded by this run are announced, and every message has a dedupe key per semester: a rerun
 * queues nothing.
 */
export async function announceEvaluation(
  tx: Db,
  deps: AnnounceDeps,
  result: EvaluationResult,
): Promise<{ queued: string[]; hold?: string }> {
  const recorded = result.partners.filter((p) => p.recordedNow);
  if (recorded.length === 0) return { queued: [] };
  const rows = new Map(
    (await createPartnersRepository(tx).byIds(result.changes.map((c) => c.partnerId))).map((p) => [p.id, p]),
  );
  const changes: ChangedPartner[] = result.changes.flatMap((c) => {
    const row = rows.get(c.partnerId);
    if (!row) return [];
    return [
      {
        partnerId: c.partnerId,
        name: c.name,
        type: row.type,
        operatorProgram: row.operatorProgram,
        slackChannelId: row.slackChannelId,
        managerSlackUserId: row.managerSlackUserId,
        previousTier: c.previousTier,
        tier: c.tier,
        averageCents: c.averageCents,
      },
    ];
  });
  const input: EvaluationAnnouncementInput = {
    semester: result.semester,
    changes,
    unchanged: recorded.length - changes.length,
    locale: deps.config.LOCALE,
    announceChannel: deps.config.ANNOUNCE_CHANNEL_ID,
  };
  const held = deps.config.EVALUATION_APPROVAL ? approvalHold(result.semester.code) : undefined;
  const toPartners = partnerAnnouncements(deps.catalog, { ...input, ...(held ? { hold: held } : {}) });
  const hold = held && toPartners.length > 0 ? held : undefined;
  const summary = summaryAnnouncement(
    deps.catalog,
    { ...input, ...(hold ? { hold } : {}) },
    toPartners.length,
  );
  if (hold)
    await tx
      .insert(evaluationApprovals)
      .values({ semester: result.semester.code, hold })
      .onConflictDoNothing({ target: evaluationApprovals.semester });
  const queued = await enqueue(tx, [...(summary ? [summary] : []), ...toPartners]);
  return { queued, ...(hold ? { hold } : {}) };
}

/** The semester re-evaluation and its announcements, committed together. */
export async function evaluateAndAnnounce(
  db: Db,
  deps: AnnounceDeps,
  options: { asOf: IsoDate; actor: string },
): Promise<EvaluationAnnounced> {
  let announced: { queued: string[]; hold?: string } = { queued: [] };
  const result = await evaluateSemester(db, deps.catalog, {
    asOf: options.asOf,
    dryRun: false,
    actor: options.actor,
    onRecorded: async (tx, r) => {
      announced = await announceEvaluation(tx, deps, r);
    },
  });
  return { result, ...announced };
}

/** Semester re-evaluation, on EVALUATION_CRON (1 January and 1 July, 06:00): evaluates as of that day. */
export const evaluationJob: JobDefinition = {
  name: 'evaluation',
  cronSetting: 'EVALUATION_CRON',
  async run({ tx, deps, today }) {
    const { result, queued, hold } = await evaluateAndAnnounce(tx, deps, {
      asOf: today,
      actor: 'job:evaluation',
    });
    return {
      semester: result.semester.code,
      promotions: result.promotions,
      demotions: result.demotions,
      queued: queued.length,
      ...(hold ? { awaitingApproval: hold } : {}),
    };
  },
};
