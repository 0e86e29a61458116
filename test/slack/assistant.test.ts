import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outbox, partners } from '../../src/db/schema.js';
import { commandMessages } from '../../src/i18n/commands.js';
import { createDeliveryClient, createDispatcher, type Dispatcher } from '../../src/outbox/index.js';
import { ACTION_IDS } from '../../src/slack/ids.js';
import { BACKENDS } from '../support/databases.js';
import type { RecordedCall } from '../support/fake-slack.js';
import { givenContact } from '../support/rows.js';
import {
  appMention,
  assistantThreadStarted,
  blockActions,
  directMessage,
  type MessageEventInput,
  type SignOptions,
} from '../support/slack-requests.js';
import {
  allText,
  CHANNELS,
  givenPendingResult,
  spaces,
  startWritesApp,
  USERS,
  type WritesHarness,
} from './writes.fixtures.js';

let tsCounter = 0;
/** A fresh message ts (Slack's are unique per channel). */
const nextTs = () => {
  tsCounter += 1;
  return `${1_774_000_000 + tsCounter}.000100`;
};

type Element = { action_id?: string; value?: string; text?: { text: string } };
type Block = { type: string; elements?: Element[] };
const buttons = (call: RecordedCall) =>
  ((call.body.blocks ?? []) as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

describe.each(BACKENDS)('the assistant over HTTP on %s', (backend) => {
  let h: WritesHarness;
  let dispatcher: Dispatcher;

  beforeAll(async () => {
    h = await startWritesApp(backend);
    dispatcher = createDispatcher({
      db: h.t.db,
      client: createDeliveryClient(h.app.config, 1_000),
      // Paced at Slack's rate in production; here every due message is delivered at once.
      limits: {
        perChannelIntervalMs: 0,
        workspacePerSecond: 1_000,
        workspaceBurst: 1_000,
        backoffBaseMs: 10,
      },
    });
  });
  beforeEach(async () => {
    await h.reset();
    await h.t.db.execute(sql`truncate table seen_events, assistant_threads`);
  });
  afterAll(() => h?.stop());

  /** Sends an event, waits for its listener, then for the outbox to deliver what it queued. */
  async function send(request: ReturnType<typeof appMention>, sign?: Partial<SignOptions>) {
    const response = await h.app.send(request, sign);
    expect(response.status).toBe(200);
    await h.app.settle();
    await dispatcher.drain();
  }
  const mention = (input: MessageEventInput) => send(appMention({ ts: nextTs(), ...input }));
  /** The manager clicks one of the assistant's buttons, on the message in Acme's channel it came with. */
  const press = (button: Element, messageTs: string) =>
    send(
      blockActions({
        actionId: button.action_id!,
        value: button.value,
        userId: USERS.manager,
        channelId: CHANNELS.acme,
        messageTs,
      }),
    );
  const posts = () => h.app.fakeSlack.callsTo('chat.postMessage');
  const ephemerals = () => h.app.fakeSlack.callsTo('chat.postEphemeral');

  it("answers a mention in a partner's channel in the question's thread, and a follow-up in it", async () => {
    const ts = nextTs();
    await mention({ text: 'où en est Acme ?', userId: USERS.manager, channelId: CHANNELS.acme, ts });
    const [card] = posts();
    expect(card?.body.channel).toBe(CHANNELS.acme);
    expect(card?.body.thread_ts).toBe(ts);
    expect(allText(card!.body)).toContain('Acme Telecom');
    // Posted for everyone: the asker's own buttons (share, forms) are left out.
    expect(buttons(card!).map((b) => b.action_id)).not.toContain(ACTION_IDS.share);
    expect(ephemerals()).toEqual([]);

    await mention({
      text: 'and its benefits?',
      userId: USERS.manager,
      channelId: CHANNELS.acme,
      threadTs: ts,
    });
    const follow = posts()[1];
    expect(follow?.body.thread_ts).toBe(ts);
    expect(allText(follow!.body)).toContain('Acme Telecom: benefits');
  });

  it('answers a direct message in its thread, in the asker’s language', async () => {
    h.app.fakeSlack.setUserLocale(USERS.acmeAdmin, 'fr-FR');
    const ts = nextTs();
    await send(directMessage({ text: 'quels sont nos devoirs ?', userId: USERS.acmeAdmin, ts }));
    const [answer] = posts();
    expect(answer?.body.channel).toBe('D0ACMEADM');
    expect(answer?.body.thread_ts).toBe(ts);
    expect(spaces(allText(answer!.body))).toContain('Acme Telecom');
    expect(allText(answer!.body)).toMatch(/devoirs|Devoirs/);
  });

  it('answers a contact asking about its trainings with them alone, the rest a command away', async () => {
    h.app.fakeSlack.setUserLocale(USERS.acmeAdmin, 'fr-FR');
    await send(directMessage({ text: 'quels sont nos devoirs ?', userId: USERS.acmeAdmin, ts: nextTs() }));
    await send(
      directMessage({
        text: 'quelles formations dois-je encore suivre ?',
        userId: USERS.acmeAdmin,
        ts: nextTs(),
      }),
    );
    const [duties, trainings] = posts().map((p) => allText(p.body));
    const codes = (text: string) => [...text.matchAll(/`([a-z]+)-[a-z0-9-]+`/g)].map((m) => m[1]);
    expect(new Set(codes(duties!))).toContain('doc');
    expect(codes(trainings!).length).toBeGreaterThan(0);
    expect(new Set(codes(trainings!))).toEqual(new Set(['trn']));
    expect(spaces(trainings!)).toContain('Acme Telecom : formations');
    expect(spaces(trainings!)).toContain(
      'Avec les documents et le suivi commercial : `/partner obligations`',
    );
  });

  it('keeps a thread on the trainings: a follow-up and a choice between two partners show theirs', async () => {
    const ts = nextTs();
    await send(directMessage({ text: 'what trainings does Acme still owe?', userId: USERS.manager, ts }));
    await send(directMessage({ text: 'and for Beta?', userId: USERS.manager, threadTs: ts, ts: nextTs() }));
    const [acme, beta] = posts().map((p) => allText(p.body));
    expect(acme).toContain('Acme Telecom: trainings');
    expect(beta).toContain('Beta Networks: trainings');
    expect(beta).not.toMatch(/`(doc|com|sales)-/);

    // Two things asked: the choice offered is the trainings, and it shows them.
    const asked = nextTs();
    await mention({
      text: 'their tier and their trainings?',
      userId: USERS.manager,
      channelId: CHANNELS.acme,
      ts: asked,
    });
    const [clarification] = ephemerals();
    const offered = buttons(clarification!);
    expect(offered.map((b) => b.text?.text).sort()).toEqual([
      'Tier of Acme Telecom',
      'Trainings of Acme Telecom',
    ]);
    const trainings = offered.find((b) => b.text?.text === 'Trainings of Acme Telecom')!;
    await press(trainings, asked);
    const chosen = allText(posts()[2]!.body);
    expect(chosen).toContain('Acme Telecom: trainings');
    expect(chosen).not.toMatch(/`(doc|com|sales)-/);
  });

  it('answers a question naming an obligation with it alone, done or not, and a follow-up with the same', async () => {
    const ts = nextTs();
    await send(directMessage({ text: 'has Acme signed the partner charter?', userId: USERS.manager, ts }));
    await send(directMessage({ text: 'and Beta?', userId: USERS.manager, threadTs: ts, ts: nextTs() }));
    const [acme, beta] = posts().map((p) => allText(p.body));
    for (const [card, name] of [
      [acme!, 'Acme Telecom'],
      [beta!, 'Beta Networks'],
    ] as const) {
      expect(card).toContain(`${name}: Partner charter`);
      expect(card).toMatch(/Partner charter · the partner · _(due|done on) /);
      expect(card).not.toContain('Qualification form');
    }
  });

  it('keeps the obligation named in the choice it offers when a question asks two things', async () => {
    const asked = nextTs();
    await mention({
      text: 'their tier and their charter?',
      userId: USERS.manager,
      channelId: CHANNELS.acme,
      ts: asked,
    });
    const choice = buttons(ephemerals()[0]!).find((b) => b.text?.text === 'Obligations of Acme Telecom')!;
    expect(choice).toBeDefined();
    await press(choice, asked);
    expect(allText(posts().at(-1)!.body)).toContain('Acme Telecom: Partner charter');
  });

  it('answers a question about a partner’s people with its contacts card', async () => {
    await send(directMessage({ text: 'who are our referents?', userId: USERS.acmeAdmin, ts: nextTs() }));
    await send(
      directMessage({ text: 'qui sont les contacts de Beta ?', userId: USERS.manager, ts: nextTs() }),
    );
    const [own, beta] = posts().map((p) => spaces(allText(p.body)));
    expect(own).toContain('Acme Telecom: contacts');
    expect(own).toContain(`<@${USERS.acmeSales}> · Sales`);
    expect(beta).toContain('Beta Networks : contacts');
    expect(beta).toContain(`<@${USERS.betaAdmin}>`);
  });

  it('answers in the language a question is written in, and a choice in the language of its buttons', async () => {
    // The manager's Slack is in English, François's in French: each question's words decide.
    await send(
      directMessage({ text: 'quels sont les avantages de Beta ?', userId: USERS.manager, ts: nextTs() }),
    );
    h.app.fakeSlack.setUserLocale(USERS.francois, 'fr-FR');
    await send(directMessage({ text: 'what are Beta’s benefits?', userId: USERS.francois, ts: nextTs() }));
    await send(directMessage({ text: 'Beta ?', userId: USERS.francois, ts: nextTs() }));
    const [french, english, neither] = posts().map((p) => spaces(allText(p.body)));
    expect(french).toContain('Beta Networks : avantages');
    expect(english).toContain('Beta Networks: benefits');
    // Words that do not tell: the asker's Slack language.
    expect(neither).toContain('Beta Networks');
    expect(neither).toContain('Statut');

    const asked = nextTs();
    await mention({
      text: 'leur palier et leurs formations ?',
      userId: USERS.manager,
      channelId: CHANNELS.acme,
      ts: asked,
    });
    const offered = buttons(ephemerals()[0]!);
    const trainings = offered.find((b) => b.text?.text === 'Formations d’Acme Telecom')!;
    expect(trainings).toBeDefined();
    await press(trainings, asked);
    expect(spaces(allText(posts().at(-1)!.body))).toContain('Acme Telecom : formations');
  });

  it('greets in the assistant panel with prompts for who opens it, then titles, thinks and answers', async () => {
    const threadTs = nextTs();
    await send(assistantThreadStarted({ userId: USERS.manager, threadTs, contextChannelId: CHANNELS.acme }));
    const [greeting] = posts();
    expect(greeting?.body.thread_ts).toBe(threadTs);
    expect(allText(greeting!.body)).toContain('Ask me about your partners');
    const [prompts] = h.app.fakeSlack.callsTo('assistant.threads.setSuggestedPrompts');
    const list = prompts!.body.prompts as { title: string; message: string }[];
    expect(list).toHaveLength(4);
    // Staff looking at Acme's channel are offered Acme first.
    expect(list[0]!.message).toBe('Where is Acme Telecom at?');

    // A contact gets its own questions.
    await send(assistantThreadStarted({ userId: USERS.acmeAdmin, threadTs: nextTs() }));
    const contactPrompts = h.app.fakeSlack.callsTo('assistant.threads.setSuggestedPrompts')[1];
    expect((contactPrompts!.body.prompts as { message: string }[])[0]!.message).toBe('Where are we at?');

    // A question in the panel's thread: the channel looked at names the partner.
    await send(directMessage({ text: 'what tier are they?', userId: USERS.manager, threadTs, ts: nextTs() }));
    expect(h.app.fakeSlack.callsTo('assistant.threads.setStatus')[0]?.body.status).toBe('is thinking…');
    expect(h.app.fakeSlack.callsTo('assistant.threads.setTitle')[0]?.body.title).toBe('what tier are they?');
    const answer = posts().find((p) => p.body.thread_ts === threadTs && p !== greeting);
    expect(allText(answer!.body)).toContain('Acme Telecom');
    expect(allText(answer!.body)).toContain('Business Partner');
  });

  it.each([
    ['où en est-on ?', 'Acme Telecom'],
    ['what tier are they?', 'Business Partner'],
    ['how much is missing for the next tier?', 'Premium Partner'],
    // Answered in the question's language, whatever the asker's Slack is in.
    ['quels sont leurs avantages ?', 'Avantages'],
    ['what do they still owe?', 'obligations'],
    ['Experts Zen ?', 'Experts Zen'],
    ['historique', 'Historique'],
    ['who manages them?', '<@U0MANAGER>'],
    ['how does the program work?', 'Premium Partner'],
    ['what does Premium bring?', 'What Premium Partner brings'],
    ['when is the next evaluation?', '1 Jul 2026'],
    ['what can you do?', 'Ask me in plain words'],
  ])('answers « %s » in the thread of Acme’s channel', async (question, expected) => {
    const ts = nextTs();
    await mention({ text: question, userId: USERS.manager, channelId: CHANNELS.acme, ts });
    const [answer] = posts();
    expect(answer?.body.thread_ts).toBe(ts);
    expect(allText(answer!.body)).toContain(expected);
    expect(ephemerals()).toEqual([]);
  });

  it('answers a partner’s external contact in its Slack Connect channel about its own partner', async () => {
    const ts = nextTs();
    await mention({
      text: 'où en sommes-nous ?',
      userId: USERS.acmeAdmin,
      channelId: CHANNELS.acme,
      ts,
      // The event comes from the contact's own workspace, to our installation.
      teamId: 'T0ACMECORP',
      installationTeamId: 'T0TEST',
      userTeam: 'T0ACMECORP',
    });
    const [answer] = posts();
    expect(answer?.body.channel).toBe(CHANNELS.acme);
    expect(answer?.body.thread_ts).toBe(ts);
    expect(allText(answer!.body)).toContain('Acme Telecom');
  });

  it('answers a retried event once', async () => {
    const request = appMention({
      text: 'où en est Acme ?',
      userId: USERS.manager,
      channelId: CHANNELS.acme,
      ts: nextTs(),
      eventId: 'Ev0RETRIED',
    });
    await send(request);
    // Slack signs a retry anew (another timestamp) and says it is one.
    await send(request, {
      timestamp: Math.floor(Date.now() / 1000) + 1,
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(posts()).toHaveLength(1);
    expect(await h.t.db.select().from(outbox)).toHaveLength(1);
  });

  it("ignores the bot's own messages, other bots, edits and message subtypes", async () => {
    const dm = (extra: Record<string, unknown>, userId: string = USERS.manager) =>
      send(directMessage({ text: 'où en est Acme ?', userId, ts: nextTs(), extra }));
    await dm({ bot_id: 'B0BOT' }, 'U0BOT');
    await dm({ bot_id: 'B0OTHER', subtype: 'bot_message' });
    await dm({ subtype: 'message_changed' });
    await dm({ edited: { user: USERS.manager, ts: nextTs() } });
    await mention({
      text: 'où en est Acme ?',
      userId: USERS.manager,
      channelId: CHANNELS.acme,
      extra: { bot_id: 'B0OTHER' },
    });
    expect(posts()).toEqual([]);
    expect(ephemerals()).toEqual([]);
    expect(await h.t.db.select().from(outbox)).toEqual([]);
  });

  it('refuses a contact asking about another partner, as /partner does, and answers about its own', async () => {
    await mention({ text: 'where is Beta Networks at?', userId: USERS.acmeAdmin, channelId: CHANNELS.acme });
    expect(posts()).toEqual([]);
    const [refusal] = ephemerals();
    expect(refusal?.body.user).toBe(USERS.acmeAdmin);
    expect(allText(refusal!.body)).toContain(commandMessages.en.refusal.otherPartner);
    // An unknown name gets the very same words: nothing tells a contact which partners exist.
    await mention({
      text: 'what does Zorglub still owe?',
      userId: USERS.acmeAdmin,
      channelId: CHANNELS.acme,
    });
    expect(allText(ephemerals()[1]!.body)).toContain(commandMessages.en.refusal.otherPartner);

    await mention({ text: 'what are our benefits?', userId: USERS.acmeAdmin, channelId: CHANNELS.acme });
    const [own] = posts();
    expect(own?.body.channel).toBe(CHANNELS.acme);
    expect(allText(own!.body)).toContain('Acme Telecom: benefits');
  });

  it('asks back about two things of its own partner only: another partner, real or not, gets the refusal', async () => {
    const answerTo = async (userId: string, text: string) => {
      const before = posts().length;
      await send(directMessage({ text, userId, ts: nextTs() }));
      return posts()
        .slice(before)
        .map((p) => allText(p.body))
        .join('\n');
    };
    const { refusal } = commandMessages.en;
    for (const text of [
      'Beta Networks tier and benefits?',
      'Zorglub tier and benefits?',
      'Beta Networks tier and when is the next evaluation?',
      'Zorglub tier and when is the next evaluation?',
    ]) {
      expect(await answerTo(USERS.acmeAdmin, text)).toContain(refusal.otherPartner);
      expect(await answerTo(USERS.stranger, text)).toContain(refusal.stranger);
    }
    expect(await answerTo(USERS.acmeAdmin, 'Acme tier and benefits?')).toContain('I can answer either.');
    expect(await answerTo(USERS.manager, 'Beta Networks tier and benefits?')).toContain(
      'I can answer either.',
    );
  });

  it("takes a contact's user id sent from another organisation's team for a stranger", async () => {
    await givenContact(h.t.db, {
      partnerId: 'acme',
      slackUserId: 'UEXT',
      slackTeamId: 'T0ACME',
      profile: 'admin',
    });
    const ask = async (userId: string, userTeam: string) => {
      await send(directMessage({ text: 'what are our benefits?', userId, userTeam, ts: nextTs() }));
      return allText(posts().at(-1)!.body);
    };
    const fromElsewhere = await ask('UEXT', 'T0ELSEWHERE');
    expect(fromElsewhere).not.toContain('Acme Telecom');
    expect(fromElsewhere).toBe(await ask(USERS.stranger, 'T0ELSEWHERE'));
    expect(await ask('UEXT', 'T0ACME')).toContain('Acme Telecom: benefits');
  });

  it("answers staff in a partner's channel with what everyone there may see, as a shared card", async () => {
    await givenPendingResult(h.t.db);
    // In a direct message the manager sees the result awaiting approval…
    await send(directMessage({ text: 'history of Acme', userId: USERS.manager, ts: nextTs() }));
    expect(allText(posts()[0]!.body)).toContain('awaiting approval: *Premium Partner*');
    // …and not in Acme's channel, where its contacts read the answer.
    await mention({ text: 'où en est Acme ?', userId: USERS.manager, channelId: CHANNELS.acme });
    await mention({ text: 'history of Acme', userId: USERS.manager, channelId: CHANNELS.acme });
    const inChannel = posts().filter((p) => p.body.channel === CHANNELS.acme);
    expect(inChannel.map((p) => allText(p.body))).toEqual([
      expect.stringContaining('Acme Telecom'),
      expect.stringContaining('Acme Telecom'),
    ]);
    for (const post of inChannel) expect(allText(post.body)).not.toContain('awaiting approval');

    // A partner that left: its channel is told so, as its contacts are, not shown the card.
    await h.t.db.update(partners).set({ leftOn: '2026-03-01' }).where(eq(partners.id, 'acme'));
    await mention({ text: 'where is Acme at?', userId: USERS.manager, channelId: CHANNELS.acme });
    const left = posts().at(-1)!;
    expect(left.body.channel).toBe(CHANNELS.acme);
    expect(allText(left.body)).toContain('is no longer in the Dstny partner program');
    expect(allText(left.body)).not.toContain('Left the program');
  });

  it("answers staff asking about another partner, or a portfolio, in a partner's channel ephemerally", async () => {
    await mention({ text: 'where is Beta Networks at?', userId: USERS.manager, channelId: CHANNELS.acme });
    await mention({ text: 'who is at risk of demotion?', userId: USERS.manager, channelId: CHANNELS.acme });
    expect(posts()).toEqual([]);
    const [beta, list] = ephemerals();
    expect(beta?.body.channel).toBe(CHANNELS.acme);
    expect(beta?.body.user).toBe(USERS.manager);
    expect(allText(beta!.body)).toContain('Beta Networks');
    expect(allText(list!.body)).toContain('at risk of demotion');
    // In an internal channel, staff get the card in the thread.
    await mention({
      text: 'where is Beta Networks at?',
      userId: USERS.manager,
      channelId: CHANNELS.internal,
    });
    expect(posts()[0]?.body.channel).toBe(CHANNELS.internal);
  });

  it("answers staff ephemerally in an internal channel where a partner's contact is a member (a guest)", async () => {
    h.app.fakeSlack.setChannel(CHANNELS.internal, {
      externallyShared: false,
      members: [USERS.manager, USERS.betaAdmin],
    });
    // The members are asked only when a card would be posted for the channel, not for the program.
    await mention({ text: 'what can you do?', userId: USERS.manager, channelId: CHANNELS.internal });
    expect(posts()).toHaveLength(1);
    expect(h.app.fakeSlack.callsTo('conversations.members')).toEqual([]);
    await mention({ text: 'where is Acme at?', userId: USERS.manager, channelId: CHANNELS.internal });
    expect(h.app.fakeSlack.callsTo('conversations.members')).toHaveLength(1);
    expect(posts()).toHaveLength(1);
    const [answer] = ephemerals();
    expect(answer?.body).toMatchObject({ channel: CHANNELS.internal, user: USERS.manager });
    expect(allText(answer!.body)).toContain('Acme Telecom');
  });

  it('answers staff ephemerally in an internal channel where a guest who is no contact is a member', async () => {
    h.app.fakeSlack.setGuest('U0GUEST', 'multi-channel');
    h.app.fakeSlack.setChannel(CHANNELS.internal, {
      externallyShared: false,
      members: [USERS.manager, USERS.admin, 'U0GUEST'],
    });
    await mention({ text: 'where is Acme at?', userId: USERS.manager, channelId: CHANNELS.internal });
    expect(posts()).toEqual([]);
    const [answer] = ephemerals();
    expect(answer?.body).toMatchObject({ channel: CHANNELS.internal, user: USERS.manager });
    expect(allText(answer!.body)).toContain('Acme Telecom');
    // Staff are known: only the guest was looked up.
    const lookedUp = h.app.fakeSlack.callsTo('users.info').map((c) => c.body.user);
    expect(lookedUp).toContain('U0GUEST');
    expect(lookedUp).not.toContain(USERS.admin);
  });

  it('answers staff ephemerally in a channel of no partner shared with another organisation (a prospect)', async () => {
    h.app.fakeSlack.setChannel('C0PROSPECT', { externallyShared: true, teamIds: ['T0PROSPECT'] });
    await mention({ text: 'where is Beta Networks at?', userId: USERS.manager, channelId: 'C0PROSPECT' });
    expect(posts()).toEqual([]);
    const [answer] = ephemerals();
    expect(answer?.body).toMatchObject({ channel: 'C0PROSPECT', user: USERS.manager });
    expect(allText(answer!.body)).toContain('Beta Networks');
  });

  it('answers by direct message when Slack refuses the ephemeral answer: never dropped', async () => {
    h.app.fakeSlack.fail('chat.postEphemeral', { error: 'user_not_in_channel' });
    await mention({ text: 'where is Beta Networks at?', userId: USERS.manager, channelId: CHANNELS.acme });
    const [dm] = posts();
    expect(dm?.body.channel).toBe('D0MANAGER');
    expect(allText(dm!.body)).toContain('Beta Networks');
    expect(posts().some((p) => p.body.channel === CHANNELS.acme)).toBe(false);
  });

  it('asks back with buttons when unsure, and a button answers the question it names', async () => {
    const ts = nextTs();
    await mention({ text: 'tell me a joke', userId: USERS.manager, channelId: CHANNELS.acme, ts });
    const [clarification] = ephemerals();
    expect(allText(clarification!.body)).toContain('I did not understand the question');
    const offered = buttons(clarification!);
    expect(offered).toHaveLength(3);
    const status = offered.find((b) => b.value?.includes('"status"'))!;
    await press(status, ts);
    expect(allText(posts()[0]!.body)).toContain('Acme Telecom');
  });

  it('queues a flood of mentions in the outbox and delivers every one', async () => {
    for (let i = 0; i < 6; i++)
      await h.app.send(
        appMention({
          text: 'où en est Acme ?',
          userId: USERS.manager,
          channelId: CHANNELS.acme,
          ts: nextTs(),
        }),
      );
    await h.app.settle();
    expect(await h.t.db.select().from(outbox)).toHaveLength(6);
    await dispatcher.drain();
    expect(posts()).toHaveLength(6);
    expect((await h.t.db.select().from(outbox)).every((row) => row.status === 'sent' && row.threadTs)).toBe(
      true,
    );
  });
});
