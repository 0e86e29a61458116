import type { PartnerIndex } from '../../src/assistant/partner-index.js';
import type { UnderstandContext } from '../../src/assistant/understand.js';
import type { CorpusContext } from './understand.corpus.js';

/** The four places a corpus question is asked from, over the given partners and tiers. */
export function understandContexts(
  partners: PartnerIndex,
  tiers: UnderstandContext['tiers'],
  obligations: UnderstandContext['obligations'] = [],
): Record<CorpusContext, UnderstandContext> {
  const base = { partners, tiers, obligations };
  return {
    dm: { ...base, audience: 'staff' },
    acme: { ...base, audience: 'staff', defaultPartnerId: 'acme' },
    contact: { ...base, audience: 'contact', defaultPartnerId: 'garonne' },
    thread: { ...base, audience: 'staff', previous: { intent: 'status', partnerId: 'delta' } },
  };
}

/**
 * Whether an answer (as `summary` writes it) names a wrong partner: worse than a miss, a partner named with
 * confidence that is not the one asked about. `isPartner` says which ids are partners of the index.
 */
export function namesWrongPartner(
  got: string,
  expected: string,
  isPartner: (id: string) => boolean,
): boolean {
  const [gotKind, gotPartner] = got.split(' ');
  if (gotKind === 'clarify' || gotKind === 'list' || !gotPartner) return false;
  const expectedPartner = expected.startsWith('clarify') ? undefined : expected.split(' ')[1];
  return isPartner(gotPartner) && gotPartner !== expectedPartner;
}
