import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The app as commands, buttons and forms register on it. Buttons and form submissions are kept in tables
 * looked up by their action or callback id, and Bolt gets one listener for each: Bolt runs every
 * registered listener's matchers, each with a copy of the request's arguments, on every request, and
 * thirty buttons and forms cost a bare ack about 0.4 ms more a request (README, item 9). As with Bolt,
 * every route matching an id runs; an id no route matches is left alone (unacknowledged).
 */
export interface ListenerApp {
  command: App['command'];
  /** A button by its action id, exactly, or by a pattern (ids carrying a suffix: actionIdPattern). */
  action<A extends BlockAction<ButtonAction>>(
    id: string | RegExp,
    handler: (args: SlackActionMiddlewareArgs<A> & AllMiddlewareArgs) => Promise<void>,
  ): void;
  /** A modal's submission by its callback id. */
  view<V extends ViewSubmitAction>(
    callbackId: string,
    handler: (args: SlackViewMiddlewareArgs<V> & AllMiddlewareArgs) => Promise<void>,
  ): void;
}

type Route<Args> = { matches: (id: string) => boolean; handler: (args: Args) => Promise<void> };

async function runMatching<Args>(routes: Route<Args>[], id: string, args: Args): Promise<void> {
  await Promise.all(routes.filter((route) => route.matches(id)).map((route) => route.handler(args)));
}

const matcher = (id: string | RegExp) =>
  typeof id === 'string' ? (x: string) => x === id : (x: string) => id.test(x);

export function routedApp(app: App): ListenerApp {
  const buttons: Route<ButtonArgs>[] = [];
  const submissions: Route<SubmitArgs>[] = [];
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions' }, (args) =>
    runMatching(buttons, args.action.action_id, args),
  );
  app.view<ViewSubmitAction>({ type: 'view_submission' }, (args) =>
    runMatching(submissions, args.view.callback_id, args),
  );
  return {
    command: app.command.bind(app),
    action(id, handler) {
      buttons.push({ matches: matcher(id), handler: handler as Route<ButtonArgs>['handler'] });
    },
    view(callbackId, handler) {
      submissions.push({ matches: matcher(callbackId), handler: handler as Route<SubmitArgs>['handler'] });
    },
  };
}
