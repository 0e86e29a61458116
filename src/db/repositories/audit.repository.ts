import type { Db } from '../client.js';
import { auditLog } from '../schema.js';

export interface AuditEntry {
  /** A Slack user id, or who ran a job or an import. */
  actor: string;
  action: string;
  /** The partner it is about; none for a run over every partner. */
  partnerId?: string | null;
  details: Record<string, unknown>;
}

/** The audit log: written alongside each change, in its transaction. */
export function createAuditRepository(db: Db) {
  return {
    async record(entry: AuditEntry): Promise<void> {
      await db.insert(auditLog).values(entry);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
