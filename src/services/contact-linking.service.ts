import type { Db } from '../db/client.js';
import { createRepositories } from '../db/repositories/index.js';
import { transaction } from '../db/transaction.js';

/** The part of the Web API the linking uses (a WebClient fits): users.lookupByEmail, scope users:read.email. */
export interface LookupByEmailClient {
  users: {
    lookupByEmail(args: {
      email: string;
    }): Promise<{ user?: { id?: string; team_id?: string; deleted?: boolean } }>;
  };
}

export interface LinkingReport {
  looked: number;
  linked: { contactId: number; slackUserId: string }[];
  /** Not on Slack (users_not_found): they stay on e-mail. */
  notFound: number;
  /** Found, but that Slack user is already another contact. */
  taken: number;
  failed: number;
}

/**
 * Contacts known only by their e-mail, looked up on Slack (users.lookupByEmail): a match is recorded,
 * with its team, and audited; from then on reminders go to Slack. Contacts never found stay on e-mail.
 */
export async function linkContacts(
  db: Db,
  client: LookupByEmailClient,
  input: { actor: string },
): Promise<LinkingReport> {
  const report: LinkingReport = { looked: 0, linked: [], notFound: 0, taken: 0, failed: 0 };
  const unlinked = await createRepositories(db).contacts.unlinked();
  for (const contact of unlinked) {
    if (!contact.email) continue;
    report.looked += 1;
    let user: { id?: string; team_id?: string; deleted?: boolean } | undefined;
    try {
      user = (await client.users.lookupByEmail({ email: contact.email })).user;
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code === 'users_not_found' || code === 'user_not_found') report.notFound += 1;
      else report.failed += 1;
      continue;
    }
    const slackUserId = user?.id;
    if (!slackUserId || user?.deleted) {
      report.notFound += 1;
      continue;
    }
    const linked = await transaction(db, async (tx) => {
      const repos = createRepositories(tx);
      if (await repos.contacts.bySlackUserId(slackUserId)) return 'taken' as const;
      if (!(await repos.contacts.link(contact.id, slackUserId, user?.team_id ?? null)))
        return 'gone' as const;
      await repos.audit.record({
        actor: input.actor,
        action: 'contact.linked',
        partnerId: contact.partnerId,
        details: { contactId: contact.id, slackUserId, teamId: user?.team_id ?? null },
      });
      return 'linked' as const;
    });
    if (linked === 'linked') report.linked.push({ contactId: contact.id, slackUserId });
    else if (linked === 'taken') report.taken += 1;
  }
  return report;
}
