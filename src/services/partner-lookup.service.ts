import type { PartnerRow, PartnersRepository } from '../db/repositories/partners.repository.js';
import { editDistance, searchKey } from '../program/text.js';
import type { Actor } from './actor.service.js';

export type PartnerLookup =
  | { kind: 'found'; partner: PartnerRow }
  | { kind: 'ambiguous'; candidates: PartnerRow[] }
  | { kind: 'none'; query: string; suggestions: PartnerRow[] }
  /** No partner named and the channel is not a partner's. */
  | { kind: 'unspecified' }
  /** A contact naming a partner that is not its own: refused without saying whether it exists. */
  | { kind: 'forbidden' };

const MAX_CANDIDATES = 10;

/**
 * Finds the partner a request is about: its id or name (case- and accent-insensitive, unique prefix);
 * the channel's partner when none is named. A contact only ever resolves to its own partner.
 */
export async function lookupPartner(
  partnersRepo: PartnersRepository,
  actor: Actor,
  query: string,
  channelId: string | undefined,
): Promise<PartnerLookup> {
  const key = searchKey(query);
  if (actor.kind === 'contact') {
    const own = await partnersRepo.byId(actor.contact.partnerId);
    if (!own) return { kind: 'forbidden' };
    if (!key || key === own.id.toLowerCase() || own.searchName.startsWith(key))
      return { kind: 'found', partner: own };
    return { kind: 'forbidden' };
  }
  if (actor.kind !== 'staff') return { kind: 'forbidden' };
  if (!key) {
    const inChannel = channelId ? await partnersRepo.byChannel(channelId) : undefined;
    return inChannel ? { kind: 'found', partner: inChannel } : { kind: 'unspecified' };
  }
  const matches = await partnersRepo.matching(key, MAX_CANDIDATES + 1);
  const exact = matches.find((p) => p.id.toLowerCase() === key || p.searchName === key);
  if (exact) return { kind: 'found', partner: exact };
  if (matches.length === 1) return { kind: 'found', partner: matches[0]! };
  if (matches.length > 1) return { kind: 'ambiguous', candidates: matches.slice(0, MAX_CANDIDATES) };
  return { kind: 'none', query, suggestions: await closestPartners(partnersRepo, key) };
}

/** The few partners whose names are closest to what was typed (by edit distance to a name's start). */
async function closestPartners(partnersRepo: PartnersRepository, key: string): Promise<PartnerRow[]> {
  const names = await partnersRepo.names();
  const scored = names
    .map((p) => ({
      id: p.id,
      score: Math.min(
        editDistance(key, p.searchName.slice(0, key.length + 2)),
        editDistance(key, p.id.toLowerCase()),
      ),
    }))
    .filter((p) => p.score <= Math.max(2, Math.floor(key.length / 2)))
    .sort((a, b) => a.score - b.score)
    .slice(0, 3);
  return partnersRepo.byIds(scored.map((s) => s.id));
}
