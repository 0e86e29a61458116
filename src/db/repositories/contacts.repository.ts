import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { contacts } from '../schema.js';
import { oneRow } from './one-row.js';
import { rowsOfPartners } from './rows-of-partners.js';
import { setOnce } from './set-once.js';

export type ContactRow = typeof contacts.$inferSelect;
export type ContactInsert = typeof contacts.$inferInsert;

export function createContactsRepository(db: Db) {
  return {
    async bySlackUserId(slackUserId: string): Promise<ContactRow | undefined> {
      return oneRow(db, contacts, eq(contacts.slackUserId, slackUserId));
    },

    async byId(id: number): Promise<ContactRow | undefined> {
      const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
      return row;
    },

    /** The contacts of these partners, by partner then by name. */
    ofPartners(partnerIds: readonly string[]): Promise<ContactRow[]> {
      return rowsOfPartners(db, contacts, partnerIds, asc(contacts.name));
    },

    /** Whether any of these Slack users is a partner's contact. */
    async anyOf(slackUserIds: readonly string[]): Promise<boolean> {
      if (slackUserIds.length === 0) return false;
      const [row] = await db
        .select({ id: contacts.id })
        .from(contacts)
        .where(inArray(contacts.slackUserId, [...slackUserIds]))
        .limit(1);
      return row !== undefined;
    },

    /** The contacts of one partner (every contact when `partnerId` is left out), by name. */
    async byName(partnerId?: string): Promise<ContactRow[]> {
      return db
        .select()
        .from(contacts)
        .where(partnerId === undefined ? undefined : eq(contacts.partnerId, partnerId))
        .orderBy(asc(contacts.name));
    },

    /** Every contact's Slack user id and name. */
    async names(): Promise<{ id: string; name: string }[]> {
      const rows = await db.select({ id: contacts.slackUserId, name: contacts.name }).from(contacts);
      return rows.filter((r): r is { id: string; name: string } => r.id !== null);
    },

    /** Who a partner item is recorded for when staff answer it: the first referent (of any profile), else the first contact. */
    async firstForPartner(partnerId: string): Promise<number | undefined> {
      const [first] = await db
        .select({ id: contacts.id })
        .from(contacts)
        .where(eq(contacts.partnerId, partnerId))
        .orderBy(desc(sql`cardinality(${contacts.referentProfiles}) > 0`), asc(contacts.id))
        .limit(1);
      return first?.id;
    },

    /**
     * Records the Slack team a contact's user belongs to, the first time it is seen (an event, a click,
     * users.info); a team already known is kept. True when it was recorded now.
     */
    async recordTeam(slackUserId: string, teamId: string): Promise<boolean> {
      return setOnce(
        db,
        contacts,
        'slackTeamId',
        { slackTeamId: teamId },
        eq(contacts.slackUserId, slackUserId),
      );
    },

    /** Contacts with an e-mail and no Slack user: the daily linking looks them up. */
    async unlinked(): Promise<ContactRow[]> {
      return db
        .select()
        .from(contacts)
        .where(and(isNull(contacts.slackUserId), isNotNull(contacts.email)))
        .orderBy(asc(contacts.id));
    },

    /** Links a contact to the Slack user found for its e-mail; false when it was linked meanwhile. */
    async link(id: number, slackUserId: string, teamId: string | null): Promise<boolean> {
      return setOnce(db, contacts, 'slackUserId', { slackUserId, slackTeamId: teamId }, eq(contacts.id, id));
    },

    /** Inserts contacts; their ids by Slack user id. */
    async insertMany(rows: ContactInsert[]): Promise<{ id: number; slackUserId: string | null }[]> {
      if (rows.length === 0) return [];
      return db
        .insert(contacts)
        .values(rows)
        .returning({ id: contacts.id, slackUserId: contacts.slackUserId });
    },
  };
}

export type ContactsRepository = ReturnType<typeof createContactsRepository>;
