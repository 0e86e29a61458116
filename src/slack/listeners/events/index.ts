import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { registerAppHome } from './app-home.event.js';
import { registerAppMention } from './app-mention.event.js';
import { registerAssistant } from './assistant.event.js';
import { registerChannelSharing } from './channel-sharing.event.js';
import { registerDirectMessages } from './direct-message.event.js';

/** Register each event listener here, one file per listener (e.g. `<name>.event.ts` exporting a handler factory). */
export function registerEvents(app: App, deps: ListenerDeps): void {
  registerAppHome(app, deps);
  registerAssistant(app, deps);
  registerAppMention(app, deps);
  registerDirectMessages(app, deps);
  registerChannelSharing(app, deps);
}
