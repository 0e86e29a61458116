import { objectivesMessages } from '../../../i18n/objectives.js';
import { recordPlanReview } from '../../../services/sales-plan.service.js';
import { planReviewedView } from '../../views/sales-plan.view.js';
import { reviewModal } from '../../views/sales-plan-modals.view.js';
import type { CommandContext, Subcommand } from '../types.js';
import type { AnchoredReading } from './args.js';
import { partnerFormReply, runWrite, writeContext } from './common.js';
import { membershipPartner } from './membership.js';

/** A partner's name is at most this many words (more would be a lookup per word of the note). */
const MAX_NAME_WORDS = 5;

/**
 * Every reading of `<partner> <note…>`, the longest partner first (so that "Acme Telecom" wins over the
 * prefix "Acme"), then the channel's partner with the whole text as the note.
 */
function reviewReadings(args: string): AnchoredReading[] {
  const tokens = args.split(' ').filter(Boolean);
  const readings: AnchoredReading[] = [];
  for (let i = 1; i <= Math.min(tokens.length, MAX_NAME_WORDS); i++)
    readings.unshift({ partner: tokens.slice(0, i).join(' '), anchor: '', rest: tokens.slice(i) });
  readings.push({ partner: '', anchor: '', rest: tokens });
  return readings;
}

/** The longest reading that names a partner; without a match, the answer about the first word (the likeliest partner). */
async function reviewPartner(ctx: CommandContext, readings: AnchoredReading[], usage: string) {
  const resolved = await membershipPartner(ctx, readings, usage);
  if (resolved.kind === 'reply' && readings.length > 1)
    return membershipPartner(ctx, [readings.at(-2)!], usage);
  return resolved;
}

/** `review [partner] <note…>`: today's development plan review (staff, audited); alone, the form. */
export const reviewSubcommand: Subcommand = {
  name: 'review',
  aliases: ['suivi', 'plan-review', 'revue'],
  access: 'staff',
  help: (m) => objectivesMessages[m.locale].help.review,
  async run(ctx) {
    const w = writeContext(ctx);
    const usage = [objectivesMessages[ctx.view.locale].usage.review];
    if (!ctx.args) return partnerFormReply(ctx, reviewModal);
    const readings = reviewReadings(ctx.args);
    return runWrite(ctx, () => reviewPartner(ctx, readings, usage[0]!), {
      usage,
      record: ({ by, partnerId }, { rest }) =>
        recordPlanReview(ctx.deps.db, { by, partnerId, note: rest.join(' ') }, ctx.view.today),
      confirm: (r) => planReviewedView(w, r),
    });
  },
};
