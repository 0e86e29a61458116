import { clearLine, createInterface, cursorTo } from 'node:readline';
import { evaluateCommand } from '../cli/evaluate.command.js';
import { remindCommand } from '../cli/remind.command.js';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';
import { createContactsRepository } from '../db/repositories/contacts.repository.js';
import { createPartnersRepository } from '../db/repositories/partners.repository.js';
import { createStaffRepository } from '../db/repositories/staff.repository.js';
import { DEMO_USERS } from '../demo/demo-data.js';
import type { Deps } from '../deps.js';
import { consoleMessages } from '../i18n/index.js';
import { createLogger } from '../logger.js';
import { startDispatcher } from '../outbox/dispatcher.js';
import { type Catalog, isLocale, type Locale } from '../program/catalog.schema.js';
import { localDate } from '../program/dates.js';
import { identifyActor } from '../services/actor.service.js';
import { findSubcommand, SUBCOMMANDS } from '../slack/partner-command/subcommands.js';
import { complete } from './completion.js';
import { type ConsoleApp, createConsoleApp } from './console-app.js';
import { ConsoleSession, type SessionState } from './session.js';

export interface ConsoleOptions {
  db: Db;
  /** The database `db` belongs to: `remind` and `evaluate` need it (as the CLI's do). */
  database?: Database;
  catalog: Catalog;
  config: Config;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Slack user id to ask as at first (`as <user>` switches). */
  user: string;
  /** Channel the commands are typed in (`in <channel>` switches); none by default. */
  channel?: string;
  locale?: Locale;
  now?: () => Date;
  /** Told about failures the replies only call "temporarily unavailable". */
  onError?: (error: unknown) => void;
}

/** How long the console waits for the assistant's answer to show it before the next prompt. */
const ANSWER_WAIT_MS = 5_000;

const CONSOLE_WORDS = ['users', 'as', 'in', 'lang', 'remind', 'evaluate', 'help', 'quit'];

/** Slack user id -> name, for showing mentions as @Name. */
export async function userNames(db: Db): Promise<Map<string, string>> {
  const [staffRows, contactRows] = await Promise.all([
    createStaffRepository(db).names(),
    createContactsRepository(db).names(),
  ]);
  return new Map([...staffRows, ...contactRows].map((r) => [r.id, r.name]));
}

function demoUser(word: string): string {
  return (DEMO_USERS as Record<string, string>)[word] ?? word;
}

/** The command typed, without a leading "/partner" or "partner". */
export function commandText(line: string): string | undefined {
  const match = /^\/?partner(?:\s+|$)(.*)$/is.exec(line.trim());
  return match ? match[1]!.trim() : undefined;
}

/** Arguments as a shell would split them (no quoting needed for --as-of and --dry-run). */
const words = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * The local console: a readline loop (line editing, history and Tab completion in a terminal) driving
 * the real Bolt app with its real listeners. Replies and the messages the outbox delivers are shown as
 * text, buttons numbered ("[1] Confirm": type 1), modals asked field by field. Resolves when the input
 * ends or on `quit`.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { db, catalog, config, output } = options;
  const now = options.now ?? (() => new Date());
  const today = () => localDate(now(), config.PROGRAM_TIMEZONE);
  const state: SessionState = {
    user: options.user,
    channel: options.channel,
    locale: options.locale ?? config.LOCALE,
    names: await userNames(db).catch(() => new Map<string, string>()),
  };
  const partnersRepository = createPartnersRepository(db);
  const terminal = (options.input as { isTTY?: boolean }).isTTY === true;
  // Tab offers the partners the current user may ask about: all for staff, its own for a contact. Only a
  // terminal completes: piped input does not read them.
  let partnerNames: { id: string; name: string }[] = [];
  const refreshNames = async () => {
    if (!terminal) return;
    const [all, actor] = await Promise.all([partnersRepository.names(), identifyActor(db, state.user)]);
    partnerNames = all.filter((p) => actor.kind !== 'contact' || actor.contact.partnerId === p.id);
  };
  await refreshNames().catch(() => {});

  let waiting = false;
  const lines = createInterface({
    input: options.input,
    ...(terminal
      ? {
          output,
          terminal: true,
          historySize: 500,
          removeHistoryDuplicates: true,
          completer: (line: string) =>
            complete(line, {
              consoleWords: CONSOLE_WORDS,
              subcommands: SUBCOMMANDS.map((s) => s.name),
              partners: partnerNames,
            }),
        }
      : { terminal: false }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const say = () => consoleMessages[state.locale];
  const write = (text: string) => {
    // Something delivered while the user types: shown above the prompt, which is drawn again.
    if (terminal && waiting) {
      clearLine(output, 0);
      cursorTo(output, 0);
      output.write(`${text}\n`);
      lines.prompt(true);
    } else output.write(`${text}\n`);
  };

  const logger = createLogger({
    level: 'warn',
    name: 'console',
    sink: (record) => options.onError?.(record.message),
  });
  const deps: Deps = {
    config,
    catalog,
    logger,
    // The listeners reach the database through `db`; only `remind` and `evaluate` want the handle.
    database: options.database ?? ({ db } as Database),
    db,
    partners: partnersRepository,
    now,
    today,
  };
  let session: ConsoleSession | undefined;
  let shown = 0; // messages shown so far: an answer to a question is one more
  const app: ConsoleApp = createConsoleApp({
    deps,
    locale: () => state.locale,
    events: {
      message: (message) => {
        shown += 1;
        session?.showMessage(message);
      },
      modal: (modal) => session?.openModal(modal),
    },
    onError: (message) => options.onError?.(message),
  });
  session = new ConsoleSession(() => app, state, write);
  // The real clock: the outbox delivers what is due now (rows are queued at the database's now()), whatever
  // day the console pretends it is.
  const dispatcher = startDispatcher({ db, config, client: app.slack.delivery });

  const cli = (print: (line: string) => void) => ({
    config,
    catalog,
    database: deps.database,
    print,
    actor: `console:${state.user}`,
    now,
    today,
    locale: state.locale,
  });
  const runCli = async (command: typeof remindCommand, args: string[]) => {
    if (!options.database) return write(say().notAvailable);
    try {
      await command(args, cli(write));
    } catch (error) {
      write(error instanceof Error ? error.message : String(error));
    }
  };

  const prompt = () => {
    waiting = true;
    if (terminal) {
      lines.setPrompt(session.prompt());
      lines.prompt();
    } else output.write(session.prompt());
  };

  // Ctrl-C closes a form being filled in, else leaves the console (as `quit`).
  lines.on('SIGINT', () => {
    if (!session.filling) return lines.close();
    session.cancelForm();
    prompt();
  });

  // One conversation per session: a follow-up (« et ses avantages ? ») is about the partner just asked about.
  const conversation = `${Math.floor(now().getTime() / 1000)}.000000`;
  prompt();
  try {
    for await (const raw of lines) {
      waiting = false;
      const line = raw.trim();
      // Scripted input is not shown by a terminal: echo it so the transcript reads like a session.
      if (!terminal) write(raw.trim());
      const [word = '', ...rest] = line.split(/\s+/);
      const arg = rest.join(' ');
      if (session.filling) {
        await session.answer(raw);
        prompt();
        continue;
      }
      if (line === '') {
        // nothing typed
      } else if (word === 'quit' || word === 'exit' || word === 'q') {
        break;
      } else if (session.isButton(line)) {
        await session.press(line);
      } else if (word === 'help' && arg === '') {
        write(say().help);
      } else if (word === 'users') {
        state.names = await userNames(db).catch(() => state.names);
        for (const [role, id] of Object.entries(DEMO_USERS))
          write(
            `${id === state.user ? '*' : ' '} ${role.padEnd(13)} ${id.padEnd(12)} ${state.names.get(id) ?? ''}`,
          );
      } else if (word === 'as' && arg) {
        state.user = demoUser(arg);
        await refreshNames().catch(() => {});
        const name = state.names.get(state.user);
        write(say().askingAs(name ? `${name} (${state.user})` : state.user));
      } else if (word === 'in' && arg) {
        state.channel = arg === '-' ? undefined : arg;
        write(state.channel ? say().inChannel(state.channel) : say().outsideChannels);
      } else if (word === 'lang' && isLocale(arg)) {
        state.locale = arg;
        write(say().answersIn);
      } else if (word === 'remind' || word === 'evaluate') {
        await runCli(word === 'remind' ? remindCommand : evaluateCommand, words(arg));
      } else if (commandText(line) !== undefined || findSubcommand(SUBCOMMANDS, word.toLowerCase())) {
        session.resetButtons();
        await app.command(state.user, state.channel, commandText(line) ?? line);
        await refreshNames().catch(() => {});
      } else {
        // Plain words, as one would write to the bot: the assistant answers, follow-ups in one thread.
        session.resetButtons();
        const before = shown;
        await app.say(state.user, state.channel, line, conversation);
        // The answer comes through the outbox (paced per channel): show it before the next prompt.
        for (let waited = 0; shown === before && waited < ANSWER_WAIT_MS; waited += 100) {
          await dispatcher.dispatcher.drain();
          if (shown === before) await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      if (!session.filling) write('');
      prompt();
    }
  } finally {
    lines.close();
    await dispatcher.stop();
  }
}
