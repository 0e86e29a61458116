import { EXPORT_FORMATS, type ExportFormat, writeTable } from '../../export/write-table.js';
import { plural } from '../../i18n/format.js';
import { importExportMessages } from '../../i18n/import-export.js';
import { isAdmin } from '../../services/actor.service.js';
import { type ExportKind, exportTable, isExportKind } from '../../services/export.service.js';
import { sendFileByDm } from '../files.js';
import { code } from '../views/escape.js';
import { messageView } from '../views/lookup.view.js';
import { filesSubcommand } from './import.subcommand.js';

/** French words for the kinds, beside the ids the CLI uses. */
const KIND_WORDS: Record<string, ExportKind> = {
  portefeuille: 'portfolio',
  obligations: 'devoirs',
  historique: 'history',
  ca: 'revenue',
  chiffre: 'revenue',
};

/** The kind and format typed after `export` (exported for the test of the usage lines). */
export function parseExportArgs(
  args: string,
): { kind: ExportKind; format: ExportFormat } | { usage: true; unknown?: string } {
  const [kindWord, formatWord, ...extra] = args.toLowerCase().split(' ').filter(Boolean);
  if (!kindWord) return { usage: true };
  const kind = isExportKind(kindWord) ? kindWord : KIND_WORDS[kindWord];
  if (!kind) return { usage: true, unknown: kindWord };
  const format = formatWord ?? 'csv';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format) || extra.length)
    return { usage: true, unknown: [formatWord, ...extra].join(' ') };
  return { kind, format: format as ExportFormat };
}

/**
 * `/partner export <kind> [csv|xlsx]` (staff: the partners they manage; admins: every partner): answers at
 * once that the file comes by DM, then builds it with the CLI's export code (French Excel CSV or xlsx,
 * cells neutralised) and sends it after the ack.
 */
export const exportSubcommand = filesSubcommand('export', async (ctx) => {
  const m = importExportMessages[ctx.view.locale];
  const parsed = parseExportArgs(ctx.args);
  if ('usage' in parsed) {
    const lines = parsed.unknown
      ? [m.export.unknownKind(code(parsed.unknown.slice(0, 50))), m.export.usage]
      : [m.export.usage];
    return messageView(lines.join('\n'));
  }
  const { actor, deps, view } = ctx;
  const userId = actor.slackUserId;
  const all = isAdmin(actor);
  return {
    ...messageView(m.export.sending),
    afterAck: async (client) => {
      try {
        const table = await exportTable(deps.db, deps.catalog, parsed.kind, {
          scope: all ? { all: true } : { managerSlackUserId: userId },
          today: view.today,
          locale: view.locale,
        });
        const bytes = await writeTable(table, parsed.format, view.locale);
        const filename = `partner-bot-${parsed.kind}-${view.today}.${parsed.format}`;
        await sendFileByDm(client, userId, {
          filename,
          title: filename,
          bytes,
          comment: m.export.comment(
            m.export.kinds[parsed.kind],
            plural(table.rows.length, m.preview.rows, view.locale),
            all ? m.export.scopeAll : m.export.scopeMine,
          ),
        });
      } catch (error) {
        deps.logger.error(`/partner export ${parsed.kind} could not send its file`, error);
        await client.chat
          .postMessage({ channel: userId, text: m.export.failed })
          .catch((e: unknown) => deps.logger.error('/partner export could not say it failed', e));
      }
    },
  };
});
