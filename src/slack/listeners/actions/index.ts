import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { registerDeclarationActions } from './declaration.action.js';
import { registerJobActions } from './jobs.action.js';
import { registerOpenModalActions } from './open-modal.action.js';
import { registerShareAction } from './share.action.js';

/** Register each action listener here, one file per listener (e.g. `<name>.action.ts` exporting a handler factory). */
export function registerActions(app: App, deps: ListenerDeps): void {
  // Write side: the staff buttons opening the forms, Share in channel, Confirm/Reject a training declaration.
  registerOpenModalActions(app, deps);
  registerShareAction(app, deps);
  registerDeclarationActions(app, deps);
  // Scheduled messages: reminder Done/Snooze, evaluation Approve/Override.
  registerJobActions(app, deps);
}
