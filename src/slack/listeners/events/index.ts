import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { registerAppHome } from './app-home.event.js';
import { registerChannelSharing } from './channel-sharing.event.js';

/** Register each event listener here, one file per listener (e.g. `<name>.event.ts` exporting a handler factory). */
export function registerEvents(app: App, deps: ListenerDeps): void {
  registerAppHome(app, deps);
  registerChannelSharing(app, deps);
}
