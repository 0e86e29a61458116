import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { UsersInfoClient } from '../../../i18n/locale.js';
import type { Locale } from '../../../program/catalog.schema.js';
import { identifyActor } from '../../../services/actor.service.js';
import { loadPartnerStatus } from '../../../services/partner-status.service.js';
import { portfolioSummary } from '../../../services/portfolio.service.js';
import { HOME_DECLARATIONS, HOME_PARTNER_LINES, type HomeData, homeView } from '../../views/home.view.js';
import { type ListenerDeps, writeContext } from '../deps.js';

/** What the user's Home tab shows, by who they are. */
export async function loadHome(deps: ListenerDeps, userId: string): Promise<HomeData> {
  const actor = await identifyActor(deps.db, userId);
  const today = deps.today();
  if (actor.kind === 'staff')
    return {
      kind: 'staff',
      summary: await portfolioSummary(deps.db, deps.catalog, actor, today, {
        pendingLimit: HOME_DECLARATIONS,
        partnerLimit: HOME_PARTNER_LINES,
      }),
    };
  if (actor.kind === 'contact') {
    const status = await loadPartnerStatus(deps.partners, deps.catalog, actor.contact.partnerId, today);
    return status ? { kind: 'contact', status, contactId: actor.contact.id } : { kind: 'stranger' };
  }
  return { kind: 'stranger' };
}

type PublishClient = UsersInfoClient & {
  views: { publish(args: { user_id: string; view: ReturnType<typeof homeView> }): Promise<unknown> };
};

/**
 * Renders and publishes a user's Home tab (on opening it, and after a write made from it). When the
 * database fails, the tab says the service is unavailable rather than staying stale or blank.
 */
export async function publishHome(
  deps: ListenerDeps,
  client: PublishClient,
  userId: string,
  options: { notice?: string; locale?: Locale } = {},
): Promise<void> {
  const locale = options.locale ?? (await deps.locales(client, userId));
  const ctx = writeContext(deps, locale);
  let data: HomeData;
  try {
    data = await loadHome(deps, userId);
  } catch (error) {
    deps.logger.error('App Home: could not load the data', error);
    data = { kind: 'unavailable' };
  }
  await client.views.publish({ user_id: userId, view: homeView(ctx, data, { notice: options.notice }) });
}

/** app_home_opened: the Home tab, fresh each time it is opened (the Messages tab is left alone). */
export function appHomeOpened(deps: ListenerDeps) {
  return async ({
    event,
    client,
    logger,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    await publishHome(deps, client, event.user).catch((error: unknown) =>
      logger.error('App Home: views.publish failed', error),
    );
  };
}

export function registerAppHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
}
