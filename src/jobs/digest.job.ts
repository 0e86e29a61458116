import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { createPartnersRepository } from '../db/repositories/partners.repository.js';
import { enqueue, type OutboxMessage } from '../outbox/enqueue.js';
import type { Catalog, Locale } from '../program/catalog.schema.js';
import { daysBetween, type IsoDate } from '../program/dates.js';
import { hasLeft } from '../program/membership.js';
import { semesterContaining } from '../program/semesters.js';
import { thresholdCents } from '../program/tiers.js';
import { partnerStatus } from '../services/partner-status.service.js';
import { loadProgramDepth } from '../services/program-depth.service.js';
import { digestView, type ManagerDigest } from '../slack/views/digest.view.js';
import type { JobDefinition } from './occurrences.js';

export type { ManagerDigest } from '../slack/views/digest.view.js';

export interface DigestDeps {
  catalog: Catalog;
  config: Pick<Config, 'LOCALE'>;
}

export function digestKey(today: IsoDate, manager: string): string {
  return `digest:${today}:${manager}`;
}

/**
 * Each manager's Monday digest of its portfolio: partners whose semester average so far means a
 * demotion (with the € a month missing and the days left), partners within reach of a promotion
 * (catalog.digest.promotionReach: the semester's average so far lacks at most that share of the next
 * tier's threshold, or already reaches it; only partners with a month counted and not at risk), overdue
 * obligations, quarterly duties missed in the quarters still shown (catalog.quarterlyDuties), and
 * trainings declared by contacts awaiting confirmation.
 * A manager with nothing to look at gets nothing.
 */
export async function planDigests(db: Db, deps: DigestDeps, today: IsoDate): Promise<ManagerDigest[]> {
  const { catalog } = deps;
  const semester = semesterContaining(catalog, today);
  const [records, depth] = await Promise.all([
    createPartnersRepository(db).all(semester.firstMonth),
    loadProgramDepth(db, catalog, undefined, today),
  ]);
  const digests = new Map<string, ManagerDigest>();

  for (const record of records) {
    const { partner } = record;
    const manager = partner.managerSlackUserId;
    // A partner that left the program is not in its manager's digest from that day.
    if (!manager || hasLeft(partner, today)) continue;
    let digest = digests.get(manager);
    if (!digest) {
      digest = {
        manager,
        demotions: [],
        promotions: [],
        overdue: [],
        missed: [],
        pending: [],
        sales: [],
        techReviewsMissed: [],
      };
      digests.set(manager, digest);
    }
    const status = partnerStatus(catalog, record, today, depth.get(partner.id));
    const { progress } = status;
    const partnerName = partner.name;
    const { daysLeft } = progress;
    if (progress.demotion) {
      digest.demotions.push({
        partnerName,
        averageSoFarCents: progress.averageSoFarCents ?? 0,
        missingToKeepCents: progress.demotion.missingToKeepCents,
        tier: partner.tier,
        daysLeft,
        nextEvaluationOn: progress.nextEvaluationOn,
      });
    } else if (
      progress.nextTier &&
      progress.averageSoFarCents !== null &&
      progress.missingForNextCents !== null
    ) {
      const threshold = thresholdCents(catalog, progress.nextTier.code, partner.type);
      if (
        progress.missingForNextCents === 0 ||
        progress.missingForNextCents <= threshold * catalog.digest.promotionReach
      )
        digest.promotions.push({
          partnerName,
          nextTier: progress.nextTier.code,
          missingCents: progress.missingForNextCents,
          thresholdCents: threshold,
          daysLeft,
        });
    }
    for (const item of status.obligations) {
      if (item.status !== 'overdue') continue;
      digest.overdue.push({
        partnerName,
        obligation: item.obligation.label,
        dueOn: item.dueOn,
        daysOverdue: daysBetween(item.dueOn, today),
        contact: item.actor.kind === 'contact' ? item.actor.contact : undefined,
      });
    }
    // Quarterly duties missed in the quarters still shown: one line per duty, its quarters oldest first.
    const missed = new Map<string, ManagerDigest['missed'][number]>();
    for (const item of status.obligations) {
      if (item.status !== 'missed' || !item.quarter) continue;
      let line = missed.get(item.obligation.code);
      if (!line) {
        line = { partnerName, obligation: item.obligation.label, quarters: [] };
        missed.set(item.obligation.code, line);
      }
      line.quarters.push({ year: item.quarter.year, number: item.quarter.number });
    }
    digest.missed.push(...missed.values());
    // A quarter with an objective, behind it, or past the forecast's deadline without one in time.
    const current = status.depth?.sales[0];
    if (
      current?.objectiveCents != null &&
      current.state === 'outstanding' &&
      (current.onTrack === false || current.forecastInTime === false)
    )
      digest.sales!.push({ partnerName, sales: current });
    const missedReviews = (status.depth?.benefitUses.techReviews ?? []).filter((r) => r.state === 'missed');
    if (missedReviews.length)
      digest.techReviewsMissed!.push({ partnerName, months: missedReviews.map((r) => r.month) });
    for (const training of record.trainings) {
      if (training.status !== 'pending') continue;
      const obligation = catalog.obligations.find((o) => o.code === training.training);
      digest.pending.push({
        partnerName,
        training: training.training,
        trainingLabel: obligation?.label,
        contact: record.contacts.find((c) => c.id === training.contactId),
        completedOn: training.completedOn,
      });
    }
  }
  return [...digests.values()].filter(
    (d) =>
      d.demotions.length +
        d.promotions.length +
        d.overdue.length +
        d.missed.length +
        d.pending.length +
        (d.sales?.length ?? 0) +
        (d.techReviewsMissed?.length ?? 0) >
      0,
  );
}

/** A manager's digest as a direct message, once a day. */
export function digestMessage(
  catalog: Catalog,
  locale: Locale,
  today: IsoDate,
  digest: ManagerDigest,
): OutboxMessage {
  return {
    dedupeKey: digestKey(today, digest.manager),
    kind: 'digest.manager',
    channel: digest.manager,
    ...digestView(catalog, locale, digest),
  };
}

/** The Monday manager digest, on DIGEST_CRON (Mondays 08:00). */
export const digestJob: JobDefinition = {
  name: 'digest',
  cronSetting: 'DIGEST_CRON',
  async run({ tx, deps, today }) {
    const digests = await planDigests(tx, deps, today);
    const queued = await enqueue(
      tx,
      digests.map((d) => digestMessage(deps.catalog, deps.config.LOCALE, today, d)),
    );
    return { today, managers: digests.length, queued: queued.length };
  },
};
