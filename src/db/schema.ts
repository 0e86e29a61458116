import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
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
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('partners_search_name_idx').on(t.searchName),
    index('partners_manager_idx').on(t.managerSlackUserId),
    uniqueIndex('partners_channel_idx').on(t.slackChannelId),
    index('partners_tier_idx').on(t.tier),
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
    profile: text('profile', { enum: ['admin', 'sales', 'technical'] }).notNull(),
    referent: boolean('referent').notNull().default(false),
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
