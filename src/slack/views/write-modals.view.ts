import type { types } from '@slack/bolt';
import type { ContactRow, PartnerRow } from '../../db/repositories/partners.repository.js';
import { addMonths, type IsoDate } from '../../program/dates.js';
import { obligationApplies } from '../../program/obligations.js';
import { checklistEntries } from '../../services/checklist.service.js';
import { MAX_REASON_LENGTH } from '../../services/tier-override.service.js';
import { trainingObligations } from '../../services/trainings.service.js';
import {
  encodeValue,
  MODAL_CALLBACK_IDS,
  MODAL_FIELDS,
  type ModalField,
  type ModalMetadata,
} from '../ids.js';
import { context, type KnownBlock, type ModalView, section, truncate } from './blocks.js';
import { basisName, fmt } from './context.js';
import { code, escapeMrkdwn } from './escape.js';
import type { WriteViewContext } from './write-replies.view.js';

/** Block Kit's limits for modals (https://docs.slack.dev/reference/block-kit). */
export const MODAL_LIMITS = {
  blocks: 100,
  title: 24,
  button: 24,
  label: 2000,
  optionText: 75,
  optionValue: 150,
  options: 100,
  privateMetadata: 3000,
} as const;

type Option = types.PlainTextOption;
type PartnerRef = Pick<PartnerRow, 'id' | 'name'>;

export const plain = (text: string, max: number = MODAL_LIMITS.label): types.PlainTextElement => ({
  type: 'plain_text',
  text: truncate(text.trim() === '' ? ' ' : text, max),
  emoji: true,
});

export const option = (text: string, value: string): Option => ({
  text: plain(text, MODAL_LIMITS.optionText),
  value: value.slice(0, MODAL_LIMITS.optionValue),
});

export function input(
  field: ModalField,
  label: string,
  element: types.InputBlockElement,
  options: { hint?: string; optional?: boolean } = {},
): KnownBlock {
  return {
    type: 'input',
    block_id: MODAL_FIELDS[field],
    label: plain(label),
    element,
    ...(options.hint ? { hint: plain(options.hint) } : {}),
    ...(options.optional ? { optional: true } : {}),
  };
}

export function textInput(
  field: ModalField,
  options: { initial?: string; placeholder?: string; multiline?: boolean; max?: number } = {},
) {
  return {
    type: 'plain_text_input' as const,
    action_id: MODAL_FIELDS[field],
    ...(options.initial ? { initial_value: options.initial } : {}),
    ...(options.placeholder ? { placeholder: plain(options.placeholder, 150) } : {}),
    ...(options.multiline ? { multiline: true } : {}),
    ...(options.max ? { max_length: options.max } : {}),
  };
}

/** A write modal's metadata: where it was opened from, and the partner it is about when it is known. */
export function modalMetadata(options: {
  origin: ModalMetadata['o'];
  partner?: Pick<PartnerRow, 'id'> | undefined;
}): ModalMetadata {
  return { o: options.origin, ...(options.partner ? { p: options.partner.id } : {}) };
}

/**
 * A modal within Block Kit's limits: its title and buttons shortened, its blocks cut at 100. Without
 * `submit`, no submit button (a modal that only shows something); without `privateMetadata`, none.
 */
export function modalShell(options: {
  callbackId: string;
  title: string;
  blocks: KnownBlock[];
  submit?: string;
  close: string;
  privateMetadata?: string;
}): ModalView {
  return {
    type: 'modal',
    callback_id: options.callbackId,
    title: plain(options.title, MODAL_LIMITS.title),
    ...(options.submit !== undefined ? { submit: plain(options.submit, MODAL_LIMITS.button) } : {}),
    close: plain(options.close, MODAL_LIMITS.button),
    ...(options.privateMetadata !== undefined ? { private_metadata: options.privateMetadata } : {}),
    blocks: options.blocks.slice(0, MODAL_LIMITS.blocks),
  };
}

/** A write modal: its submit and cancel buttons, and its metadata (where it was opened from). */
export function modal(
  ctx: WriteViewContext,
  kind: keyof typeof MODAL_CALLBACK_IDS,
  title: string,
  metadata: ModalMetadata,
  blocks: KnownBlock[],
): ModalView {
  return modalShell({
    callbackId: MODAL_CALLBACK_IDS[kind],
    title,
    submit: ctx.w.modal.submit,
    close: ctx.w.modal.cancel,
    privateMetadata: encodeValue(metadata),
    blocks,
  });
}

/** The partner: fixed (a card's button, the channel's partner) or typed, resolved on submission. */
export function partnerBlocks(
  ctx: WriteViewContext,
  partner: PartnerRef | undefined,
  initial?: string,
): KnownBlock[] {
  if (partner)
    return [section(ctx.w.modal.partnerFixed(`*${escapeMrkdwn(partner.name)}*`, code(partner.id)))];
  return [
    input(
      'partner',
      ctx.w.modal.partner,
      textInput('partner', { max: 100, ...(initial ? { initial } : {}) }),
      {
        hint: ctx.w.modal.partnerHint,
      },
    ),
  ];
}

export interface RevenueModalOptions {
  /** With its type, the title names the revenue its tier is based on ("Saisir le RRM"). */
  partner?: (PartnerRef & Partial<Pick<PartnerRow, 'type'>>) | undefined;
  origin: ModalMetadata['o'];
  initial?: { partner?: string; month?: string; category?: string; amount?: string };
}

/** Record revenue: partner, month (last month by default), category, amount. */
export function revenueModal(ctx: WriteViewContext, options: RevenueModalOptions): ModalView {
  const f = fmt(ctx);
  const m = ctx.w.modal;
  const categories = ctx.catalog.revenueCategories.map((c) => option(f.label(c.label), c.code));
  const initialCategory =
    categories.find((o) => o.value === (options.initial?.category ?? 'recurring')) ?? categories[0];
  const lastMonth = addMonths(`${ctx.today.slice(0, 7)}-01`, -1).slice(0, 7);
  return modal(
    ctx,
    'revenue',
    options.partner?.type ? m.revenueTitleFor(basisName(ctx, options.partner.type)) : m.revenueTitle,
    modalMetadata(options),
    [
      ...partnerBlocks(ctx, options.partner, options.initial?.partner),
      input(
        'month',
        m.month,
        textInput('month', { initial: options.initial?.month ?? lastMonth, placeholder: 'YYYY-MM', max: 10 }),
        {
          hint: m.monthHint,
        },
      ),
      input('category', m.category, {
        type: 'static_select',
        action_id: MODAL_FIELDS.category,
        options: categories,
        ...(initialCategory ? { initial_option: initialCategory } : {}),
      }),
      input(
        'amount',
        m.amount,
        textInput('amount', { initial: options.initial?.amount, placeholder: '1 234,56', max: 30 }),
        {
          hint: m.amountHint,
        },
      ),
    ],
  );
}

export interface DoneModalOptions {
  /** With its type and program, only the items that apply to it are offered. */
  partner?: Pick<PartnerRow, 'id' | 'name' | 'type' | 'operatorProgram'> | undefined;
  /** The partner's contacts, for the training's contact picker (a Slack user picker without a partner). */
  contacts?: ContactRow[];
  origin: ModalMetadata['o'];
  initialItem?: string;
}

/**
 * Mark done: a training (for one contact) or a checklist item (for the partner), and the day. The item
 * list groups trainings, documents and follow-up, and the Experts Zen requirements.
 */
export function doneModal(ctx: WriteViewContext, options: DoneModalOptions): ModalView {
  const f = fmt(ctx);
  const m = ctx.w.modal;
  const partner = options.partner;
  const applies = (o: (typeof ctx.catalog.obligations)[number]) =>
    !partner || obligationApplies(o, partner.type, partner.operatorProgram);
  const trainings = trainingObligations(ctx.catalog).filter(applies);
  const entries = checklistEntries(ctx.catalog).filter((e) => !e.obligation || applies(e.obligation));
  const labelled = (label: string, itemCode: string) => option(`${label} (${itemCode})`, itemCode);
  const groups: { label: types.PlainTextElement; options: Option[] }[] = [
    { label: plain(m.trainingsGroup, 75), options: trainings.map((o) => labelled(f.label(o.label), o.code)) },
    {
      label: plain(m.obligationsGroup, 75),
      options: entries.filter((e) => e.group === 'obligation').map((e) => labelled(f.label(e.label), e.code)),
    },
    {
      label: plain(m.zenGroup, 75),
      options: entries.filter((e) => e.group === 'zen').map((e) => labelled(f.label(e.label), e.code)),
    },
  ].filter((g) => g.options.length > 0);
  const initial = groups.flatMap((g) => g.options).find((o) => o.value === options.initialItem);

  const blocks: KnownBlock[] = [
    ...partnerBlocks(ctx, partner),
    input(
      'item',
      m.item,
      {
        type: 'static_select',
        action_id: MODAL_FIELDS.item,
        option_groups: groups,
        ...(initial ? { initial_option: initial } : {}),
      },
      { hint: m.itemHint },
    ),
  ];
  blocks.push(...contactBlocks(ctx, partner, options.contacts));
  blocks.push(
    input('date', m.date, { type: 'datepicker', action_id: MODAL_FIELDS.date, initial_date: ctx.today }),
  );
  return modal(ctx, 'done', m.doneTitle, modalMetadata(options), blocks);
}

/**
 * The contact picker (optional): the partner's contacts when it is known, else any Slack user; a note
 * when the partner has no contact.
 */
export function contactBlocks(
  ctx: WriteViewContext,
  partner: PartnerRef | undefined,
  contacts: ContactRow[] | undefined,
): KnownBlock[] {
  const m = ctx.w.modal;
  if (partner && contacts) {
    // A select needs an option: contacts not on Slack cannot be picked (Slack refuses an empty select).
    const onSlack = contacts.flatMap((c) => (c.slackUserId ? [{ ...c, slackUserId: c.slackUserId }] : []));
    if (onSlack.length === 0) return [context(m.noContacts)];
    return [
      input(
        'contact',
        m.contact,
        {
          type: 'static_select',
          action_id: MODAL_FIELDS.contact,
          options: onSlack
            .slice(0, MODAL_LIMITS.options)
            .map((c) => option(`${c.name} (${profilesLabel(ctx, c.profiles)})`, c.slackUserId)),
        },
        { optional: true, hint: m.contactHint },
      ),
    ];
  }
  return [
    input(
      'contact',
      m.contact,
      { type: 'users_select', action_id: MODAL_FIELDS.contact },
      { optional: true, hint: m.contactHint },
    ),
  ];
}

/** A contact's profiles, in the catalog's order: "Admin, Vente". */
function profilesLabel(ctx: WriteViewContext, profiles: readonly string[]): string {
  return ctx.catalog.profiles
    .filter((p) => profiles.includes(p.code))
    .map((p) => fmt(ctx).label(p.label))
    .join(', ');
}

export interface OverrideModalOptions {
  partner?: Pick<PartnerRow, 'id' | 'name' | 'tier' | 'tierSince'> | undefined;
  origin: ModalMetadata['o'];
}

/** Override the tier: the new tier and the reason (recorded in the history). */
export function overrideModal(ctx: WriteViewContext, options: OverrideModalOptions): ModalView {
  const f = fmt(ctx);
  const m = ctx.w.modal;
  const partner = options.partner;
  const tiers = ctx.catalog.tiers
    .filter((t) => t.code !== partner?.tier)
    .map((t) => option(f.label(t.label), t.code));
  const blocks: KnownBlock[] = [...partnerBlocks(ctx, partner)];
  if (partner)
    blocks.push(
      context(m.currentTier(escapeMrkdwn(f.tier(partner.tier)), f.date(partner.tierSince as IsoDate))),
    );
  blocks.push(
    input('tier', m.tier, { type: 'static_select', action_id: MODAL_FIELDS.tier, options: tiers }),
    input('reason', m.reason, textInput('reason', { multiline: true, max: MAX_REASON_LENGTH }), {
      hint: m.reasonHint,
    }),
  );
  return modal(ctx, 'override', m.overrideTitle, modalMetadata(options), blocks);
}

/** The input blocks a modal has, to put an error next to one that exists. */
export function inputFields(modalView: ModalView): ModalField[] {
  return modalView.blocks
    .filter((b): b is types.InputBlock => b.type === 'input')
    .map((b) => b.block_id as ModalField);
}
