import { type App, Assistant } from '@slack/bolt';
import { createAssistantThreadsRepository } from '../../../db/repositories/assistant-threads.repository.js';
import { assistantMessages } from '../../../i18n/assistant.js';
import { canSeePartner, identifyActor } from '../../../services/actor.service.js';
import { audienceOf } from '../../assistant/answer.js';
import { greetingView, suggestedPrompts } from '../../views/assistant.view.js';
import { viewContext } from '../../views/context.js';
import type { ListenerDeps } from '../deps.js';
import {
  handleQuestion,
  installationTeam,
  isNoQuestion,
  type MessageLike,
  questionLocale,
} from './assistant-question.js';

/** Slack cuts a thread title; ours stay short. */
const TITLE_LENGTH = 80;

/** What a thread remembers of the channel the user was looking at: its partner, with no question yet. */
const VIEWING = 'viewing';

/**
 * Slack's assistant panel (Bolt's Assistant): a greeting and suggested prompts for who opens it, the
 * thread titled after its first question, a "thinking" status while answering. The channel the user
 * looks at (the thread's context) names the partner assumed: it is remembered as the thread's partner.
 * Bolt's default context store (conversations.replies and chat.update on the first message) is not used.
 */
export function createAssistant(deps: ListenerDeps): Assistant {
  const threads = createAssistantThreadsRepository(deps.db);
  const rememberViewing = async (channelId: string, threadTs: string, viewing: string | undefined) => {
    const partner = viewing ? await deps.partners.byChannel(viewing) : undefined;
    if (partner)
      await threads.remember(channelId, threadTs, { intent: VIEWING, partnerId: partner.id }, deps.now());
    return partner;
  };
  return new Assistant({
    threadContextStore: { get: async () => ({}), save: async () => {} },
    threadStarted: async ({ event, client, setSuggestedPrompts, logger }) => {
      try {
        const {
          user_id: userId,
          channel_id: channelId,
          thread_ts: threadTs,
          context,
        } = event.assistant_thread;
        const [locale, actor, partner] = await Promise.all([
          deps.locales(client, userId),
          identifyActor(deps.db, userId),
          rememberViewing(channelId, threadTs, context.channel_id),
        ]);
        const ctx = viewContext(deps.catalog, locale, deps.today());
        const audience = audienceOf(actor);
        const greeting = greetingView(ctx, audience);
        await client.chat.postMessage({
          channel: channelId,
          thread_ts: threadTs,
          text: greeting.text,
          blocks: greeting.blocks,
        });
        const visible = partner && canSeePartner(actor, partner.id);
        await setSuggestedPrompts(suggestedPrompts(ctx, audience, visible ? partner.name : undefined));
      } catch (error) {
        logger.error('The assistant panel could not greet', error);
      }
    },
    threadContextChanged: async ({ event, logger }) => {
      try {
        const { channel_id: channelId, thread_ts: threadTs, context } = event.assistant_thread;
        await rememberViewing(channelId, threadTs, context.channel_id);
      } catch (error) {
        logger.error('The assistant panel could not follow the channel viewed', error);
      }
    },
    userMessage: async ({ message, body, client, setStatus, setTitle }) => {
      const m = message as MessageLike;
      if (isNoQuestion(m)) return;
      const threadTs = m.thread_ts ?? m.ts;
      await handleQuestion(
        deps,
        client,
        {
          eventId: body.event_id,
          userId: m.user!,
          text: m.text!,
          surface: 'direct',
          channelId: m.channel,
          threadTs,
          userTeamId: m.user_team ?? m.team,
          botTeamId: installationTeam(body),
        },
        async () => {
          const locale = await questionLocale(deps, client, m.user!, m.text!);
          const before = await threads.recall(m.channel, threadTs, deps.now());
          await Promise.all([
            setStatus(assistantMessages[locale].thinking),
            ...(before === undefined || before.intent === VIEWING
              ? [setTitle(m.text!.slice(0, TITLE_LENGTH))]
              : []),
          ]);
        },
      );
    },
  });
}

export function registerAssistant(app: App, deps: ListenerDeps): void {
  app.assistant(createAssistant(deps));
}
