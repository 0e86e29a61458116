import { writtenIn } from '../../../assistant/language.js';
import type { UsersInfoClient } from '../../../i18n/locale.js';
import type { Locale } from '../../../program/locales.js';
import type { Question } from '../../assistant/answer.js';
import { answerQuestion } from '../../assistant/answer.js';
import { deliverAnswer, type EphemeralClient } from '../../assistant/deliver.js';
import type { ListenerDeps } from '../deps.js';

/** What the three surfaces (mentions, direct messages, the assistant panel) hand over. */
export interface IncomingQuestion extends Omit<Question, 'locale'> {
  eventId: string | undefined;
}

/** The installation's team: in a Slack Connect channel the wrapper's team_id may be the other one. */
export function installationTeam(body: unknown): string | undefined {
  const b = body as { authorizations?: { team_id?: string }[]; team_id?: string };
  return b.authorizations?.[0]?.team_id ?? b.team_id;
}

/** The fields of a message event the assistant reads (app_mention, message.im, the panel's messages). */
export interface MessageLike {
  channel: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  text?: string;
  bot_id?: string;
  subtype?: string;
  edited?: unknown;
  user_team?: string;
  team?: string;
}

/**
 * A message Slack sends that is no question to answer: the bot's own or another bot's (no loops), an
 * edit, a deletion, a join... (any subtype but a file shared with words), or one without a person.
 */
export function isNoQuestion(event: Omit<MessageLike, 'channel' | 'ts'>): boolean {
  if (event.bot_id || event.edited || !event.user || !event.text?.trim()) return true;
  return event.subtype !== undefined && event.subtype !== 'file_share';
}

/**
 * The language to answer a question in: the one it is written in, else the asker's in Slack. Slack is
 * asked all the same, without waiting when the words tell: it is what the scheduled direct messages are
 * written in (the resolver never rejects).
 */
export async function questionLocale(
  deps: ListenerDeps,
  client: UsersInfoClient,
  userId: string,
  text: string,
): Promise<Locale> {
  const slack = deps.locales(client, userId);
  return writtenIn(text) ?? (await slack);
}

/** Understand (a retried event never gets here: see slack/event-dedupe.ts), answer with /partner's cards, deliver; every failure logged, none thrown. */
export async function handleQuestion(
  deps: ListenerDeps,
  client: UsersInfoClient & EphemeralClient,
  incoming: IncomingQuestion,
  beforeAnswer?: () => Promise<unknown>,
): Promise<void> {
  try {
    await beforeAnswer?.().catch((error: unknown) => deps.logger.warn('assistant status not set', error));
    const locale = await questionLocale(deps, client, incoming.userId, incoming.text);
    const { eventId, ...question } = incoming;
    const answer = await answerQuestion(deps, { ...question, locale });
    await deliverAnswer(
      deps,
      client,
      {
        channelId: question.channelId,
        threadTs: question.threadTs,
        userId: question.userId,
        key: eventId ?? `${question.channelId}:${question.threadTs}:${question.userId}`,
      },
      answer,
    );
  } catch (error) {
    deps.logger.error('The assistant could not handle a question', error);
  }
}
