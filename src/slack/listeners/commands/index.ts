import type { ListenerDeps } from '../deps.js';
import type { ListenerApp } from '../routes.js';
import { registerPartnerCommand } from './partner.command.js';

export function registerCommands(app: ListenerApp, deps: ListenerDeps): void {
  // /partner, with the buttons of its replies that re-run it (choices, list pages and rows).
  registerPartnerCommand(app, deps);
}
