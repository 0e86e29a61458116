import { createInterface } from 'node:readline';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { createAssistantThreadsRepository } from '../db/repositories/assistant-threads.repository.js';
import { createContactsRepository } from '../db/repositories/contacts.repository.js';
import { createPartnersRepository } from '../db/repositories/partners.repository.js';
import { createStaffRepository } from '../db/repositories/staff.repository.js';
import { DEMO_USERS } from '../demo/demo-data.js';
import { type Catalog, isLocale, type Locale } from '../program/catalog.schema.js';
import { answerQuestion } from '../slack/assistant/answer.js';
import { defaultChannelAudience } from '../slack/assistant/audience.js';
import { freshPartnerIndex } from '../slack/assistant/partner-index-cache.js';
import { handlePartnerCommand } from '../slack/partner-command/handle.js';
import { parseCommandText } from '../slack/partner-command/parse.js';
import { findSubcommand, SUBCOMMANDS } from '../slack/partner-command/subcommands.js';
import type { PartnerCommandDeps, Reply } from '../slack/partner-command/types.js';
import { renderReply } from './render-text.js';

export interface ConsoleOptions {
  db: Db;
  catalog: Catalog;
  config: Pick<Config, 'LOCALE' | 'PROGRAM_TIMEZONE'>;
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

const CONSOLE_HELP = [
  'Type a command as in Slack, e.g. /partner status acme (or just: status acme),',
  'or ask in plain words, as you would mention the bot: où en est Acme ? / what does Garonne still owe?',
  '  users            the demo users (and who you are)',
  '  as <user>        ask as another Slack user id, or a demo user: admin, manager, contact, stranger',
  '  in <channel>     type the commands in a channel (a partner channel implies the partner); "in -" for none',
  '  lang fr|en       answer in French or English',
  '  quit             leave',
].join('\n');

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

/**
 * The local console: a readline loop answering `/partner ...` as a chosen Slack user, rendering the
 * replies' blocks as text. Resolves when the input ends or on `quit`.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { db, catalog, config, output } = options;
  const now = options.now ?? (() => new Date());
  let user = options.user;
  let channel = options.channel;
  let locale: Locale = options.locale ?? config.LOCALE;
  let names = await userNames(db).catch(() => new Map<string, string>());
  const write = (text: string) => output.write(`${text}\n`);
  const who = () => (names.get(user) ? `${names.get(user)} (${user})` : user);
  const prompt = () => output.write(`${who()}${channel ? ` in ${channel}` : ''}> `);

  const deps: PartnerCommandDeps = {
    db,
    catalog,
    config,
    now,
    partners: createPartnersRepository(db),
    logger: { error: (_message, error) => options.onError?.(error) },
  };
  const ask = async (text: string): Promise<Reply> =>
    handlePartnerCommand(deps, { userId: user, channelId: channel, text, locale });
  const audience = defaultChannelAudience(deps.partners);
  const partnerIndex = freshPartnerIndex(deps.partners);
  // One conversation per session: a follow-up (« et ses avantages ? ») is about the partner just asked about.
  const session = `console-${now().getTime()}`;
  const question = async (text: string): Promise<Reply> => {
    const answer = await answerQuestion(
      { ...deps, audience, partnerIndex },
      {
        userId: user,
        text,
        locale,
        surface: channel ? 'channel' : 'direct',
        channelId: channel ?? `console:${user}`,
        threadTs: session,
      },
    );
    if (answer.turn) {
      const threads = createAssistantThreadsRepository(db);
      await threads.remember(channel ?? `console:${user}`, session, answer.turn, now()).catch(() => {});
    }
    return answer.reply;
  };

  const lines = createInterface({
    input: options.input,
    terminal: false,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  prompt();
  const echo = !(options.input as { isTTY?: boolean }).isTTY;
  for await (const raw of lines) {
    const line = raw.trim();
    // Scripted input is not shown by a terminal: echo it so the transcript reads like a session.
    if (echo) write(line);
    const [word = '', ...rest] = line.split(/\s+/);
    const arg = rest.join(' ');
    if (line === '') {
      // nothing typed
    } else if (word === 'quit' || word === 'exit' || word === 'q') {
      break;
    } else if (word === 'help' && arg === '') {
      write(CONSOLE_HELP);
    } else if (word === 'users') {
      names = await userNames(db).catch(() => names);
      for (const [role, id] of Object.entries(DEMO_USERS))
        write(`${id === user ? '*' : ' '} ${role.padEnd(13)} ${id.padEnd(12)} ${names.get(id) ?? ''}`);
    } else if (word === 'as' && arg) {
      user = demoUser(arg);
      write(`Now asking as ${who()}.`);
    } else if (word === 'in' && arg) {
      channel = arg === '-' ? undefined : arg;
      write(channel ? `Now in ${channel}.` : 'Now outside any channel.');
    } else if (word === 'lang' && isLocale(arg)) {
      locale = arg;
      write(`Answers in ${new Intl.DisplayNames(['en'], { type: 'language' }).of(arg)}.`);
    } else {
      const command = commandText(line);
      // A subcommand's word first is a command (status acme); anything else is a question in plain words.
      const reply =
        command !== undefined || findSubcommand(SUBCOMMANDS, parseCommandText(line).word)
          ? await ask(command ?? line)
          : await question(line);
      write(renderReply(reply, { names }));
      if (reply.modal) write(`(modal) ${renderReply({ text: '', blocks: reply.modal.blocks }, { names })}`);
    }
    write('');
    prompt();
  }
  lines.close();
}
