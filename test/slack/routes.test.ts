import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { routedApp } from '../../src/slack/listeners/routes.js';
import { type TestSlackApp, useTestSlackApp } from '../support/slack-app.js';
import { viewSubmission } from '../support/slack-requests.js';

/**
 * Buttons and forms routed by id from one Bolt listener each (src/slack/listeners/routes.ts), through the
 * real receiver: what ran is what Bolt itself would have run.
 */
describe('buttons and forms routed by their ids', () => {
  let t: TestSlackApp;
  const ran: string[] = [];
  let boltListeners = 0;

  const register = (app: App) => {
    const routed = routedApp(app);
    routed.action('approve', async ({ ack, action }) => {
      ran.push(`approve: ${action.value}`);
      await ack();
    });
    // Two routes for one id both run, as two Bolt listeners would.
    routed.action('approve', async () => {
      ran.push('approve, second route');
    });
    routed.action(/^done(:|$)/, async ({ ack, action }) => {
      ran.push(`done pattern: ${action.action_id}`);
      await ack();
    });
    // One route failing at once does not cut short another of the same id: Bolt waits for every listener.
    routed.action('failing', async ({ ack }) => {
      await ack();
      throw new Error('the first route failed');
    });
    routed.action('failing', async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ran.push('slow route done');
    });
    routed.view('revenue_form', async ({ ack, view }) => {
      ran.push(`form: ${view.private_metadata}`);
      await ack();
    });
    boltListeners = (app as unknown as { listeners: unknown[] }).listeners.length;
  };

  useTestSlackApp('pglite', { register }, (env) => {
    t = env.app;
    ran.length = 0;
  });

  it('gives Bolt one listener for every button and one for every form, however many routes', () => {
    expect(boltListeners).toBe(2);
  });

  it('runs every route of a button’s exact id', async () => {
    const { response } = await t.click({ actionId: 'approve', value: 'acme' });
    expect(response.status).toBe(200);
    await t.settle();
    expect(ran.sort()).toEqual(['approve, second route', 'approve: acme']);
  });

  it('runs a pattern’s route for every id it matches', async () => {
    await t.click({ actionId: 'done:42' });
    await t.click({ actionId: 'done' });
    await t.settle();
    expect(ran).toEqual(['done pattern: done:42', 'done pattern: done']);
  });

  it('waits for every route of an id when one fails, as Bolt waits for its listeners', async () => {
    await t.click({ actionId: 'failing' });
    await t.settle();
    expect(ran).toEqual(['slow route done']);
  });

  it('runs a submitted form’s route by its callback id', async () => {
    const submitted = await t.send(viewSubmission({ callbackId: 'revenue_form', privateMetadata: 'acme' }));
    expect(submitted.status).toBe(200);
    await t.settle();
    expect(ran).toEqual(['form: acme']);
  });

  it('runs nothing for an id no route has: one an exact id only starts, one a pattern does not match, another form', async () => {
    // Nothing acknowledges them: the receiver answers once Bolt's wait for an ack is over (3 s), together.
    await Promise.all([
      t.click({ actionId: 'approve_later', value: 'acme' }),
      t.click({ actionId: 'undone:42' }),
      t.send(viewSubmission({ callbackId: 'other_form' })),
    ]);
    await t.settle();
    expect(ran).toEqual([]);
  });
});
