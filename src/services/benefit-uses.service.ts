import type { BenefitUseRow } from '../db/repositories/benefit-uses.repository.js';
import type { ContactRow, PartnerRow } from '../db/repositories/partners.repository.js';
import { FREE_TRAINING, isBizBooster, TECH_REVIEW } from '../program/benefit-uses.js';
import { benefitsInForce } from '../program/benefits.js';
import type { Benefit } from '../program/catalog.schema.js';
import { searchKey } from '../program/text.js';
import { entryDate } from '../program/tier-entries.js';
import { partnerEntries } from './partner-status.service.js';
import { refused, succeeded } from './write-issues.js';
import { staffPartnerWrite } from './write-transaction.js';

export const MAX_REFERENCE_LENGTH = 200;

/** The words a benefit is named by in `/partner use`: BizBooster, the free training seat, the tech review. */
const KINDS: Record<string, 'bizbooster' | typeof FREE_TRAINING | typeof TECH_REVIEW> = {
  bizbooster: 'bizbooster',
  'biz-booster': 'bizbooster',
  promo: 'bizbooster',
  training: FREE_TRAINING,
  formation: FREE_TRAINING,
  'free-training': FREE_TRAINING,
  'formation-gratuite': FREE_TRAINING,
  'tech-review': TECH_REVIEW,
  'monthly-tech-review': TECH_REVIEW,
  'point-technique': TECH_REVIEW,
  technique: TECH_REVIEW,
};

export const BENEFIT_WORDS = Object.keys(KINDS);

export interface UseBenefitInput {
  by: string;
  partnerId: string;
  /** bizbooster, training, tech-review (or their French words), as typed. */
  benefit: string;
  /** The order reference (BizBooster), the training (free seat), the note (tech review). */
  reference: string;
  /** The contact who takes the free training seat, by Slack id. */
  contactSlackUserId?: string | undefined;
  now: Date;
}

export interface BenefitUsed {
  partner: PartnerRow;
  benefit: Benefit;
  use: BenefitUseRow;
  contact?: ContactRow;
}

/**
 * Records a benefit used (staff, audited `benefit.use`): BizBooster once per tier entry while it is
 * available, the Premium free training seat once per calendar year (a contact and the training), the
 * Premium technical review once a month (today's month, with a note).
 */
export const useBenefit = staffPartnerWrite<UseBenefitInput, BenefitUsed>(
  async (repos, { partner, issues }, { catalog, input, today }) => {
    const word = searchKey(input.benefit).replace(/\s+/g, '-');
    const kind = word ? KINDS[word] : undefined;
    if (!word) issues.push({ code: 'benefit-missing' });
    else if (!kind) issues.push({ code: 'benefit-unknown', value: input.benefit.trim() });
    if (!partner || !kind) return refused(...issues);

    // The tier entry days need the partner (locked above) and its tier history only, not its whole record.
    const entries = partnerEntries(catalog, {
      partner,
      history: await repos.tierHistory.changesOf(partner.id),
    });
    const inForce = benefitsInForce(catalog, { tier: partner.tier, entries }, today);
    const held = inForce.find((b) =>
      kind === 'bizbooster' ? isBizBooster(b.benefit) : b.benefit.code === kind,
    );
    const catalogBenefit =
      held?.benefit ??
      catalog.benefits.find((b) => (kind === 'bizbooster' ? isBizBooster(b) : b.code === kind))!;
    if (!held)
      issues.push({ code: 'benefit-not-held', benefit: catalogBenefit.code, partnerName: partner.name });

    const reference = input.reference.replace(/\s+/g, ' ').trim();
    if (!reference) issues.push({ code: 'reference-missing', benefit: catalogBenefit.code });
    else if (reference.length > MAX_REFERENCE_LENGTH)
      issues.push({ code: 'reference-too-long', max: MAX_REFERENCE_LENGTH });

    let contact: ContactRow | undefined;
    if (kind === FREE_TRAINING) {
      if (!input.contactSlackUserId) issues.push({ code: 'contact-missing' });
      else {
        contact = await repos.contacts.bySlackUserId(input.contactSlackUserId);
        if (!contact) issues.push({ code: 'contact-unknown', value: input.contactSlackUserId });
        else if (contact.partnerId !== partner.id)
          issues.push({
            code: 'contact-other-partner',
            contactName: contact.name,
            partnerName: partner.name,
          });
      }
    }
    if (issues.length || !held) return refused(...issues);

    const period =
      kind === 'bizbooster'
        ? entryDate(entries, held.benefit.tier)
        : kind === FREE_TRAINING
          ? today.slice(0, 4)
          : today.slice(0, 7);
    const earlier = await repos.benefitUses.forPeriod(partner.id, held.benefit.code, period);
    if (earlier)
      return refused({
        code: 'benefit-used',
        benefit: held.benefit.code,
        usedOn: earlier.usedOn,
        reference: earlier.reference,
      });
    if (kind === 'bizbooster' && held.status === 'expired')
      return refused({ code: 'benefit-expired', benefit: held.benefit.code, expiredOn: held.expiresOn! });

    const use = await repos.benefitUses.add({
      partnerId: partner.id,
      benefit: held.benefit.code,
      period,
      usedOn: today,
      reference,
      contactId: contact?.id ?? null,
      recordedBy: input.by,
    });
    // Two managers at once: the unique key keeps one, the other is told it was used.
    if (!use) return refused({ code: 'benefit-used', benefit: held.benefit.code, usedOn: today, reference });
    await repos.audit.record({
      actor: input.by,
      action: 'benefit.use',
      partnerId: partner.id,
      details: {
        benefit: held.benefit.code,
        period,
        reference,
        ...(contact ? { contactId: contact.id } : {}),
      },
    });
    return succeeded({ partner, benefit: held.benefit, use, ...(contact ? { contact } : {}) });
  },
);
