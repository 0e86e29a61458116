import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../client.js';
import { STAGE, STAGED_CONTACT } from './import-staging.repository.js';

/** What merging the staged rows did; rows it left alone are neither. */
export interface Applied {
  inserted: number;
  updated: number;
}

const PARTNER_COLUMNS = [
  'name',
  'search_name',
  'type',
  'operator_program',
  'slack_channel_id',
  'manager_slack_user_id',
  'joined_on',
  'left_on',
  'locale',
] as const;
const CONTACT_COLUMNS = ['name', 'email', 'profiles', 'referent_profiles', 'locale'] as const;
const STAFF_COLUMNS = ['name', 'role'] as const;

/**
 * The staged rows of an import (import-staging.repository.ts, checked) merged into the real tables on
 * their natural keys, touching only rows whose values differ: importing the same file again changes
 * nothing. One method per kind of import.
 */
export function createImportMergeRepository(db: Db) {
  return {
    /**
     * Partners, on their id. The tier only applies to a partner created (its starting tier, recorded in
     * tier_history as kind 'import'; 'starter' without one).
     */
    partners({ actor, catalogVersion }: { actor: string; catalogVersion: string }): Promise<Applied> {
      const set = sql.raw(PARTNER_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', '));
      // A partner back in the program (left_on emptied) loses the reason of its departure.
      return countUpsert(
        db,
        sql`insert into partners (id, name, search_name, type, operator_program, slack_channel_id,
          manager_slack_user_id, joined_on, tier, tier_since, left_on, locale)
        select partner_id, name, search_name, type, operator_program, slack_channel_id,
          manager_slack_user_id, joined_on, coalesce(tier, 'starter'), joined_on, left_on, locale
        from ${STAGE}
        on conflict (id) do update set ${set},
          left_reason = case when excluded.left_on is null then null else partners.left_reason end,
          updated_at = now()
        where ${differs('partners', PARTNER_COLUMNS)}
        returning id, (xmax = 0) as inserted`,
        // A partner created with a tier records where it started.
        sql`history as (
        insert into tier_history (partner_id, kind, effective_on, tier, actor, catalog_version)
        select s.partner_id, 'import', s.joined_on, s.tier, ${actor}, ${catalogVersion}
        from up join ${STAGE} s on s.partner_id = up.id
        where up.inserted and s.tier is not null
      )`,
      );
    },

    /**
     * Contacts, on their Slack user id, or (a row without one) on partner and e-mail, which also finds a
     * contact the daily linking has since found on Slack; profiles and referent roles are staged joined by
     * `+`. A team the file leaves empty keeps the one seen from Slack.
     */
    async contacts(): Promise<Applied> {
      const set = sql.raw(CONTACT_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', '));
      const onSlack = await countUpsert(
        db,
        sql`insert into contacts (partner_id, slack_user_id, name, email, profiles, referent_profiles,
          slack_team_id, locale)
        select partner_id, slack_user_id, name, email, string_to_array(profile, '+'),
          string_to_array(coalesce(referent, ''), '+'), slack_team_id, locale
        from ${STAGE} where slack_user_id is not null
        on conflict (slack_user_id) do update set ${set},
          slack_team_id = coalesce(excluded.slack_team_id, contacts.slack_team_id)
        where ${differs('contacts', CONTACT_COLUMNS)}
          or (excluded.slack_team_id is not null and excluded.slack_team_id is distinct from contacts.slack_team_id)
        returning (xmax = 0) as inserted`,
      );
      const [byEmail] = rowsOf<{ inserted: number; updated: number }>(
        await db.execute(sql`with staged as (
            select s.*, string_to_array(s.profile, '+') as profile_list,
              string_to_array(coalesce(s.referent, ''), '+') as referent_list
            from ${STAGE} s where s.slack_user_id is null
          ), changed as (
            update contacts c set name = s.name, email = s.email, profiles = s.profile_list,
              referent_profiles = s.referent_list, locale = s.locale,
              slack_team_id = coalesce(s.slack_team_id, c.slack_team_id)
            from staged s
            where c.partner_id = s.partner_id and lower(c.email) = lower(s.email)
              and (c.name, c.email, c.profiles, c.referent_profiles, c.locale)
                is distinct from (s.name, s.email, s.profile_list, s.referent_list, s.locale)
            returning 1
          ), added as (
            insert into contacts (partner_id, slack_user_id, name, email, profiles, referent_profiles,
              slack_team_id, locale)
            select s.partner_id, null, s.name, s.email, s.profile_list, s.referent_list, s.slack_team_id, s.locale
            from staged s
            where not exists (select 1 from contacts c
              where c.partner_id = s.partner_id and lower(c.email) = lower(s.email))
            returning 1
          )
          select (select count(*) from added)::int as inserted, (select count(*) from changed)::int as updated`),
      );
      return {
        inserted: onSlack.inserted + Number(byEmail?.inserted ?? 0),
        updated: onSlack.updated + Number(byEmail?.updated ?? 0),
      };
    },

    /** Staff, on their Slack user id. */
    staff(): Promise<Applied> {
      return countUpsert(
        db,
        sql`insert into staff (slack_user_id, name, role)
        select slack_user_id, name, role from ${STAGE}
        on conflict (slack_user_id) do update set name = excluded.name, role = excluded.role
        where ${differs('staff', STAFF_COLUMNS)}
        returning (xmax = 0) as inserted`,
      );
    },

    /**
     * Revenue lines, on partner, month and category. The one kind that comes by the million: an UPDATE of
     * the changed lines, then an INSERT of the rest where ON CONFLICT skips the existing ones through the
     * primary key. (An anti-join instead was planned as a scan of revenue_lines per staged line when its
     * statistics were stale: quadratic.)
     */
    async revenue(): Promise<Applied> {
      const [updated] = rowsOf<{ n: number }>(
        await db.execute(sql`with changed as (
          update revenue_lines r set amount_cents = s.amount_cents, updated_at = now()
          from ${STAGE} s
          where r.partner_id = s.partner_id and r.month = s.month and r.category = s.category
            and r.amount_cents <> s.amount_cents
          returning 1)
        select count(*)::int as n from changed`),
      );
      const [inserted] = rowsOf<{ n: number }>(
        await db.execute(sql`with added as (
          insert into revenue_lines (partner_id, month, category, amount_cents)
          select s.partner_id, s.month, s.category, s.amount_cents from ${STAGE} s
          on conflict (partner_id, month, category) do nothing
          returning 1)
        select count(*)::int as n from added`),
      );
      return { inserted: Number(inserted?.n ?? 0), updated: Number(updated?.n ?? 0) };
    },

    /**
     * Trainings, on contact and training, recorded as confirmed by `actor`: a pending declaration of the
     * same training is confirmed.
     */
    trainings({ actor }: { actor: string }): Promise<Applied> {
      return countUpsert(
        db,
        sql`insert into training_completions (partner_id, contact_id, training, completed_on, status,
          confirmed_by, confirmed_at)
        select s.partner_id, c.id, s.training, s.completed_on, 'confirmed', ${actor}, now()
        from ${STAGE} s join contacts c on ${STAGED_CONTACT}
        on conflict (contact_id, training) do update
          set completed_on = excluded.completed_on, status = 'confirmed',
            confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at
        where (training_completions.completed_on, training_completions.status)
          is distinct from (excluded.completed_on, excluded.status)
        returning (xmax = 0) as inserted`,
      );
    },

    /** Checklist items, on partner, item and day: every row is a fact, either new or already there. */
    checklist(): Promise<Applied> {
      return countUpsert(
        db,
        sql`insert into checklist_items (partner_id, item, completed_on)
        select partner_id, item, completed_on from ${STAGE}
        on conflict (partner_id, item, completed_on) do nothing
        returning true as inserted`,
      );
    },

    /**
     * Objectives and forecasts, on partner and quarter: an empty amount keeps what is recorded; a forecast
     * is dated by forecast_on, else by `today` when it changes (else it keeps its day).
     */
    objectives({ actor, today }: { actor: string; today: string }): Promise<Applied> {
      return countUpsert(
        db,
        sql`insert into sales_objectives as o (partner_id, quarter, objective_cents, objective_by,
          forecast_cents, forecast_on, forecast_by)
        select partner_id, quarter, objective_cents, case when objective_cents is null then null else ${actor} end,
          forecast_cents, case when forecast_cents is null then null else coalesce(forecast_on, ${today}::date) end,
          case when forecast_cents is null then null else ${actor} end
        from ${STAGE}
        on conflict (partner_id, quarter) do update set
          objective_cents = coalesce(excluded.objective_cents, o.objective_cents),
          objective_by = case when excluded.objective_cents is distinct from o.objective_cents
            and excluded.objective_cents is not null then excluded.objective_by else o.objective_by end,
          forecast_cents = coalesce(excluded.forecast_cents, o.forecast_cents),
          forecast_on = case
            when excluded.forecast_cents is null then o.forecast_on
            when (select s.forecast_on from ${STAGE} s where s.partner_id = excluded.partner_id
              and s.quarter = excluded.quarter) is not null then excluded.forecast_on
            when excluded.forecast_cents is distinct from o.forecast_cents then excluded.forecast_on
            else o.forecast_on end,
          forecast_by = case when excluded.forecast_cents is distinct from o.forecast_cents
            and excluded.forecast_cents is not null then excluded.forecast_by else o.forecast_by end,
          updated_at = now()
        where (coalesce(excluded.objective_cents, o.objective_cents), coalesce(excluded.forecast_cents, o.forecast_cents))
            is distinct from (o.objective_cents, o.forecast_cents)
          or ((select s.forecast_on from ${STAGE} s where s.partner_id = excluded.partner_id
              and s.quarter = excluded.quarter) is distinct from null
            and excluded.forecast_on is distinct from o.forecast_on)
        returning (xmax = 0) as inserted`,
      );
    },
  };
}

export type ImportMergeRepository = ReturnType<typeof createImportMergeRepository>;

/** `(a, b) is distinct from (c, d)` over the listed columns of the target table and `excluded`. */
function differs(table: string, columns: readonly string[]): SQL {
  const list = (prefix: string) => sql.raw(columns.map((c) => `${prefix}.${c}`).join(', '));
  return sql`(${list(table)}) is distinct from (${list('excluded')})`;
}

/**
 * Runs an upsert whose RETURNING yields `inserted` (xmax = 0 marks a row inserted, not updated; rows
 * left alone by the DO UPDATE ... WHERE are not returned). `alongside` adds data-modifying CTEs that may
 * read `up`, which must stay at the top level of the statement.
 */
async function countUpsert(db: Db, upsert: SQL, alongside?: SQL): Promise<Applied> {
  const [row] = rowsOf<{ inserted: number; updated: number }>(
    await db.execute(sql`with up as (${upsert})${alongside ? sql`, ${alongside}` : sql``}
      select count(*) filter (where inserted)::int as inserted, count(*) filter (where not inserted)::int as updated
      from up`),
  );
  return { inserted: Number(row?.inserted ?? 0), updated: Number(row?.updated ?? 0) };
}
