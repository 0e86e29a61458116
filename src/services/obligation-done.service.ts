import type { Db } from '../db/client.js';
import type { Catalog } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { type ChecklistMarked, markChecklistDone } from './checklist.service.js';
import { type DoneOutcome, markReminderDone } from './reminder-actions.service.js';
import type { NotifyOptions } from './trainings.service.js';
import type { WriteResult } from './write-issues.js';

export interface ObligationItemRef {
  partnerId: string;
  /** The obligation's code (trn-*, doc-*, com-*, sales-*). */
  obligation: string;
  /** The contact who owes a training; null for the partner's own item. */
  contactId: number | null;
}

export type ObligationDoneOutcome =
  | { kind: 'training'; outcome: DoneOutcome }
  | { kind: 'checklist'; result: WriteResult<ChecklistMarked> };

/**
 * An item of `/partner obligations` done, today, the way its own command records it: a training as a
 * reminder's Done does (staff record it, a contact declares its own, pending a manager), a checklist
 * item as `/partner done` does (staff only). Who clicks is checked there, not trusted from the button.
 */
export async function markObligationDone(
  db: Db,
  catalog: Catalog,
  input: ObligationItemRef & {
    by: string;
    /** The clicker's Slack team: a contact's id clicking from another organisation is not the contact. */
    team?: string;
    today: IsoDate;
  },
  notify?: NotifyOptions,
): Promise<ObligationDoneOutcome> {
  const obligation = catalog.obligations.find((o) => o.code === input.obligation);
  if (obligation?.kind === 'training')
    return { kind: 'training', outcome: await markReminderDone(db, catalog, input, notify) };
  const result = await markChecklistDone(
    db,
    catalog,
    { by: input.by, partnerId: input.partnerId, item: input.obligation },
    input.today,
  );
  return { kind: 'checklist', result };
}
