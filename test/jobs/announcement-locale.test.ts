import { describe, expect, it } from 'vitest';
import { contacts } from '../../src/db/schema.js';
import { type DroppableTestDatabase, useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { givenStaff } from '../support/rows.js';
import { BOLT, evaluateFirstHalfOf2026, givenFirstHalfOf2026, outboxRows, textOf } from './support.js';

describe.each(BACKENDS)('announcements in the partner’s language, on %s', (backend) => {
  let t: DroppableTestDatabase;
  useTestDatabase(backend, (db) => (t = db));

  it('a partner with locale fr gets its promotion in French while LOCALE is en; the team summary and the manager stay in LOCALE', async () => {
    await givenStaff(t.db, 'UMGR', 'manager');
    await givenFirstHalfOf2026(
      t.db,
      {
        id: 'acme',
        name: 'Acme',
        type: 'ambassador',
        slackChannelId: 'CACME',
        managerSlackUserId: 'UMGR',
        locale: 'fr',
      },
      1200,
    );
    await givenFirstHalfOf2026(t.db, { ...BOLT, managerSlackUserId: 'UMGR' }, 800);
    await evaluateFirstHalfOf2026(t.db, { LOCALE: 'en', ANNOUNCE_CHANNEL_ID: 'CTEAM' });
    const byKey = new Map((await outboxRows(t.db)).map((r) => [r.dedupeKey, textOf(r)]));
    expect(byKey.get('evaluation:2026-H1:partner:acme')).toContain('Félicitations');
    expect(byKey.get('evaluation:2026-H1:partner:bolt')).not.toContain('passe du statut');
    expect(byKey.get('evaluation:2026-H1:partner:bolt')).toContain('Access Partner');
    const others = [...byKey.entries()].filter(([k]) => !k.startsWith('evaluation:2026-H1:partner:'));
    expect(others.map(([k]) => k).sort()).toEqual([
      'evaluation:2026-H1:manager:bolt',
      'evaluation:2026-H1:summary',
    ]);
    expect(byKey.get('evaluation:2026-H1:summary')).toContain('Re-evaluation of H1 2026');
    expect(byKey.get('evaluation:2026-H1:manager:bolt')).toContain('Demotion in your portfolio');
    for (const [, text] of others) expect(text).not.toContain('Félicitations');
  });

  it('contacts the partner’s channel cannot reach get the notice by e-mail in their language; members do not', async () => {
    await givenFirstHalfOf2026(t.db, BOLT, 800);
    await givenFirstHalfOf2026(t.db, { id: 'dark', name: 'Dark', type: 'ambassador', tier: 'business' }, 800);
    await t.db.insert(contacts).values([
      { partnerId: 'bolt', name: 'Paul Mail', email: 'paul@bolt.example', locale: 'fr' },
      { partnerId: 'bolt', slackUserId: 'UBOLT', name: 'Mia Member', email: 'mia@bolt.example' },
      { partnerId: 'dark', slackUserId: 'UDARK', name: 'Dan Dark', email: 'dan@dark.example' },
    ]);
    const smtp = { SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Dstny <partners@dstny.example>' };
    await evaluateFirstHalfOf2026(t.db, { LOCALE: 'en', ...smtp });
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
    await givenFirstHalfOf2026(t.db, { id: 'dark', name: 'Dark', type: 'ambassador', tier: 'business' }, 800);
    await t.db.insert(contacts).values({ partnerId: 'dark', name: 'Paul Mail', email: 'paul@dark.example' });
    await evaluateFirstHalfOf2026(t.db);
    expect((await outboxRows(t.db)).filter((r) => r.transport === 'email')).toEqual([]);
  });
});
