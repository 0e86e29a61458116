import type { Db } from '../db/client.js';
import { createRepositories } from '../db/repositories/index.js';
import { groupByPartner } from '../db/repositories/rows-of-partners.js';
import type { EvaluationChange } from '../db/repositories/tier-history.repository.js';
import { transaction } from '../db/transaction.js';
import { label } from '../i18n/format.js';
import { contactLocale } from '../i18n/locale.js';
import { tierChangeMail } from '../mail/announcements.mail.js';
import { emailMessage, mailConfigured } from '../outbox/email.js';
import { enqueue, type OutboxMessage } from '../outbox/enqueue.js';
import type { Catalog, Locale, OperatorProgram, PartnershipType } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { type Semester, semesterEvaluatedOn } from '../program/semesters.js';
import { tierIndex } from '../program/tiers.js';
import { identifyActor, isAdmin } from './actor.service.js';
import { recordedAsSharedOutside } from './channel-state.service.js';
import { type EvaluationResult, evaluateSemester } from './evaluation.service.js';
import { approvalHold, evaluationKeys } from './evaluation-keys.js';

/** A partner whose tier the evaluation changed, with what it takes to tell it. */
export interface ChangedPartner {
  partnerId: string;
  name: string;
  type: PartnershipType;
  operatorProgram: OperatorProgram | null;
  slackChannelId: string | null;
  managerSlackUserId: string | null;
  previousTier: string;
  tier: string;
  averageCents: number;
  /** The language of the partner's channel (its import's locale); the announcement's otherwise. */
  locale?: Locale | null;
}

export interface EvaluationAnnouncementInput {
  semester: Semester;
  changes: ChangedPartner[];
  /** Evaluated partners whose tier stays (not those below: they were not judged, or a Dérogation decided). */
  unchanged: number;
  /** Partners too recent to be judged this semester. */
  notEvaluated?: number;
  /** Partners whose computed change gave way to an earlier Dérogation. */
  overrideStands?: number;
  locale: Locale;
  /** The team channel (ANNOUNCE_CHANNEL_ID); no summary without it. */
  announceChannel: string | undefined;
  /** With EVALUATION_APPROVAL: partner and manager messages wait on this hold, the summary is a preview. */
  hold?: string;
  /** Appended to the partner/manager dedupe keys (an override's replacement messages). */
  keySuffix?: string;
}

/**
 * What the announcements say and look like (Block Kit, from the Slack views), handed in by the caller:
 * this service decides what is announced and queues it, never how it renders.
 */
export interface AnnouncementViews {
  /** The messages to partners and managers, one per changed partner (and one per demotion to its manager). */
  partnerAnnouncements(catalog: Catalog, input: EvaluationAnnouncementInput): OutboxMessage[];
  /** The team channel's summary, or with a hold the preview an admin approves. */
  summaryAnnouncement(
    catalog: Catalog,
    input: EvaluationAnnouncementInput,
    heldMessages: number,
  ): OutboxMessage | undefined;
}

export interface AnnounceDeps {
  catalog: Catalog;
  config: {
    LOCALE: Locale;
    ANNOUNCE_CHANNEL_ID?: string | undefined;
    EVALUATION_APPROVAL: boolean;
    SMTP_URL?: string | undefined;
    MAIL_FROM?: string | undefined;
  };
}

/**
 * The notices by e-mail to the contacts the partner's channel cannot reach (not on Slack, or a partner
 * without a channel), in each contact's language; none without SMTP. Held like the channel's.
 */
async function tierChangeMails(
  tx: Db,
  deps: AnnounceDeps,
  input: EvaluationAnnouncementInput,
  isPromotion: (c: ChangedPartner) => boolean,
): Promise<OutboxMessage[]> {
  if (!mailConfigured(deps.config)) return [];
  const repos = createRepositories(tx);
  const tierLabel = (code: string, locale: Locale) =>
    label(deps.catalog.tiers.find((t) => t.code === code)?.label ?? { fr: code, en: code }, locale);
  // Every changed partner's contacts, and their Slack languages, in two reads.
  const contactsOf = groupByPartner(await repos.contacts.ofPartners(input.changes.map((c) => c.partnerId)));
  // The contacts each change reaches by e-mail: those with no Slack route to the partner's channel.
  const reached = input.changes.map((c) => ({
    change: c,
    contacts: (contactsOf.get(c.partnerId) ?? []).flatMap((contact) =>
      contact.email && !(contact.slackUserId && c.slackChannelId)
        ? [{ ...contact, email: contact.email }]
        : [],
    ),
  }));
  const slackLocales = await repos.userLocales.of(
    reached.flatMap((r) => r.contacts.flatMap((contact) => contact.slackUserId ?? [])),
  );
  const messages: OutboxMessage[] = [];
  for (const { change: c, contacts } of reached) {
    for (const contact of contacts) {
      const locale = contactLocale(contact, slackLocales, deps.config.LOCALE);
      const mail = tierChangeMail(locale, {
        contactName: contact.name,
        partnerName: c.name,
        previousTier: tierLabel(c.previousTier, locale),
        tier: tierLabel(c.tier, locale),
        effectiveOn: input.semester.evaluationOn,
        promoted: isPromotion(c),
      });
      messages.push(
        emailMessage({
          dedupeKey: `${evaluationKeys.partner(input.semester.code, c.partnerId, input.keySuffix ?? '')}:mail:${contact.id}`,
          kind: 'evaluation.email',
          to: contact.email,
          mail,
          hold: input.hold,
        }),
      );
    }
  }
  return messages;
}

export interface EvaluationAnnounced {
  result: EvaluationResult;
  /** Dedupe keys queued in the outbox by this run (none on a rerun). */
  queued: string[];
  /** Set when the partner messages wait for an admin's approval. */
  hold?: string;
  /** The team summary was held: ANNOUNCE_CHANNEL_ID is shared with another organisation. */
  summaryWithheld?: boolean;
}

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
  views: AnnouncementViews,
  result: EvaluationResult,
): Promise<{ queued: string[]; hold?: string; summaryWithheld?: boolean }> {
  const recorded = result.partners.filter((p) => p.recordedNow);
  if (recorded.length === 0) return { queued: [] };
  const rows = new Map(
    (await createRepositories(tx).partners.byIds(result.changes.map((c) => c.partnerId))).map((p) => [
      p.id,
      p,
    ]),
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
        locale: row.locale,
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
    unchanged:
      recorded.filter((p) => p.outcome === 'applied' || p.outcome === 'pending').length - changes.length,
    notEvaluated: recorded.filter((p) => p.outcome === 'not-evaluated').length,
    overrideStands: recorded.filter((p) => p.outcome === 'override-stands').length,
    locale: deps.config.LOCALE,
    announceChannel: deps.config.ANNOUNCE_CHANNEL_ID,
  };
  const held = deps.config.EVALUATION_APPROVAL ? approvalHold(result.semester.code) : undefined;
  const toPartners = [
    ...views.partnerAnnouncements(deps.catalog, { ...input, ...(held ? { hold: held } : {}) }),
    ...(await tierChangeMails(
      tx,
      deps,
      { ...input, ...(held ? { hold: held } : {}) },
      (c) => tierIndex(deps.catalog, c.tier) > tierIndex(deps.catalog, c.previousTier),
    )),
  ];
  // With approval on, the changes wait as pending rows: an approval is asked for as soon as there is one,
  // even when no message is to be sent (a partner without a channel still waits to move).
  const hold = held && (toPartners.length > 0 || changes.length > 0) ? held : undefined;
  const drafted = views.summaryAnnouncement(
    deps.catalog,
    { ...input, ...(hold ? { hold } : {}) },
    toPartners.length,
  );
  // The summary names every changed partner: never posted in a team channel shared with another
  // organisation (checked at start and kept by the channel_shared events); held there, for the outbox report.
  const withheld = !!drafted && (await recordedAsSharedOutside(tx, drafted.channel));
  const summary =
    drafted && withheld ? { ...drafted, hold: teamChannelSharedHold(result.semester.code) } : drafted;
  if (hold) await createRepositories(tx).evaluationApprovals.request(result.semester.code, hold);
  const queued = await enqueue(tx, [...(summary ? [summary] : []), ...toPartners]);
  return { queued, ...(hold ? { hold } : {}), ...(withheld ? { summaryWithheld: true } : {}) };
}

/** The hold of a team summary kept back because the team channel is shared with another organisation. */
export const teamChannelSharedHold = (semester: string) => `team-channel-shared:${semester}`;

/** The semester re-evaluation and its announcements, committed together (the job's and the CLI's). */
export async function evaluateAndAnnounce(
  db: Db,
  deps: AnnounceDeps,
  views: AnnouncementViews,
  options: { asOf: IsoDate; actor: string },
): Promise<EvaluationAnnounced> {
  let announced: { queued: string[]; hold?: string; summaryWithheld?: boolean } = { queued: [] };
  const result = await evaluateSemester(db, deps.catalog, {
    asOf: options.asOf,
    dryRun: false,
    actor: options.actor,
    approval: deps.config.EVALUATION_APPROVAL,
    onRecorded: async (tx, r) => {
      announced = await announceEvaluation(tx, deps, views, r);
    },
  });
  return { result, ...announced };
}

/**
 * An admin approves a semester's evaluation: every pending result of the semester is applied (the partners
 * move to the computed tier from the evaluation date; one whose tier was overridden since keeps the
 * override) and the partner and manager messages held for it are released to the outbox (the dispatcher
 * sends them at its next poll). Only once; anyone else is refused.
 */
export function approveEvaluation(
  db: Db,
  input: { semester: string; by: string; now: Date },
): Promise<ApprovalOutcome> {
  return transaction(db, async (tx) => {
    if (!isAdmin(await identifyActor(tx, input.by))) return { status: 'forbidden' };
    const repos = createRepositories(tx);
    const approval = await repos.evaluationApprovals.lock(input.semester);
    if (!approval) return { status: 'unknown' };
    if (approval.status === 'approved') return { status: 'already-approved', by: approval.decidedBy };
    await repos.evaluationApprovals.approve(input.semester, { by: input.by, at: input.now });
    const applied = await repos.evaluation.applyPending(input.semester, input.now);
    const released = await repos.outbox.releaseHold(approval.hold, input.now);
    await repos.audit.record({
      actor: input.by,
      action: 'evaluation.approve',
      details: { semester: input.semester, released: released.length, applied },
    });
    return { status: 'approved', released: released.length };
  });
}

/** The partners whose tier a semester's evaluation changed, for the override modal. */
export function evaluationChanges(db: Db, semester: string): Promise<EvaluationChange[]> {
  return createRepositories(db).tierHistory.evaluationChanges(semester);
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
  views: Pick<AnnouncementViews, 'partnerAnnouncements'>,
  input: { semester: string; partnerId: string; tier: string; reason: string; by: string; now: Date },
): Promise<OverrideOutcome> {
  return transaction(db, async (tx) => {
    const { catalog } = deps;
    if (!isAdmin(await identifyActor(tx, input.by))) return { status: 'forbidden' };
    const repos = createRepositories(tx);
    const approval = await repos.evaluationApprovals.lock(input.semester);
    if (approval?.status !== 'pending') return { status: 'unknown' };
    try {
      tierIndex(catalog, input.tier);
    } catch {
      return { status: 'invalid-tier' };
    }
    const { tierHistory: history, partners } = repos;
    const evaluated = await history.evaluationOf(input.partnerId, input.semester);
    const partner = await partners.byIdForUpdate(input.partnerId);
    if (!evaluated || !partner) return { status: 'not-evaluated' };
    // A pending result overridden with the partner's own tier still needs the override: it keeps the
    // partner where it is, instead of the computed tier at approval.
    if (partner.tier === input.tier && evaluated.outcome !== 'pending')
      return { status: 'same', partnerName: partner.name, tier: input.tier };

    if (partner.tier !== input.tier)
      await partners.setTier(partner.id, input.tier, evaluated.effectiveOn, input.now);
    await history.add({
      kind: 'override',
      partnerId: partner.id,
      semester: input.semester,
      effectiveOn: evaluated.effectiveOn,
      averageCents: evaluated.averageCents,
      activeMonths: evaluated.activeMonths,
      computedTier: evaluated.computedTier ?? evaluated.tier,
      previousTier: partner.tier,
      tier: input.tier,
      reason: input.reason,
      actor: input.by,
      catalogVersion: catalog.version,
    });
    // The pending result is never applied over the override: approval leaves this row alone.
    if (evaluated.outcome === 'pending') await history.markOverrideStands(evaluated.id);
    const cancelled = await repos.outbox.cancelHeld(
      approval.hold,
      [
        evaluationKeys.partner(input.semester, partner.id),
        evaluationKeys.manager(input.semester, partner.id),
      ],
      `replaced by an override from ${input.by}`,
    );

    const previousTier = evaluated.previousTier ?? evaluated.tier;
    if (input.tier !== previousTier) {
      const overrides = await history.overrideCount(partner.id, input.semester);
      await enqueue(
        tx,
        views.partnerAnnouncements(catalog, {
          semester: semesterEvaluatedOn(catalog, evaluated.effectiveOn),
          changes: [
            {
              partnerId: partner.id,
              name: partner.name,
              type: partner.type,
              operatorProgram: partner.operatorProgram,
              slackChannelId: partner.slackChannelId,
              locale: partner.locale,
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
          keySuffix: `:override:${overrides}`,
        }),
      );
    }
    await repos.audit.record({
      actor: input.by,
      action: 'evaluation.override',
      partnerId: partner.id,
      details: {
        semester: input.semester,
        computedTier: evaluated.computedTier ?? evaluated.tier,
        tier: input.tier,
        reason: input.reason,
        cancelled: cancelled.length,
      },
    });
    return { status: 'overridden', partnerName: partner.name, tier: input.tier, replaced: cancelled.length };
  });
}
