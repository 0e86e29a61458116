import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { staff } from '../schema.js';
import { oneRow } from './one-row.js';

export type StaffRow = typeof staff.$inferSelect;
export type StaffInsert = typeof staff.$inferInsert;

export function createStaffRepository(db: Db) {
  return {
    async bySlackUserId(slackUserId: string): Promise<StaffRow | undefined> {
      return oneRow(db, staff, eq(staff.slackUserId, slackUserId));
    },

    /** Every staff member's Slack user id and name. */
    async names(): Promise<{ id: string; name: string }[]> {
      return db.select({ id: staff.slackUserId, name: staff.name }).from(staff);
    },

    async insertMany(rows: StaffInsert[]): Promise<void> {
      if (rows.length === 0) return;
      await db.insert(staff).values(rows);
    },
  };
}

export type StaffRepository = ReturnType<typeof createStaffRepository>;
