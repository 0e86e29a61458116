import { ConfigError } from '../config.js';
import { CatalogError } from '../program/catalog.load.js';
import type { CliContext } from './context.js';
import { describeError } from './describe-error.js';
import { UsageError } from './usage-error.js';
import {
  ASK_USAGE,
  CONTACTS_USAGE,
  EVALUATE_USAGE,
  EXPORT_DETAILS,
  EXPORT_USAGE,
  IMPORT_USAGE,
  importHelp,
  OUTBOX_USAGE,
  REMIND_USAGE,
  TEMPLATE_USAGE,
} from './usages.js';

// Commands are loaded when run, so that `--help` and usage mistakes answer without loading the program.

type Command = {
  usage: string;
  summary: string;
  /** What `--help` adds under the usage line. */
  details?: () => string[];
} & (
  | { run: (args: string[], ctx: CliContext) => Promise<number> }
  /** Opens what it needs itself, and keeps running. */
  | { standalone: (args: string[], env: NodeJS.ProcessEnv) => Promise<number> }
);

const commands: Record<string, Command> = {
  start: {
    usage: 'partner-bot start',
    summary: 'run the bot: on Slack when configured, else the local console on demo data',
    details: () => [
      'With SLACK_BOT_TOKEN (and SLACK_APP_TOKEN or SLACK_SIGNING_SECRET): the Slack app and its jobs.',
      'Without: the local console, on demo data in DATA_DIR.',
    ],
    standalone: async (args, env) => {
      if (args.length)
        throw new UsageError(`start takes no arguments, got: ${args.join(' ')}`, 'partner-bot start');
      await (await import('../main.js')).main(env);
      return 0;
    },
  },
  migrate: {
    usage: 'partner-bot migrate',
    summary: 'apply the database migrations (every command also does it first)',
    details: () => ['The database is DATABASE_URL (PostgreSQL), else PGlite in DATA_DIR.'],
    run: async (_args, ctx) => {
      ctx.print(`Database migrated (${ctx.database.kind}).`);
      return 0;
    },
  },
  ask: {
    usage: ASK_USAGE,
    summary: 'answer one /partner command as a Slack user, printed as text',
    details: () => [
      '  --user <id>     the Slack user to ask as (a manager, an admin, a partner contact, anyone)',
      "  --channel <id>  the channel it is asked in (a partner's channel names its partner)",
      "  --locale fr|en  the language of the answer (default: the user's, else LOCALE)",
    ],
    run: async (args, ctx) => (await import('./ask.command.js')).askCommand(args, ctx),
  },
  import: {
    usage: IMPORT_USAGE,
    summary:
      'import a spreadsheet (CSV in any usual encoding, or .xlsx): partners, contacts, staff, revenue, trainings, checklist',
    details: () => importHelp().slice(2),
    run: async (args, ctx) =>
      (await import('./import.command.js')).importCommand(args, {
        db: ctx.database.db,
        catalog: ctx.catalog,
        print: ctx.print,
        actor: ctx.actor,
        today: ctx.today(),
        locale: ctx.config.LOCALE,
      }),
  },
  evaluate: {
    usage: EVALUATE_USAGE,
    summary: 'compute and record the semester re-evaluation',
    details: () => [
      '  --as-of YYYY-MM-DD  evaluate as of that day (default today): the semester before the last',
      '                      evaluation date on or before it',
      '  --dry-run           compute and print, record and announce nothing',
    ],
    run: async (args, ctx) => (await import('./evaluate.command.js')).evaluateCommand(args, ctx),
  },
  outbox: {
    usage: OUTBOX_USAGE,
    summary: 'list messages waiting or failed in the outbox; retry failed ones',
    details: () => [
      '  --retry-failed  queue every failed message again',
      '  --retry <id>    queue one failed message again',
    ],
    run: async (args, ctx) => (await import('./outbox.command.js')).outboxCommand(args, ctx),
  },
  remind: {
    usage: REMIND_USAGE,
    summary: 'queue the training reminders of a day (as the weekday job does); --dry-run lists them',
    details: () => [
      '  --as-of YYYY-MM-DD  the day (default today)',
      '  --dry-run           list the reminders, queue nothing',
    ],
    run: async (args, ctx) => (await import('./remind.command.js')).remindCommand(args, ctx),
  },
  export: {
    usage: EXPORT_USAGE,
    summary: 'export a spreadsheet: portfolio, devoirs, history or revenue, as CSV for French Excel or xlsx',
    details: () => EXPORT_DETAILS,
    run: async (args, ctx) => (await import('./export.command.js')).exportCommand(args, ctx),
  },
  contacts: {
    usage: CONTACTS_USAGE,
    summary: 'link contacts known only by their e-mail to their Slack user (users.lookupByEmail), audited',
    run: async (args, ctx) => (await import('./contacts.command.js')).contactsCommand(args, ctx),
  },
};

/** Arguments a command must refuse before it opens anything (migrate and start take none). */
const NO_ARGUMENTS = new Set(['migrate']);

function commandHelp(name: string, command: Command): string {
  const usage =
    name === 'import' ? [`Usage: ${command.usage}`, `       ${TEMPLATE_USAGE}`] : [`Usage: ${command.usage}`];
  return [
    ...usage,
    '',
    `${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.`,
    ...(command.details?.() ?? []),
  ]
    .join('\n')
    .trimEnd();
}

/** `--help` or `-h` anywhere before a `--`. */
function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

const seeHelp = (name: string) => `Run \`partner-bot ${name} --help\` for more.`;

function help(): string {
  return [
    'partner-bot: the Dstny partner program assistant',
    '',
    'Commands:',
    ...Object.values(commands).flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    "`partner-bot <command> --help` shows a command's usage and changes nothing.",
    'Configuration comes from the environment (see README.md): DATABASE_URL, DATA_DIR, CATALOG_PATH, LOCALE, ...',
  ].join('\n');
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${help()}\n`);
    return 2;
  }
  if (asksForHelp(args)) {
    process.stdout.write(`${commandHelp(name, command)}\n`);
    return 0;
  }
  let ctx: CliContext | undefined;
  try {
    if (NO_ARGUMENTS.has(name) && args.length)
      throw new UsageError(`${name} takes no arguments, got: ${args.join(' ')}`, command.usage);
    if ('standalone' in command) return await command.standalone(args, env);
    ctx = await (await import('./context.js')).openCliContext(env);
    return await command.run(args, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\nUsage: ${err.usage}\n${seeHelp(name)}\n`);
      return 2;
    }
    if (err instanceof ConfigError || err instanceof CatalogError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(err as Error).message}\nUsage: ${command.usage}\n${seeHelp(name)}\n`);
      return 2;
    }
    process.stderr.write(`${describeError(err)}\n`);
    if (env.PARTNER_BOT_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    return 1;
  } finally {
    await ctx?.database.close().catch(() => {});
  }
}
