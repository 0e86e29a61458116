import { ConfigError } from '../config.js';
import { main } from '../main.js';
import { CatalogError } from '../program/catalog.load.js';
import { ASK_USAGE, askCommand } from './ask.command.js';
import { CONTACTS_USAGE, contactsCommand } from './contacts.command.js';
import { type CliContext, openCliContext } from './context.js';
import { describeError } from './describe-error.js';
import { EVALUATE_USAGE, evaluateCommand } from './evaluate.command.js';
import { IMPORT_USAGE, importCommand } from './import.command.js';
import { OUTBOX_USAGE, outboxCommand } from './outbox.command.js';
import { REMIND_USAGE, remindCommand } from './remind.command.js';
import { UsageError } from './usage-error.js';

type Command = {
  usage: string;
  summary: string;
} & (
  | { run: (args: string[], ctx: CliContext) => Promise<number> }
  /** Opens what it needs itself, and keeps running. */
  | { standalone: (args: string[], env: NodeJS.ProcessEnv) => Promise<number> }
);

const commands: Record<string, Command> = {
  start: {
    usage: 'partner-bot start',
    summary: 'run the bot: on Slack when configured, else the local console on demo data',
    standalone: async (_args, env) => {
      await main(env);
      return 0;
    },
  },
  migrate: {
    usage: 'partner-bot migrate',
    summary: 'apply the database migrations (every command also does it first)',
    run: async (_args, ctx) => {
      ctx.print(`Database migrated (${ctx.database.kind}).`);
      return 0;
    },
  },
  ask: {
    usage: ASK_USAGE,
    summary: 'answer one /partner command as a Slack user, printed as text',
    run: askCommand,
  },
  import: {
    usage: IMPORT_USAGE,
    summary: 'import a CSV export: partners, contacts, staff, revenue, trainings, checklist',
    run: (args, ctx) =>
      importCommand(args, {
        db: ctx.database.db,
        catalog: ctx.catalog,
        print: ctx.print,
        actor: ctx.actor,
        today: ctx.today(),
      }),
  },
  evaluate: {
    usage: EVALUATE_USAGE,
    summary: 'compute and record the semester re-evaluation',
    run: evaluateCommand,
  },
  outbox: {
    usage: OUTBOX_USAGE,
    summary: 'list messages waiting or failed in the outbox; retry failed ones',
    run: outboxCommand,
  },
  remind: {
    usage: REMIND_USAGE,
    summary: 'queue the training reminders of a day (as the weekday job does); --dry-run lists them',
    run: remindCommand,
  },
  contacts: {
    usage: CONTACTS_USAGE,
    summary: 'link contacts known only by their e-mail to their Slack user (users.lookupByEmail), audited',
    run: contactsCommand,
  },
};

function help(): string {
  return [
    'partner-bot: the Dstny partner program assistant',
    '',
    'Commands:',
    ...Object.values(commands).flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
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
  let ctx: CliContext | undefined;
  try {
    if ('standalone' in command) return await command.standalone(args, env);
    ctx = await openCliContext(env);
    return await command.run(args, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\nUsage: ${err.usage}\n`);
      return 2;
    }
    if (err instanceof ConfigError || err instanceof CatalogError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    if ((err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(err as Error).message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`${describeError(err)}\n`);
    if (env.PARTNER_BOT_DEBUG) process.stderr.write(`${(err as Error).stack}\n`);
    return 1;
  } finally {
    await ctx?.database.close().catch(() => {});
  }
}
