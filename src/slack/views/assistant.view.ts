import type { Clarification, Intent } from '../../assistant/intents.js';
import { type AssistantMessages, assistantMessages } from '../../i18n/assistant.js';
import { benefitsOfTier } from '../../program/benefits.js';
import { ACTION_IDS, type AssistantChoiceValue, encodeValue, indexedActionId } from '../ids.js';
import {
  actions,
  button,
  context,
  header,
  type KnownBlock,
  lineSections,
  section,
  type View,
  view,
} from './blocks.js';
import { fmt, type ViewContext } from './context.js';
import { escapeMrkdwn, mention } from './escape.js';

export function assistantText(ctx: ViewContext): AssistantMessages {
  return assistantMessages[ctx.locale];
}

/** What an assistant button carries: the intent, compactly. */
export function choiceValue(intent: Intent): AssistantChoiceValue {
  if ('partnerId' in intent)
    return {
      k: intent.kind,
      p: intent.partnerId,
      ...(intent.focus ? { o: intent.focus } : {}),
      ...(intent.codes?.length ? { c: [...intent.codes] } : {}),
    };
  if (intent.kind === 'tier-benefits') return { k: intent.kind, t: intent.tier };
  if (intent.kind === 'list' && intent.filter)
    return intent.filter.kind === 'tier'
      ? { k: 'list', f: 'tier', t: intent.filter.tier }
      : { k: 'list', f: intent.filter.kind };
  return { k: intent.kind };
}

/** A button's label for an intent (partners by name). */
export function choiceLabel(ctx: ViewContext, intent: Intent, partnerName: (id: string) => string): string {
  const c = assistantText(ctx).choice;
  const f = fmt(ctx);
  if ('partnerId' in intent) return c[intent.focus ?? intent.kind](partnerName(intent.partnerId));
  switch (intent.kind) {
    case 'program':
      return c.program;
    case 'help':
      return c.help;
    case 'next-evaluation':
      return c.nextEvaluation;
    case 'tier-benefits':
      return c.tierBenefits(f.tier(intent.tier));
    case 'list': {
      const filter = intent.filter;
      if (!filter) return c.list;
      if (filter.kind === 'tier') return c.ofTier(f.tier(filter.tier));
      return { 'at-risk': c.atRisk, overdue: c.overdue, 'within-reach': c.withinReach, left: c.left }[
        filter.kind
      ];
    }
  }
}

function choiceButtons(ctx: ViewContext, choices: Intent[], partnerName: (id: string) => string) {
  return actions(
    choices.slice(0, 10).map((intent, i) =>
      button({
        text: choiceLabel(ctx, intent, partnerName),
        actionId: indexedActionId(ACTION_IDS.assistantChoice, i),
        // Answered in the language the buttons are labelled in (the question's).
        value: encodeValue({ ...choiceValue(intent), l: ctx.locale }),
      }),
    ),
  );
}

/** Asking back: which partner, which question, or three questions to try; each a button. */
export function clarificationView(
  ctx: ViewContext,
  clarification: Clarification,
  partnerName: (id: string) => string,
): View {
  const c = assistantText(ctx).clarify;
  let text: string;
  const blocks: KnownBlock[] = [];
  switch (clarification.reason) {
    case 'partners':
      text = c.partners;
      break;
    case 'intents':
      text = c.intents;
      break;
    case 'partner-missing':
      text = c.partnerMissing;
      break;
    case 'unrecognised':
      text = c.unrecognised;
      break;
    case 'partner-unknown':
      text = c.partnerUnknown(escapeMrkdwn((clarification.query ?? '').slice(0, 100)));
      break;
  }
  blocks.push(section(text));
  if (clarification.reason === 'partner-unknown')
    blocks.push(clarification.choices.length ? section(c.didYouMean) : context(c.noSuggestion));
  if (clarification.choices.length) blocks.push(...choiceButtons(ctx, clarification.choices, partnerName));
  return view(text, blocks);
}

export type AssistantAudience = 'staff' | 'contact' | 'other';

/** The questions one may ask, by who asks. */
export function assistantHelpView(ctx: ViewContext, audience: AssistantAudience): View {
  const h = assistantText(ctx).help;
  const examples = h[audience].map((q) => `${ctx.m.bullet} ${q}`);
  return view(h.title, [
    header(h.title),
    section(h.intro),
    ...lineSections(examples, { maxBlocks: 3, more: fmt(ctx).more }),
    context(h.command),
  ]);
}

export function nextEvaluationView(ctx: ViewContext, evaluationOn: string, semesterCode: string): View {
  const f = fmt(ctx);
  const text = assistantText(ctx).nextEvaluation(f.date(evaluationOn), f.semester(semesterCode));
  return view(text, [section(text)]);
}

export function managerView(ctx: ViewContext, partnerName: string, managerUserId: string | undefined): View {
  const a = assistantText(ctx);
  const name = escapeMrkdwn(partnerName);
  const text = managerUserId ? a.manager(name, mention(managerUserId)) : a.noManager(name);
  return view(text, [section(text)]);
}

/** A tier's benefits (its own and those of the tiers below), for no partner in particular. */
export function tierBenefitsView(ctx: ViewContext, tierCode: string): View {
  const f = fmt(ctx);
  const t = assistantText(ctx).tierBenefits;
  const title = t.title(f.tier(tierCode));
  const lines = benefitsOfTier(ctx.catalog, tierCode).map((b) => `${ctx.m.bullet} ${f.text(b.label)}`);
  return view(title, [
    header(title),
    ...(lines.length ? lineSections(lines, { maxBlocks: 10, more: f.more }) : [section(t.none)]),
    context(t.cumulative),
  ]);
}

/** The assistant panel's first message. */
export function greetingView(ctx: ViewContext, audience: AssistantAudience): View {
  const text = assistantText(ctx).greeting[audience];
  return view(text, [section(text), context(assistantText(ctx).help.command)]);
}

/** Three or four questions to start with, chosen for who asks (and the partner whose channel is open). */
export function suggestedPrompts(
  ctx: ViewContext,
  audience: AssistantAudience,
  partnerName: string | undefined,
): { title: string; prompts: { title: string; message: string }[] } {
  const a = assistantText(ctx);
  const questions = [
    ...(audience === 'staff' && partnerName ? [a.partnerPrompt(partnerName)] : []),
    ...a.help[audience],
  ];
  return {
    title: a.promptsTitle,
    prompts: questions.slice(0, 4).map((q) => ({ title: q, message: q })),
  };
}
