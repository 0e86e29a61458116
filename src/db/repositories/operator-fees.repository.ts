import type { Db } from '../client.js';
import { operatorFees } from '../schema.js';
import { rowOfPartner, rowsOfPartners } from './rows-of-partners.js';

export type OperatorFeesRow = typeof operatorFees.$inferSelect;

/** An operator's opening fee paid and agreed retrocession rate, one row per partner. */
export function createOperatorFeesRepository(db: Db) {
  return {
    forPartner(partnerId: string): Promise<OperatorFeesRow | undefined> {
      return rowOfPartner(db, operatorFees, partnerId);
    },

    forPartners(ids?: readonly string[]): Promise<OperatorFeesRow[]> {
      return rowsOfPartners(db, operatorFees, ids);
    },

    async upsert(row: Omit<OperatorFeesRow, 'updatedAt'>, now: Date): Promise<void> {
      const set = {
        openingFeePaidOn: row.openingFeePaidOn,
        retrocessionBasisPoints: row.retrocessionBasisPoints,
        updatedBy: row.updatedBy,
        updatedAt: now,
      };
      await db
        .insert(operatorFees)
        .values({ partnerId: row.partnerId, ...set })
        .onConflictDoUpdate({ target: operatorFees.partnerId, set });
    },
  };
}

export type OperatorFeesRepository = ReturnType<typeof createOperatorFeesRepository>;
