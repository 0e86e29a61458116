import type { App } from '@slack/bolt';
import { withChannelSharing } from '../assistant/audience.js';
import { registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import type { ListenerDeps } from './deps.js';
import { registerEvents } from './events/index.js';
import { routedApp } from './routes.js';
import { registerViews } from './views/index.js';

export { createListenerDeps, type ListenerDeps } from './deps.js';

/** Every listener, by surface; each folder's index.ts lists what it registers. */
export function registerListeners(app: App, listenerDeps: ListenerDeps): void {
  // The assistant's answers in a channel shared with another organisation are for the asker alone.
  const deps = {
    ...listenerDeps,
    audience: withChannelSharing(listenerDeps.audience, listenerDeps.db, app.client, listenerDeps.outsiders),
  };
  const routed = routedApp(app);
  registerCommands(routed, deps);
  registerActions(routed, deps);
  registerViews(routed, deps);
  registerEvents(app, deps);
}
