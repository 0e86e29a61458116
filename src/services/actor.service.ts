import type { Db } from '../db/client.js';
import { type ContactRow, createContactsRepository } from '../db/repositories/contacts.repository.js';
import { createStaffRepository } from '../db/repositories/staff.repository.js';

/** Who is asking, which decides what they may see and do. */
export type Actor =
  | { kind: 'staff'; slackUserId: string; role: 'admin' | 'manager'; name: string }
  | { kind: 'contact'; slackUserId: string; contact: ContactRow }
  | { kind: 'stranger'; slackUserId: string };

export async function identifyActor(db: Db, slackUserId: string): Promise<Actor> {
  // Both asked at once: one round trip on PostgreSQL (postgres.js pipelines them).
  const [member, contact] = await Promise.all([
    createStaffRepository(db).bySlackUserId(slackUserId),
    createContactsRepository(db).bySlackUserId(slackUserId),
  ]);
  if (member) return { kind: 'staff', slackUserId, role: member.role, name: member.name };
  if (contact) return { kind: 'contact', slackUserId, contact };
  return { kind: 'stranger', slackUserId };
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
