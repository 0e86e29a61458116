import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';

/** Register each view listener here, one file per listener (e.g. `<name>.view.ts` exporting a handler factory). */
export function registerViews(_app: App, _deps: ListenerDeps): void {}
