import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  auditLog,
  checklistItems,
  partners,
  revenueLines,
  tierHistory,
  trainingCompletions,
} from '../../src/db/schema.js';
import type { Locale } from '../../src/program/catalog.schema.js';
import { ACTION_IDS, MODAL_CALLBACK_IDS } from '../../src/slack/ids.js';
import { viewContext } from '../../src/slack/views/context.js';
import {
  doneModal,
  MODAL_LIMITS,
  overrideModal,
  revenueModal,
} from '../../src/slack/views/write-modals.view.js';
import { writeViewContext } from '../../src/slack/views/write-replies.view.js';
import { BACKENDS } from '../support/databases.js';
import { blockActions, viewSubmission } from '../support/slack-requests.js';
import {
  allText,
  CHANNELS,
  catalog,
  day,
  select,
  snapshot,
  spaces,
  TODAY,
  text,
  USERS,
  user,
  useWritesApp,
  values,
} from './writes.fixtures.js';

type ModalBody = {
  callback_id: string;
  private_metadata: string;
  title: { text: string };
  blocks: { type: string; block_id?: string; element?: Record<string, unknown>; text?: { text: string } }[];
};

describe.each(BACKENDS)('write modals over HTTP on %s', (backend) => {
  const h = useWritesApp(backend);

  /** Clicks a staff button on a card; returns the modal opened (or undefined after the refusal). */
  async function clickButton(
    actionId: string,
    options: { userId?: string; partnerId?: string; fromHome?: boolean } = {},
  ) {
    const { response, responseId } = await h.app.click({
      actionId,
      ...(options.partnerId ? { value: JSON.stringify({ p: options.partnerId }) } : {}),
      userId: options.userId ?? USERS.manager,
      ...(options.fromHome ? { view: { type: 'home' } } : { channelId: CHANNELS.acme }),
    });
    expect(response.status).toBe(200);
    return responseId;
  }

  async function openedModal(): Promise<ModalBody> {
    const [call] = await h.app.fakeSlack.waitForCalls('views.open');
    return call!.body.view as ModalBody;
  }

  /** Submits a form; returns the errors Slack would show (undefined when the form closed). */
  async function submit(
    callbackId: string,
    fields: Record<string, Record<string, unknown>>,
    options: { userId?: string; partnerId?: string; origin?: 'message' | 'home' } = {},
  ): Promise<Record<string, string> | undefined> {
    const response = await h.app.send(
      viewSubmission({
        callbackId,
        values: values(fields),
        privateMetadata: JSON.stringify({
          o: options.origin ?? 'message',
          ...(options.partnerId ? { p: options.partnerId } : {}),
        }),
        userId: options.userId ?? USERS.manager,
      }),
    );
    expect(response.status).toBe(200);
    if (response.text === '') return undefined;
    const body = response.json<{ response_action: string; errors: Record<string, string> }>();
    expect(body.response_action).toBe('errors');
    return body.errors;
  }

  const confirmation = async () => {
    const [call] = await h.app.fakeSlack.waitForCalls('chat.postMessage');
    expect(call!.body.channel).toBe(USERS.manager);
    return spaces(allText(call!.body));
  };

  describe('opening', () => {
    it("opens the revenue form on the card's partner for staff", async () => {
      await clickButton(ACTION_IDS.recordRevenue, { partnerId: 'acme' });
      const modal = await openedModal();
      expect(modal.callback_id).toBe(MODAL_CALLBACK_IDS.revenue);
      expect(JSON.parse(modal.private_metadata)).toEqual({ o: 'message', p: 'acme' });
      expect(allText(modal as never)).toContain('*Partner:* *Acme Telecom* `acme`');
      expect(modal.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual([
        'month',
        'category',
        'amount',
      ]);
    });

    it("opens the mark-done form with the partner's contacts and only the items that apply to it", async () => {
      await clickButton(ACTION_IDS.markDone, { partnerId: 'acme' });
      const modal = await openedModal();
      const contact = modal.blocks.find((b) => b.block_id === 'contact')!.element as {
        options: { value: string }[];
      };
      expect(contact.options.map((o) => o.value)).toEqual([USERS.acmeSales, USERS.acmeAdmin]);
      const item = modal.blocks.find((b) => b.block_id === 'item')!.element as {
        option_groups: { options: { value: string }[] }[];
      };
      const codes = item.option_groups.flatMap((g) => g.options.map((o) => o.value));
      expect(codes).toContain('trn-operator-webinar-1');
      expect(codes).toContain('doc-operator-cgas');
      expect(codes).toContain('zen-charter');
      expect(codes).not.toContain('doc-ambassador-contract');
      expect(codes).not.toContain('trn-eshop-onsite');
      expect(codes).not.toContain('zen-tier');
    });

    it('opens the forms without a partner from App Home (the form asks for it)', async () => {
      await clickButton(ACTION_IDS.overrideTier, { fromHome: true });
      const modal = await openedModal();
      expect(JSON.parse(modal.private_metadata)).toEqual({ o: 'home' });
      expect(modal.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual([
        'partner',
        'tier',
        'reason',
      ]);
    });

    it('refuses a contact (ephemeral) and opens nothing', async () => {
      const id = await clickButton(ACTION_IDS.recordRevenue, { partnerId: 'acme', userId: USERS.acmeAdmin });
      const [refusal] = await h.app.fakeSlack.waitForResponses(1, { id });
      expect(refusal!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(allText(refusal!.body)).toContain('Only the Dstny partner team can do this.');
      expect(h.app.fakeSlack.callsTo('views.open')).toEqual([]);
    });

    it('ignores a button whose value is not a partner reference', async () => {
      await h.app.send(
        blockActions({ actionId: ACTION_IDS.markDone, value: '{"p":', userId: USERS.manager }),
      );
      await h.app.settle(); // the listener is done: whatever it would open is open
      expect(h.app.fakeSlack.callsTo('views.open')).toEqual([]);
    });
  });

  describe('revenue', () => {
    it('records on submission: the form closes, the user gets the confirmation in a DM', async () => {
      const errors = await submit(
        MODAL_CALLBACK_IDS.revenue,
        { month: text('2026-02'), category: select('recurring'), amount: text('3 000') },
        { partnerId: 'acme' },
      );
      expect(errors).toBeUndefined();
      const [row] = await h.t.db.select().from(revenueLines).where(eq(revenueLines.month, '2026-02-01'));
      expect(row!.amountCents).toBe(300_000);
      expect((await h.t.db.select().from(auditLog))[0]).toMatchObject({
        action: 'revenue.record',
        actor: USERS.manager,
      });
      const text_ = await confirmation();
      expect(text_).toContain('€2,500.00 → *€3,000.00*');
      expect(text_).toContain('€2,500.00 → *€2,750.00* a month');
    });

    it('answers every invalid field next to it, in the asker’s language, and writes nothing', async () => {
      const before = await snapshot(h.t.db);
      const errors = await submit(
        MODAL_CALLBACK_IDS.revenue,
        { month: text('mars'), category: select('recurring'), amount: text('-12') },
        { partnerId: 'acme', userId: USERS.francois },
      );
      expect(errors).toEqual({
        month: 'mars n’est pas un mois\u202f: écrivez-le AAAA-MM (par ex. 2026-03).',
        amount: '-12 est négatif\u202f: un montant vaut 0 ou plus.',
      });
      expect(await snapshot(h.t.db)).toBe(before);
      expect(h.app.fakeSlack.callsTo('chat.postMessage')).toEqual([]);
    });

    it('resolves a typed partner, and says when it matches none or several', async () => {
      const fields = (partner: string) => ({
        partner: text(partner),
        month: text('2026-03'),
        category: select('one_off'),
        amount: text('100'),
      });
      const before = await snapshot(h.t.db);
      expect((await submit(MODAL_CALLBACK_IDS.revenue, fields('zzz')))?.partner).toBe(
        'No partner matches “zzz”.',
      );
      expect((await submit(MODAL_CALLBACK_IDS.revenue, fields('ac')))?.partner).toBe(
        'Several partners match “ac”: Access Telecom (access-tel), Acme Telecom (acme). Type the id.',
      );
      expect((await submit(MODAL_CALLBACK_IDS.revenue, fields('')))?.partner).toBe('Name the partner.');
      expect(await snapshot(h.t.db)).toBe(before);
      expect(await submit(MODAL_CALLBACK_IDS.revenue, fields('Acme'))).toBeUndefined();
      expect(
        (await h.t.db.select().from(revenueLines).where(eq(revenueLines.category, 'one_off')))[0]!
          .amountCents,
      ).toBe(10_000);
    });

    it('refuses a forged submission from a contact or a stranger, writing nothing', async () => {
      const before = await snapshot(h.t.db);
      for (const userId of [USERS.acmeAdmin, USERS.stranger]) {
        const errors = await submit(
          MODAL_CALLBACK_IDS.revenue,
          { month: text('2026-02'), category: select('recurring'), amount: text('1') },
          { partnerId: 'acme', userId },
        );
        expect(errors).toEqual({ month: 'Only the Dstny partner team can do this.' });
      }
      expect(await snapshot(h.t.db)).toBe(before);
    });

    it('refreshes the Home tab after a write made from it', async () => {
      await submit(
        MODAL_CALLBACK_IDS.revenue,
        {
          partner: text('acme'),
          month: text('2026-02'),
          category: select('recurring'),
          amount: text('2 000'),
        },
        { origin: 'home' },
      );
      const [publish] = await h.app.fakeSlack.waitForCalls('views.publish');
      expect(publish!.body.user_id).toBe(USERS.manager);
    });
  });

  describe('mark done', () => {
    it('records a training for the contact picked (confirmed, audited)', async () => {
      const errors = await submit(
        MODAL_CALLBACK_IDS.done,
        { item: select('trn-online-sales'), contact: select(USERS.acmeSales), date: day('2026-03-05') },
        { partnerId: 'acme' },
      );
      expect(errors).toBeUndefined();
      const [row] = await h.t.db.select().from(trainingCompletions);
      expect(row).toMatchObject({
        training: 'trn-online-sales',
        status: 'confirmed',
        completedOn: '2026-03-05',
      });
      expect((await h.t.db.select().from(auditLog))[0]).toMatchObject({
        action: 'training.confirmed',
        actor: USERS.manager,
      });
      expect(await confirmation()).toContain(
        'recorded as done by <@U0ACMESAL> (*Acme Telecom*) on 5 Mar 2026',
      );
    });

    it('records a checklist item for the partner (the contact is ignored)', async () => {
      expect(
        await submit(
          MODAL_CALLBACK_IDS.done,
          { item: select('doc-qualification-form'), date: day(TODAY) },
          { partnerId: 'acme' },
        ),
      ).toBeUndefined();
      expect(await h.t.db.select().from(checklistItems)).toEqual([
        expect.objectContaining({ item: 'doc-qualification-form', completedOn: TODAY }),
      ]);
      expect((await h.t.db.select().from(auditLog))[0]).toMatchObject({
        action: 'checklist.done',
        partnerId: 'acme',
      });
      expect(await confirmation()).toContain('marked done for *Acme Telecom*');
    });

    it('asks for the contact of a training, refuses a contact of another partner and a future date', async () => {
      const before = await snapshot(h.t.db);
      expect(
        await submit(
          MODAL_CALLBACK_IDS.done,
          // Slack sends every input of the form, an optional select left empty too.
          {
            item: select('trn-online-admin'),
            contact: { type: 'static_select', selected_option: null },
            date: day(TODAY),
          },
          { partnerId: 'acme' },
        ),
      ).toEqual({ contact: 'Pick the contact who did the training.' });
      expect(
        await submit(MODAL_CALLBACK_IDS.done, {
          partner: text('acme'),
          item: select('trn-online-admin'),
          contact: user(USERS.betaAdmin),
          date: day('2026-03-21'),
        }),
      ).toEqual({
        contact: 'Bob Beta is not a contact of Acme Telecom.',
        date: '2026-03-21 is in the future.',
      });
      expect(
        await submit(MODAL_CALLBACK_IDS.done, {
          partner: text('acme'),
          item: select('trn-online-admin'),
          contact: user(USERS.stranger),
          date: day(TODAY),
        }),
      ).toEqual({ contact: 'No partner contact matches U0STRANGER.' });
      expect(await snapshot(h.t.db)).toBe(before);
    });
  });

  describe('override', () => {
    it('overrides the tier with the reason, recorded in the history', async () => {
      expect(
        await submit(
          MODAL_CALLBACK_IDS.override,
          { tier: select('premium'), reason: text('  strategic account  ') },
          { partnerId: 'acme' },
        ),
      ).toBeUndefined();
      const [history] = await h.t.db.select().from(tierHistory);
      expect(history).toMatchObject({
        kind: 'override',
        previousTier: 'business',
        tier: 'premium',
        reason: 'strategic account',
        actor: USERS.manager,
      });
      expect((await h.t.db.select().from(partners).where(eq(partners.id, 'acme')))[0]!.tier).toBe('premium');
      expect((await h.t.db.select().from(auditLog))[0]).toMatchObject({
        action: 'tier.override',
        details: { previousTier: 'business', tier: 'premium', reason: 'strategic account' },
      });
      expect(await confirmation()).toContain('*Acme Telecom* is now *Premium Partner*');
    });

    it('requires a reason, and writes nothing without one', async () => {
      const before = await snapshot(h.t.db);
      expect(
        await submit(
          MODAL_CALLBACK_IDS.override,
          { tier: select('premium'), reason: text('   ') },
          { partnerId: 'acme' },
        ),
      ).toEqual({
        reason: 'Give a reason: it is recorded in the tier history.',
      });
      expect(await snapshot(h.t.db)).toBe(before);
    });
  });
});

describe('write modals stay within Block Kit limits', () => {
  const partner = {
    id: 'p'.repeat(60),
    name: `${'Société Très Longue & Fils '.repeat(8)}<!channel>`,
    type: 'operator' as const,
    operatorProgram: 'eshop' as const,
    tier: 'business',
    tierSince: '2025-07-01',
  };
  const contacts = Array.from({ length: 150 }, (_, i) => ({
    id: i + 1,
    partnerId: partner.id,
    slackUserId: `U0C${String(i).padStart(5, '0')}`,
    name: `Contact ${i} ${'x'.repeat(90)}`,
    email: null,
    profiles: ['technical' as const],
    referentProfiles: [],
    createdAt: new Date(0),
    slackTeamId: null,
    locale: null,
  }));

  it.each<Locale>(['en', 'fr'])('in %s, with a long name and 150 contacts', (locale) => {
    const ctx = writeViewContext(viewContext(catalog, locale, TODAY));
    for (const modal of [
      revenueModal(ctx, { partner, origin: 'message' }),
      revenueModal(ctx, { origin: 'home' }),
      doneModal(ctx, { partner, contacts, origin: 'message' }),
      doneModal(ctx, { origin: 'home' }),
      overrideModal(ctx, { partner, origin: 'message' }),
    ]) {
      expect(modal.title.text.length).toBeLessThanOrEqual(MODAL_LIMITS.title);
      expect(modal.submit!.text.length).toBeLessThanOrEqual(MODAL_LIMITS.button);
      expect(modal.close!.text.length).toBeLessThanOrEqual(MODAL_LIMITS.button);
      expect(modal.blocks.length).toBeLessThanOrEqual(MODAL_LIMITS.blocks);
      expect(modal.private_metadata!.length).toBeLessThanOrEqual(MODAL_LIMITS.privateMetadata);
      const json = JSON.stringify(modal.blocks);
      expect(json).not.toContain('<!channel>');
      for (const block of modal.blocks) {
        if (block.type !== 'input') continue;
        const element = (block as { element: unknown }).element as {
          options?: { text: { text: string } }[];
          option_groups?: { options: { text: { text: string } }[] }[];
        };
        const options = [
          ...(element.options ?? []),
          ...(element.option_groups ?? []).flatMap((g) => g.options),
        ];
        expect(options.length).toBeLessThanOrEqual(MODAL_LIMITS.options);
        for (const o of options) expect(o.text.text.length).toBeLessThanOrEqual(MODAL_LIMITS.optionText);
      }
    }
  });
});
