import { sql } from 'drizzle-orm';
import { PROFILES } from '../../program/catalog.schema.js';
import { parseBoolean, parseCode, quote } from '../values.js';
import { Cells, countUpsert, differs, type ImportKindSpec, STAGE, unknownPartnerCheck } from './kind.js';

const UPDATED = ['name', 'email', 'profile', 'referent'] as const;

/**
 * Contacts, keyed by slack_user_id. A Slack user is the contact of one partner: a row naming a user
 * already recorded for another partner is refused (moving a contact would carry its trainings over).
 */
export const contactsKind: ImportKindSpec = {
  kind: 'contacts',
  header: ['partner_id', 'slack_user_id', 'name', 'email', 'profile', 'referent'],
  optional: ['email', 'referent'],
  staging: {
    partner_id: 'text',
    slack_user_id: 'text',
    name: 'text',
    email: 'text',
    profile: 'text',
    referent: 'boolean',
  },
  key: ['slack_user_id'],

  parse(raw) {
    const c = new Cells(raw);
    const email = c.optional('email', 254);
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      c.issue('email', `${quote(email)} is not an email address`);
    return c.result({
      partner_id: c.partnerId(),
      slack_user_id: c.slackId('slack_user_id', 'UW', 'user', true),
      name: c.required('name'),
      email,
      profile: c.parse('profile', (v) => parseCode(v, PROFILES, 'profile')),
      referent: c.parse('referent', (v) => parseBoolean(v)),
    });
  },

  checks() {
    return [
      unknownPartnerCheck(),
      {
        column: 'slack_user_id',
        query: sql`select s.line, s.slack_user_id || ' is already a contact of partner ' || c.partner_id
            || ' (a Slack user is the contact of one partner)' as message
          from ${STAGE} s join contacts c on c.slack_user_id = s.slack_user_id
          where c.partner_id <> s.partner_id`,
      },
      {
        column: 'referent',
        // After the import, each partner has at most one referent per profile.
        query: sql`with merged as (
            select s.partner_id, s.profile, s.line, s.slack_user_id from ${STAGE} s where s.referent
            union all
            select c.partner_id, c.profile, null, c.slack_user_id from contacts c
            where c.referent and not exists (select 1 from ${STAGE} s where s.slack_user_id = c.slack_user_id)
          ), clashes as (
            select partner_id, profile, string_agg(slack_user_id, ', ' order by slack_user_id) as users
            from merged group by partner_id, profile having count(*) > 1
          )
          select m.line, 'partner ' || m.partner_id || ' would have several ' || m.profile
              || ' referents (' || k.users || '); keep one' as message
          from merged m join clashes k on k.partner_id = m.partner_id and k.profile = m.profile
          where m.line is not null`,
      },
    ];
  },

  apply(tx) {
    const set = sql.raw(UPDATED.map((c) => `${c} = excluded.${c}`).join(', '));
    return countUpsert(
      tx,
      sql`insert into contacts (partner_id, slack_user_id, name, email, profile, referent)
        select partner_id, slack_user_id, name, email, profile, referent from ${STAGE}
        on conflict (slack_user_id) do update set ${set}
        where ${differs('contacts', UPDATED)}
        returning (xmax = 0) as inserted`,
    );
  },
};
