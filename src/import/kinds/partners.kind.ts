import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.js';
import { OPERATOR_PROGRAMS, PARTNERSHIP_TYPES } from '../../program/catalog.schema.js';
import { searchKey } from '../../program/text.js';
import { parseCode, parseIsoDate, quote } from '../values.js';
import { Cells, countUpsert, differs, type ImportKindSpec, STAGE } from './kind.js';

const UPDATED = [
  'name',
  'search_name',
  'type',
  'operator_program',
  'slack_channel_id',
  'manager_slack_user_id',
  'joined_on',
] as const;

/**
 * Partners, keyed by partner_id. The tier column only applies when a partner is created (its starting
 * tier, recorded in tier_history as kind 'import'); an existing partner's tier moves only by evaluation
 * or override, so a different tier in the file is reported as a note and left alone.
 */
export const partnersKind: ImportKindSpec = {
  kind: 'partners',
  header: [
    'partner_id',
    'name',
    'type',
    'operator_program',
    'slack_channel_id',
    'manager_slack_user_id',
    'joined_on',
    'tier',
  ],
  optional: ['operator_program', 'slack_channel_id', 'manager_slack_user_id', 'tier'],
  staging: {
    partner_id: 'text',
    name: 'text',
    search_name: 'text',
    type: 'text',
    operator_program: 'text',
    slack_channel_id: 'text',
    manager_slack_user_id: 'text',
    joined_on: 'date',
    tier: 'text',
  },
  key: ['partner_id'],

  parse(raw, { catalog }) {
    const c = new Cells(raw);
    const partnerId = c.partnerId();
    const name = c.required('name');
    const type = c.parse('type', (v) => parseCode(v, PARTNERSHIP_TYPES, 'partnership type'));
    const programCell = c.optional('operator_program');
    let program: string | null = null;
    if (type === 'operator') {
      if (!programCell)
        c.issue('operator_program', `required for operators (${OPERATOR_PROGRAMS.join(', ')})`);
      else program = c.parse('operator_program', (v) => parseCode(v, OPERATOR_PROGRAMS, 'operator program'));
    } else if (type === 'ambassador' && programCell) {
      c.issue('operator_program', `must be empty for ambassadors (got ${quote(programCell)})`);
    }
    const channel = c.slackId('slack_channel_id', 'CG', 'channel', false);
    const manager = c.slackId('manager_slack_user_id', 'UW', 'user', false);
    const joinedOn = c.parse('joined_on', parseIsoDate);
    const tierCell = c.optional('tier');
    const tier = tierCell
      ? c.parse('tier', (v) =>
          parseCode(
            v,
            catalog.tiers.map((t) => t.code),
            'tier',
          ),
        )
      : null;
    return c.result({
      partner_id: partnerId,
      name,
      search_name: searchKey(name),
      type,
      operator_program: program,
      slack_channel_id: channel,
      manager_slack_user_id: manager,
      joined_on: joinedOn,
      tier,
    });
  },

  checks() {
    return [
      {
        column: 'slack_channel_id',
        query: sql`select s.line, 'channel ' || s.slack_channel_id || ' is already used by another row of the file (line '
            || d.first_line || ')' as message
          from ${STAGE} s
          join (select slack_channel_id, min(line) as first_line from ${STAGE}
                where slack_channel_id is not null group by slack_channel_id having count(*) > 1) d
            on d.slack_channel_id = s.slack_channel_id and s.line <> d.first_line`,
      },
      {
        column: 'slack_channel_id',
        // Another partner holds the channel and the file does not move it elsewhere.
        query: sql`select s.line, 'channel ' || s.slack_channel_id || ' is already the channel of partner ' || p.id as message
          from ${STAGE} s
          join partners p on p.slack_channel_id = s.slack_channel_id and p.id <> s.partner_id
          where not exists (select 1 from ${STAGE} o where o.partner_id = p.id
                            and o.slack_channel_id is distinct from p.slack_channel_id)`,
      },
    ];
  },

  async notes(tx) {
    const notes: string[] = [];
    const ignored = rowsOf<{
      line: number;
      partner_id: string;
      file_tier: string;
      tier: string;
      total: number;
    }>(
      await tx.execute(sql`select s.line, s.partner_id, s.tier as file_tier, p.tier, count(*) over ()::int as total
        from ${STAGE} s join partners p on p.id = s.partner_id
        where s.tier is not null and s.tier <> p.tier
        order by s.line limit 10`),
    );
    if (ignored.length) {
      const total = Number(ignored[0]!.total);
      const list = ignored.map((r) => `${r.partner_id} (line ${r.line}: ${r.file_tier}, is ${r.tier})`);
      notes.push(
        `tier column ignored for ${total} existing ${total === 1 ? 'partner' : 'partners'} ` +
          `(it only sets the starting tier of new partners; tiers then move by evaluation or override): ` +
          `${list.join(', ')}${total > list.length ? `, and ${total - list.length} more` : ''}`,
      );
    }
    const strangers = rowsOf<{ manager: string }>(
      await tx.execute(sql`select distinct s.manager_slack_user_id as manager
        from ${STAGE} s
        where s.manager_slack_user_id is not null
          and not exists (select 1 from staff st where st.slack_user_id = s.manager_slack_user_id)
        order by 1 limit 10`),
    );
    if (strangers.length)
      notes.push(
        `managers not in the staff list (import staff to let them act as managers): ${strangers.map((r) => r.manager).join(', ')}`,
      );
    return notes;
  },

  async apply(tx, { actor, catalog }) {
    const set = sql.raw(UPDATED.map((c) => `${c} = excluded.${c}`).join(', '));
    return countUpsert(
      tx,
      sql`insert into partners (id, name, search_name, type, operator_program, slack_channel_id,
          manager_slack_user_id, joined_on, tier, tier_since)
        select partner_id, name, search_name, type, operator_program, slack_channel_id,
          manager_slack_user_id, joined_on, coalesce(tier, 'starter'), joined_on
        from ${STAGE}
        on conflict (id) do update set ${set}, updated_at = now()
        where ${differs('partners', UPDATED)}
        returning id, (xmax = 0) as inserted`,
      // A partner created with a tier records where it started.
      sql`history as (
        insert into tier_history (partner_id, kind, effective_on, tier, actor, catalog_version)
        select s.partner_id, 'import', s.joined_on, s.tier, ${actor}, ${catalog.version}
        from up join ${STAGE} s on s.partner_id = up.id
        where up.inserted and s.tier is not null
      )`,
    );
  },
};
