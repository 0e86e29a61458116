import type { BlockAction, ButtonAction } from '@slack/bolt';
import { identifyActor } from '../../../services/actor.service.js';
import { partnerContacts } from '../../../services/trainings.service.js';
import type { ModalKind, ModalMetadata } from '../../ids.js';
import { ACTION_IDS, actionIdPattern, decodeValue, partnerRefValue } from '../../ids.js';
import type { ModalView } from '../../views/blocks.js';
import { forecastModal, objectiveModal, reviewModal } from '../../views/sales-plan-modals.view.js';
import { doneModal, overrideModal, revenueModal } from '../../views/write-modals.view.js';
import type { WriteViewContext } from '../../views/write-replies.view.js';
import { type ListenerDeps, userWriteContext } from '../deps.js';
import type { ListenerApp } from '../routes.js';
import { type ButtonArgs, tellClicker } from './button.js';

/** Builds the form for a partner (or none: the form asks for it). */
export async function buildWriteModal(
  deps: ListenerDeps,
  ctx: WriteViewContext,
  kind: ModalKind,
  partnerId: string | undefined,
  origin: ModalMetadata['o'],
): Promise<ModalView | undefined> {
  const partner = partnerId === undefined ? undefined : await deps.partners.byId(partnerId);
  if (partnerId !== undefined && !partner) return undefined;
  switch (kind) {
    case 'revenue':
      return revenueModal(ctx, { partner, origin });
    case 'done':
      return doneModal(ctx, {
        partner,
        contacts: partner ? await partnerContacts(deps.db, partner.id) : undefined,
        origin,
      });
    case 'override':
      return overrideModal(ctx, { partner, origin });
    case 'objective':
      return objectiveModal(ctx, { partner, origin });
    case 'forecast':
      return forecastModal(ctx, { partner, origin });
    case 'review':
      return reviewModal(ctx, { partner, origin });
  }
}

/**
 * The staff buttons (a status card's, App Home's, a partner choice's): open the form on the button's
 * partner, if any. Who clicks is checked now; the button's value only names the partner.
 */
function openModal(deps: ListenerDeps, kind: ModalKind) {
  return async ({ ack, body, action, client, respond, logger }: ButtonArgs) => {
    await ack();
    const userId = body.user.id;
    let partnerId: string | undefined;
    if (action.value !== undefined) {
      const value = decodeValue(partnerRefValue, action.value);
      if (!value) {
        logger.warn(`Ignored a ${action.action_id} button with an unexpected value`);
        return;
      }
      partnerId = value.p;
    }
    const fromHome = body.view?.type === 'home';
    const { ctx } = await userWriteContext(deps, client, userId);
    const tell = (text: string) => tellClicker({ body, respond, client }, text);
    try {
      const actor = await identifyActor(deps.db, userId);
      if (actor.kind !== 'staff') return await tell(ctx.w.staffOnly);
      const modal = await buildWriteModal(deps, ctx, kind, partnerId, fromHome ? 'home' : 'message');
      if (!modal) return await tell(ctx.w.issues.partnerUnknown);
      await client.views.open({ trigger_id: body.trigger_id, view: modal });
    } catch (error) {
      logger.error(`${action.action_id}: could not open the form`, error);
      await tell(ctx.w.modal.couldNotOpen).catch(() => {});
    }
  };
}

export function registerOpenModalActions(app: ListenerApp, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(
    actionIdPattern(ACTION_IDS.recordRevenue),
    openModal(deps, 'revenue'),
  );
  app.action<BlockAction<ButtonAction>>(actionIdPattern(ACTION_IDS.markDone), openModal(deps, 'done'));
  app.action<BlockAction<ButtonAction>>(
    actionIdPattern(ACTION_IDS.overrideTier),
    openModal(deps, 'override'),
  );
  app.action<BlockAction<ButtonAction>>(
    actionIdPattern(ACTION_IDS.setObjective),
    openModal(deps, 'objective'),
  );
  app.action<BlockAction<ButtonAction>>(
    actionIdPattern(ACTION_IDS.giveForecast),
    openModal(deps, 'forecast'),
  );
  app.action<BlockAction<ButtonAction>>(actionIdPattern(ACTION_IDS.reviewPlan), openModal(deps, 'review'));
}
