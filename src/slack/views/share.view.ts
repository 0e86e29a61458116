import { ACTION_IDS } from '../ids.js';
import { context, type KnownBlock, type View, view } from './blocks.js';
import { mention } from './escape.js';
import type { WriteViewContext } from './write-replies.view.js';

/** Buttons that make no sense once a card is posted for everyone (or shown where nothing can be shared). */
const PERSONAL_BUTTONS = new Set<string>([
  ACTION_IDS.share,
  ACTION_IDS.recordRevenue,
  ACTION_IDS.markDone,
  ACTION_IDS.overrideTier,
  ACTION_IDS.obligationDone,
]);

/** The blocks without the given buttons (a section's too); an actions block left empty goes too. */
export function withoutButtons(
  blocks: KnownBlock[],
  actionIds: ReadonlySet<string> = PERSONAL_BUTTONS,
): KnownBlock[] {
  return blocks.flatMap((block): KnownBlock[] => {
    if (block.type === 'section' && block.accessory) {
      const { accessory, ...rest } = block;
      return actionIds.has((accessory as { action_id?: string }).action_id ?? '') ? [rest] : [block];
    }
    if (block.type !== 'actions') return [block];
    const elements = block.elements.filter(
      (e) => !actionIds.has((e as { action_id?: string }).action_id ?? ''),
    );
    return elements.length ? [{ ...block, elements }] : [];
  });
}

/**
 * A card as posted in the channel: the asker's own buttons removed (sharing again, staff's forms), and who
 * shared it said below.
 */
export function sharedCardView(ctx: WriteViewContext, card: View, sharedBy: string): View {
  return view(card.text, [...withoutButtons(card.blocks), context(ctx.w.share.sharedBy(mention(sharedBy)))]);
}
