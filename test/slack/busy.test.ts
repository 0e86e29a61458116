import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/demo/demo-data.js';
import { commandMessages } from '../../src/i18n/commands.js';
import { registerListeners } from '../../src/slack/listeners/index.js';
import { createWorkLimiter } from '../../src/slack/work-limiter.js';
import { createDemoDatabase, type DemoDatabase } from '../support/demo.js';
import { startTestSlackApp, type TestSlackApp } from '../support/slack-app.js';
import { TODAY } from './views.fixtures.js';

const NOW = new Date(`${TODAY}T10:00:00Z`);
const ackText = (ack: Record<string, unknown> | undefined) => String(ack?.text ?? '');

/**
 * Slack's 3 s count from the request's arrival at the receiver, and the /partner work is bounded: a request
 * that can no longer be answered in time is told "busy" at once, in its user's language.
 */
describe('/partner when it cannot answer in time', () => {
  let database: DemoDatabase;
  let t: TestSlackApp;
  /** Added to the receiver's clock at every reading: 3 000 makes every request 3 s old when its listener runs. */
  let step = 0;
  let skew = 0;
  /** One /partner answer at a time, none waiting: holding its slot saturates it. */
  const limiter = createWorkLimiter({ maxConcurrent: 1, maxWaiting: 0 });
  /** Requests Bolt got (a global middleware counts them). */
  let boltRequests = 0;

  beforeAll(async () => {
    database = await createDemoDatabase(TODAY);
    t = await startTestSlackApp({
      database,
      now: () => NOW,
      requestClock: () => {
        skew += step;
        return performance.now() + skew;
      },
      register: (app, deps) => {
        app.use(async ({ next }) => {
          boltRequests += 1;
          await next();
        });
        registerListeners(app, Object.assign(deps, { partnerWork: limiter }));
      },
    });
  });
  afterAll(async () => {
    await t?.stop();
    await database?.drop();
  });
  beforeEach(async () => {
    await t.settle();
    t.fakeSlack.reset();
    step = 0;
  });

  it('answers with the card when the request is fresh and a slot is free', async () => {
    const { ack } = await t.command('status acme', { userId: DEMO_USERS.manager });
    expect(JSON.stringify(ack)).toContain('Acme');
    expect(ackText(ack)).not.toBe(commandMessages.en.busy);
  });

  it('answers "busy" at once, without running the command, to a request that arrived too long ago', async () => {
    step = 3_000;
    const { response, ack } = await t.command('status acme', { userId: DEMO_USERS.manager });
    expect(response.status).toBe(200);
    expect(ack).toMatchObject({ response_type: 'ephemeral', text: commandMessages.en.busy });
    // Not even the user's locale was asked for: the command never started.
    expect(t.fakeSlack.callsTo('users.info')).toEqual([]);
  });

  /** A French reader's `status acme` answered fresh, then again 3 s late; how many of each reached Bolt. */
  async function freshThenLateInFrench() {
    t.fakeSlack.setUserLocale(DEMO_USERS.manager, 'fr-FR');
    boltRequests = 0;
    const fresh = await t.command('status acme', { userId: DEMO_USERS.manager });
    const freshInBolt = boltRequests;
    step = 3_000;
    boltRequests = 0;
    const late = await t.command('status acme', { userId: DEMO_USERS.manager });
    return { fresh, freshInBolt, late, lateInBolt: boltRequests };
  }

  it('tells a command too late for a card "busy" in the receiver, before Bolt, in the language known', async () => {
    const { freshInBolt, late, lateInBolt } = await freshThenLateInFrench();
    expect(freshInBolt).toBe(1);
    expect(late.response.status).toBe(200);
    expect(late.ack).toMatchObject({ response_type: 'ephemeral', text: commandMessages.fr.busy });
    expect(lateInBolt).toBe(0);
  });

  it('says "busy" in French to a user known to read French', async () => {
    const { fresh, late } = await freshThenLateInFrench();
    expect(JSON.stringify(fresh.ack)).toContain('Prochaine réévaluation');
    expect(ackText(late.ack)).toBe(commandMessages.fr.busy);
    expect(commandMessages.fr.busy).toContain('réessayer dans un instant');
    expect(commandMessages.en.busy).toContain('try again in a moment');
  });

  it('answers "busy" when the /partner work is saturated, and the card again once it is free', async () => {
    let release!: () => void;
    const held = limiter.run(() => new Promise<void>((resolve) => (release = resolve)), 1_000);
    try {
      expect(limiter.running).toBe(1);
      const { ack } = await t.command('status acme', { userId: DEMO_USERS.manager });
      expect(ackText(ack)).toBe(commandMessages.en.busy);
    } finally {
      release();
      await held;
    }
    const { ack } = await t.command('status acme', { userId: DEMO_USERS.manager });
    expect(JSON.stringify(ack)).toContain('Acme');
    expect(ackText(ack)).not.toBe(commandMessages.en.busy);
  });
});
