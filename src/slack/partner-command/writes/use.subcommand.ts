import { benefitUsesMessages } from '../../../i18n/benefit-uses.js';
import { searchKey } from '../../../program/text.js';
import { BENEFIT_WORDS, useBenefit } from '../../../services/benefit-uses.service.js';
import { benefitUsedView } from '../../views/benefit-uses.view.js';
import { useModal } from '../../views/depth-modals.view.js';
import type { Subcommand } from '../types.js';
import { parseContactText } from './args.js';
import { anchoredWrite, partnerContactsFormReply, writeContext } from './common.js';

/**
 * `use <partner> bizbooster <order-ref>` · `use <partner> training @contact <training…>` ·
 * `use <partner> tech-review <note…>`, anchored on the benefit's word (staff, audited); alone, the form.
 */
export const useSubcommand: Subcommand = {
  name: 'use',
  aliases: ['utiliser', 'utilise', 'used'],
  access: 'staff',
  help: (m) => benefitUsesMessages[m.locale].help.use,
  run(ctx) {
    const w = writeContext(ctx);
    const bm = benefitUsesMessages[ctx.view.locale];
    return anchoredWrite(ctx, {
      form: () => partnerContactsFormReply(ctx, useModal),
      isAnchor: (t) => BENEFIT_WORDS.includes(searchKey(t)),
      anchorName: bm.anchorBenefit,
      usage: [bm.usage, w.w.usage.quotes],
      record: (base, { anchor, rest }) => {
        // The free training seat names its contact first: a mention or a Slack id.
        const named = rest[0] ? parseContactText(rest[0]) : undefined;
        const contact = named && 'slackUserId' in named ? named.slackUserId : undefined;
        return useBenefit(
          ctx.deps.db,
          ctx.deps.catalog,
          {
            ...base,
            benefit: anchor,
            reference: (contact ? rest.slice(1) : rest).join(' '),
            contactSlackUserId: contact,
          },
          ctx.view.today,
        );
      },
      confirm: (r) => benefitUsedView(w, r),
    });
  },
};
