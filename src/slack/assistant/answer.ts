import type { Intent, IntentKind, ObligationsFocus, Understanding } from '../../assistant/intents.js';
import { INTENT_KINDS, OBLIGATIONS_FOCUSES } from '../../assistant/intents.js';
import type { PartnerIndex } from '../../assistant/partner-index.js';
import { type UnderstandContext, understand } from '../../assistant/understand.js';
import type { ThreadTurn } from '../../db/repositories/assistant-threads.repository.js';
import { createAssistantThreadsRepository } from '../../db/repositories/assistant-threads.repository.js';
import type { Locale } from '../../program/catalog.schema.js';
import { localDate } from '../../program/dates.js';
import { nextEvaluationOn, semesterContaining } from '../../program/semesters.js';
import { type Actor, canSeePartner, identifyActor, seenFromTeam } from '../../services/actor.service.js';
import { handlePartnerCommand } from '../partner-command/handle.js';
import { obligationsCommand } from '../partner-command/subcommands.js';
import type { PartnerCommandDeps, PartnerCommandRequest } from '../partner-command/types.js';
import {
  type AssistantAudience,
  assistantHelpView,
  clarificationView,
  managerView,
  nextEvaluationView,
  tierBenefitsView,
} from '../views/assistant.view.js';
import type { View } from '../views/blocks.js';
import { type ViewContext, viewContext } from '../views/context.js';
import { otherPartnerRefusalView, strangerRefusalView, unavailableView } from '../views/refusal.view.js';
import { withoutButtons } from '../views/share.view.js';
import type { ChannelAudience, ChannelAudienceResolver } from './audience.js';

export interface AssistantDeps extends PartnerCommandDeps {
  /** Who reads a channel: the contacts work (issue 10) plugs its shared-channel knowledge in here. */
  audience: ChannelAudienceResolver;
  /** The partners a question may name (partner-index-cache.ts). */
  partnerIndex: () => Promise<PartnerIndex>;
}

export interface Question {
  userId: string;
  text: string;
  locale: Locale;
  /** A mention in a channel (read by everyone there), or a direct message / the assistant panel. */
  surface: 'channel' | 'direct';
  /** Where it was asked (a DM's id for a direct message). */
  channelId: string;
  /** The thread it belongs to (the question's own ts when it starts one): follow-ups share it. */
  threadTs: string;
  /** The asker's own team and the bot's, as the event says (people of another organisation). */
  userTeamId?: string | undefined;
  botTeamId?: string | undefined;
}

export interface Answer {
  reply: View;
  /** In the question's thread for everyone who can read it, or for the asker alone. */
  placement: 'thread' | 'ephemeral';
  /** What to remember of the thread for its next question. */
  turn?: ThreadTurn;
}

/** The /partner subcommand each read about a partner is answered with. */
const SUBCOMMAND = {
  status: 'status',
  tier: 'tier',
  missing: 'tier',
  benefits: 'benefits',
  obligations: 'obligations',
  zen: 'zen',
  history: 'history',
  contacts: 'contacts',
} as const;

const LIST_FILTER = {
  'at-risk': 'at-risk',
  overdue: 'overdue',
  'within-reach': 'within-reach',
  left: 'left',
} as const;

interface Situation {
  actor: Actor;
  audience: ChannelAudience;
  view: ViewContext;
  index: PartnerIndex;
  partnerName: (id: string) => string;
  previousPartnerId: string | undefined;
  previous: UnderstandContext['previous'];
}

/**
 * A question in plain words, answered with the same cards as /partner and the same rules of who sees
 * what. Never throws: a failure answers "temporarily unavailable", to the asker alone.
 */
export async function answerQuestion(deps: AssistantDeps, question: Question): Promise<Answer> {
  try {
    const situation = await situate(deps, question);
    const { actor } = situation;
    const index = situation.index;
    const ownPartner = actor.kind === 'contact' ? actor.contact.partnerId : undefined;
    const understood = understand(question.text, {
      partners: index,
      tiers: deps.catalog.tiers,
      obligations: deps.catalog.obligations,
      previous: situation.previous,
      defaultPartnerId: situation.audience.partner?.id ?? ownPartner,
      audience: audienceOf(actor),
    });
    return await answerUnderstood(deps, question, situation, understood);
  } catch (error) {
    deps.logger.error('The assistant could not answer', error);
    return { reply: unavailableView(question.locale), placement: 'ephemeral' };
  }
}

/** A button's question (already understood), answered like one typed. */
export async function answerIntent(deps: AssistantDeps, question: Question, intent: Intent): Promise<Answer> {
  try {
    const situation = await situate(deps, question);
    return await answerUnderstood(deps, question, situation, { kind: 'intent', intent });
  } catch (error) {
    deps.logger.error('The assistant could not answer a button', error);
    return { reply: unavailableView(question.locale), placement: 'ephemeral' };
  }
}

async function situate(deps: AssistantDeps, question: Question): Promise<Situation> {
  const threads = createAssistantThreadsRepository(deps.db);
  // A direct question is answered to the asker alone; the assistant panel's viewed channel only names the
  // partner assumed (remembered as the thread's partner, assistant.event.ts).
  const audienceChannel = question.surface === 'channel' ? question.channelId : undefined;
  const [actor, audience, previous, index] = await Promise.all([
    identifyActor(deps.db, question.userId),
    audienceChannel
      ? deps.audience({
          channelId: audienceChannel,
          userTeamId: question.userTeamId,
          botTeamId: question.botTeamId,
        })
      : Promise.resolve<ChannelAudience>({ partner: undefined, shared: false }),
    threads.recall(question.channelId, question.threadTs, deps.now()),
    deps.partnerIndex(),
  ]);
  const view = viewContext(
    deps.catalog,
    question.locale,
    localDate(deps.now(), deps.config.PROGRAM_TIMEZONE),
  );
  return {
    actor: seenFromTeam(actor, question.userTeamId),
    audience: question.surface === 'direct' ? { partner: audience.partner, shared: false } : audience,
    view,
    index,
    partnerName: (id) => index.byId(id)?.name ?? id,
    previousPartnerId: previous?.partnerId,
    // A thread that only knows the channel looked at (the assistant panel) has asked nothing yet.
    previous: previous && {
      intent: INTENT_KINDS.has(previous.intent) ? (previous.intent as IntentKind) : 'help',
      ...(previous.partnerId ? { partnerId: previous.partnerId } : {}),
      ...focusRecalled(deps, previous.focus),
    },
  };
}

/**
 * The part of a card a thread was about, as its turn keeps it (ThreadTurn.focus): a focus ('trainings'),
 * or obligations' codes, space-separated.
 */
function focusRemembered(intent: Intent): string | undefined {
  if (!('partnerId' in intent)) return undefined;
  return intent.codes?.length ? intent.codes.join(' ') : intent.focus;
}

function focusRecalled(
  deps: AssistantDeps,
  remembered: string | undefined,
): { focus?: ObligationsFocus; codes?: string[] } {
  if (!remembered) return {};
  const focus = OBLIGATIONS_FOCUSES.find((f) => f === remembered);
  if (focus) return { focus };
  const known = new Set(deps.catalog.obligations.map((o) => o.code));
  const codes = remembered.split(' ').filter((code) => known.has(code));
  return codes.length ? { codes } : {};
}

export function audienceOf(actor: Actor): AssistantAudience {
  return actor.kind === 'staff' ? 'staff' : actor.kind === 'contact' ? 'contact' : 'other';
}

async function answerUnderstood(
  deps: AssistantDeps,
  question: Question,
  situation: Situation,
  understood: Understanding,
): Promise<Answer> {
  const { actor, view } = situation;
  const privately = (reply: View): Answer => ({
    reply,
    placement: question.surface === 'direct' ? 'thread' : 'ephemeral',
  });
  if (understood.kind === 'clarify') {
    if (actor.kind !== 'staff') {
      // A contact's own partner among several that fit is the one it means; any other name gets the
      // refusal /partner gives, whether that partner exists or not, and so does a question about two
      // things of a partner it may not see: asking back would tell that the partner exists.
      const own = actor.kind === 'contact' ? actor.contact.partnerId : undefined;
      const named = understood.reason === 'partners' || understood.reason === 'partner-unknown';
      const mine = named && understood.choices.find((c) => 'partnerId' in c && c.partnerId === own);
      if (mine) return answerUnderstood(deps, question, situation, { kind: 'intent', intent: mine });
      const hidden = understood.choices.some((c) => 'partnerId' in c && !canSeePartner(actor, c.partnerId));
      if (named || hidden) return privately(refusal(actor, view));
    }
    return privately(clarificationView(view, understood, situation.partnerName));
  }
  const { intent } = understood;
  const placement = await place(question, situation, intent);
  // Posted in a channel's thread, the answer is read by everyone there: nothing only staff may see.
  const inChannel = placement === 'thread' && question.surface === 'channel';
  const reply = await render(deps, question, situation, intent, inChannel ? 'channel' : 'asker');
  const partnerId = 'partnerId' in intent ? intent.partnerId : situation.previousPartnerId;
  const allowed = partnerId === undefined || canSeePartner(actor, partnerId);
  return {
    reply: inChannel ? { ...reply, blocks: withoutButtons(reply.blocks) } : reply,
    placement,
    ...(allowed ? { turn: { intent: intent.kind, partnerId, focus: focusRemembered(intent) } } : {}),
  };
}

function refusal(actor: Actor, view: ViewContext): View {
  return actor.kind === 'contact' ? otherPartnerRefusalView(view) : strangerRefusalView(view);
}

/**
 * Where an answer goes (decision). In a direct message, in its thread. In a channel, everyone there reads
 * it, so: the public program anywhere; a partner's card in that partner's own channel, or asked by staff
 * in an internal channel with no partner's contact or guest among its members (asked of Slack only then);
 * everything else (another partner's card, a portfolio, a refusal) to the asker alone.
 */
async function place(question: Question, situation: Situation, intent: Intent): Promise<Answer['placement']> {
  if (question.surface === 'direct') return 'thread';
  const { actor, audience } = situation;
  if ('partnerId' in intent) {
    if (!canSeePartner(actor, intent.partnerId)) return 'ephemeral';
    if (audience.partner?.id === intent.partnerId) return 'thread';
    if (audience.partner || audience.shared || actor.kind !== 'staff') return 'ephemeral';
    // An internal channel, unless a partner's contact or a guest is among its members (unknown: as if).
    const guest = audience.partnersAmongMembers ? await audience.partnersAmongMembers() : false;
    return guest === false ? 'thread' : 'ephemeral';
  }
  return intent.kind === 'list' ? 'ephemeral' : 'thread';
}

async function render(
  deps: AssistantDeps,
  question: Question,
  situation: Situation,
  intent: Intent,
  audience: PartnerCommandRequest['audience'],
): Promise<View> {
  const { view, actor } = situation;
  const command = (text: string, partnerId?: string) =>
    handlePartnerCommand(deps, {
      userId: question.userId,
      channelId: question.surface === 'channel' ? question.channelId : undefined,
      text,
      locale: question.locale,
      actor,
      audience,
      ...(partnerId ? { partnerId } : {}),
    });
  switch (intent.kind) {
    case 'manager': {
      if (!canSeePartner(actor, intent.partnerId)) return refusal(actor, view);
      const partner = await deps.partners.byId(intent.partnerId);
      if (!partner) return refusal(actor, view);
      return managerView(view, partner.name, partner.managerSlackUserId ?? undefined);
    }
    case 'list': {
      const filter = intent.filter;
      const word = !filter ? '' : filter.kind === 'tier' ? filter.tier : LIST_FILTER[filter.kind];
      return command(`list ${word}`.trim());
    }
    case 'program':
      return command('program');
    case 'help':
      return assistantHelpView(view, audienceOf(actor));
    case 'next-evaluation': {
      const on = nextEvaluationOn(deps.catalog, view.today);
      return nextEvaluationView(view, on, semesterContaining(deps.catalog, view.today).code);
    }
    case 'tier-benefits':
      return tierBenefitsView(view, intent.tier);
    default:
      return command(
        intent.kind === 'obligations'
          ? [obligationsCommand(intent.focus), ...(intent.codes ?? [])].join(' ')
          : SUBCOMMAND[intent.kind],
        intent.partnerId,
      );
  }
}
