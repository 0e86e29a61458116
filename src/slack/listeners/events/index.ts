import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';

/** Register each event listener here, one file per listener (e.g. `<name>.event.ts` exporting a handler factory). */
export function registerEvents(_app: App, _deps: ListenerDeps): void {}
