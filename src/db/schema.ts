import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
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
import type { QuarterSales } from '../program/objectives.js';

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
    /** The language of the partner's channel messages (LOCALE when null). */
    locale: text('locale', { enum: LOCALES }),
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

/** A row's partner: gone with it (ON DELETE CASCADE). */
const partnerRef = () =>
  text('partner_id')
    .notNull()
    .references(() => partners.id, { onDelete: 'cascade' });

/** The key of a table kept one row per partner (see rows-of-partners.ts), gone with the partner. */
const partnerKey = () =>
  text('partner_id')
    .primaryKey()
    .references(() => partners.id, { onDelete: 'cascade' });

export const contacts = pgTable(
  'contacts',
  {
    id: serial('id').primaryKey(),
    partnerId: partnerRef(),
    /** Null for a contact not on Slack (reached by e-mail), until the daily linking finds it. */
    slackUserId: text('slack_user_id'),
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
    /**
     * The Slack team (workspace or org) the contact's user belongs to, from the import, users.info, or the
     * first event or click it sent; external when it differs from the bot's own team.
     */
    slackTeamId: text('slack_team_id'),
    /** The import's language for the contact (after the one Slack last gave, before LOCALE). */
    locale: text('locale', { enum: LOCALES }),
  },
  (t) => [
    uniqueIndex('contacts_slack_user_idx').on(t.slackUserId),
    index('contacts_partner_idx').on(t.partnerId),
    index('contacts_email_idx').on(sql`lower(${t.email})`),
    // Someone to reach: a Slack user, or an e-mail address.
    check('contacts_reachable', sql`${t.slackUserId} is not null or ${t.email} is not null`),
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
    partnerId: partnerRef(),
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
    partnerId: partnerRef(),
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
    partnerId: partnerRef(),
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
    partnerId: partnerRef(),
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
    /** Posted as a reply in this thread (the assistant's answers); null for a message of its own. */
    threadTs: text('thread_ts'),
    /** slack (the default), or email: `channel` is then 'mail:<address>' and `mail` holds the rest. */
    transport: text('transport', { enum: ['slack', 'email'] })
      .notNull()
      .default('slack'),
    /** An e-mail's recipient, subject and HTML (its plain text is `text`). */
    mail: jsonb('mail'),
    /** A message to queue instead when Slack refuses this one for good (a reminder's e-mail). */
    fallback: jsonb('fallback'),
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
    partnerId: partnerRef(),
    /** The contact who owes the item, for profile and referent items. */
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    /** 'partner' or 'contact:<id>': who owes the item (never null, so it can be part of the unique key). */
    subject: text('subject').notNull(),
    obligation: text('obligation').notNull(),
    kind: text('kind', { enum: ['upcoming', 'due', 'overdue', 'escalation'] }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    outboxKey: text('outbox_key').notNull(),
    createdAt: createdAt(),
    /** How the reminder went: dm, channel, email, or unreached (no Slack route and no SMTP: in the digest). */
    route: text('route', { enum: ['dm', 'channel', 'email', 'unreached'] }),
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
    partnerId: partnerRef(),
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
 * Signatures of the Slack requests accepted in the last 5 minutes (Slack's window): a request replayed to
 * another instance, or after a restart, is refused. Rows past expires_at are deleted as new ones come.
 */
export const seenRequestSignatures = pgTable(
  'seen_request_signatures',
  {
    signature: text('signature').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('seen_request_signatures_expiry_idx').on(t.expiresAt)],
);

/** Events API event_ids already handled (Slack retries an event it thinks was not acknowledged). */
export const seenEvents = pgTable(
  'seen_events',
  {
    eventId: text('event_id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('seen_events_expiry_idx').on(t.expiresAt)],
);

/**
 * Token buckets shared by every dispatcher: `tokens` left at `updated_at`, refilled at the bucket's rate
 * (the workspace's posting budget, 'slack:workspace').
 */
export const outboxBudgets = pgTable('outbox_budgets', {
  name: text('name').primaryKey(),
  tokens: doublePrecision('tokens').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * What the assistant last understood in a thread (the intent and its partner), so that a follow-up
 * (« et ses avantages ? ») is about the same partner. Rows expire.
 */
export const assistantThreads = pgTable(
  'assistant_threads',
  {
    channelId: text('channel_id').notNull(),
    threadTs: text('thread_ts').notNull(),
    intent: text('intent').notNull(),
    /** The part of the intent's card asked about (the trainings of the obligations), if only a part. */
    focus: text('focus'),
    partnerId: text('partner_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.channelId, t.threadTs] }),
    index('assistant_threads_updated_idx').on(t.updatedAt),
  ],
);

/**
 * Whether each partner channel is shared outside the workspace (Slack Connect), from conversations.info at
 * start and the channel_shared / channel_unshared events: a card is never posted in a channel shared with
 * another organisation than its partner's.
 */
export const slackChannels = pgTable('slack_channels', {
  channelId: text('channel_id').primaryKey(),
  externallyShared: boolean('externally_shared').notNull(),
  /** The other teams in the channel, as Slack last named them. */
  connectedTeamIds: text('connected_team_ids').array().notNull().default(sql`'{}'`),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The DM channel Slack opened with each user (conversations.open): the outbox searches it after a crash. */
export const dmChannels = pgTable('dm_channels', {
  slackUserId: text('slack_user_id').primaryKey(),
  channelId: text('channel_id').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Links in reminder e-mails to declare a training done: signed, single-use, expiring. */
export const declarationLinks = pgTable('declaration_links', {
  /**
   * The SHA-256 (hex) of the random nonce the link's signature covers: the nonce itself is only in the
   * e-mail, so the table opens no link (src/services/declaration-links.service.ts).
   */
  nonce: text('nonce').primaryKey(),
  contactId: integer('contact_id')
    .notNull()
    .references(() => contacts.id, { onDelete: 'cascade' }),
  obligation: text('obligation').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: createdAt(),
});

/**
 * Each partner's status as the program rules (src/program/) computed it for one day, so that portfolio
 * answers (lists, App Home, the digest) filter and sort 10 000 partners in SQL instead of running the rules
 * on every partner per request. Derived data only: the rules stay the one source of truth.
 * Fresh for a day when computed_for is that day, computed_with the rules' key (the catalog's hash) and
 * computed_generation equals generation. Triggers on partners and on every table the rules read
 * (contacts, revenue_lines, training_completions, checklist_items, tier_history) bump generation in the
 * writing statement (migration 0012 (custom SQL)), whatever code writes; readers recompute the stale rows
 * before reading, and the daily refresh job recomputes every row for the new day.
 */
export const partnerStatuses = pgTable('partner_statuses', {
  partnerId: partnerKey(),
  /** Bumped by the triggers at every write of the partner's facts. */
  generation: bigint('generation', { mode: 'number' }).notNull().default(0),
  /** The generation the figures below were computed from (null: never computed). */
  computedGeneration: bigint('computed_generation', { mode: 'number' }),
  computedFor: date('computed_for', { mode: 'string' }),
  computedWith: text('computed_with'),
  hasLeft: boolean('has_left').notNull().default(false),
  overdue: integer('overdue').notNull().default(0),
  missed: integer('missed').notNull().default(0),
  averageSoFarCents: bigint('average_so_far_cents', { mode: 'number' }),
  demotionTo: text('demotion_to'),
  missingToKeepCents: bigint('missing_to_keep_cents', { mode: 'number' }),
  /** The next tier when within the digest's reach of it (catalog.digest.promotionReach). */
  promotionTo: text('promotion_to'),
  missingForNextCents: bigint('missing_for_next_cents', { mode: 'number' }),
  /** The overdue items and missed quarters, for the digest. */
  details: jsonb('details').$type<PartnerStatusDetails>(),
});

export interface PartnerStatusDetails {
  overdue: {
    obligation: string;
    dueOn: string;
    contact: { id: number; slackUserId: string | null; name: string } | null;
  }[];
  missed: { obligation: string; quarters: { year: number; number: number }[] }[];
  /** The digest's program-depth lines (issue 14), when the partner has one. */
  depth?: {
    /** The current quarter, when behind its objective or past the forecast's deadline without one. */
    sales?: QuarterSales;
    /** The months (YYYY-MM, oldest first) without the technical review the partner is entitled to. */
    techReviewsMissed?: string[];
  };
}

/**
 * A partner's sales objective and forecast for one calendar quarter (`2026-Q2`), in cents a month of its
 * basis (RRM or CA); either may be unset. "Respect objectifs & prévisions des ventes" (issue 14).
 */
export const salesObjectives = pgTable(
  'sales_objectives',
  {
    partnerId: partnerRef(),
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
    partnerId: partnerRef(),
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
    partnerId: partnerRef(),
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
  partnerId: partnerKey(),
  openingFeePaidOn: date('opening_fee_paid_on', { mode: 'string' }),
  /** The agreed retrocession, in hundredths of a percent of billed revenue (250 = 2,5 %). */
  retrocessionBasisPoints: integer('retrocession_basis_points'),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A partner listed in the Experts Zen directory ("Référencement Experts Zen"). */
export const zenListings = pgTable('zen_listings', {
  partnerId: partnerKey(),
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
