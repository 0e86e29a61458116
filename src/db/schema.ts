import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { LOCALES } from '../program/locales.js';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const partners = pgTable(
  'partners',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Lower-case, accent-free name, for case- and accent-insensitive lookup. */
    searchName: text('search_name').notNull(),
    type: text('type', { enum: ['ambassador', 'operator'] }).notNull(),
    operatorProgram: text('operator_program', { enum: ['standard', 'eshop', 'eshop_managed'] }),
    slackChannelId: text('slack_channel_id'),
    managerSlackUserId: text('manager_slack_user_id'),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    tier: text('tier').notNull(),
    /** The day the current tier took effect. */
    tierSince: date('tier_since', { mode: 'string' }).notNull(),
    /** The day the partner left the program: from then on it is not evaluated, reminded or listed. */
    leftOn: date('left_on', { mode: 'string' }),
    leftReason: text('left_reason'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('partners_search_name_idx').on(t.searchName),
    // The /partner lookup (`lower(id) = key or search_name like 'key%'`): without these, a scan of every
    // partner per command (2 ms of database time at 10 000 partners); text_pattern_ops serves the prefix
    // LIKE whatever the database's collation.
    index('partners_lower_id_idx').on(sql`lower(${t.id})`),
    index('partners_search_name_prefix_idx').on(t.searchName.op('text_pattern_ops')),
    index('partners_manager_idx').on(t.managerSlackUserId),
    uniqueIndex('partners_channel_idx').on(t.slackChannelId),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: serial('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    slackUserId: text('slack_user_id').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    /** Every profile the contact holds (a small partner's one person may be admin, sales and technical). */
    profiles: text('profiles', { enum: ['admin', 'sales', 'technical'] })
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** The profiles it is the referent for (a subset of `profiles`). */
    referentProfiles: text('referent_profiles', { enum: ['admin', 'sales', 'technical'] })
      .array()
      .notNull()
      .default(sql`'{}'`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('contacts_slack_user_idx').on(t.slackUserId),
    index('contacts_partner_idx').on(t.partnerId),
  ],
);

export const staff = pgTable('staff', {
  slackUserId: text('slack_user_id').primaryKey(),
  name: text('name').notNull(),
  role: text('role', { enum: ['admin', 'manager'] }).notNull(),
  createdAt: createdAt(),
});

export const revenueLines = pgTable(
  'revenue_lines',
  {
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    /** First day of the month. */
    month: date('month', { mode: 'string' }).notNull(),
    category: text('category', { enum: ['recurring', 'one_off', 'access_fees', 'minutes'] }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.partnerId, t.month, t.category] }),
    index('revenue_month_idx').on(t.month),
  ],
);

export const trainingCompletions = pgTable(
  'training_completions',
  {
    id: serial('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    training: text('training').notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    /** confirmed, or pending while a contact's own declaration awaits a manager. */
    status: text('status', { enum: ['confirmed', 'pending'] })
      .notNull()
      .default('confirmed'),
    declaredBy: text('declared_by'),
    confirmedBy: text('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('training_contact_idx').on(t.contactId, t.training),
    index('training_partner_idx').on(t.partnerId),
    index('training_pending_idx').on(t.status).where(sql`${t.status} = 'pending'`),
  ],
);

export const checklistItems = pgTable(
  'checklist_items',
  {
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    item: text('item').notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.item, t.completedOn] })],
);

export const tierHistory = pgTable(
  'tier_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    /** evaluation: a semester re-evaluation; override: a manager's decision; import: the tier a partner came with. */
    kind: text('kind', { enum: ['evaluation', 'override', 'import'] }).notNull(),
    /** The evaluated window, e.g. 2026-H1 (evaluations only). */
    semester: text('semester'),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    averageCents: bigint('average_cents', { mode: 'number' }),
    activeMonths: integer('active_months'),
    computedTier: text('computed_tier'),
    previousTier: text('previous_tier'),
    tier: text('tier').notNull(),
    /**
     * What an evaluation row did: applied (the partner has `tier` from effective_on); pending (computed,
     * awaiting an admin's approval: the partner keeps its tier); not-evaluated (too recent to judge, tier
     * kept); override-stands (an override recorded after the evaluation date is kept, `computed_tier` beside it).
     */
    outcome: text('outcome', { enum: ['applied', 'pending', 'not-evaluated', 'override-stands'] })
      .notNull()
      .default('applied'),
    reason: text('reason'),
    actor: text('actor').notNull(),
    catalogVersion: text('catalog_version').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('tier_history_partner_idx').on(t.partnerId, t.effectiveOn),
    uniqueIndex('tier_history_evaluation_idx')
      .on(t.partnerId, t.semester)
      .where(sql`${t.kind} = 'evaluation'`),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    partnerId: text('partner_id'),
    details: jsonb('details').notNull().default({}),
  },
  (t) => [index('audit_partner_idx').on(t.partnerId, t.at)],
);

/**
 * Messages to Slack, written in the same transaction as the change that causes them and delivered by the
 * dispatcher (src/outbox). dedupe_key names what the message is about ('evaluation:2026-H1:partner:acme'),
 * so a rerun queues nothing twice.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dedupeKey: text('dedupe_key').notNull(),
    /** What kind of message, for people reading the outbox: evaluation.summary, reminder.digest... */
    kind: text('kind').notNull(),
    /** A channel id, or a user id for a direct message (opened with conversations.open at delivery). */
    channel: text('channel').notNull(),
    text: text('text').notNull(),
    blocks: jsonb('blocks'),
    status: text('status', { enum: ['pending', 'sending', 'sent', 'failed', 'cancelled'] })
      .notNull()
      .default('pending'),
    /** While set, the message waits (e.g. 'evaluation-approval:2026-H1' until an admin approves). */
    hold: text('hold'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A 'sending' row whose lease ran out belongs to a dispatcher that died or stalled. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    claimedBy: text('claimed_by'),
    /** The conversation the message is posted in (the DM's id for a user). */
    slackChannel: text('slack_channel'),
    /**
     * Set while a post may have reached Slack without the outcome being recorded (timeout, crash): before
     * posting again the dispatcher looks for the message in the conversation's history since then.
     */
    postingSince: timestamp('posting_since', { withTimezone: true }),
    /** The last failure, for people: never a token. */
    lastError: text('last_error'),
    slackTs: text('slack_ts'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_idx').on(t.dedupeKey),
    index('outbox_due_idx')
      .on(t.status, t.nextAttemptAt)
      .where(sql`${t.status} in ('pending', 'sending', 'failed')`),
    index('outbox_channel_idx').on(t.channel, t.sentAt),
    // The dispatcher's claim walks due messages in this order and stops at the first whose channel is free
    // (a nested loop probing outbox_channel_idx), instead of checking every due message before sorting.
    index('outbox_claim_idx').on(t.nextAttemptAt, t.id).where(sql`${t.status} in ('pending', 'sending')`),
    index('outbox_hold_idx').on(t.hold).where(sql`${t.hold} is not null`),
  ],
);

/** Each occurrence of a scheduled job, once: (job, scheduled_for) is unique across instances. */
export const jobOccurrences = pgTable(
  'job_occurrences',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    job: text('job').notNull(),
    /** The instant the schedule named (not when it ran). */
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['running', 'done', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(1),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    instanceId: text('instance_id').notNull(),
    /** What the run did (counts), or why it failed. */
    summary: jsonb('summary'),
    error: text('error'),
  },
  (t) => [
    uniqueIndex('job_occurrences_key_idx').on(t.job, t.scheduledFor),
    index('job_occurrences_job_idx').on(t.job, t.status, t.scheduledFor),
  ],
);

/** What was reminded to whom on which day, so nothing is reminded twice the same day. */
export const reminderLog = pgTable(
  'reminder_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    remindedOn: date('reminded_on', { mode: 'string' }).notNull(),
    /** A contact's or manager's user id (DM) or the partner's channel id. */
    recipient: text('recipient').notNull(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    /** The contact who owes the item, for profile and referent items. */
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    /** 'partner' or 'contact:<id>': who owes the item (never null, so it can be part of the unique key). */
    subject: text('subject').notNull(),
    obligation: text('obligation').notNull(),
    kind: text('kind', { enum: ['upcoming', 'due', 'overdue', 'escalation'] }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    outboxKey: text('outbox_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('reminder_log_once_idx').on(t.remindedOn, t.recipient, t.partnerId, t.subject, t.obligation),
    index('reminder_log_recipient_idx').on(t.recipient, t.remindedOn),
  ],
);

/** A reminder put off: no reminder for the item before `until`, then one on that day. */
export const snoozes = pgTable(
  'snoozes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    /** Set for a contact's own item; null for the partner's. */
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    obligation: text('obligation').notNull(),
    /** The day reminders resume. */
    until: date('until', { mode: 'string' }).notNull(),
    snoozedBy: text('snoozed_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('snoozes_item_idx').on(t.partnerId, t.obligation)],
);

/** With EVALUATION_APPROVAL, a semester's announcements wait for an admin here. */
export const evaluationApprovals = pgTable('evaluation_approvals', {
  semester: text('semester').primaryKey(),
  status: text('status', { enum: ['pending', 'approved'] })
    .notNull()
    .default('pending'),
  /** The outbox hold key of the messages waiting for the approval. */
  hold: text('hold').notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
  decidedBy: text('decided_by'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
});

/**
 * The language Slack reported for a user the last time they used the bot, so scheduled direct messages
 * (reminders, digests) go out in it; channels and unknown users get LOCALE.
 */
export const userLocales = pgTable('user_locales', {
  slackUserId: text('slack_user_id').primaryKey(),
  locale: text('locale', { enum: LOCALES }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A partner's sales objective and forecast for one calendar quarter (`2026-Q2`), in cents a month of its
 * basis (RRM or CA); either may be unset. "Respect objectifs & prévisions des ventes" (issue 14).
 */
export const salesObjectives = pgTable(
  'sales_objectives',
  {
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    quarter: text('quarter').notNull(),
    objectiveCents: bigint('objective_cents', { mode: 'number' }),
    objectiveBy: text('objective_by'),
    forecastCents: bigint('forecast_cents', { mode: 'number' }),
    /** The day the forecast was given: in time up to the quarter's start + catalog.salesObjectives.forecastDueDays. */
    forecastOn: date('forecast_on', { mode: 'string' }),
    forecastBy: text('forecast_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.quarter] })],
);

/** "Suivi plan développement": a review of the partner's development plan, with a short note. */
export const planReviews = pgTable(
  'plan_reviews',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    reviewedBy: text('reviewed_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('plan_reviews_partner_idx').on(t.partnerId, t.reviewedOn)],
);

/**
 * A benefit used: BizBooster (once per tier entry: `period` is the day the partner entered the tier), the
 * Premium free training seat (once per calendar year: `period` is the year), the Premium monthly
 * technical review (once a month: `period` is YYYY-MM). The unique key makes "once" hold under races.
 */
export const benefitUses = pgTable(
  'benefit_uses',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id, { onDelete: 'cascade' }),
    benefit: text('benefit').notNull(),
    period: text('period').notNull(),
    usedOn: date('used_on', { mode: 'string' }).notNull(),
    /** The order reference (BizBooster), the training (free seat), the note (technical review). */
    reference: text('reference').notNull(),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    recordedBy: text('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('benefit_uses_once_idx').on(t.partnerId, t.benefit, t.period)],
);

/** What an operator paid and agreed (informational: the bot bills nothing). */
export const operatorFees = pgTable('operator_fees', {
  partnerId: text('partner_id')
    .primaryKey()
    .references(() => partners.id, { onDelete: 'cascade' }),
  openingFeePaidOn: date('opening_fee_paid_on', { mode: 'string' }),
  /** The agreed retrocession, in hundredths of a percent of billed revenue (250 = 2,5 %). */
  retrocessionBasisPoints: integer('retrocession_basis_points'),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A partner listed in the Experts Zen directory ("Référencement Experts Zen"). */
export const zenListings = pgTable('zen_listings', {
  partnerId: text('partner_id')
    .primaryKey()
    .references(() => partners.id, { onDelete: 'cascade' }),
  listedSince: date('listed_since', { mode: 'string' }).notNull(),
  /** Expertise domains, as the catalog writes them (expertsZen.domains items). */
  domains: text('domains').array().notNull(),
  /** French départements it covers ('01'…'95', '2A', '2B', '971'…'976'). */
  departements: text('departements').array().notNull(),
  interventionHours: integer('intervention_hours').notNull(),
  /** Set when the partner no longer qualifies (tier below Business, a requirement lapsed). */
  suspendedOn: date('suspended_on', { mode: 'string' }),
  suspendedReason: text('suspended_reason'),
  listedBy: text('listed_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
