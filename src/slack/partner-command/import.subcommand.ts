import { importExportMessages } from '../../i18n/import-export.js';
import { writeMessages } from '../../i18n/writes.js';
import { isAdmin } from '../../services/actor.service.js';
import { code } from '../views/escape.js';
import { importUploadModal } from '../views/import-modal.view.js';
import { messageView } from '../views/lookup.view.js';
import type { Reply, Subcommand } from './types.js';

/** Files larger than this are refused before they are downloaded (Slack's file_input itself stops at 10 MB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** An admin's refusal for a staff member who is not one (contacts and strangers get the usual ones). */
function adminOnlyReply(locale: keyof typeof importExportMessages, command: string): Reply {
  return messageView(importExportMessages[locale].adminOnly(code(command)));
}

/** `import` and `export`: staff subcommands (the French verb as alias), their help in import-export.ts. */
export function filesSubcommand(name: 'import' | 'export', run: Subcommand['run']): Subcommand {
  return {
    name,
    aliases: [`${name}er`],
    access: 'staff',
    help: (m) => importExportMessages[m.locale].help[name],
    run,
  };
}

/**
 * `/partner import` (admins): opens the modal asking for the kind and the file; its submission
 * (listeners/views/import.submission.ts) downloads, checks and previews the file before anything is written.
 */
export const importSubcommand = filesSubcommand('import', async (ctx) => {
  if (!isAdmin(ctx.actor)) return adminOnlyReply(ctx.view.locale, '/partner import');
  const modal = importUploadModal(ctx.view, MAX_IMPORT_BYTES);
  return { ...messageView(writeMessages[ctx.view.locale].modal.opening), modal };
});
