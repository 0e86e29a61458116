import type { types } from '@slack/bolt';
import type { ContactRow, PartnerRow } from '../../db/repositories/partners.repository.js';
import type { ZenListingRow } from '../../db/repositories/zen-listings.repository.js';
import { type DepthModalsMessages, depthModalsMessages } from '../../i18n/depth-modals.js';
import { MAX_REFERENCE_LENGTH } from '../../services/benefit-uses.service.js';
import { MODAL_FIELDS, type ModalMetadata } from '../ids.js';
import type { KnownBlock, ModalView } from './blocks.js';
import { fmt } from './context.js';
import {
  contactBlocks,
  input,
  MODAL_LIMITS,
  modal,
  modalMetadata,
  option,
  partnerBlocks,
  plain,
  textInput,
} from './write-modals.view.js';
import type { WriteViewContext } from './write-replies.view.js';

/**
 * The forms of the program's depth (issue 14), opened by their commands typed alone: a benefit used
 * (`/partner use`), an operator's fees (`/partner fees`), an Experts Zen listing (`/partner zen list`).
 * Each submits to the same service as its command (listeners/views/depth.submission.ts).
 */

export interface DepthModalOptions {
  partner?: Pick<PartnerRow, 'id' | 'name'> | undefined;
  origin: ModalMetadata['o'];
}

const messages = (ctx: WriteViewContext): DepthModalsMessages => depthModalsMessages[ctx.locale];

/** The benefit words the form submits, as `/partner use` reads them. */
export const USE_BENEFITS = ['bizbooster', 'training', 'tech-review'] as const;

/** A benefit used: which one, its reference (order, training, note), the contact for the free seat. */
export function useModal(
  ctx: WriteViewContext,
  options: DepthModalOptions & { contacts?: ContactRow[] | undefined },
): ModalView {
  const u = messages(ctx).use;
  const names = { bizbooster: u.bizbooster, training: u.training, 'tech-review': u.techReview };
  return modal(ctx, 'use', u.title, modalMetadata(options), [
    ...partnerBlocks(ctx, options.partner),
    input('benefit', u.benefit, {
      type: 'static_select',
      action_id: MODAL_FIELDS.benefit,
      options: USE_BENEFITS.map((b) => option(names[b], b)),
    }),
    input('reference', u.reference, textInput('reference', { multiline: true, max: MAX_REFERENCE_LENGTH }), {
      hint: u.referenceHint,
    }),
    ...contactBlocks(ctx, options.partner, options.contacts).map((block) =>
      block.type === 'input' ? { ...block, label: plain(u.contact), hint: plain(u.contactHint) } : block,
    ),
  ]);
}

/** An operator's fees: the day its opening fee was paid, the retrocession agreed (either may stay empty). */
export function feesModal(ctx: WriteViewContext, options: DepthModalOptions): ModalView {
  const f = fmt(ctx);
  const m = messages(ctx).fees;
  const programs = ctx.catalog.operatorPrograms
    .filter((p) => p.retrocessionPercent)
    .map((p) => `${f.label(p.label)}${f.colon} ${f.label(p.fees)}`)
    .join(' · ');
  return modal(ctx, 'fees', m.title, modalMetadata(options), [
    ...partnerBlocks(ctx, options.partner),
    input(
      'date',
      m.paidOn,
      { type: 'datepicker', action_id: MODAL_FIELDS.date },
      { optional: true, hint: m.paidOnHint },
    ),
    input('rate', m.rate, textInput('rate', { placeholder: '2,5', max: 10 }), {
      optional: true,
      hint: m.rateHint(programs),
    }),
  ]);
}

/**
 * An Experts Zen listing: the domains (the catalog's, grouped as the deck does), the zone, the time;
 * filled in with the partner's listing when it has one (listing again updates it).
 */
export function zenListModal(
  ctx: WriteViewContext,
  options: DepthModalOptions & {
    listing?: Pick<ZenListingRow, 'domains' | 'departements' | 'interventionHours'>;
  },
): ModalView {
  const f = fmt(ctx);
  const z = messages(ctx).zen;
  const seen = new Set<string>();
  const groups: { label: types.PlainTextElement; options: types.PlainTextOption[] }[] = [];
  for (const domain of ctx.catalog.expertsZen.domains) {
    // Cisco is an IPBX and a network brand: one option (a select's values are unique).
    const items = domain.items.filter((item) => !seen.has(item) && seen.add(item));
    if (items.length)
      groups.push({ label: plain(f.label(domain.label), 75), options: items.map((i) => option(i, i)) });
  }
  const listing = options.listing;
  const listed = groups.flatMap((g) => g.options).filter((o) => listing?.domains.includes(o.value!));
  const blocks: KnownBlock[] = [
    ...partnerBlocks(ctx, options.partner),
    input(
      'domains',
      z.domains,
      {
        type: 'multi_static_select',
        action_id: MODAL_FIELDS.domains,
        option_groups: groups,
        max_selected_items: Math.min(seen.size, MODAL_LIMITS.options),
        ...(listed.length ? { initial_options: listed } : {}),
      },
      { hint: z.domainsHint },
    ),
    input(
      'zone',
      z.zone,
      textInput('zone', { placeholder: '69, 01, 38', max: 500, initial: listing?.departements.join(', ') }),
      { hint: z.zoneHint },
    ),
    input(
      'hours',
      z.hours,
      textInput('hours', {
        placeholder: '4',
        max: 10,
        initial: listing && String(listing.interventionHours),
      }),
    ),
  ];
  return modal(ctx, 'zenList', z.title, modalMetadata(options), blocks);
}
