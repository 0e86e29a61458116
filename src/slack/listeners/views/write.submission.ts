import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Locale } from '../../../program/catalog.schema.js';
import { identifyActor } from '../../../services/actor.service.js';
import { markChecklistDone } from '../../../services/checklist.service.js';
import { lookupPartner } from '../../../services/partner-lookup.service.js';
import { recordRevenue } from '../../../services/revenue.service.js';
import { giveForecast, recordPlanReview, setObjective } from '../../../services/sales-plan.service.js';
import { overrideTier } from '../../../services/tier-override.service.js';
import { findTraining, recordTraining } from '../../../services/trainings.service.js';
import { issueField, type WriteIssue, type WriteResult } from '../../../services/write-issues.js';
import {
  decodeValue,
  MODAL_CALLBACK_IDS,
  type ModalField,
  type ModalKind,
  type ModalMetadata,
  modalMetadata,
} from '../../ids.js';
import { MAX_QUERY_LENGTH } from '../../partner-command/parse.js';
import type { View } from '../../views/blocks.js';
import { forecastGivenView, objectiveSetView, planReviewedView } from '../../views/sales-plan.view.js';
import {
  checklistMarkedView,
  plainIssueText,
  revenueRecordedView,
  tierOverriddenView,
  trainingRecordedView,
  type WriteViewContext,
} from '../../views/write-replies.view.js';
import { type ListenerDeps, writeContext } from '../deps.js';
import { publishHome } from '../events/app-home.event.js';
import type { ListenerApp } from '../routes.js';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
export type StateValues = ViewSubmitAction['view']['state']['values'];

/** The value of one input (text, select, user picker, date picker), trimmed; '' when empty. */
export function fieldValue(values: StateValues, field: ModalField): string {
  const element = values[field]?.[field] as
    | {
        value?: string | null;
        selected_option?: { value?: string } | null;
        selected_user?: string | null;
        selected_date?: string | null;
      }
    | undefined;
  if (!element) return '';
  return (
    element.value ??
    element.selected_option?.value ??
    element.selected_user ??
    element.selected_date ??
    ''
  ).trim();
}

/** The inputs each form has (the partner's only when it was not chosen before opening). */
const FIELDS: Record<ModalKind, ModalField[]> = {
  revenue: ['partner', 'month', 'category', 'amount'],
  done: ['partner', 'item', 'contact', 'date'],
  override: ['partner', 'tier', 'reason'],
  objective: ['partner', 'quarter', 'amount'],
  forecast: ['partner', 'quarter', 'amount'],
  review: ['partner', 'note'],
};

function fieldsOf(kind: ModalKind, metadata: ModalMetadata, values: StateValues): ModalField[] {
  return FIELDS[kind].filter((f) => {
    if (f === 'partner') return metadata.p === undefined;
    if (f === 'contact') return f in values || metadata.p === undefined;
    return true;
  });
}

/** Errors keyed by the input they are about (an issue about no input goes on the first one). */
function fieldErrors(
  fields: ModalField[],
  issues: { field: ModalField | undefined; text: string }[],
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, text } of issues) {
    const target = field && fields.includes(field) ? field : fields[0]!;
    errors[target] = errors[target] ? `${errors[target]} ${text}` : text;
  }
  return errors;
}

type PartnerChoice = { partnerId: string } | { error: string };

/** The partner of a submission: chosen before opening, or typed (resolved like /partner does). */
async function submittedPartner(
  deps: ListenerDeps,
  ctx: WriteViewContext,
  userId: string,
  metadata: ModalMetadata,
  values: StateValues,
): Promise<PartnerChoice> {
  if (metadata.p !== undefined) return { partnerId: metadata.p };
  const m = ctx.w.modal;
  const typed = fieldValue(values, 'partner').slice(0, MAX_QUERY_LENGTH);
  if (!typed) return { error: m.partnerMissing };
  const actor = await identifyActor(deps.db, userId);
  const lookup = await lookupPartner(deps.partners, actor, typed, undefined);
  const names = (list: { id: string; name: string }[]) => list.map((p) => `${p.name} (${p.id})`).join(', ');
  switch (lookup.kind) {
    case 'found':
      return { partnerId: lookup.partner.id };
    case 'ambiguous':
      return { error: m.partnerAmbiguous(typed, names(lookup.candidates)) };
    case 'none':
      return {
        error: [
          m.partnerNone(typed),
          ...(lookup.suggestions.length ? [m.partnerSuggestions(names(lookup.suggestions))] : []),
        ].join(' '),
      };
    case 'unspecified':
      return { error: m.partnerMissing };
    case 'forbidden':
      return { error: ctx.w.staffOnly };
  }
}

export type Submitted = WriteResult<View>;

/** Calls the service the form is for, with the submitted values; the confirmation on success. */
async function submit(
  deps: ListenerDeps,
  ctx: WriteViewContext,
  kind: ModalKind,
  userId: string,
  partnerId: string,
  values: StateValues,
): Promise<Submitted> {
  const today = deps.today();
  const rendered = <T>(result: WriteResult<T>, render: (value: T) => View): Submitted =>
    result.ok ? { ok: true, value: render(result.value) } : result;
  switch (kind) {
    case 'revenue':
      return rendered(
        await recordRevenue(
          deps.db,
          deps.catalog,
          {
            by: userId,
            partnerId,
            month: fieldValue(values, 'month'),
            category: fieldValue(values, 'category'),
            amount: fieldValue(values, 'amount'),
            now: deps.now(),
          },
          today,
        ),
        (r) => revenueRecordedView(ctx, r),
      );
    case 'done': {
      const item = fieldValue(values, 'item');
      const completedOn = fieldValue(values, 'date');
      if (findTraining(deps.catalog, item)) {
        const contact = fieldValue(values, 'contact');
        return rendered(
          await recordTraining(
            deps.db,
            deps.catalog,
            {
              by: userId,
              contact: contact ? { slackUserId: contact } : undefined,
              training: item,
              completedOn,
              partnerId,
              now: deps.now(),
            },
            today,
            { locale: deps.config.LOCALE },
          ),
          (r) => trainingRecordedView(ctx, r, 'staff'),
        );
      }
      return rendered(
        await markChecklistDone(deps.db, deps.catalog, { by: userId, partnerId, item, completedOn }, today),
        (r) => checklistMarkedView(ctx, r),
      );
    }
    case 'override':
      return rendered(
        await overrideTier(
          deps.db,
          deps.catalog,
          {
            by: userId,
            partnerId,
            tier: fieldValue(values, 'tier'),
            reason: fieldValue(values, 'reason'),
            now: deps.now(),
          },
          today,
        ),
        (r) => tierOverriddenView(ctx, r),
      );
    case 'objective':
      return rendered(
        await setObjective(deps.db, {
          by: userId,
          partnerId,
          quarter: fieldValue(values, 'quarter'),
          amount: fieldValue(values, 'amount'),
          now: deps.now(),
        }),
        (r) => objectiveSetView(ctx, r),
      );
    case 'forecast':
      return rendered(
        await giveForecast(
          deps.db,
          deps.catalog,
          {
            by: userId,
            partnerId,
            quarter: fieldValue(values, 'quarter'),
            amount: fieldValue(values, 'amount'),
            now: deps.now(),
          },
          today,
        ),
        (r) => forecastGivenView(ctx, r),
      );
    case 'review':
      return rendered(
        await recordPlanReview(deps.db, { by: userId, partnerId, note: fieldValue(values, 'note') }, today),
        (r) => planReviewedView(ctx, r),
      );
  }
}

/** A training issue goes next to the item picker, which lists trainings too. */
function formField(issue: WriteIssue): ModalField | undefined {
  const field = issueField(issue);
  return field === 'training' ? 'item' : field;
}

/** What a form's submission does: its inputs, the service it calls, and which input an issue is about. */
export interface WriteForm {
  /** The inputs the form has, given where it was opened (the partner's only when not chosen before). */
  fields: (metadata: ModalMetadata, values: StateValues) => ModalField[];
  submit: (
    ctx: WriteViewContext,
    userId: string,
    partnerId: string,
    values: StateValues,
  ) => Promise<Submitted>;
  /** The input an issue goes next to (else the first one); formField by default. */
  field?: (issue: WriteIssue) => ModalField | undefined;
}

/** The inputs of a form that asks for the partner only when it was not chosen before opening. */
export const withPartnerField =
  (fields: ModalField[]) =>
  (metadata: ModalMetadata): ModalField[] =>
    metadata.p === undefined ? ['partner', ...fields] : fields;

/**
 * A form submitted: validated by the service (which also checks the asker is staff). Problems come back
 * next to their inputs (response_action: errors) and nothing is written; on success the form closes and
 * the user gets the confirmation in a direct message (and a fresh Home tab when it came from there).
 */
function submission(deps: ListenerDeps, kind: ModalKind) {
  return formSubmission(deps, {
    fields: (metadata, values) => fieldsOf(kind, metadata, values),
    submit: (ctx, userId, partnerId, values) => submit(deps, ctx, kind, userId, partnerId, values),
  });
}

/** The submission listener of a write form (see submission). */
export function formSubmission(deps: ListenerDeps, form: WriteForm) {
  const field = form.field ?? formField;
  return async ({ ack, body, view, client, logger }: SubmitArgs) => {
    const userId = body.user.id;
    const metadata = decodeValue(modalMetadata, view.private_metadata) ?? { o: 'message' as const };
    const values = view.state.values;
    const fields = form.fields(metadata, values);
    let locale: Locale = deps.config.LOCALE;
    try {
      locale = await deps.locales(client, userId);
      const ctx = writeContext(deps, locale);
      const partner = await submittedPartner(deps, ctx, userId, metadata, values);
      if ('error' in partner) {
        await ack({
          response_action: 'errors',
          errors: fieldErrors(fields, [{ field: 'partner', text: partner.error }]),
        });
        return;
      }
      const result = await form.submit(ctx, userId, partner.partnerId, values);
      if (!result.ok) {
        const issues = result.issues.map((issue) => ({
          field: issue.code === 'not-allowed' ? undefined : field(issue),
          text:
            issue.code === 'not-allowed'
              ? ctx.w.staffOnly
              : issue.code === 'contact-missing'
                ? ctx.w.modal.contactMissing
                : plainIssueText(ctx, issue),
        }));
        await ack({ response_action: 'errors', errors: fieldErrors(fields, issues) });
        return;
      }
      await ack();
      await client.chat
        .postMessage({ channel: userId, text: result.value.text, blocks: result.value.blocks })
        .catch((error: unknown) =>
          logger.error(`${view.callback_id}: could not send the confirmation`, error),
        );
      if (metadata.o === 'home')
        await publishHome(deps, client, userId, { locale }).catch((error: unknown) =>
          logger.error(`${view.callback_id}: could not refresh the Home tab`, error),
        );
    } catch (error) {
      logger.error(`${view.callback_id}: failed`, error);
      const ctx = writeContext(deps, locale);
      await ack({
        response_action: 'errors',
        errors: fieldErrors(fields, [
          { field: undefined, text: ctx.m.unavailable.replace(/:warning:\s*/, '') },
        ]),
      }).catch(() => {});
    }
  };
}

export function registerWriteSubmissions(app: ListenerApp, deps: ListenerDeps): void {
  app.view<ViewSubmitAction>(MODAL_CALLBACK_IDS.revenue, submission(deps, 'revenue'));
  app.view<ViewSubmitAction>(MODAL_CALLBACK_IDS.done, submission(deps, 'done'));
  app.view<ViewSubmitAction>(MODAL_CALLBACK_IDS.override, submission(deps, 'override'));
  app.view<ViewSubmitAction>(MODAL_CALLBACK_IDS.objective, submission(deps, 'objective'));
  app.view<ViewSubmitAction>(MODAL_CALLBACK_IDS.forecast, submission(deps, 'forecast'));
  app.view<ViewSubmitAction>(MODAL_CALLBACK_IDS.review, submission(deps, 'review'));
}
