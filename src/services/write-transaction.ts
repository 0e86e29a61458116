import type { Db } from '../db/client.js';
import { createRepositories, type Repositories } from '../db/repositories/index.js';
import type { PartnerRow } from '../db/repositories/partners.repository.js';
import { transaction } from '../db/transaction.js';
import { type Actor, type Asker, identifyActor } from './actor.service.js';
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
