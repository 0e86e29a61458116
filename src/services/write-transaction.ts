import type { Db } from '../db/client.js';
import { createRepositories, type Repositories } from '../db/repositories/index.js';
import type { PartnerRow } from '../db/repositories/partners.repository.js';
import { transaction } from '../db/transaction.js';
import type { Catalog } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { type Actor, type Asker, identifyActor, isAdmin } from './actor.service.js';
import { refused, type WriteIssue, type WriteResult } from './write-issues.js';

/**
 * Runs a write in one transaction, handing it the repositories on that transaction (and the transaction
 * itself, for the outbox): the asker is identified inside it (authorization never rests on what a caller
 * says about them), and a refusal returns before anything is written.
 */
export function inTransaction<T>(
  db: Db,
  asker: Asker,
  work: (repos: Repositories, actor: Actor, tx: Db) => Promise<WriteResult<T>>,
): Promise<WriteResult<T>> {
  return transaction(db, async (tx) => work(createRepositories(tx), await identifyActor(tx, asker), tx));
}

/** Who may write about a partner: the refusal for anyone else, given before anything is read. */
export type WriteCheck = (actor: Actor, partnerId: string) => WriteIssue | undefined;

export const staffOnly: WriteCheck = (actor) =>
  actor.kind === 'staff' ? undefined : { code: 'not-allowed' };

export const adminOnly: WriteCheck = (actor) => (isAdmin(actor) ? undefined : { code: 'not-allowed' });

/** Staff about any partner, a contact about its own partner only. */
export const staffOrOwnContact: WriteCheck = (actor, partnerId) => {
  if (actor.kind === 'stranger') return { code: 'not-allowed' };
  if (actor.kind === 'contact' && actor.contact.partnerId !== partnerId) return { code: 'own-partner-only' };
  return undefined;
};

/**
 * A write about one partner, in one transaction: whoever `may` refuses is refused before anything is
 * read; the partner is read and locked against concurrent writes (an unknown one is the first issue, for
 * the work to return with its own).
 */
export function writeOnPartner<T>(
  db: Db,
  asker: Asker,
  partnerId: string,
  may: WriteCheck,
  work: (
    repos: Repositories,
    found: { partner: PartnerRow | undefined; issues: WriteIssue[] },
    tx: Db,
  ) => Promise<WriteResult<T>>,
): Promise<WriteResult<T>> {
  return inTransaction(db, asker, async (repos, actor, tx) => {
    const refusal = may(actor, partnerId);
    if (refusal) return refused(refusal);
    const partner = await repos.partners.byIdForUpdate(partnerId);
    return work(repos, { partner, issues: partner ? [] : [{ code: 'partner-unknown' }] }, tx);
  });
}

/** Who asks for a staff write about one partner (a Slack user id), and about which partner. */
export interface PartnerWriteInput {
  by: string;
  partnerId: string;
}

/** What a staff write about one partner is asked with, handed to its work beside what was found. */
export interface PartnerWriteRequest<Input> {
  catalog: Catalog;
  input: Input;
  today: IsoDate;
}

/**
 * A staff-only write about one partner that reads the program on a day, as the services export it:
 * `(db, catalog, input, today)`, run by `writeOnPartner` for `input.by` on `input.partnerId`.
 */
export function staffPartnerWrite<Input extends PartnerWriteInput, T>(
  work: (
    repos: Repositories,
    found: { partner: PartnerRow | undefined; issues: WriteIssue[] },
    request: PartnerWriteRequest<Input>,
  ) => Promise<WriteResult<T>>,
): (db: Db, catalog: Catalog, input: Input, today: IsoDate) => Promise<WriteResult<T>> {
  return (db, catalog, input, today) =>
    writeOnPartner(db, input.by, input.partnerId, staffOnly, (repos, found) =>
      work(repos, found, { catalog, input, today }),
    );
}
