import { ACTION_IDS, encodeValue, indexedActionId } from '../ids.js';
import { actions, button, context, type KnownBlock, section, type View, view } from './blocks.js';
import { fmt, type ViewContext } from './context.js';
import { code, escapeMrkdwn } from './escape.js';

export interface PartnerChoice {
  id: string;
  name: string;
  tier: string;
}

/** Buttons that re-run `subcommand` on each partner (at most 25 fit one actions block; lookups give 10). */
function choiceButtons(subcommand: string, partners: PartnerChoice[]) {
  return actions(
    partners.slice(0, 25).map((p, i) =>
      button({
        text: p.name,
        actionId: indexedActionId(ACTION_IDS.choosePartner, i),
        value: encodeValue({ p: p.id, s: subcommand }),
      }),
    ),
  );
}

function choiceLines(ctx: ViewContext, partners: PartnerChoice[]): string {
  const f = fmt(ctx);
  return partners
    .map((p) => `${ctx.m.bullet} *${escapeMrkdwn(p.name)}* ${code(p.id)} · ${escapeMrkdwn(f.tier(p.tier))}`)
    .join('\n');
}

/** Several partners match what was typed: one button each to pick. */
export function chooseView(
  ctx: ViewContext,
  query: string,
  subcommand: string,
  candidates: PartnerChoice[],
): View {
  const text = ctx.m.lookup.choose(code(query.slice(0, 100)));
  const blocks: KnownBlock[] = [
    section(text),
    section(choiceLines(ctx, candidates)),
    ...choiceButtons(subcommand, candidates),
  ];
  return view(text, blocks);
}

/** Nothing matches: the closest names, as buttons too. */
export function noMatchView(
  ctx: ViewContext,
  query: string,
  subcommand: string,
  suggestions: PartnerChoice[],
): View {
  const l = ctx.m.lookup;
  const text = l.none(code(query.slice(0, 100)));
  const blocks: KnownBlock[] = [section(text)];
  if (suggestions.length) {
    blocks.push(section(`${l.didYouMean}\n${choiceLines(ctx, suggestions)}`));
    blocks.push(...choiceButtons(subcommand, suggestions));
  } else blocks.push(context(l.noSuggestion));
  return view(text, blocks);
}

/** No partner named and the channel is not a partner's. */
export function unspecifiedView(ctx: ViewContext, usage: string): View {
  const text = ctx.m.lookup.unspecified(`\`${usage}\``);
  return view(text, [section(text)]);
}

export function messageView(text: string): View {
  return view(text, [section(text)]);
}
