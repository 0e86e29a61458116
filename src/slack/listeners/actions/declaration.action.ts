import type { BlockAction, ButtonAction } from '@slack/bolt';
import { identifyActor } from '../../../services/actor.service.js';
import { decideDeclaration, pendingDeclarations } from '../../../services/trainings.service.js';
import { ACTION_IDS, declarationValue } from '../../ids.js';
import { declarationsView } from '../../views/declarations.view.js';
import { declarationDecidedText, issueText } from '../../views/write-replies.view.js';
import { type ListenerDeps, userWriteContext } from '../deps.js';
import { publishHome } from '../events/app-home.event.js';
import type { ListenerApp } from '../routes.js';
import { buttonListener, ephemeral } from './button.js';

/**
 * Confirm or Reject on a contact's training declaration (in `/partner confirm` or on App Home): the
 * service checks the clicker is staff and the declaration still pending; the list is then shown again,
 * with what was done on top.
 */
function decide(deps: ListenerDeps, decision: 'confirm' | 'reject') {
  return buttonListener(declarationValue, async ({ body, client, respond }, value) => {
    const userId = body.user.id;
    const { locale, ctx } = await userWriteContext(deps, client, userId);
    const result = await decideDeclaration(
      deps.db,
      { by: userId, completionId: value.c, decision, now: deps.now() },
      { locale: deps.config.LOCALE, catalog: deps.catalog },
    );
    if (!result.ok && result.issues.some((i) => i.code === 'not-allowed')) {
      if (body.response_url) await respond(ephemeral(ctx.w.staffOnly));
      return;
    }
    const notice = result.ok
      ? declarationDecidedText(ctx, result.value)
      : `:x: ${result.issues.map((issue) => issueText(ctx, issue)).join(' ')}`;
    if (body.view?.type === 'home') return await publishHome(deps, client, userId, { notice, locale });
    const actor = await identifyActor(deps.db, userId);
    const list = declarationsView(ctx, await pendingDeclarations(deps.db, actor), notice);
    if (body.response_url) await respond({ replace_original: true, text: list.text, blocks: list.blocks });
    else await client.chat.postMessage({ channel: userId, text: notice });
  });
}

export function registerDeclarationActions(app: ListenerApp, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.confirmDeclaration, decide(deps, 'confirm'));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.rejectDeclaration, decide(deps, 'reject'));
}
