import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { createRepositories } from '../db/repositories/index.js';
import type {
  DigestCaps,
  DigestCharBound,
  DigestManagerRow,
} from '../db/repositories/partner-statuses.repository.js';
import { groupByPartner } from '../db/repositories/rows-of-partners.js';
import { enqueue, type OutboxMessage } from '../outbox/enqueue.js';
import type { Catalog, Locale } from '../program/catalog.schema.js';
import { addDays, daysBetween, type IsoDate } from '../program/dates.js';
import { hasLeft } from '../program/membership.js';
import { nextEvaluationOn } from '../program/semesters.js';
import { thresholdCents } from '../program/tiers.js';
import { refreshPartnerStatuses } from '../services/partner-status-snapshot.service.js';
import {
  type DigestUnreached,
  digestLineBound,
  digestLinesShown,
  digestView,
  type ManagerDigest,
} from '../slack/views/digest.view.js';
import type { JobDefinition } from './occurrences.js';

export type { ManagerDigest } from '../slack/views/digest.view.js';

export interface DigestDeps {
  catalog: Catalog;
  config: Pick<Config, 'LOCALE'>;
}

export interface DigestReadBounds {
  lines: DigestCaps;
  /** None: the counts alone. */
  chars?: DigestCharBound;
}

/**
 * Per manager and section, only the lines a message can show are read, by their count and by their
 * partners' names' lengths; the rest is counted.
 */
export function digestReadBounds(catalog: Catalog): DigestReadBounds {
  return { lines: digestLinesShown(catalog), chars: digestLineBound(catalog) };
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
export async function planDigests(
  db: Db,
  deps: DigestDeps,
  today: IsoDate,
  /** How far each section is read (tests read everything to check the bounds change nothing). */
  read: DigestReadBounds = digestReadBounds(deps.catalog),
): Promise<ManagerDigest[]> {
  const { catalog } = deps;
  await refreshPartnerStatuses(db, catalog, today);
  const repos = createRepositories(db);
  const [managers, pending, unreached] = await Promise.all([
    repos.partnerStatuses.digestsByManager(read.lines, read.chars),
    repos.trainings.pending(),
    // Reminders of the past week that reached nobody: the manager is the one left to tell the contact.
    repos.reminderLog.unreachedFrom(addDays(today, -6)),
  ]);
  // The partners of both, read once, by name.
  const named = await repos.partners.byIds([
    ...new Set([...pending.map((p) => p.partnerId), ...unreached.map((u) => u.partnerId)]),
  ]);
  const evaluationOn = nextEvaluationOn(catalog, today);
  const daysLeft = daysBetween(today, evaluationOn);
  // The first obligation of each code, as a search of the catalog finds it.
  const obligationLabels = new Map(catalog.obligations.toReversed().map((o) => [o.code, o.label]));
  const obligationLabel = (code: string) => obligationLabels.get(code);
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
  /** The managers by where their first partner of a kind comes among every manager's partners by name. */
  const byRank = (rank: (row: DigestManagerRow) => number | null) =>
    managers.filter((row) => rank(row) !== null).sort((a, b) => (rank(a) as number) - (rank(b) as number));

  // The snapshot's rows hold what the rules said of each partner today (partner-status-snapshot.service.ts).
  const daysOverdue = new Map<string, number>();
  for (const row of byRank((row) => row.listedRank)) {
    const digest = digestOf(row.manager);
    const sections = row.sections();
    digest.totals = sections.totals;
    for (const [partnerName, averageSoFarCents, missingToKeepCents, tier] of sections.demotions) {
      digest.demotions.push({
        partnerName,
        averageSoFarCents: averageSoFarCents ?? 0,
        missingToKeepCents: missingToKeepCents ?? 0,
        tier,
        daysLeft,
        nextEvaluationOn: evaluationOn,
      });
    }
    for (const [partnerName, nextTier, missingCents, type] of sections.promotions) {
      digest.promotions.push({
        partnerName,
        nextTier,
        missingCents: missingCents ?? 0,
        thresholdCents: thresholdCents(catalog, nextTier, type),
        daysLeft,
      });
    }
    for (const [partnerName, items] of sections.overdue) {
      for (const item of items) {
        const obligation = obligationLabel(item.obligation);
        if (!obligation) continue;
        let days = daysOverdue.get(item.dueOn);
        if (days === undefined) {
          days = daysBetween(item.dueOn, today);
          daysOverdue.set(item.dueOn, days);
        }
        digest.overdue.push({
          partnerName,
          obligation,
          dueOn: item.dueOn,
          daysOverdue: days,
          contact: item.contact ?? undefined,
        });
      }
    }
    for (const [partnerName, items] of sections.missed) {
      for (const line of items) {
        const obligation = obligationLabel(line.obligation);
        if (obligation) digest.missed.push({ partnerName, obligation, quarters: line.quarters });
      }
    }
    // Twenty managers of hundreds of lines: let other work in between two.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  // Declarations awaiting confirmation, by partner name, of managed partners still in the program.
  const pendingOf = groupByPartner(pending);
  for (const partner of named.filter((p) => pendingOf.has(p.id))) {
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
  // The program-depth sections (issue 14), after the pending declarations as they always came.
  for (const row of byRank((row) => row.depthRank)) {
    const digest = digestOf(row.manager);
    for (const [partnerName, depth] of row.sections().depth) {
      if (depth.sales) {
        digest.sales ??= [];
        digest.sales.push({ partnerName, sales: depth.sales });
      }
      if (depth.techReviewsMissed) {
        digest.techReviewsMissed ??= [];
        digest.techReviewsMissed.push({ partnerName, months: depth.techReviewsMissed });
      }
    }
  }
  // The unreached contacts, each with its trainings.
  const partnersOf = new Map(named.map((p) => [p.id, p]));
  const byContact = new Map<string, DigestUnreached>();
  for (const u of unreached) {
    const partner = partnersOf.get(u.partnerId);
    const manager = partner?.managerSlackUserId;
    if (!partner || !manager || hasLeft(partner, today)) continue;
    const training = obligationLabel(u.obligation);
    if (!training) continue;
    const contact = { id: u.contactId, name: u.contactName };
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

/** Every manager's digest message, yielding the event loop between two (each renders hundreds of lines). */
export async function digestMessagesOf(
  catalog: Catalog,
  locale: Locale,
  today: IsoDate,
  digests: ManagerDigest[],
): Promise<OutboxMessage[]> {
  const messages: OutboxMessage[] = [];
  for (const digest of digests) {
    messages.push(digestMessage(catalog, locale, today, digest));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return messages;
}

/** The Monday manager digest, on DIGEST_CRON (Mondays 08:00). */
export const digestJob: JobDefinition = {
  name: 'digest',
  cronSetting: 'DIGEST_CRON',
  async run({ tx, deps, today }) {
    const digests = await planDigests(tx, deps, today);
    const queued = await enqueue(
      tx,
      await digestMessagesOf(deps.catalog, deps.config.LOCALE, today, digests),
    );
    return { today, managers: digests.length, queued: queued.length };
  },
};
