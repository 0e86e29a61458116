import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { createPartnersRepository } from '../db/repositories/partners.repository.js';
import { type DigestMessages, digestMessages } from '../i18n/digest.js';
import { formatDate, formatMoney, label, plural } from '../i18n/format.js';
import { enqueue, type OutboxMessage } from '../outbox/enqueue.js';
import type { Catalog, Locale } from '../program/catalog.schema.js';
import { daysBetween, type IsoDate } from '../program/dates.js';
import { semesterContaining } from '../program/semesters.js';
import { thresholdCents } from '../program/tiers.js';
import { partnerStatus } from '../services/partner-status.service.js';
import { header, type KnownBlock, lineSections, view } from '../slack/views/blocks.js';
import { escapeMrkdwn, mention } from '../slack/views/escape.js';
import type { JobDefinition } from './occurrences.js';

/**
 * "Within reach of a promotion" (decision): the semester's average so far lacks at most this share of
 * the next tier's threshold (20 %: 800 € a month of the 1 000 € Business needs), or already reaches it.
 * Only partners with at least one month counted, and not at risk of demotion.
 */
export const PROMOTION_REACH = 0.2;

export interface DigestDeps {
  catalog: Catalog;
  config: Pick<Config, 'LOCALE'>;
}

export interface ManagerDigest {
  manager: string;
  demotions: string[];
  promotions: string[];
  overdue: string[];
  pending: string[];
}

export function digestKey(today: IsoDate, manager: string): string {
  return `digest:${today}:${manager}`;
}

function lines(m: DigestMessages, locale: Locale) {
  return {
    euros: (cents: number) => formatMoney(Math.max(0, cents), locale, { wholeEuros: 'auto' }),
    days: (n: number) => plural(n, m.days, locale),
    date: (d: IsoDate) => formatDate(d, locale),
  };
}

/**
 * Each manager's Monday digest of its portfolio: partners whose semester average so far means a
 * demotion (with the € a month missing and the days left), partners within reach of a promotion
 * (PROMOTION_REACH), overdue obligations, and trainings declared by contacts awaiting confirmation.
 * A manager with nothing to look at gets nothing.
 */
export async function planDigests(db: Db, deps: DigestDeps, today: IsoDate): Promise<ManagerDigest[]> {
  const { catalog } = deps;
  const locale = deps.config.LOCALE;
  const m = digestMessages[locale];
  const f = lines(m, locale);
  const tierName = (code: string) =>
    escapeMrkdwn(label(catalog.tiers.find((t) => t.code === code)!.label, locale));
  const semester = semesterContaining(catalog, today);
  const records = await createPartnersRepository(db).all(semester.firstMonth);
  const digests = new Map<string, ManagerDigest>();

  for (const record of records) {
    const { partner } = record;
    const manager = partner.managerSlackUserId;
    if (!manager) continue;
    let digest = digests.get(manager);
    if (!digest) {
      digest = { manager, demotions: [], promotions: [], overdue: [], pending: [] };
      digests.set(manager, digest);
    }
    const status = partnerStatus(catalog, record, today);
    const { progress } = status;
    const name = escapeMrkdwn(partner.name);
    const days = f.days(progress.daysLeft);
    if (progress.demotion) {
      digest.demotions.push(
        m.demotion(
          name,
          f.euros(progress.averageSoFarCents ?? 0),
          f.euros(progress.demotion.missingToKeepCents),
          tierName(partner.tier),
          days,
          f.date(progress.nextEvaluationOn),
        ),
      );
    } else if (
      progress.nextTier &&
      progress.averageSoFarCents !== null &&
      progress.missingForNextCents !== null
    ) {
      const threshold = thresholdCents(catalog, progress.nextTier.code, partner.type);
      if (progress.missingForNextCents === 0)
        digest.promotions.push(m.promotionReached(name, tierName(progress.nextTier.code), days));
      else if (progress.missingForNextCents <= threshold * PROMOTION_REACH)
        digest.promotions.push(
          m.promotion(
            name,
            f.euros(progress.missingForNextCents),
            tierName(progress.nextTier.code),
            f.euros(threshold),
            days,
          ),
        );
    }
    for (const item of status.obligations) {
      if (item.status !== 'overdue') continue;
      const who =
        item.actor.kind === 'contact' ? mention(item.actor.contact.slackUserId, item.actor.contact.name) : '';
      digest.overdue.push(
        m.overdueLine(
          name,
          escapeMrkdwn(label(item.obligation.label, locale)),
          f.date(item.dueOn),
          f.days(daysBetween(item.dueOn, today)),
          who,
        ),
      );
    }
    for (const training of record.trainings) {
      if (training.status !== 'pending') continue;
      const obligation = catalog.obligations.find((o) => o.code === training.training);
      const contact = record.contacts.find((c) => c.id === training.contactId);
      digest.pending.push(
        m.pendingLine(
          name,
          escapeMrkdwn(obligation ? label(obligation.label, locale) : training.training),
          mention(contact?.slackUserId, contact?.name),
          f.date(training.completedOn),
        ),
      );
    }
  }
  return [...digests.values()].filter(
    (d) => d.demotions.length + d.promotions.length + d.overdue.length + d.pending.length > 0,
  );
}

export function digestMessage(locale: Locale, today: IsoDate, digest: ManagerDigest): OutboxMessage {
  const m = digestMessages[locale];
  const blocks: KnownBlock[] = [header(m.title)];
  const sections: [string, string[]][] = [
    [m.demotions, digest.demotions],
    [m.promotions, digest.promotions],
    [m.overdue, digest.overdue],
    [m.pending, digest.pending],
  ];
  let count = 0;
  for (const [title, items] of sections) {
    if (items.length === 0) continue;
    count += items.length;
    blocks.push(
      ...lineSections([`*${title}*`, ...items.map((i) => `• ${i}`)], { maxBlocks: 10, more: m.more }),
    );
  }
  return {
    dedupeKey: digestKey(today, digest.manager),
    kind: 'digest.manager',
    channel: digest.manager,
    ...view(m.text(count), blocks),
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
      digests.map((d) => digestMessage(deps.config.LOCALE, today, d)),
    );
    return { today, managers: digests.length, queued: queued.length };
  },
};
