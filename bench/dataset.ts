import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';

export interface DatasetSize {
  partners: number;
  contactsPerPartner: number;
  /** Months of revenue, ending with `lastMonth`. */
  months: number;
  lastMonth: string;
}

/**
 * Fills the database set-based with generate_series: partners of both types spread over every tier's
 * revenue band, their contacts, four revenue categories a month, and some completions. Deterministic.
 */
export async function generateDataset(db: Db, size: DatasetSize): Promise<void> {
  const { partners, contactsPerPartner, months, lastMonth } = size;
  await db.execute(sql`
    insert into staff (slack_user_id, name, role)
    select 'UMGR' || g, 'Manager ' || g, case when g = 1 then 'admin' else 'manager' end
    from generate_series(1, 20) g`);
  await db.execute(sql`
    insert into partners (id, name, search_name, type, operator_program, slack_channel_id, manager_slack_user_id,
      joined_on, tier, tier_since)
    select 'p' || g, 'Partner ' || g, 'partner ' || g,
      case when g % 2 = 0 then 'operator' else 'ambassador' end,
      case when g % 2 = 0 then (array['standard','eshop','eshop_managed'])[1 + g % 3] end,
      'CP' || g, 'UMGR' || (1 + g % 20), date '2022-01-10' + (g % 900), 
      (array['starter','access','business','premium'])[1 + g % 4], date '2024-07-01'
    from generate_series(1, ${partners}) g`);
  await db.execute(sql`
    insert into contacts (partner_id, slack_user_id, name, profiles, referent_profiles)
    select 'p' || g, 'UC' || g || '_' || c, 'Contact ' || g || '/' || c,
      array[(array['admin','sales','technical'])[1 + (c - 1) % 3]],
      case when c <= 3 and g % 3 = 0 then array[(array['admin','sales','technical'])[1 + (c - 1) % 3]]
        else '{}'::text[] end
    from generate_series(1, ${partners}) g, generate_series(1, ${contactsPerPartner}) c`);
  await db.execute(sql`
    insert into revenue_lines (partner_id, month, category, amount_cents)
    select 'p' || g, (${lastMonth}::date - make_interval(months => m))::date, cat,
      (case cat when 'recurring' then 1 when 'one_off' then 0.25 else 0.1 end
        * (array[30000, 80000, 400000, 1500000])[1 + (g * 7 + m) % 4] * (1 + (g % 2)))::bigint
    from generate_series(1, ${partners}) g, generate_series(0, ${months - 1}) m,
      unnest(array['recurring','one_off','access_fees','minutes']) cat`);
  await db.execute(sql`
    insert into training_completions (partner_id, contact_id, training, completed_on, status)
    select c.partner_id, c.id, 'trn-webinar-trunk-metacentrex-data', date '2025-01-15', 'confirmed'
    from contacts c where c.id % 5 = 0`);
  await db.execute(sql`
    insert into checklist_items (partner_id, item, completed_on)
    select 'p' || g, item, date '2025-02-01'
    from generate_series(1, ${partners}) g, unnest(array['doc-qualification-form','doc-partner-charter']) item
    where g % 2 = 0`);
  await db.execute(sql`vacuum analyze`);
}
