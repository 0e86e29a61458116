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

/** A contact known only by its e-mail that Slack knows: not recorded yet. */
export interface SlackMatch {
  contactId: number;
  partnerId: string;
  slackUserId: string;
  teamId: string | null;
}

/** What looking contacts up on Slack found: the matches to record, and how many were not found. */
export type SlackLookup = Omit<LinkingReport, 'linked' | 'taken'> & { matches: SlackMatch[] };

/**
 * Contacts known only by their e-mail, looked up on Slack (users.lookupByEmail) and then recorded
 * (recordLinks). Contacts never found stay on e-mail.
 */
export async function linkContacts(
  db: Db,
  client: LookupByEmailClient,
  input: { actor: string },
): Promise<LinkingReport> {
  return recordLinks(db, await findOnSlack(db, client), input);
}

/** Looks every contact known only by its e-mail up on Slack; writes nothing. */
export async function findOnSlack(db: Db, client: LookupByEmailClient): Promise<SlackLookup> {
  const found: SlackLookup = { looked: 0, notFound: 0, failed: 0, matches: [] };
  for (const contact of await createRepositories(db).contacts.unlinked()) {
    if (!contact.email) continue;
    found.looked += 1;
    let user: { id?: string; team_id?: string; deleted?: boolean } | undefined;
    try {
      user = (await client.users.lookupByEmail({ email: contact.email })).user;
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code === 'users_not_found' || code === 'user_not_found') found.notFound += 1;
      else found.failed += 1;
      continue;
    }
    if (!user?.id || user.deleted) {
      found.notFound += 1;
      continue;
    }
    found.matches.push({
      contactId: contact.id,
      partnerId: contact.partnerId,
      slackUserId: user.id,
      teamId: user.team_id ?? null,
    });
  }
  return found;
}

/**
 * Records each match, with its team, and audits it: from then on reminders go to Slack. A Slack user
 * already another contact's is left alone ('taken'), and so is a contact linked or removed meanwhile.
 */
export async function recordLinks(
  db: Db,
  { matches, ...counts }: SlackLookup,
  input: { actor: string },
): Promise<LinkingReport> {
  const report: LinkingReport = { ...counts, linked: [], taken: 0 };
  for (const { contactId, partnerId, slackUserId, teamId } of matches) {
    const linked = await transaction(db, async (tx) => {
      const repos = createRepositories(tx);
      if (await repos.contacts.bySlackUserId(slackUserId)) return 'taken' as const;
      if (!(await repos.contacts.link(contactId, slackUserId, teamId))) return 'gone' as const;
      await repos.audit.record({
        actor: input.actor,
        action: 'contact.linked',
        partnerId,
        details: { contactId, slackUserId, teamId },
      });
      return 'linked' as const;
    });
    if (linked === 'linked') report.linked.push({ contactId, slackUserId });
    else if (linked === 'taken') report.taken += 1;
  }
  return report;
}
