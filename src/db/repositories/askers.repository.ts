import { sql } from 'drizzle-orm';
import { batchCalls } from '../batch-calls.js';
import { type Db, rowsOf } from '../client.js';
import { contacts, staff } from '../schema.js';
import type { ContactRow } from './contacts.repository.js';
import { fromJson, type Json } from './from-json.js';
import { preparedOnce } from './prepared-once.js';
import type { StaffRow } from './staff.repository.js';

/** What the program knows of a Slack user: a staff member, a partner's contact, or neither. */
export interface AskerRows {
  staff: StaffRow | undefined;
  contact: ContactRow | undefined;
}

/**
 * Both rows in one statement, for the users asked while one read is in flight together (batchCalls):
 * every request reads who is asking, and two statements a request were a fifth of a status card's reads.
 */
const askers = preparedOnce((db) =>
  batchCalls(async (slackUserIds: string[]): Promise<AskerRows[]> => {
    const rows = rowsOf<Json>(
      await db.execute(sql`
        select u.id as id,
          (select row_to_json(s) from staff s where s.slack_user_id = u.id) as staff,
          (select row_to_json(c) from contacts c where c.slack_user_id = u.id) as contact
        from jsonb_array_elements_text(${JSON.stringify([...new Set(slackUserIds)])}::jsonb) as u(id)`),
    );
    const byId = new Map(rows.map((row) => [row.id as string, row]));
    // Rows of its own for each caller, even one asking about the same user as another.
    return slackUserIds.map((id) => {
      const row = byId.get(id);
      return {
        staff: row?.staff ? fromJson(staff, row.staff as Json) : undefined,
        contact: row?.contact ? fromJson(contacts, row.contact as Json) : undefined,
      };
    });
  }),
);

export function createAskersRepository(db: Db) {
  return {
    bySlackUserId: (slackUserId: string): Promise<AskerRows> => askers(db)(slackUserId),
  };
}
