import { parseArgs } from 'node:util';
import { commandText, userNames } from '../console/console.js';
import { renderReply } from '../console/render-text.js';
import { createPartnersRepository } from '../db/repositories/partners.repository.js';
import { consoleMessages } from '../i18n/console.js';
import { isLocale, LOCALES, type Locale } from '../program/catalog.schema.js';
import { handlePartnerCommand } from '../slack/partner-command/handle.js';
import type { CliContext } from './context.js';
import { describeError } from './describe-error.js';
import { UsageError } from './usage-error.js';

import { ASK_USAGE } from './usages.js';

/** Answers one `/partner ...` as the given Slack user, printed as text, then exits. */
export async function askCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      user: { type: 'string' },
      channel: { type: 'string' },
      locale: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  });
  if (!values.user) throw new UsageError('--user is required (the Slack user id to ask as)', ASK_USAGE);
  if (values.locale !== undefined && !isLocale(values.locale))
    throw new UsageError(`--locale must be ${LOCALES.join(' or ')}, got "${values.locale}"`, ASK_USAGE);
  const typed = positionals.join(' ');
  const text = commandText(typed) ?? typed;
  const locale = (values.locale as Locale | undefined) ?? ctx.config.LOCALE;
  const partners = createPartnersRepository(ctx.database.db);
  let failure: unknown;
  const reply = await handlePartnerCommand(
    {
      db: ctx.database.db,
      catalog: ctx.catalog,
      config: ctx.config,
      now: ctx.now,
      partners,
      logger: {
        error: (_message, error) => {
          failure = error;
        },
      },
    },
    {
      userId: values.user,
      channelId: values.channel,
      text,
      locale,
    },
  );
  const names = await userNames(ctx.database.db).catch(() => new Map<string, string>());
  ctx.print(renderReply(reply, { names }));
  if ((await partners.count().catch(() => undefined)) === 0)
    process.stderr.write(`${consoleMessages[locale].noPartners}\n`);
  if (failure !== undefined) {
    process.stderr.write(`${describeError(failure)}\n`);
    return 1;
  }
  return 0;
}
