import type { PartnerRow, PartnersRepository } from '../db/repositories/partners.repository.js';
import { type Actor, canSeePartner } from './actor.service.js';

export type ShareDecision =
  | { allowed: true; partner: PartnerRow }
  /** The asker may not see this partner (or is no one the program knows). */
  | { allowed: false; reason: 'not-visible' }
  /** The partner no longer exists. */
  | { allowed: false; reason: 'gone' }
  /** The channel is another partner's: a card never leaves its partner's circle. */
  | { allowed: false; reason: 'other-partner-channel'; partner: PartnerRow }
  /** A contact may share only in its own partner's channel. */
  | { allowed: false; reason: 'not-partner-channel'; partner: PartnerRow }
  /** A channel of no partner that partners' people read (a prospect's Slack Connect channel, a guest...). */
  | { allowed: false; reason: 'shared-channel'; partner: PartnerRow };

/**
 * Whether a card about a partner may be posted for everyone in a channel (decision): in that partner's
 * own channel, by staff or by its contacts; by staff also in a channel that is no partner's (an internal
 * channel, a DM) that no partner's people read: not shared with another organisation, no contact among
 * its members. Never in another partner's channel. Decided on who asks now, not on the button.
 * `readByPartners` says whether partners' people read the channel (undefined: Slack could not say, taken
 * as yes); it is asked only when it matters.
 */
export async function mayShareCard(
  partnersRepo: PartnersRepository,
  actor: Actor,
  partnerId: string,
  channelId: string,
  readByPartners: () => Promise<boolean | undefined> = async () => false,
): Promise<ShareDecision> {
  if (!canSeePartner(actor, partnerId)) return { allowed: false, reason: 'not-visible' };
  const partner = await partnersRepo.byId(partnerId);
  if (!partner) return { allowed: false, reason: 'gone' };
  const channelPartner = await partnersRepo.byChannel(channelId);
  if (channelPartner?.id === partner.id) return { allowed: true, partner };
  if (channelPartner) return { allowed: false, reason: 'other-partner-channel', partner };
  if (actor.kind === 'staff')
    return (await readByPartners()) === false
      ? { allowed: true, partner }
      : { allowed: false, reason: 'shared-channel', partner };
  return { allowed: false, reason: 'not-partner-channel', partner };
}
