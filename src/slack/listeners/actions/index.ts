import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';

/** Register each action listener here, one file per listener (e.g. `<name>.action.ts` exporting a handler factory). */
export function registerActions(_app: App, _deps: ListenerDeps): void {}
