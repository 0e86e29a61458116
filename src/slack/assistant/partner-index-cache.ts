import { buildPartnerIndex, type PartnerIndex } from '../../assistant/partner-index.js';
import type { PartnersRepository } from '../../db/repositories/partners.repository.js';

/** How long a built index of partner names is reused: a partner imported meanwhile is known after this. */
export const PARTNER_INDEX_TTL_MS = 60_000;

/**
 * The partner names index, built from the database at most once a minute (decision: at 10 000 partners
 * reading every name and indexing them costs far more than understanding a question, so it is not done
 * per question). A failed read is not kept.
 */
export function cachedPartnerIndex(
  partners: Pick<PartnersRepository, 'names'>,
  options: { ttlMs?: number; now?: () => number } = {},
): () => Promise<PartnerIndex> {
  const ttlMs = options.ttlMs ?? PARTNER_INDEX_TTL_MS;
  const now = options.now ?? Date.now;
  let cached: { at: number; index: Promise<PartnerIndex> } | undefined;
  return () => {
    if (!cached || now() - cached.at > ttlMs) {
      const index = partners.names().then(buildPartnerIndex);
      const entry = { at: now(), index };
      cached = entry;
      index.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.index;
  };
}
