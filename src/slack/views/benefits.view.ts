import { benefitUsesMessages } from '../../i18n/benefit-uses.js';
import type { BenefitInForce } from '../../program/benefits.js';
import type { PartnerStatus } from '../../services/partner-status.service.js';
import { benefitUsesLines } from './benefit-uses.view.js';
import {
  actions,
  context,
  header,
  type KnownBlock,
  lineSections,
  section,
  type View,
  view,
} from './blocks.js';
import { fmt, shareButton, type ViewContext } from './context.js';
import { escapeMrkdwn } from './escape.js';

/** "BizBooster until 31 Mar 2027" (its last day) / "expired on 1 Apr 2027", for the time-limited benefits in force. */
export function bizBoosterNotes(ctx: ViewContext, benefits: BenefitInForce[]): string[] {
  const f = fmt(ctx);
  return benefits
    .filter((b) => b.expiresOn !== undefined)
    .map((b) =>
      b.status === 'active'
        ? ctx.m.benefits.bizBoosterActive(f.date(b.lastDay!))
        : ctx.m.benefits.bizBoosterExpired(f.date(b.expiresOn!)),
    );
}

export function benefitsView(ctx: ViewContext, status: PartnerStatus): View {
  const f = fmt(ctx);
  const { m } = ctx;
  const { partner } = status.record;
  const tierLabel = f.label(status.tier.label);
  const b = m.bullet;
  const inForce = status.benefits.map((item) => {
    const text = `${b} ${f.text(item.benefit.label)}`;
    if (item.expiresOn === undefined) return text;
    return item.status === 'active'
      ? `${text}${f.colon} _${m.benefits.activeUntil(f.date(item.lastDay!))}_`
      : `${b} ~${f.text(item.benefit.label)}~ _${m.benefits.expiredOn(f.date(item.expiresOn))}_`;
  });
  const blocks: KnownBlock[] = [
    header(m.benefits.title(partner.name)),
    ...lineSections([m.benefits.inForce(escapeMrkdwn(tierLabel)), ...inForce], {
      maxBlocks: 10,
      more: f.more,
    }),
  ];
  const next = status.progress.nextTier;
  if (next && status.nextTierBenefits.length > 0) {
    blocks.push(
      ...lineSections(
        [
          m.benefits.nextAdds(escapeMrkdwn(f.label(next.label))),
          ...status.nextTierBenefits.map((benefit) => `${b} ${f.text(benefit.label)}`),
        ],
        { maxBlocks: 10, more: f.more },
      ),
    );
  } else if (!next) {
    blocks.push(context(m.benefits.topTier));
  }
  if (status.depth) {
    const used = benefitUsesLines(ctx, status.depth.benefitUses, status.record.contacts);
    if (used.length) blocks.push(section([benefitUsesMessages[ctx.locale].title, ...used].join('\n')));
  }
  blocks.push(context(m.benefits.dedicated));
  blocks.push(...actions([shareButton(ctx, partner.id, 'benefits')]));
  return view(m.benefits.text(escapeMrkdwn(partner.name), escapeMrkdwn(tierLabel)), blocks);
}
