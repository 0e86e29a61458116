import type { Db } from '../db/client.js';
import { createAskersRepository } from '../db/repositories/askers.repository.js';
import { type ContactRow, createContactsRepository } from '../db/repositories/contacts.repository.js';

/** Who is asking, which decides what they may see and do. */
export type Actor =
  | { kind: 'staff'; slackUserId: string; role: 'admin' | 'manager'; name: string }
  | { kind: 'contact'; slackUserId: string; contact: ContactRow }
  | { kind: 'stranger'; slackUserId: string };

/**
 * Who asks: a Slack user id (from a signed Slack request, the console, the CLI), or a contact that a
 * signed declaration link in its e-mail stands for (src/services/declaration-links.service.ts), which
 * may have no Slack user at all. Such a contact acts as `link:contact:<id>` in the audit log.
 */
export type Asker = string | { linkedContactId: number };

export async function identifyActor(db: Db, asker: Asker): Promise<Actor> {
  if (typeof asker !== 'string') {
    const contact = await createContactsRepository(db).byId(asker.linkedContactId);
    const id = `link:contact:${asker.linkedContactId}`;
    return contact ? { kind: 'contact', slackUserId: id, contact } : { kind: 'stranger', slackUserId: id };
  }
  const slackUserId = asker;
  const { staff: member, contact } = await createAskersRepository(db).bySlackUserId(slackUserId);
  if (member) return { kind: 'staff', slackUserId, role: member.role, name: member.name };
  if (contact) return { kind: 'contact', slackUserId, contact };
  return { kind: 'stranger', slackUserId };
}

/**
 * The asker as seen from a Slack team: a contact's user id sent from another team than the one recorded
 * for it (another organisation's workspace, in Slack Connect) is not that contact, as for its clicks.
 */
export function seenFromTeam(actor: Actor, team: string | undefined): Actor {
  if (actor.kind !== 'contact' || !team || !actor.contact.slackTeamId) return actor;
  return actor.contact.slackTeamId === team ? actor : { kind: 'stranger', slackUserId: actor.slackUserId };
}

export const isStaff = (actor: Actor): actor is Extract<Actor, { kind: 'staff' }> => actor.kind === 'staff';
export const isAdmin = (actor: Actor) => actor.kind === 'staff' && actor.role === 'admin';

/** Staff see every partner; a contact sees only its own. */
export function canSeePartner(actor: Actor, partnerId: string): boolean {
  return actor.kind === 'staff' || (actor.kind === 'contact' && actor.contact.partnerId === partnerId);
}

/** One of this partner's contacts (staff are not). */
export function isContactOf(actor: Actor, partnerId: string): actor is Extract<Actor, { kind: 'contact' }> {
  return actor.kind === 'contact' && actor.contact.partnerId === partnerId;
}
