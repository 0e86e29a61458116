import type { PartnerRow } from '../../../db/repositories/partners.repository.js';
import { context } from '../../views/blocks.js';
import type { CommandContext, Reply } from '../types.js';
import type { AnchoredReading } from './args.js';

/**
 * The partner of a leave or rejoin, found like the read subcommands find theirs (the first reading whose
 * text names one partner; the channel's when left out). These writes have no form: a choice among several
 * partners is answered without buttons, with how to write the command.
 */
export async function membershipPartner(
  ctx: CommandContext,
  readings: AnchoredReading[],
  usage: string,
): Promise<
  { kind: 'found'; partner: PartnerRow; reading: AnchoredReading } | { kind: 'reply'; reply: Reply }
> {
  let first: Reply | undefined;
  for (const reading of readings) {
    const resolved = await ctx.resolvePartner(reading.partner);
    if (resolved.kind === 'found') return { kind: 'found', partner: resolved.partner, reading };
    first ??= resolved.reply;
  }
  const reply = first!;
  return {
    kind: 'reply',
    reply: { ...reply, blocks: [...reply.blocks.filter((b) => b.type !== 'actions'), context(usage)] },
  };
}
