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

/**
 * A staff-only write about one partner, in one transaction: anyone else is refused before anything is
 * read; the partner is read and locked against concurrent writes (an unknown one is the first issue).
 */
export function staffWriteOnPartner<T>(
  db: Db,
  slackUserId: string,
  partnerId: string,
  work: (
    repos: Repositories,
    found: { partner: PartnerRow | undefined; issues: WriteIssue[] },
    tx: Db,
  ) => Promise<WriteResult<T>>,
): Promise<WriteResult<T>> {
  return inTransaction(db, slackUserId, async (repos, actor, tx) => {
    if (actor.kind !== 'staff') return refused({ code: 'not-allowed' });
    const partner = await repos.partners.byIdForUpdate(partnerId);
    return work(repos, { partner, issues: partner ? [] : [{ code: 'partner-unknown' }] }, tx);
  });
}

/**
 * An admin-only write about one partner, in one transaction: anyone else is refused, then an unknown
 * partner, before anything is written; the partner is read and locked against concurrent writes.
 */
export function adminWriteOnPartner<T>(
  db: Db,
  slackUserId: string,
  partnerId: string,
  work: (repos: Repositories, partner: PartnerRow, tx: Db) => Promise<WriteResult<T>>,
): Promise<WriteResult<T>> {
  return inTransaction(db, slackUserId, async (repos, actor, tx) => {
    if (!isAdmin(actor)) return refused({ code: 'not-allowed' });
    const partner = await repos.partners.byIdForUpdate(partnerId);
    if (!partner) return refused({ code: 'partner-unknown' });
    return work(repos, partner, tx);
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
 * `(db, catalog, input, today)`, run by `staffWriteOnPartner` for `input.by` on `input.partnerId`.
 */
export function staffPartnerWrite<Input extends PartnerWriteInput, T>(
  work: (
    repos: Repositories,
    found: { partner: PartnerRow | undefined; issues: WriteIssue[] },
    request: PartnerWriteRequest<Input>,
  ) => Promise<WriteResult<T>>,
): (db: Db, catalog: Catalog, input: Input, today: IsoDate) => Promise<WriteResult<T>> {
  return (db, catalog, input, today) =>
    staffWriteOnPartner(db, input.by, input.partnerId, (repos, found) =>
      work(repos, found, { catalog, input, today }),
    );
}
