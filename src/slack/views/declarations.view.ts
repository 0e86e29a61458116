import type { types } from '@slack/bolt';
import type { PendingDeclaration } from '../../services/trainings.service.js';
import { ACTION_IDS, encodeValue } from '../ids.js';
import {
  type ActionsBlock,
  button,
  context,
  header,
  type KnownBlock,
  LIMITS,
  section,
  type View,
  view,
} from './blocks.js';
import { fmt } from './context.js';
import { escapeMrkdwn, mention } from './escape.js';
import { codeLabel, type WriteViewContext } from './write-replies.view.js';

/** Declarations a message lists: two blocks each, with the header, notice and "more" lines, within 50. */
export const DECLARATIONS_PER_MESSAGE = 20;

/** One declaration: who, which training, when; then its Confirm and Reject buttons. */
export function declarationBlocks(ctx: WriteViewContext, d: PendingDeclaration): KnownBlock[] {
  const f = fmt(ctx);
  const c = ctx.w.confirm;
  const value = encodeValue({ c: d.id });
  const reject: types.Button = {
    ...button({ text: c.rejectButton, actionId: ACTION_IDS.rejectDeclaration, value, style: 'danger' }),
    confirm: {
      title: { type: 'plain_text', text: c.rejectTitle },
      text: { type: 'plain_text', text: c.rejectText },
      confirm: { type: 'plain_text', text: c.rejectYes },
      deny: { type: 'plain_text', text: c.rejectNo },
      style: 'danger',
    },
  };
  const actionsBlock: ActionsBlock = {
    type: 'actions',
    block_id: `declaration:${d.id}`,
    elements: [
      button({ text: c.confirmButton, actionId: ACTION_IDS.confirmDeclaration, value, style: 'primary' }),
      reject,
    ],
  };
  return [
    section(
      c.line(
        escapeMrkdwn(d.partnerName),
        mention(d.contactSlackUserId, d.contactName),
        codeLabel(ctx, d.training),
        f.date(d.completedOn),
      ),
    ),
    actionsBlock,
  ];
}

/** `/partner confirm`: the declarations awaiting a manager, each with Confirm and Reject. */
export function declarationsView(
  ctx: WriteViewContext,
  pending: { items: PendingDeclaration[]; total: number },
  notice?: string,
): View {
  const f = fmt(ctx);
  const c = ctx.w.confirm;
  const count = f.count(pending.total, c.count);
  const blocks: KnownBlock[] = [];
  if (notice) blocks.push(section(notice));
  blocks.push(header(c.title));
  if (pending.total === 0) {
    blocks.push(section(c.empty));
    return view(notice ?? c.text(count), blocks);
  }
  const shown = pending.items.slice(0, DECLARATIONS_PER_MESSAGE);
  for (const d of shown) blocks.push(...declarationBlocks(ctx, d));
  if (pending.total > shown.length)
    blocks.push(context(c.more(String(pending.total - shown.length), '`/partner confirm`')));
  return view(notice ?? c.text(count), blocks.slice(0, LIMITS.blocksPerMessage));
}
