import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { registerPartnerCommand } from './partner.command.js';

export function registerCommands(app: App, deps: ListenerDeps): void {
  // /partner, with the buttons of its replies that re-run it (choices, list pages and rows).
  registerPartnerCommand(app, deps);
}
