import { benefitUsesMessages } from '../../../i18n/benefit-uses.js';
import { searchKey } from '../../../program/text.js';
import { BENEFIT_WORDS, useBenefit } from '../../../services/benefit-uses.service.js';
import { benefitUsedView } from '../../views/benefit-uses.view.js';
import { writeRefusedView } from '../../views/write-replies.view.js';
import type { Subcommand } from '../types.js';
import { anchoredReadings, parseContactText } from './args.js';
import { anchorMissingReply, writeContext } from './common.js';
import { membershipPartner } from './membership.js';

/**
 * `use <partner> bizbooster <order-ref>` · `use <partner> training @contact <training…>` ·
 * `use <partner> tech-review <note…>`, anchored on the benefit's word (staff, audited).
 */
export const useSubcommand: Subcommand = {
  name: 'use',
  aliases: ['utiliser', 'utilise', 'used'],
  access: 'staff',
  help: (m) => benefitUsesMessages[m.locale].help.use,
  async run(ctx) {
    const w = writeContext(ctx);
    const bm = benefitUsesMessages[ctx.view.locale];
    const usage = [bm.usage, w.w.usage.quotes];
    const readings = anchoredReadings(ctx.args, (t) => BENEFIT_WORDS.includes(searchKey(t)));
    if (readings.length === 0) return anchorMissingReply(w, bm.anchorBenefit, usage);
    const resolved = await membershipPartner(ctx, readings, bm.usage);
    if (resolved.kind === 'reply') return resolved.reply;
    const { anchor, rest } = resolved.reading;
    // The free training seat names its contact first: a mention or a Slack id.
    const named = rest[0] ? parseContactText(rest[0]) : undefined;
    const contact = named && 'slackUserId' in named ? named.slackUserId : undefined;
    const result = await useBenefit(
      ctx.deps.db,
      ctx.deps.catalog,
      {
        by: ctx.actor.slackUserId,
        partnerId: resolved.partner.id,
        benefit: anchor,
        reference: (contact ? rest.slice(1) : rest).join(' '),
        contactSlackUserId: contact,
        now: ctx.deps.now(),
      },
      ctx.view.today,
    );
    return result.ok ? benefitUsedView(w, result.value) : writeRefusedView(w, result.issues, usage);
  },
};
