import type { BlockAction, ButtonAction } from '@slack/bolt';
import { ACTION_IDS, actionIdPattern } from '../../ids.js';
import type { ListenerDeps } from '../deps.js';
import type { ListenerApp } from '../routes.js';
import { registerAssistantChoice } from './assistant-choice.action.js';
import { registerDeclarationActions } from './declaration.action.js';
import { evaluationApprove } from './evaluation-approve.action.js';
import { evaluationOverride } from './evaluation-override.action.js';
import { obligationDone } from './obligation-done.action.js';
import { registerOpenModalActions } from './open-modal.action.js';
import { reminderDone } from './reminder-done.action.js';
import { reminderSnooze } from './reminder-snooze.action.js';
import { registerShareAction } from './share.action.js';

/** Every button listener, one file each (`<name>.action.ts` exporting a handler factory). */
export function registerActions(app: ListenerApp, deps: ListenerDeps): void {
  // Write side: the staff buttons opening the forms, Share in channel, Confirm/Reject a training declaration.
  registerOpenModalActions(app, deps);
  registerShareAction(app, deps);
  registerDeclarationActions(app, deps);
  // Scheduled messages: reminder Done/Snooze, evaluation Approve/Override.
  app.action<BlockAction<ButtonAction>>(actionIdPattern(ACTION_IDS.reminderDone), reminderDone(deps));
  app.action<BlockAction<ButtonAction>>(actionIdPattern(ACTION_IDS.reminderSnooze), reminderSnooze(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.evaluationApprove, evaluationApprove(deps));
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.evaluationOverride, evaluationOverride(deps));
  // `/partner obligations`: Mark done / I've done it on an item.
  app.action<BlockAction<ButtonAction>>(ACTION_IDS.obligationDone, obligationDone(deps));
  // The assistant's clarification and suggestion buttons.
  registerAssistantChoice(app, deps);
}
