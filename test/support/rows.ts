import type { Db } from '../../src/db/client.js';
import { contacts, partners, revenueLines, staff, type tierHistory } from '../../src/db/schema.js';

type PartnerInsert = typeof partners.$inferInsert;

/** A partner row with sensible defaults; the name (the id unless given) doubles as its search name. */
export function partnerRow(row: Partial<PartnerInsert> & { id: string }): PartnerInsert {
  const name = row.name ?? row.id;
  return {
    name,
    searchName: name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''),
    type: 'ambassador',
    operatorProgram: row.type === 'operator' ? 'standard' : null,
    joinedOn: '2024-01-15',
    tier: 'starter',
    tierSince: row.joinedOn ?? '2024-01-15',
    ...row,
  };
}

/** Inserts a partner with sensible defaults (see partnerRow). */
export async function givenPartner(db: Db, row: Partial<PartnerInsert> & { id: string }) {
  const values = partnerRow(row);
  await db.insert(partners).values(values);
  return values;
}

/** A tier history row of a partner: an evaluation to starter unless told otherwise. */
export function tierHistoryRow(
  row: Partial<typeof tierHistory.$inferInsert> & { partnerId: string },
): typeof tierHistory.$inferInsert {
  return {
    kind: 'evaluation',
    effectiveOn: '2026-01-01',
    tier: 'starter',
    actor: 'test',
    catalogVersion: 'v1',
    ...row,
  };
}

/** Records the same amount every month from `from` to `to` (inclusive, YYYY-MM). */
export async function givenMonthlyRevenue(
  db: Db,
  partnerId: string,
  from: string,
  to: string,
  euros: number,
  category: (typeof revenueLines.$inferInsert)['category'] = 'recurring',
) {
  const rows: (typeof revenueLines.$inferInsert)[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    rows.push({
      partnerId,
      month: `${y}-${String(m).padStart(2, '0')}-01`,
      category,
      amountCents: Math.round(euros * 100),
    });
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  if (rows.length) await db.insert(revenueLines).values(rows);
}

type ContactInsert = typeof contacts.$inferInsert;
type Profile = NonNullable<ContactInsert['profiles']>[number];

/**
 * Inserts a contact (admin, not a referent, unless told), on Slack or e-mail only; named after its Slack
 * user, else its e-mail, unless given a name. `profile` and `referent` are the one-profile shorthand of the
 * older tests: `{ profile: 'sales', referent: true }` is `{ profiles: ['sales'], referentProfiles:
 * ['sales'] }`; `profiles` and `referentProfiles` say it in full.
 */
export async function givenContact(
  db: Db,
  row: Partial<ContactInsert> & {
    partnerId: string;
    profile?: Profile;
    referent?: boolean;
  } & ({ slackUserId: string } | { email: string }),
) {
  const { profile, referent, ...rest } = row;
  const profiles = rest.profiles ?? [profile ?? 'admin'];
  const referentProfiles = rest.referentProfiles ?? (referent ? profiles : []);
  const name = rest.name ?? rest.slackUserId ?? rest.email!;
  const [inserted] = await db
    .insert(contacts)
    .values({ ...rest, name, profiles, referentProfiles })
    .returning();
  return inserted!;
}

export async function givenStaff(db: Db, slackUserId: string, role: 'admin' | 'manager', name = slackUserId) {
  await db.insert(staff).values({ slackUserId, role, name });
}
