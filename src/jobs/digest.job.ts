import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { createRepositories } from '../db/repositories/index.js';
import { enqueue, type OutboxMessage } from '../outbox/enqueue.js';
import type { Catalog, Locale } from '../program/catalog.schema.js';
import { addDays, daysBetween, type IsoDate } from '../program/dates.js';
import { hasLeft } from '../program/membership.js';
import { nextEvaluationOn, semesterContaining } from '../program/semesters.js';
import { thresholdCents } from '../program/tiers.js';
import { partnerStatus } from '../services/partner-status.service.js';
import { refreshPartnerStatuses } from '../services/partner-status-snapshot.service.js';
import { loadProgramDepth } from '../services/program-depth.service.js';
import { type DigestUnreached, digestView, type ManagerDigest } from '../slack/views/digest.view.js';
import type { JobDefinition } from './occurrences.js';

export type { ManagerDigest } from '../slack/views/digest.view.js';

export interface DigestDeps {
  catalog: Catalog;
  config: Pick<Config, 'LOCALE'>;
}

/**
 * Lines read per manager and section: a message shows at most 10 sections of 3 000 characters, so fewer
 * than 1 000 lines; the rest is only counted ("… and N more").
 */
export const DIGEST_LINES_READ = 1_000;

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
  await refreshPartnerStatuses(db, catalog, today);
  const repos = createRepositories(db);
  const [rows, pending] = await Promise.all([
    repos.partnerStatuses.forDigest(DIGEST_LINES_READ),
    repos.trainings.pending(),
  ]);
  const evaluationOn = nextEvaluationOn(catalog, today);
  const daysLeft = daysBetween(today, evaluationOn);
  const obligationLabel = (code: string) => catalog.obligations.find((o) => o.code === code)?.label;
  const digests = new Map<string, ManagerDigest>();
  const digestOf = (manager: string) => {
    let digest = digests.get(manager);
    if (!digest) {
      digest = {
        manager,
        demotions: [],
        promotions: [],
        overdue: [],
        missed: [],
        pending: [],
        totals: {},
      };
      digests.set(manager, digest);
    }
    return digest;
  };

  // The snapshot's rows hold what the rules said of each partner today (partner-status-snapshot.service.ts).
  let sliceStart = performance.now();
  for (const status of rows) {
    // Thousands of partners: let other work in every few ms.
    if (performance.now() - sliceStart > 8) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    const partner = status;
    const digest = digestOf(status.manager);
    digest.totals = {
      demotions: status.demotionsTotal,
      promotions: status.promotionsTotal,
      overdue: status.overdueTotal,
      missed: status.missedTotal,
    };
    const partnerName = partner.name;
    const under = (before: number) => before < DIGEST_LINES_READ;
    if (status.demotionTo && under(status.demotionsBefore)) {
      digest.demotions.push({
        partnerName,
        averageSoFarCents: status.averageSoFarCents ?? 0,
        missingToKeepCents: status.missingToKeepCents ?? 0,
        tier: partner.tier,
        daysLeft,
        nextEvaluationOn: evaluationOn,
      });
    } else if (!status.demotionTo && status.promotionTo && under(status.promotionsBefore)) {
      digest.promotions.push({
        partnerName,
        nextTier: status.promotionTo,
        missingCents: status.missingForNextCents ?? 0,
        thresholdCents: thresholdCents(catalog, status.promotionTo, partner.type),
        daysLeft,
      });
    }
    for (const item of under(status.overdueBefore) ? (status.details?.overdue ?? []) : []) {
      const obligation = obligationLabel(item.obligation);
      if (!obligation) continue;
      digest.overdue.push({
        partnerName,
        obligation,
        dueOn: item.dueOn,
        daysOverdue: daysBetween(item.dueOn, today),
        contact: item.contact ?? undefined,
      });
    }
    for (const line of under(status.missedBefore) ? (status.details?.missed ?? []) : []) {
      const obligation = obligationLabel(line.obligation);
      if (obligation) digest.missed.push({ partnerName, obligation, quarters: line.quarters });
    }
  }

  // Declarations awaiting confirmation, by partner name, of managed partners still in the program.
  const pendingOf = new Map<string, typeof pending>();
  for (const training of pending)
    pendingOf.set(training.partnerId, [...(pendingOf.get(training.partnerId) ?? []), training]);
  for (const partner of await repos.partners.byIds([...pendingOf.keys()])) {
    const manager = partner.managerSlackUserId;
    if (!manager || hasLeft(partner, today)) continue;
    for (const training of pendingOf.get(partner.id) ?? []) {
      digestOf(manager).pending.push({
        partnerName: partner.name,
        training: training.training,
        trainingLabel: obligationLabel(training.training),
        contact: { slackUserId: training.contactSlackUserId, name: training.contactName },
        completedOn: training.completedOn,
      });
    }
  }
  await addProgramDepth(db, catalog, today, digestOf);
  // Reminders of the past week that reached nobody: the manager is the one left to tell the contact.
  const unreached = await repos.reminderLog.unreachedFrom(addDays(today, -6));
  const partnersOf = new Map(
    (await repos.partners.byIds([...new Set(unreached.map((u) => u.partnerId))])).map((p) => [p.id, p]),
  );
  const byContact = new Map<string, DigestUnreached>();
  const contacts = new Map<number, ReturnType<typeof repos.contacts.byId>>();
  for (const u of unreached) {
    const partner = partnersOf.get(u.partnerId);
    const manager = partner?.managerSlackUserId;
    if (!partner || !manager || hasLeft(partner, today) || u.contactId === null) continue;
    // A contact unreached for several trainings is read once.
    const contact = await (contacts.get(u.contactId) ??
      contacts.set(u.contactId, repos.contacts.byId(u.contactId)).get(u.contactId));
    const training = obligationLabel(u.obligation);
    if (!contact || !training) continue;
    const key = `${manager}|${contact.id}`;
    let line = byContact.get(key);
    if (!line) {
      line = { partnerName: partner.name, contactName: contact.name, trainings: [] };
      byContact.set(key, line);
      const digest = digestOf(manager);
      digest.unreached = [...(digest.unreached ?? []), line];
    }
    line.trainings.push(training);
  }
  return [...digests.values()].filter(
    (d) =>
      d.demotions.length +
        d.promotions.length +
        d.overdue.length +
        d.missed.length +
        d.pending.length +
        (d.unreached?.length ?? 0) +
        (d.sales?.length ?? 0) +
        (d.techReviewsMissed?.length ?? 0) >
      0,
  );
}

/**
 * The digest's program-depth sections (issue 14): a current quarter with an objective, behind it or past
 * the forecast's deadline without one in time; a Premium partner's months without its technical review.
 * Read for the partners these can concern only (an objective set, or Premium), not the whole portfolio.
 */
async function addProgramDepth(
  db: Db,
  catalog: Catalog,
  today: IsoDate,
  digestOf: (manager: string) => ManagerDigest,
): Promise<void> {
  const repos = createRepositories(db);
  const [planned, everyone] = await Promise.all([
    repos.salesObjectives.forPartners(undefined),
    repos.partners.byManager(undefined),
  ]);
  const withPlans = new Set(planned.map((p) => p.partnerId));
  const ids = everyone
    .filter(
      (p) => p.managerSlackUserId && !hasLeft(p, today) && (p.tier === 'premium' || withPlans.has(p.id)),
    )
    .map((p) => p.id);
  if (ids.length === 0) return;
  const [records, depth] = await Promise.all([
    repos.partners.records(ids, semesterContaining(catalog, today).firstMonth),
    loadProgramDepth(db, catalog, ids, today),
  ]);
  for (const record of records) {
    const status = partnerStatus(catalog, record, today, depth.get(record.partner.id));
    const digest = digestOf(record.partner.managerSlackUserId!);
    const partnerName = record.partner.name;
    const current = status.depth?.sales[0];
    if (
      current?.objectiveCents != null &&
      current.state === 'outstanding' &&
      (current.onTrack === false || current.forecastInTime === false)
    )
      digest.sales = [...(digest.sales ?? []), { partnerName, sales: current }];
    const missedReviews = (status.depth?.benefitUses.techReviews ?? []).filter((r) => r.state === 'missed');
    if (missedReviews.length)
      digest.techReviewsMissed = [
        ...(digest.techReviewsMissed ?? []),
        { partnerName, months: missedReviews.map((r) => r.month) },
      ];
  }
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
