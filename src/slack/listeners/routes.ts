import {
  type AllMiddlewareArgs,
  type App,
  type BlockAction,
  type ButtonAction,
  MultipleListenerError,
  type SlackActionMiddlewareArgs,
  type SlackViewMiddlewareArgs,
  type ViewSubmitAction,
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

/** Every matching route to its end, its failures thrown as Bolt throws its listeners' (App.processEvent). */
async function runMatching<Args>(routes: Route<Args>[], id: string, args: Args): Promise<void> {
  const settled = await Promise.allSettled(
    routes.filter((route) => route.matches(id)).map((route) => route.handler(args)),
  );
  const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as Error] : []));
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1) throw new MultipleListenerError(failures);
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
