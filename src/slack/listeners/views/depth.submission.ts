import type { ViewSubmitAction } from '@slack/bolt';
import { useBenefit } from '../../../services/benefit-uses.service.js';
import { recordOperatorFees } from '../../../services/operator-fees.service.js';
import { issueField, type WriteIssue, type WriteResult } from '../../../services/write-issues.js';
import { listInZen } from '../../../services/zen-directory.service.js';
import { MODAL_CALLBACK_IDS, type ModalField } from '../../ids.js';
import type { WriteBase } from '../../partner-command/writes/common.js';
import { benefitUsedView } from '../../views/benefit-uses.view.js';
import type { View } from '../../views/blocks.js';
import { operatorFeesRecordedView } from '../../views/operator-fees.view.js';
import type { WriteViewContext } from '../../views/write-replies.view.js';
import { zenListedView } from '../../views/zen-directory.view.js';
import type { ListenerDeps } from '../deps.js';
import type { ListenerApp } from '../routes.js';
import {
  fieldValue,
  formSubmission,
  type StateValues,
  type WriteForm,
  withPartnerField,
} from './write.submission.js';

/** A value the form leaves empty is one the service keeps as recorded. */
const given = (value: string) => (value === '' ? undefined : value);

/** The options picked in a multi-select, joined as the command types them (« 3CX, Fortinet »). */
function pickedValues(values: StateValues, field: ModalField): string {
  const element = values[field]?.[field] as { selected_options?: { value?: string }[] | null } | undefined;
  return (element?.selected_options ?? []).flatMap((o) => (o.value ? [o.value] : [])).join(', ');
}

/** The input an issue is about (issueField), among those these forms have. */
function inputOf(issue: WriteIssue): ModalField | undefined {
  const field = issueField(issue);
  return field === 'training' ? undefined : field;
}

/** The Experts Zen listing's issues go next to their inputs; the rest (eligibility) on the first one. */
function zenField(issue: WriteIssue): ModalField | undefined {
  switch (issue.code) {
    case 'zen-domains-missing':
    case 'zen-domain-unknown':
      return 'domains';
    case 'zen-departements-missing':
    case 'zen-departement-invalid':
      return 'zone';
    case 'zen-hours-invalid':
      return 'hours';
    default:
      return undefined;
  }
}

/** Who submits, on which partner, when: what each service is given. */
/** A depth form: its inputs, the service call with the submitted values, the confirmation. */
function depthForm<T>(
  deps: ListenerDeps,
  form: Pick<WriteForm, 'fields' | 'field'> & {
    record: (base: WriteBase, values: StateValues) => Promise<WriteResult<T>>;
    confirm: (ctx: WriteViewContext, value: T) => View;
  },
) {
  return formSubmission(deps, {
    fields: form.fields,
    field: form.field,
    submit: async (ctx, by, partnerId, values) => {
      const result = await form.record({ by, partnerId, now: deps.now() }, values);
      return result.ok ? { ok: true, value: form.confirm(ctx, result.value) } : result;
    },
  });
}

/**
 * The forms of the program's depth (views/depth-modals.view.ts), each calling the service its command
 * calls: validated field by field (errors next to their inputs, nothing written), audited, staff only
 * (admins for the Experts Zen listing), as the commands are.
 */
export function registerDepthSubmissions(app: ListenerApp, deps: ListenerDeps): void {
  const { db, catalog } = deps;
  const today = () => deps.today();
  const use = depthForm(deps, {
    // The contact picker is there unless the partner has no contact on file.
    fields: (metadata, values) =>
      withPartnerField(['benefit', 'reference', ...('contact' in values ? ['contact' as const] : [])])(
        metadata,
      ),
    record: (base, values) =>
      useBenefit(
        db,
        catalog,
        {
          ...base,
          benefit: fieldValue(values, 'benefit'),
          reference: fieldValue(values, 'reference'),
          contactSlackUserId: given(fieldValue(values, 'contact')),
        },
        today(),
      ),
    confirm: benefitUsedView,
    field: inputOf,
  });
  const fees = depthForm(deps, {
    fields: withPartnerField(['date', 'rate']),
    record: (base, values) =>
      recordOperatorFees(
        db,
        catalog,
        { ...base, paidOn: given(fieldValue(values, 'date')), rate: given(fieldValue(values, 'rate')) },
        today(),
      ),
    confirm: operatorFeesRecordedView,
    field: (issue) => (issue.code === 'fees-missing' ? 'date' : inputOf(issue)),
  });
  const zenList = depthForm(deps, {
    fields: withPartnerField(['domains', 'zone', 'hours']),
    record: (base, values) =>
      listInZen(
        db,
        catalog,
        {
          ...base,
          domains: pickedValues(values, 'domains'),
          departements: fieldValue(values, 'zone'),
          hours: fieldValue(values, 'hours'),
        },
        today(),
      ),
    confirm: zenListedView,
    field: zenField,
  });
  app.view<ViewSubmitAction>(MODAL_CALLBACK_IDS.use, use);
  app.view<ViewSubmitAction>(MODAL_CALLBACK_IDS.fees, fees);
  app.view<ViewSubmitAction>(MODAL_CALLBACK_IDS.zenList, zenList);
}
