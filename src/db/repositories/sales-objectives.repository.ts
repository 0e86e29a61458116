import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { salesObjectives } from '../schema.js';
import { rowsOfPartners } from './rows-of-partners.js';

export type SalesObjectiveRow = typeof salesObjectives.$inferSelect;

/** Objectives and forecasts, one row per partner and quarter (`2026-Q2`). */
export function createSalesObjectivesRepository(db: Db) {
  return {
    /** The rows of these partners (every partner's without ids), by partner and quarter. */
    forPartners(ids?: readonly string[]): Promise<SalesObjectiveRow[]> {
      return rowsOfPartners(db, salesObjectives, ids, asc(salesObjectives.quarter));
    },

    /** One quarter's row, locked until the transaction ends; undefined when none. */
    async forUpdate(partnerId: string, quarter: string): Promise<SalesObjectiveRow | undefined> {
      const [row] = await db
        .select()
        .from(salesObjectives)
        .where(and(eq(salesObjectives.partnerId, partnerId), eq(salesObjectives.quarter, quarter)))
        .for('update');
      return row;
    },

    async setObjective(
      entry: { partnerId: string; quarter: string; objectiveCents: number; by: string },
      now: Date,
    ): Promise<void> {
      const set = { objectiveCents: entry.objectiveCents, objectiveBy: entry.by, updatedAt: now };
      await db
        .insert(salesObjectives)
        .values({ partnerId: entry.partnerId, quarter: entry.quarter, ...set })
        .onConflictDoUpdate({ target: [salesObjectives.partnerId, salesObjectives.quarter], set });
    },

    async setForecast(
      entry: { partnerId: string; quarter: string; forecastCents: number; forecastOn: string; by: string },
      now: Date,
    ): Promise<void> {
      const set = {
        forecastCents: entry.forecastCents,
        forecastOn: entry.forecastOn,
        forecastBy: entry.by,
        updatedAt: now,
      };
      await db
        .insert(salesObjectives)
        .values({ partnerId: entry.partnerId, quarter: entry.quarter, ...set })
        .onConflictDoUpdate({ target: [salesObjectives.partnerId, salesObjectives.quarter], set });
    },
  };
}

export type SalesObjectivesRepository = ReturnType<typeof createSalesObjectivesRepository>;
