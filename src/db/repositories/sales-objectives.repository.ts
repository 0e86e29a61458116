import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { salesObjectives } from '../schema.js';
import { lockedRow } from './one-row.js';

export type SalesObjectiveRow = typeof salesObjectives.$inferSelect;
type SalesObjectiveInsert = typeof salesObjectives.$inferInsert;

/** Objectives and forecasts, one row per partner and quarter (`2026-Q2`). */
export function createSalesObjectivesRepository(db: Db) {
  /** Sets these columns of a partner's quarter; its row is created when it has none. */
  const setOnQuarter = async (
    key: { partnerId: string; quarter: string },
    set: Omit<SalesObjectiveInsert, 'partnerId' | 'quarter'>,
  ) => {
    await db
      .insert(salesObjectives)
      .values({ partnerId: key.partnerId, quarter: key.quarter, ...set })
      .onConflictDoUpdate({ target: [salesObjectives.partnerId, salesObjectives.quarter], set });
  };
  return {
    /** One quarter's row, locked until the transaction ends; undefined when none. */
    async forUpdate(partnerId: string, quarter: string): Promise<SalesObjectiveRow | undefined> {
      return lockedRow(
        db,
        salesObjectives,
        and(eq(salesObjectives.partnerId, partnerId), eq(salesObjectives.quarter, quarter))!,
      );
    },

    async setObjective(
      entry: { partnerId: string; quarter: string; objectiveCents: number; by: string },
      now: Date,
    ): Promise<void> {
      await setOnQuarter(entry, {
        objectiveCents: entry.objectiveCents,
        objectiveBy: entry.by,
        updatedAt: now,
      });
    },

    async setForecast(
      entry: { partnerId: string; quarter: string; forecastCents: number; forecastOn: string; by: string },
      now: Date,
    ): Promise<void> {
      await setOnQuarter(entry, {
        forecastCents: entry.forecastCents,
        forecastOn: entry.forecastOn,
        forecastBy: entry.by,
        updatedAt: now,
      });
    },
  };
}

export type SalesObjectivesRepository = ReturnType<typeof createSalesObjectivesRepository>;
