import { z } from 'zod';
import type { Catalog } from './program/catalog.schema.js';
import { LOCALES } from './program/locales.js';

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const boolean = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

export const configSchema = z
  .object({
    DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    DATA_DIR: z.string().trim().min(1).default('./.data'),
    CATALOG_PATH: optionalString,
    LOCALE: z.enum(LOCALES).default('en'),
    /** The program's time zone, its one source (the catalog has none): calendar days and schedules. */
    PROGRAM_TIMEZONE: z
      .string()
      .trim()
      .min(1)
      .default('Europe/Paris')
      .refine(isTimeZone, 'unknown time zone (an IANA name such as Europe/Paris)'),
    /** Overrides the catalog's programStart (YYYY-MM-DD): due dates count from it at the earliest. */
    PROGRAM_START: optionalString.pipe(z.iso.date('must be a date YYYY-MM-DD').optional()),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    SLACK_BOT_TOKEN: optionalString.pipe(z.string().startsWith('xoxb-', 'must start with xoxb-').optional()),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString.pipe(z.string().startsWith('xapp-', 'must start with xapp-').optional()),
    SLACK_API_URL: optionalString.pipe(z.url().optional()),
    /**
     * Our Slack app's id (Basic Information > App ID, `A...`). Optional: without it the app id is read at
     * start from bots.info (the bot id that auth.test returns -> the bot's app_id). Either way, every
     * incoming request must carry this id in `api_app_id`; it is never taken from a request.
     */
    SLACK_APP_ID: optionalString.pipe(
      z
        .string()
        .regex(/^A[A-Z0-9]{2,}$/, 'must be an app id such as A0123ABCDEF')
        .optional()
        .describe(
          "Our Slack app's id (A...); optional, else read from bots.info at start; requests must name it",
        ),
    ),
    ANNOUNCE_CHANNEL_ID: optionalString,
    REMINDER_CRON: z.string().trim().min(1).default('0 9 * * 1-5'),
    EVALUATION_CRON: z.string().trim().min(1).default('0 6 1 1,7 *'),
    DIGEST_CRON: z.string().trim().min(1).default('0 8 * * 1'),
    EVALUATION_APPROVAL: boolean,
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** PostgreSQL: statement_timeout of every connection; a connection silent a second longer is dropped. */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
    /** /readyz fails while a message has been due this long and this instance delivered nothing meanwhile. */
    OUTBOX_STALL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
    /** smtp://user:pass@host:587 or smtps://…: e-mail for contacts Slack cannot reach. Unset: no e-mail. */
    SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
    /** The From of those e-mails, e.g. "Dstny partners <partners@dstny.example>". */
    MAIL_FROM: optionalString,
    /** https://host: the bot's public address (HTTP mode), for the declaration links in e-mails. */
    PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
    /**
     * The key the declaration links are signed with (HMAC-SHA256), 32 characters at least; required with
     * PUBLIC_URL. Changing it voids every link already sent.
     */
    LINK_SECRET: optionalString.pipe(z.string().min(32, 'must be 32 characters at least').optional()),
    /** The daily linking of contacts known by their e-mail to their Slack user (weekdays 08:30). */
    LINKING_CRON: z.string().trim().min(1).default('30 8 * * 1-5'),
    STATUS_REFRESH_CRON: z.string().trim().min(1).default('5 0 * * *'),
  })
  .superRefine(
    (c, ctx) => {
      if (c.EVALUATION_APPROVAL && !c.ANNOUNCE_CHANNEL_ID)
        ctx.addIssue({
          code: 'custom',
          path: ['ANNOUNCE_CHANNEL_ID'],
          message: 'is required when EVALUATION_APPROVAL is true (the preview awaiting approval goes there)',
        });
      if (c.SMTP_URL && !c.MAIL_FROM)
        ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'is required when SMTP_URL is set' });
      if (c.MAIL_FROM && !/@[^\s@>]+\.[^\s@>]+>?$/.test(c.MAIL_FROM))
        ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'must end with an e-mail address' });
      if (c.PUBLIC_URL && !c.LINK_SECRET)
        ctx.addIssue({
          code: 'custom',
          path: ['LINK_SECRET'],
          message: 'is required when PUBLIC_URL is set (it signs the declaration links)',
        });
      const slackConfigured = c.SLACK_BOT_TOKEN || c.SLACK_APP_TOKEN || c.SLACK_SIGNING_SECRET;
      if (!slackConfigured) return;
      if (!c.SLACK_BOT_TOKEN)
        ctx.addIssue({ code: 'custom', path: ['SLACK_BOT_TOKEN'], message: 'is required' });
      if (!c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET)
        ctx.addIssue({
          code: 'custom',
          path: ['SLACK_SIGNING_SECRET'],
          message: 'is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)',
        });
    },
    // Run even when a field above failed, so one run lists every problem (zod skips it by default).
    { when: () => true },
  );

export type Config = z.infer<typeof configSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The catalog as the program applies it: PROGRAM_START, when set, replaces its programStart. Built once by
 * the composition root, so that the rules keep taking everything as arguments.
 */
export function programCatalog(catalog: Catalog, config: Pick<Config, 'PROGRAM_START'>): Catalog {
  return config.PROGRAM_START ? { ...catalog, programStart: config.PROGRAM_START } : catalog;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; every problem is named, and no value is ever echoed back. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return result.data;
}

export function slackMode(config: Config): 'socket' | 'http' | 'none' {
  if (!config.SLACK_BOT_TOKEN) return 'none';
  return config.SLACK_APP_TOKEN ? 'socket' : 'http';
}
