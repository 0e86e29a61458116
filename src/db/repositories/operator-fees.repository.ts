import type { Db } from '../client.js';
import { operatorFees } from '../schema.js';
import { onePerPartner } from './rows-of-partners.js';

export type OperatorFeesRow = typeof operatorFees.$inferSelect;

/** An operator's opening fee paid and agreed retrocession rate, one row per partner. */
export function createOperatorFeesRepository(db: Db) {
  return onePerPartner(db, operatorFees);
}

export type OperatorFeesRepository = ReturnType<typeof createOperatorFeesRepository>;
