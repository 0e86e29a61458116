import { webApi } from '@slack/bolt';
import { englishCount as count } from '../i18n/format.js';
import { linkContacts } from '../services/contact-linking.service.js';
import type { CliContext } from './context.js';
import { UsageError } from './usage-error.js';

import { CONTACTS_USAGE } from './usages.js';

/** `contacts link`: finds on Slack the contacts known only by their e-mail (users.lookupByEmail), audited. */
export async function contactsCommand(args: string[], ctx: CliContext): Promise<number> {
  if (args[0] !== 'link' || args.length > 1)
    throw new UsageError('unknown contacts subcommand', CONTACTS_USAGE);
  if (!ctx.config.SLACK_BOT_TOKEN) {
    ctx.print('Slack is not configured (SLACK_BOT_TOKEN): no contact can be looked up.');
    return 1;
  }
  const client = new webApi.WebClient(ctx.config.SLACK_BOT_TOKEN, {
    ...(ctx.config.SLACK_API_URL ? { slackApiUrl: ctx.config.SLACK_API_URL } : {}),
    timeout: 10_000,
    retryConfig: { retries: 2 },
    logLevel: webApi.LogLevel.ERROR,
  });
  const report = await linkContacts(ctx.database.db, client, { actor: ctx.actor });
  ctx.print(
    `${count(report.looked, 'contact')} without Slack looked up: ${report.linked.length} linked, ${report.notFound} not on Slack (they stay on e-mail)${report.taken ? `, ${report.taken} already another contact's Slack user` : ''}${report.failed ? `, ${report.failed} failed (try again)` : ''}.`,
  );
  for (const l of report.linked) ctx.print(`  contact ${l.contactId} -> ${l.slackUserId}`);
  return report.failed ? 1 : 0;
}
