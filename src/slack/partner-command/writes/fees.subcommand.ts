import { operatorFeesMessages } from '../../../i18n/operator-fees.js';
import { searchKey } from '../../../program/text.js';
import { recordOperatorFees } from '../../../services/operator-fees.service.js';
import { operatorFeesRecordedView } from '../../views/operator-fees.view.js';
import { writeRefusedView } from '../../views/write-replies.view.js';
import type { Subcommand } from '../types.js';
import { anchoredReadings } from './args.js';
import { anchorMissingReply, writeContext } from './common.js';
import { membershipPartner } from './membership.js';

const PAID = ['paid', 'paye', 'payes', 'opening', 'ouverture'];
const RATE = ['rate', 'taux', 'retrocession'];

/** `paid [YYYY-MM-DD]` and `rate N %`, in either order, from the words after the partner. */
function feeArgs(words: string[]): { paidOn?: string; rate?: string } {
  const out: { paidOn?: string; rate?: string } = {};
  let current: 'paidOn' | 'rate' | undefined;
  for (const word of words) {
    const key = searchKey(word);
    if (PAID.includes(key) || RATE.includes(key)) {
      current = PAID.includes(key) ? 'paidOn' : 'rate';
      out[current] = '';
    } else if (current) out[current] = `${out[current]} ${word}`.trim();
  }
  return out;
}

/** `fees <partner> [paid YYYY-MM-DD] [rate N %]`: an operator's fees on record (staff, audited). */
export const feesSubcommand: Subcommand = {
  name: 'fees',
  aliases: ['frais', 'operator-fees'],
  access: 'staff',
  help: (m) => operatorFeesMessages[m.locale].help.fees,
  async run(ctx) {
    const w = writeContext(ctx);
    const om = operatorFeesMessages[ctx.view.locale];
    const usage = [om.usage, w.w.usage.quotes];
    const isAnchor = (t: string) => [...PAID, ...RATE].includes(searchKey(t));
    const readings = anchoredReadings(ctx.args, isAnchor);
    if (readings.length === 0) return anchorMissingReply(w, om.anchor, usage);
    const resolved = await membershipPartner(ctx, readings, om.usage);
    if (resolved.kind === 'reply') return resolved.reply;
    const args = feeArgs([resolved.reading.anchor, ...resolved.reading.rest]);
    const result = await recordOperatorFees(
      ctx.deps.db,
      ctx.deps.catalog,
      { by: ctx.actor.slackUserId, partnerId: resolved.partner.id, ...args, now: ctx.deps.now() },
      ctx.view.today,
    );
    return result.ok ? operatorFeesRecordedView(w, result.value) : writeRefusedView(w, result.issues, usage);
  },
};
