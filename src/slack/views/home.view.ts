import type { types } from '@slack/bolt';
import { type HomeMessages, homeMessages } from '../../i18n/home.js';
import { hasLeft } from '../../program/membership.js';
import type { PartnerStatus } from '../../services/partner-status.service.js';
import type { PortfolioSummary } from '../../services/portfolio.service.js';
import { ACTION_IDS } from '../ids.js';
import {
  actions,
  button,
  capBlocks,
  context,
  divider,
  fields,
  header,
  type KnownBlock,
  lineSections,
  section,
} from './blocks.js';
import { fmt } from './context.js';
import { declarationBlocks } from './declarations.view.js';
import { code, escapeMrkdwn } from './escape.js';
import { noLongerInProgramView } from './membership.view.js';
import { ownTrainingBlocks } from './obligations.view.js';
import { withoutButtons } from './share.view.js';
import { statusView } from './status.view.js';
import type { WriteViewContext } from './write-replies.view.js';

/** Slack's limit on a Home tab. */
export const HOME_MAX_BLOCKS = 100;
/** Declarations shown with their buttons (two blocks each). */
export const HOME_DECLARATIONS = 10;
/** Partners listed under overdue and at risk. */
export const HOME_PARTNER_LINES = 15;

export type HomeData =
  | { kind: 'staff'; summary: PortfolioSummary }
  | { kind: 'contact'; status: PartnerStatus; contactId: number }
  | { kind: 'stranger' }
  | { kind: 'unavailable' };

export type HomeView = types.HomeView;

/**
 * A list of partners on the Home tab (overdue, at risk): its title with how many (or that there is none),
 * the first HOME_PARTNER_LINES lines (each starts with the partner's name and id), and how many more the
 * `/partner list` it names shows.
 */
function partnerListBlocks<Item extends { partner: { id: string; name: string } }>(
  ctx: WriteViewContext,
  list: { total: number; items: Item[] },
  words: { title: (partners: string) => string; none: string; more: (count: string) => string },
  line: (name: string, id: string, item: Item) => string,
): KnownBlock[] {
  if (!list.total) return [section(words.none)];
  const f = fmt(ctx);
  const shown = list.items.slice(0, HOME_PARTNER_LINES);
  const blocks: KnownBlock[] = [
    section(words.title(f.count(list.total, homeMessages[ctx.locale].staff.partners))),
    ...lineSections(
      shown.map(
        (item) =>
          `${ctx.m.bullet} ${line(`*${escapeMrkdwn(item.partner.name)}*`, code(item.partner.id), item)}`,
      ),
      { maxBlocks: 2, more: f.more },
    ),
  ];
  if (list.total > shown.length) blocks.push(context(words.more(String(list.total - shown.length))));
  return blocks;
}

function staffBlocks(ctx: WriteViewContext, h: HomeMessages, summary: PortfolioSummary): KnownBlock[] {
  const f = fmt(ctx);
  const s = h.staff;
  const scope = summary.scope === 'all' ? s.all : s.mine;
  const blocks: KnownBlock[] = [header(s.title), section(s.total(scope, f.count(summary.total, s.partners)))];
  if (summary.total === 0) blocks.push(context(s.emptyPortfolio));
  else blocks.push(...fields(summary.byTier.map((t) => `*${escapeMrkdwn(f.tier(t.tier))}*\n${t.count}`)));
  blocks.push(
    ...actions([
      button({ text: ctx.m.buttons.recordRevenue, actionId: ACTION_IDS.recordRevenue, style: 'primary' }),
      button({ text: ctx.m.buttons.markDone, actionId: ACTION_IDS.markDone }),
      button({ text: ctx.m.buttons.overrideTier, actionId: ACTION_IDS.overrideTier }),
    ]),
    divider(),
  );

  const pending = summary.pending;
  blocks.push(section(pending.total ? s.pendingTitle(String(pending.total)) : s.pendingNone));
  const shownPending = pending.items.slice(0, HOME_DECLARATIONS);
  for (const d of shownPending) blocks.push(...declarationBlocks(ctx, d));
  if (pending.total > shownPending.length)
    blocks.push(context(s.pendingMore(String(pending.total - shownPending.length))));
  blocks.push(divider());

  blocks.push(
    ...partnerListBlocks(
      ctx,
      summary.overdue,
      { title: s.overdueTitle, none: s.overdueNone, more: s.overdueMore },
      (name, id, r) => s.overdueLine(name, id, f.count(r.overdue, s.overdueCount)),
    ),
    divider(),
    ...partnerListBlocks(
      ctx,
      summary.atRisk,
      { title: s.atRiskTitle, none: s.atRiskNone, more: s.atRiskMore },
      (name, id, r) => s.atRiskLine(name, id, escapeMrkdwn(f.tier(r.toTier)), f.money(r.missingToKeepCents)),
    ),
  );
  blocks.push(divider(), context(s.help));
  return blocks;
}

/**
 * The App Home tab: staff get their portfolio at a glance (tiers, declarations to confirm with their
 * buttons, overdue obligations, partners at risk) and the buttons opening the forms; a contact gets its
 * partner's card; anyone else what the bot is and whom to ask. At most 100 blocks; `notice` (what the user
 * just did) goes on top.
 */
export function homeView(ctx: WriteViewContext, data: HomeData, options: { notice?: string } = {}): HomeView {
  const h = homeMessages[ctx.locale];
  let blocks: KnownBlock[];
  switch (data.kind) {
    case 'staff':
      blocks = staffBlocks(ctx, h, data.summary);
      break;
    case 'contact':
      // A partner that left the program: its contacts are told so instead of its card.
      if (hasLeft(data.status.record.partner, data.status.today)) {
        blocks = [header(h.contact.title), ...noLongerInProgramView(ctx, data.status.record.partner).blocks];
        break;
      }
      {
        const own = ownTrainingBlocks(ctx, data.status, data.contactId);
        blocks = [
          header(h.contact.title),
          // The contact's own trainings first, with the buttons that declare them done.
          section(own.length ? h.contact.ownTrainings : h.contact.noOwnTraining),
          ...own,
          divider(),
          // Nothing can be shared from the Home tab: the card goes without its Share button.
          ...withoutButtons(statusView(ctx, data.status, { staff: false }).blocks),
          divider(),
          context(h.contact.help),
        ];
      }
      break;
    case 'stranger':
      blocks = [header(h.stranger.title), section(h.stranger.text), context(h.stranger.whom)];
      break;
    case 'unavailable':
      blocks = [section(h.unavailable)];
      break;
  }
  // What the user just did (confirmed a declaration...), above everything else.
  if (options.notice) blocks.unshift(section(options.notice));
  return { type: 'home', blocks: capBlocks(blocks, fmt(ctx).more, HOME_MAX_BLOCKS) };
}
