import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partners } from '../../src/db/schema.js';
import { DEMO_USERS } from '../../src/demo/demo-data.js';
import { commandMessages } from '../../src/i18n/commands.js';
import type { Locale } from '../../src/program/catalog.schema.js';
import { searchKey } from '../../src/program/text.js';
import { ACTION_IDS, decodeValue, listPageValue, partnerActionValue } from '../../src/slack/ids.js';
import { handlePartnerCommand, type Reply } from '../../src/slack/partner-command/index.js';
import { LIST_PAGE_SIZE } from '../../src/slack/views/list.view.js';
import { commandDeps } from '../support/command-deps.js';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { createDemoDatabase } from '../support/demo.js';
import { givenStaff } from '../support/rows.js';
import { buttons, catalog, expectWithinLimits, mrkdwnOf, TODAY, textsOf } from './views.fixtures.js';

const NOW = new Date(`${TODAY}T10:00:00Z`);
const { admin, manager, otherManager, contact, stranger } = DEMO_USERS;
const ACME_CHANNEL = 'C0ACME';
const ALPES_CHANNEL = 'C0ALPESVOIP';

const all = (reply: Reply) =>
  textsOf(reply)
    .map((t) => t.text)
    .join('\n');
const headerOf = (reply: Reply) => textsOf(reply).find((t) => t.where === 'header')?.text;

describe.each(BACKENDS)('/partner through handlePartnerCommand on %s', (backend) => {
  let t: TestDatabase & { drop(): Promise<void> };
  const errors: unknown[] = [];

  beforeAll(async () => {
    t = await createDemoDatabase(TODAY, backend);
  });
  afterAll(() => t?.drop());

  async function ask(
    userId: string,
    text: string,
    options: { channelId?: string; locale?: Locale; partnerId?: string } = {},
  ): Promise<Reply> {
    const reply = await handlePartnerCommand(commandDeps(t.db, catalog, { now: () => NOW, errors }), {
      userId,
      channelId: options.channelId,
      text,
      locale: options.locale ?? 'en',
      partnerId: options.partnerId,
    });
    expect(errors).toEqual([]);
    expectWithinLimits(reply);
    return reply;
  }

  describe('as staff', () => {
    it.each([
      ['status', 'Acme Télécom'],
      ['tier', 'Acme Télécom: Business Partner'],
      ['benefits', 'Acme Télécom: benefits'],
      ['obligations', 'Acme Télécom: obligations'],
      ['zen', 'Acme Télécom: Experts Zen'],
      ['history', 'Acme Télécom: tier history'],
    ])('answers %s about any partner', async (subcommand, header) => {
      const reply = await ask(manager, `${subcommand} acme`);
      expect(headerOf(reply)).toBe(header);
      expect(buttons(reply).find((b) => b.actionId === ACTION_IDS.share)?.value).toBe(
        JSON.stringify({ p: 'acme', s: subcommand }),
      );
    });

    it("answers about another manager's partner too", async () => {
      expect(headerOf(await ask(manager, 'tier garonne'))).toBe('Garonne IT: Premium Partner');
    });

    it('gives staff the buttons that open the write modals on the status card', async () => {
      const ids = buttons(await ask(manager, 'status acme')).map((b) => b.actionId);
      expect(ids).toEqual([
        ACTION_IDS.share,
        ACTION_IDS.recordRevenue,
        ACTION_IDS.markDone,
        ACTION_IDS.overrideTier,
      ]);
    });

    it('describes the program, and helps', async () => {
      expect(headerOf(await ask(manager, 'program', { locale: 'fr' }))).toBe(
        'Le Programme Partenaires Dstny',
      );
      const help = all(await ask(manager, 'help'));
      for (const name of ['status', 'tier', 'benefits', 'obligations', 'zen', 'history', 'program', 'list'])
        expect(help).toContain(`/partner ${name}`);
    });

    it('answers help to an empty or unknown command, naming what it did not understand', async () => {
      expect(headerOf(await ask(manager, ''))).toBe(commandMessages.en.help.title);
      const unknown = await ask(manager, 'frobnicate acme');
      expect(all(unknown)).toContain('I don’t know `frobnicate`');
      expect(headerOf(unknown)).toBe(commandMessages.en.help.title);
    });

    it("lists a manager's own portfolio, and every partner for an admin", async () => {
      const mine = await ask(manager, 'list');
      expect(all(mine)).toContain('Page 1 of 1 · 7 partners');
      expect(all(mine)).not.toContain('Garonne IT');
      const theirs = await ask(otherManager, 'list', { locale: 'fr' });
      expect(all(theirs)).toContain('5 partenaires');
      const everyone = await ask(admin, 'list');
      expect(headerOf(everyone)).toBe('All partners');
      expect(all(everyone)).toContain('12 partners');
    });

    it('filters the list by tier, overdue obligations or demotion risk', async () => {
      const business = all(await ask(admin, 'list Business Partner'));
      expect(business).toContain('All partners at Business Partner');
      expect(business).toContain('4 partners');
      expect(all(await ask(admin, 'list premium'))).toContain('2 partners');
      const atRisk = all(await ask(admin, 'list at-risk'));
      expect(atRisk).toContain('3 partners');
      for (const name of ['Acme Télécom', 'Delta Réseau', 'Garonne IT']) expect(atRisk).toContain(name);
      expect(all(await ask(manager, 'liste en retard', { locale: 'fr' }))).toContain(
        'avec des devoirs en retard',
      );
      expect(all(await ask(admin, 'list overdue'))).toContain('12 partners');
      expect(all(await ask(admin, 'list nonsense'))).toContain('Unknown filter `nonsense`');
    });

    it('opens a partner from a list row', async () => {
      const row = buttons(await ask(manager, 'list')).find((b) =>
        b.actionId.startsWith(ACTION_IDS.openPartner),
      );
      const value = decodeValue(partnerActionValue, row!.value)!;
      expect(value).toEqual({ p: 'acme', s: 'status' });
      expect(headerOf(await ask(manager, value.s, { partnerId: value.p }))).toBe('Acme Télécom');
    });
  });

  describe('finding the partner', () => {
    it('by id', async () => {
      expect(headerOf(await ask(manager, 'tier cloudcall'))).toBe('CloudCall Services: Premium Partner');
    });

    it('by name, whatever the case and accents', async () => {
      for (const typed of ['acme telecom', 'ACME TÉLÉCOM', 'Acme  Telecom'])
        expect(headerOf(await ask(manager, `tier ${typed}`))).toBe('Acme Télécom: Business Partner');
      expect(headerOf(await ask(manager, 'tier delta reseau'))).toBe('Delta Réseau: Business Partner');
    });

    it('by a unique prefix of its name', async () => {
      expect(headerOf(await ask(manager, 'tier garon'))).toBe('Garonne IT: Premium Partner');
    });

    it("from the channel: in a partner's channel the partner can be left out", async () => {
      expect(headerOf(await ask(manager, 'tier', { channelId: ACME_CHANNEL }))).toBe(
        'Acme Télécom: Business Partner',
      );
      expect(headerOf(await ask(manager, 'tier alpes', { channelId: ACME_CHANNEL }))).toBe(
        'Alpes VoIP: Access Partner',
      );
    });

    it('asks which partner when none is named outside a partner channel', async () => {
      const reply = await ask(manager, 'tier', { channelId: 'C0GENERAL' });
      expect(reply.text).toContain('Which partner?');
    });

    it('offers buttons when several partners match, each re-running the subcommand on one of them', async () => {
      const reply = await ask(manager, 'obligations a');
      expect(reply.text).toContain('Several partners match `a`');
      const choices = buttons(reply);
      expect(choices.map((b) => b.text)).toEqual(['Acme Télécom', 'Alpes VoIP']);
      expect(choices.every((b) => b.actionId.startsWith(`${ACTION_IDS.choosePartner}:`))).toBe(true);
      const picked = decodeValue(partnerActionValue, choices[1]!.value)!;
      expect(picked).toEqual({ p: 'alpes-voip', s: 'obligations' });
      expect(headerOf(await ask(manager, picked.s, { partnerId: picked.p }))).toBe('Alpes VoIP: obligations');
    });

    it('suggests the closest names when nothing matches', async () => {
      const reply = await ask(manager, 'tier acmr telecom');
      expect(reply.text).toContain('No partner matches `acmr telecom`');
      expect(buttons(reply).map((b) => b.text)).toContain('Acme Télécom');
      const nothing = await ask(manager, 'tier zzzzzzzzzz');
      expect(all(nothing)).toContain('Try `/partner list`');
      expect(buttons(nothing)).toEqual([]);
    });

    it('unescapes what Slack escaped, and escapes it back when showing it', async () => {
      const reply = await ask(manager, 'tier &lt;!channel&gt; &amp; co');
      expect(reply.text).toBe('No partner matches `&lt;!channel&gt; &amp; co`.');
      expect(mrkdwnOf(reply)).not.toContain('<!channel>');
    });
  });

  describe("as a partner's contact", () => {
    it.each(['status', 'tier', 'benefits', 'obligations', 'zen', 'history'])(
      'answers %s about its own partner, without naming it',
      async (subcommand) => {
        const reply = await ask(contact, subcommand);
        expect(headerOf(reply)?.startsWith('Acme Télécom')).toBe(true);
      },
    );

    it('answers when it names its own partner, and in any channel', async () => {
      expect(headerOf(await ask(contact, 'tier Acme Télécom'))).toBe('Acme Télécom: Business Partner');
      expect(headerOf(await ask(contact, 'tier', { channelId: ALPES_CHANNEL }))).toBe(
        'Acme Télécom: Business Partner',
      );
    });

    it('gets only the share button on the status card', async () => {
      expect(buttons(await ask(contact, 'status')).map((b) => b.actionId)).toEqual([ACTION_IDS.share]);
    });

    it('reads the program and the help, which lists only what it may use', async () => {
      expect(headerOf(await ask(contact, 'program'))).toBe('The Dstny partner program');
      const help = all(await ask(contact, 'help'));
      expect(help).toContain('/partner status');
      expect(help).not.toContain('/partner list');
    });

    it('is refused the staff-only list', async () => {
      const reply = await ask(contact, 'list');
      expect(reply.text).toBe(commandMessages.en.refusal.staffOnly('`/partner list`'));
    });

    it("never sees another partner's data, nor learns whether it exists", async () => {
      const existing = await ask(contact, 'tier alpes voip');
      const missing = await ask(contact, 'tier no such partner');
      const byButton = await ask(contact, 'tier', { partnerId: 'alpes-voip' });
      const missingByButton = await ask(contact, 'tier', { partnerId: 'no-such-id' });
      const prefixOfOther = await ask(contact, 'tier alp');
      for (const reply of [existing, missing, byButton, missingByButton, prefixOfOther]) {
        expect(reply).toEqual(existing);
        expect(all(reply)).not.toMatch(/Alpes|Access Partner/);
      }
      expect(existing.text).toBe(commandMessages.en.refusal.otherPartner);
    });
  });

  describe('as a stranger', () => {
    it('reads the help and the program', async () => {
      const help = await ask(stranger, 'help', { locale: 'fr' });
      expect(all(help)).toContain('demandez à votre responsable partenaire ou à l’équipe Partenaires Dstny');
      expect(all(help)).not.toContain('/partner tier');
      expect(headerOf(await ask(stranger, 'program'))).toBe('The Dstny partner program');
    });

    it.each(['tier acme', 'status', 'benefits acme', 'obligations', 'zen acme', 'history acme', 'list'])(
      'is politely refused %s, pointed to the partner manager or the partner team',
      async (text) => {
        const reply = await ask(stranger, text);
        expect(reply.text).toBe(commandMessages.en.refusal.stranger);
      },
    );

    it('is refused a button pointing at a partner', async () => {
      expect((await ask(stranger, 'status', { partnerId: 'acme' })).text).toBe(
        commandMessages.en.refusal.stranger,
      );
    });
  });
});

describe.each(BACKENDS)('/partner list on a 500-partner portfolio on %s', (backend) => {
  let t: TestDatabase & { drop(): Promise<void> };
  beforeAll(async () => {
    t = await createTestDatabase(backend);
    await givenStaff(t.db, 'U0BIGADMIN', 'admin', 'Big Admin');
    await t.db.insert(partners).values(
      Array.from({ length: 500 }, (_, i) => {
        const name = `Partenaire ${String(i).padStart(3, '0')} Télécom`;
        return {
          id: `p${i}`,
          name,
          searchName: searchKey(name),
          type: i % 2 ? ('operator' as const) : ('ambassador' as const),
          operatorProgram: i % 2 ? ('standard' as const) : null,
          managerSlackUserId: 'U0BIGADMIN',
          joinedOn: '2024-01-10',
          tier: catalog.tiers[i % 4]!.code,
          tierSince: '2025-07-01',
        };
      }),
    );
  });
  afterAll(() => t?.drop());

  it('pages through every partner within the limits', async () => {
    const deps = commandDeps(t.db, catalog, { now: () => NOW });
    const seen = new Set<string>();
    let text = 'list';
    for (let page = 1; ; page++) {
      const reply = await handlePartnerCommand(deps, { userId: 'U0BIGADMIN', text, locale: 'fr' });
      expectWithinLimits(reply);
      for (const b of buttons(reply))
        if (b.actionId.startsWith(ACTION_IDS.openPartner))
          seen.add(decodeValue(partnerActionValue, b.value)!.p);
      const next = buttons(reply).find((b) => b.text.startsWith('Suivant'));
      if (!next) break;
      const value = decodeValue(listPageValue, next.value)!;
      expect(value.n).toBe(page + 1);
      text = `list ${value.f ?? ''} ${value.n}`;
    }
    expect(seen.size).toBe(500);
    expect(500 / LIST_PAGE_SIZE).toBe(25);
    const overdue = await handlePartnerCommand(deps, {
      userId: 'U0BIGADMIN',
      text: 'list overdue',
      locale: 'en',
    });
    expect(all(overdue)).toContain('500 partners');
  });
});
