import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { UsersInfoClient } from '../../../i18n/locale.js';
import type { Locale } from '../../../program/catalog.schema.js';
import { identifyActor } from '../../../services/actor.service.js';
import { loadPartnerStatus } from '../../../services/partner-status.service.js';
import { portfolioSummary } from '../../../services/portfolio.service.js';
import { type WriteEnv, writeEnv } from '../../partner-command/writes/env.js';
import { HOME_DECLARATIONS, type HomeData, homeView } from '../../views/home.view.js';
import type { ListenerDeps } from '../deps.js';

/** What the user's Home tab shows, by who they are. */
export async function loadHome(env: WriteEnv, userId: string): Promise<HomeData> {
  const actor = await identifyActor(env.db, userId);
  const today = env.today();
  if (actor.kind === 'staff')
    return {
      kind: 'staff',
      summary: await portfolioSummary(env.db, env.catalog, actor, today, { pendingLimit: HOME_DECLARATIONS }),
    };
  if (actor.kind === 'contact') {
    const status = await loadPartnerStatus(env.partners, env.catalog, actor.contact.partnerId, today);
    return status ? { kind: 'contact', status } : { kind: 'stranger' };
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
  env: WriteEnv,
  client: PublishClient,
  userId: string,
  options: { notice?: string; locale?: Locale } = {},
): Promise<void> {
  const locale = options.locale ?? (await env.locale(client, userId));
  const ctx = env.context(locale);
  let data: HomeData;
  try {
    data = await loadHome(env, userId);
  } catch (error) {
    env.deps.logger.error('App Home: could not load the data', error);
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
    await publishHome(writeEnv(deps), client, event.user).catch((error: unknown) =>
      logger.error('App Home: views.publish failed', error),
    );
  };
}

export function registerAppHome(app: App, deps: ListenerDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
}
