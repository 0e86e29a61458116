import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../client.js';

/**
 * The staging table of an import: `import_stage`, temporary, dropped at the end of the import's
 * transaction (so every method here runs inside that transaction). It holds a `line` column plus the
 * import kind's own columns; rows are checked there together, in SQL, before being merged
 * (import-merge.repository.ts).
 */
export const STAGE = sql.raw('import_stage');

export type StagingType = 'text' | 'integer' | 'bigint' | 'date' | 'boolean';

/** A staged row: plain JSON values keyed by staging column. */
export type StagedRow = Record<string, string | number | boolean | null>;

const SQL_TYPES: Record<StagingType, string> = {
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  date: 'date',
  boolean: 'boolean',
};

/**
 * Trainings: the contact a staged row `s` names, as contacts `c`: its Slack user, else (slack_user_id
 * empty) its e-mail among its partner's contacts.
 */
export const STAGED_CONTACT = sql`((s.slack_user_id is not null and c.slack_user_id = s.slack_user_id)
  or (s.slack_user_id is null and c.partner_id = s.partner_id and lower(c.email) = lower(s.email)))`;

/**
 * The set-based checks an import kind may ask for: each selects `line` and the values that say what is
 * wrong (StageCheckRows; the service words them, src/i18n/import-issues.ts) for each bad staged row.
 */
const STAGE_CHECKS = {
  'unknown-partner': () => sql`select s.line, s.partner_id as partner
      from ${STAGE} s where not exists (select 1 from partners p where p.id = s.partner_id)`,

  /** Partners: a channel on two rows of the file. */
  'channel-twice': () => sql`select s.line, s.slack_channel_id as channel, d.first_line as "firstLine"
          from ${STAGE} s
          join (select slack_channel_id, min(line) as first_line from ${STAGE}
                where slack_channel_id is not null group by slack_channel_id having count(*) > 1) d
            on d.slack_channel_id = s.slack_channel_id and s.line <> d.first_line`,

  /** Partners: another partner holds the channel and the file does not move it elsewhere. */
  'channel-of-another-partner': () => sql`select s.line, s.slack_channel_id as channel, p.id as partner
          from ${STAGE} s
          join partners p on p.slack_channel_id = s.slack_channel_id and p.id <> s.partner_id
          where not exists (select 1 from ${STAGE} o where o.partner_id = p.id
                            and o.slack_channel_id is distinct from p.slack_channel_id)`,

  /** Contacts: a Slack user is the contact of one partner. */
  'contact-of-another-partner': () => sql`select s.line, s.slack_user_id as user, c.partner_id as partner
          from ${STAGE} s join contacts c on c.slack_user_id = s.slack_user_id
          where c.partner_id <> s.partner_id`,

  /** Contacts: a contact not on Slack, known by its e-mail, is the contact of one partner. */
  'email-contact-of-another-partner': () => sql`select s.line, s.email, c.partner_id as partner
          from ${STAGE} s join contacts c on lower(c.email) = lower(s.email)
          where s.slack_user_id is null and c.partner_id <> s.partner_id`,

  /**
   * Contacts: after the import, each partner has at most one referent per profile (the staged `referent`
   * holds the profiles a row is referent for, joined by `+`).
   */
  'several-referents': () => sql`with merged as (
            select s.partner_id, r.profile, s.line, s.slack_user_id
            from ${STAGE} s cross join lateral unnest(string_to_array(s.referent, '+')) as r(profile)
            union all
            select c.partner_id, r.profile, null, c.slack_user_id
            from contacts c cross join lateral unnest(c.referent_profiles) as r(profile)
            where not exists (select 1 from ${STAGE} s
              where s.contact_key = coalesce(c.slack_user_id, 'email:' || lower(c.email)))
          ), clashes as (
            select partner_id, profile, string_agg(slack_user_id, ', ' order by slack_user_id) as users
            from merged group by partner_id, profile having count(*) > 1
          )
          select m.line, m.partner_id as partner, m.profile, k.users
          from merged m join clashes k on k.partner_id = m.partner_id and k.profile = m.profile
          where m.line is not null`,

  /** Trainings: the contact must be recorded first. */
  'unknown-contact': () => sql`select s.line, s.slack_user_id as user, s.email, s.partner_id as partner
          from ${STAGE} s where not exists (select 1 from contacts c where ${STAGED_CONTACT})`,

  /** Trainings: an e-mail must name one contact of the partner (else give its slack_user_id). */
  'ambiguous-email-contact': () => sql`select s.line, s.partner_id as partner, s.email
          from ${STAGE} s where s.slack_user_id is null
            and (select count(*) from contacts c where ${STAGED_CONTACT}) > 1`,

  /** Trainings: the contact is another partner's. */
  'contact-not-of-partner':
    () => sql`select s.line, s.slack_user_id as user, c.partner_id as partner, s.partner_id as "filePartner"
          from ${STAGE} s join contacts c on c.slack_user_id = s.slack_user_id
          where c.partner_id <> s.partner_id`,
} satisfies Record<string, () => SQL>;

export type StageCheckName = keyof typeof STAGE_CHECKS;

/** What each check selects for a bad line, besides `line`. */
export interface StageCheckRows {
  'unknown-partner': { partner: string };
  'channel-twice': { channel: string; firstLine: number };
  'channel-of-another-partner': { channel: string; partner: string };
  'contact-of-another-partner': { user: string; partner: string };
  'email-contact-of-another-partner': { email: string; partner: string };
  'several-referents': { partner: string; profile: string; users: string };
  /** A row names its contact by Slack user, else (user null) by e-mail among its partner's contacts. */
  'unknown-contact': { user: string | null; email: string | null; partner: string };
  'ambiguous-email-contact': { partner: string; email: string };
  'contact-not-of-partner': { user: string; partner: string; filePartner: string };
}

/** What a check found: the first bad lines (by line) and how many there are in all. */
export interface StageProblems<Row = Record<string, never>> {
  lines: ({ line: number } & Row)[];
  total: number;
}

export function createImportStagingRepository(db: Db) {
  return {
    /** Creates the staging table with these columns besides `line`. */
    async create(columns: Readonly<Record<string, StagingType>>): Promise<void> {
      const definitions = Object.entries(columns).map(([name, type]) => `, ${name} ${SQL_TYPES[type]}`);
      await db.execute(
        sql.raw(
          `create temporary table import_stage (line integer not null${definitions.join('')}) on commit drop`,
        ),
      );
    },

    /**
     * One statement per batch, each column as one array parameter unnested into rows: a handful of bind
     * parameters whatever the batch size (far from the 65 535 limit), and no per-row parsing of JSON keys.
     */
    async stage(columns: Readonly<Record<string, StagingType>>, batch: StagedRow[]): Promise<void> {
      if (batch.length === 0) return;
      const all: [string, StagingType][] = [['line', 'integer'], ...Object.entries(columns)];
      const arrays = all.map(
        ([name, type]) =>
          sql`${arrayLiteral(batch.map((row) => row[name] ?? null))}::${sql.raw(SQL_TYPES[type])}[]`,
      );
      await db.execute(
        sql`insert into import_stage (${sql.raw(all.map(([name]) => name).join(', '))})
      select * from unnest(${sql.join(arrays, sql`, `)})`,
      );
    },

    /** The partners the staged rows name (kinds with a partner_id column), by id. */
    async partnerIds(): Promise<string[]> {
      const found = rowsOf<{ partner_id: string }>(
        await db.execute(sql`select distinct partner_id from ${STAGE} order by partner_id`),
      );
      return found.map((r) => r.partner_id);
    },

    /** Statistics for the planner, once the rows are in. */
    async analyze(): Promise<void> {
      await db.execute(sql`analyze import_stage`);
    },

    /** The lines of a natural key already on an earlier line, with that earlier line. */
    duplicates(key: readonly string[], limit: number): Promise<StageProblems<{ firstLine: number }>> {
      const keys = key.join(', ');
      const joinOn = key.map((k) => `s.${k} = d.${k}`).join(' and ');
      return problems(
        db,
        sql.raw(`select s.line, d.first_line as "firstLine"
      from (select ${keys}, min(line) as first_line from import_stage group by ${keys} having count(*) > 1) d
      join import_stage s on ${joinOn} and s.line <> d.first_line`),
        limit,
      );
    },

    /** The lines one of the named checks refuses. */
    check<N extends StageCheckName>(name: N, limit: number): Promise<StageProblems<StageCheckRows[N]>> {
      return problems(db, STAGE_CHECKS[name](), limit);
    },

    /** Partners: the first ten staged partners that exist with another tier than the file's, and how many. */
    async tiersDiffering(): Promise<{
      rows: { line: number; partnerId: string; fileTier: string; tier: string }[];
      total: number;
    }> {
      const found = rowsOf<{
        line: number;
        partner_id: string;
        file_tier: string;
        tier: string;
        total: number;
      }>(
        await db.execute(sql`select s.line, s.partner_id, s.tier as file_tier, p.tier, count(*) over ()::int as total
        from ${STAGE} s join partners p on p.id = s.partner_id
        where s.tier is not null and s.tier <> p.tier
        order by s.line limit 10`),
      );
      return {
        rows: found.map((r) => ({
          line: Number(r.line),
          partnerId: r.partner_id,
          fileTier: r.file_tier,
          tier: r.tier,
        })),
        total: Number(found[0]?.total ?? 0),
      };
    },

    /**
     * Revenue: the staged lines of a month before the month their partner joined (they are kept, billing
     * history may predate the contract, but never count toward a tier), the first ten partners and how many lines.
     */
    async revenueBeforeJoining(): Promise<{ partnerIds: string[]; lines: number }> {
      const found = rowsOf<{ partner_id: string; lines: number; total: number }>(
        await db.execute(sql`select s.partner_id, count(*)::int as lines, sum(count(*)) over ()::int as total
        from ${STAGE} s join partners p on p.id = s.partner_id
        where s.month < date_trunc('month', p.joined_on)::date
        group by s.partner_id order by s.partner_id limit 10`),
      );
      return { partnerIds: found.map((r) => r.partner_id), lines: Number(found[0]?.total ?? 0) };
    },

    /** Partners: the first ten managers of the file (by id) that are not staff. */
    async managersNotStaff(): Promise<string[]> {
      const found = rowsOf<{ manager: string }>(
        await db.execute(sql`select distinct s.manager_slack_user_id as manager
        from ${STAGE} s
        where s.manager_slack_user_id is not null
          and not exists (select 1 from staff st where st.slack_user_id = s.manager_slack_user_id)
        order by 1 limit 10`),
      );
      return found.map((r) => r.manager);
    },
  };
}

export type ImportStagingRepository = ReturnType<typeof createImportStagingRepository>;

async function problems<Row>(db: Db, query: SQL, limit: number): Promise<StageProblems<Row>> {
  const found = rowsOf<{ line: number; total: number } & Row>(
    await db.execute(
      sql`select c.*, count(*) over ()::int as total from (${query}) c
          order by line limit ${limit}`,
    ),
  );
  return {
    lines: found.map(
      ({ total: _total, ...row }) => ({ ...row, line: Number(row.line) }) as { line: number } & Row,
    ),
    total: found.length === 0 ? 0 : Number(found[0]!.total),
  };
}

/** A PostgreSQL array literal: every text quoted (with " and \ escaped), NULL for null. */
export function arrayLiteral(values: (string | number | boolean | null)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) out += ',';
    if (value === null || value === undefined) out += 'NULL';
    else if (typeof value === 'number') out += String(value);
    else if (typeof value === 'boolean') out += value ? 't' : 'f';
    else out += `"${value.replace(/["\\]/g, '\\$&')}"`;
  }
  return `${out}}`;
}
