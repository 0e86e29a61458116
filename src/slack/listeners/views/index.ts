import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { registerWriteSubmissions } from './write-submissions.view.js';

/** Register each view listener here, one file per listener (e.g. `<name>.view.ts` exporting a handler factory). */
export function registerViews(app: App, deps: ListenerDeps): void {
  // Write side: the revenue, mark-done and override forms.
  registerWriteSubmissions(app, deps);
}
