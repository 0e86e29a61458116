import type { PartnerRow } from '../../db/repositories/partners.repository.js';
import { quarterCode } from '../../program/objectives.js';
import { quarterContaining } from '../../program/obligations.js';
import { MAX_NOTE_LENGTH } from '../../services/sales-plan.service.js';
import type { ModalMetadata } from '../ids.js';
import type { ModalView } from './blocks.js';
import { objectivesOf } from './sales-plan.view.js';
import { input, modal, modalMetadata, partnerBlocks, textInput } from './write-modals.view.js';
import type { WriteViewContext } from './write-replies.view.js';

export interface SalesPlanModalOptions {
  partner?: Pick<PartnerRow, 'id' | 'name'> | undefined;
  origin: ModalMetadata['o'];
}

/** The objective or forecast form: partner, quarter (the current one by default), € a month. */
function amountModal(
  ctx: WriteViewContext,
  kind: 'objective' | 'forecast',
  options: SalesPlanModalOptions,
): ModalView {
  const o = objectivesOf(ctx).modal;
  return modal(ctx, kind, kind === 'objective' ? o.objectiveTitle : o.forecastTitle, modalMetadata(options), [
    ...partnerBlocks(ctx, options.partner),
    input(
      'quarter',
      o.quarter,
      textInput('quarter', {
        initial: quarterCode(quarterContaining(ctx.today)),
        placeholder: '2026-Q3',
        max: 10,
      }),
      { hint: o.quarterHint },
    ),
    input('amount', o.amount, textInput('amount', { placeholder: '2 500', max: 30 }), {
      hint: ctx.w.modal.amountHint,
    }),
  ]);
}

export const objectiveModal = (ctx: WriteViewContext, options: SalesPlanModalOptions) =>
  amountModal(ctx, 'objective', options);

export const forecastModal = (ctx: WriteViewContext, options: SalesPlanModalOptions) =>
  amountModal(ctx, 'forecast', options);

/** The plan review form: partner and a short note (the review is today's). */
export function reviewModal(ctx: WriteViewContext, options: SalesPlanModalOptions): ModalView {
  const o = objectivesOf(ctx).modal;
  return modal(ctx, 'review', o.reviewTitle, modalMetadata(options), [
    ...partnerBlocks(ctx, options.partner),
    input('note', o.note, textInput('note', { multiline: true, max: MAX_NOTE_LENGTH }), { hint: o.noteHint }),
  ]);
}
