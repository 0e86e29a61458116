import { operatorFeesMessages } from '../../../i18n/operator-fees.js';
import { searchKey } from '../../../program/text.js';
import { recordOperatorFees } from '../../../services/operator-fees.service.js';
import { feesModal } from '../../views/depth-modals.view.js';
import { operatorFeesRecordedView } from '../../views/operator-fees.view.js';
import type { Subcommand } from '../types.js';
import { anchoredWrite, partnerFormReply, writeContext } from './common.js';

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

/** `fees <partner> [paid YYYY-MM-DD] [rate N %]`: an operator's fees on record (staff, audited); alone, the form. */
export const feesSubcommand: Subcommand = {
  name: 'fees',
  aliases: ['frais', 'operator-fees'],
  access: 'staff',
  help: (m) => operatorFeesMessages[m.locale].help.fees,
  run(ctx) {
    const w = writeContext(ctx);
    const om = operatorFeesMessages[ctx.view.locale];
    return anchoredWrite(ctx, {
      form: () => partnerFormReply(ctx, feesModal),
      isAnchor: (t) => [...PAID, ...RATE].includes(searchKey(t)),
      anchorName: om.anchor,
      usage: [om.usage, w.w.usage.quotes],
      record: (base, { anchor, rest }) =>
        recordOperatorFees(
          ctx.deps.db,
          ctx.deps.catalog,
          { ...base, ...feeArgs([anchor, ...rest]) },
          ctx.view.today,
        ),
      confirm: (r) => operatorFeesRecordedView(w, r),
    });
  },
};
