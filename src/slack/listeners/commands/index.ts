import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { PARTNER_COMMAND, partnerCommand } from './partner.command.js';

export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command(PARTNER_COMMAND, partnerCommand(deps));
}
