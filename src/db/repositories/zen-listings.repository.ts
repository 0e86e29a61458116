import { asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import { partners, zenListings } from '../schema.js';
import { onePerPartner } from './rows-of-partners.js';
import { setOnce } from './set-once.js';

export type ZenListingRow = typeof zenListings.$inferSelect;

/** The Experts Zen directory: one listing per partner. */
export function createZenListingsRepository(db: Db) {
  return {
    ...onePerPartner(db, zenListings),

    /** Listings in force (not suspended), with their partner's name, by name. */
    async active(): Promise<(ZenListingRow & { partnerName: string })[]> {
      const rows = await db
        .select({ listing: zenListings, partnerName: partners.name })
        .from(zenListings)
        .innerJoin(partners, eq(partners.id, zenListings.partnerId))
        .where(isNull(zenListings.suspendedOn))
        .orderBy(asc(partners.name));
      return rows.map((r) => ({ ...r.listing, partnerName: r.partnerName }));
    },

    async remove(partnerId: string): Promise<boolean> {
      const removed = await db
        .delete(zenListings)
        .where(eq(zenListings.partnerId, partnerId))
        .returning({ id: zenListings.partnerId });
      return removed.length > 0;
    },

    /** Suspends a listing in force; false when it was suspended already (or is not listed). */
    async suspend(partnerId: string, on: string, reason: string, now: Date): Promise<boolean> {
      return setOnce(
        db,
        zenListings,
        'suspendedOn',
        { suspendedOn: on, suspendedReason: reason, updatedAt: now },
        eq(zenListings.partnerId, partnerId),
      );
    },
  };
}

export type ZenListingsRepository = ReturnType<typeof createZenListingsRepository>;
