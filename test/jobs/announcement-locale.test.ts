import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contacts } from '../../src/db/schema.js';
import { evaluateAndAnnounce } from '../../src/services/evaluation-approval.service.js';
import { announcementViews } from '../../src/slack/views/announcements.view.js';
import { BACKENDS, createTestDatabase } from '../support/databases.js';
import { givenMonthlyRevenue, givenPartner, givenStaff } from '../support/rows.js';
import { catalog, outboxRows, testConfig, textOf } from './support.js';

describe.each(BACKENDS)('announcements in the partner’s language, on %s', (backend) => {
  let t: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeEach(async () => {
    t = await createTestDatabase(backend);
  });
  afterEach(() => t?.drop());

  it('a partner with locale fr gets its promotion in French while LOCALE is en; the team summary and the manager stay in LOCALE', async () => {
    await givenStaff(t.db, 'UMGR', 'manager');
    await givenPartner(t.db, {
      id: 'acme',
      name: 'Acme',
      type: 'ambassador',
      slackChannelId: 'CACME',
      managerSlackUserId: 'UMGR',
      locale: 'fr',
    });
    await givenMonthlyRevenue(t.db, 'acme', '2026-01', '2026-06', 1200);
    await givenPartner(t.db, {
      id: 'bolt',
      name: 'Bolt',
      type: 'ambassador',
      tier: 'business',
      slackChannelId: 'CBOLT',
      managerSlackUserId: 'UMGR',
    });
    await givenMonthlyRevenue(t.db, 'bolt', '2026-01', '2026-06', 800);
    await evaluateAndAnnounce(
      t.db,
      { catalog, config: testConfig({ LOCALE: 'en', ANNOUNCE_CHANNEL_ID: 'CTEAM' }) },
      announcementViews,
      { asOf: '2026-07-01', actor: 't' },
    );
    const byKey = new Map((await outboxRows(t.db)).map((r) => [r.dedupeKey, textOf(r)]));
    expect(byKey.get('evaluation:2026-H1:partner:acme')).toContain('Félicitations');
    expect(byKey.get('evaluation:2026-H1:partner:bolt')).not.toContain('passe du statut');
    expect(byKey.get('evaluation:2026-H1:partner:bolt')).toContain('Access Partner');
    const others = [...byKey.entries()].filter(([k]) => !k.startsWith('evaluation:2026-H1:partner:'));
    for (const [, text] of others) expect(text).not.toContain('Félicitations');
  });

  it('contacts the partner’s channel cannot reach get the notice by e-mail in their language; members do not', async () => {
    await givenPartner(t.db, {
      id: 'bolt',
      name: 'Bolt',
      type: 'ambassador',
      tier: 'business',
      slackChannelId: 'CBOLT',
    });
    await givenMonthlyRevenue(t.db, 'bolt', '2026-01', '2026-06', 800);
    await givenPartner(t.db, { id: 'dark', name: 'Dark', type: 'ambassador', tier: 'business' });
    await givenMonthlyRevenue(t.db, 'dark', '2026-01', '2026-06', 800);
    await t.db.insert(contacts).values([
      { partnerId: 'bolt', name: 'Paul Mail', email: 'paul@bolt.example', locale: 'fr' },
      { partnerId: 'bolt', slackUserId: 'UBOLT', name: 'Mia Member', email: 'mia@bolt.example' },
      { partnerId: 'dark', slackUserId: 'UDARK', name: 'Dan Dark', email: 'dan@dark.example' },
    ]);
    const smtp = { SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Dstny <partners@dstny.example>' };
    await evaluateAndAnnounce(
      t.db,
      { catalog, config: testConfig({ LOCALE: 'en', ...smtp }) },
      announcementViews,
      {
        asOf: '2026-07-01',
        actor: 't',
      },
    );
    const mails = (await outboxRows(t.db)).filter((r) => r.transport === 'email');
    expect(mails.map((m) => (m.mail as { to: string }).to).sort()).toEqual([
      'dan@dark.example',
      'paul@bolt.example',
    ]);
    const paul = mails.find((m) => (m.mail as { to: string }).to === 'paul@bolt.example')!;
    expect(paul.text).toContain('Bonjour Paul Mail');
    expect(paul.text).toContain('passe du statut Business Partner au statut Access Partner');
    const dan = mails.find((m) => (m.mail as { to: string }).to === 'dan@dark.example')!;
    expect(dan.text).toContain('Dark moves from Business Partner to Access Partner');
  });

  it('without SMTP, no e-mail is queued', async () => {
    await givenPartner(t.db, { id: 'dark', name: 'Dark', type: 'ambassador', tier: 'business' });
    await givenMonthlyRevenue(t.db, 'dark', '2026-01', '2026-06', 800);
    await t.db.insert(contacts).values({ partnerId: 'dark', name: 'Paul Mail', email: 'paul@dark.example' });
    await evaluateAndAnnounce(t.db, { catalog, config: testConfig() }, announcementViews, {
      asOf: '2026-07-01',
      actor: 't',
    });
    expect((await outboxRows(t.db)).filter((r) => r.transport === 'email')).toEqual([]);
  });
});
