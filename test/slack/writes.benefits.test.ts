import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { auditLog, benefitUses, tierHistory } from '../../src/db/schema.js';
import { planDigests } from '../../src/jobs/digest.job.js';
import { MODAL_CALLBACK_IDS } from '../../src/slack/ids.js';
import { digestView } from '../../src/slack/views/digest.view.js';
import { BACKENDS } from '../support/databases.js';
import { tierHistoryRow } from '../support/rows.js';
import { viewSubmission } from '../support/slack-requests.js';
import {
  allText,
  CHANNELS,
  catalog,
  openedForm,
  seedWrites,
  select,
  spaces,
  TODAY,
  text,
  USERS,
  useWritesApp,
  values,
  writeCommands,
} from './writes.fixtures.js';

/** The writes' partners, Acme made Premium on 1 February 2026 (today is 20 March 2026). */
async function seedPremium(db: Db) {
  await seedWrites(db);
  await db.execute(sql`update partners set tier = 'premium', tier_since = '2026-02-01' where id = 'acme'`);
  await db.insert(tierHistory).values(
    tierHistoryRow({
      partnerId: 'acme',
      kind: 'override',
      effectiveOn: '2026-02-01',
      previousTier: 'business',
      tier: 'premium',
    }),
  );
}

describe.each(BACKENDS)('benefits used: /partner use over HTTP on %s', (backend) => {
  const h = useWritesApp(backend, seedPremium);

  const { reply: run, refused } = writeCommands(h);

  it('records the BizBooster used on an order, once per tier entry, audited', async () => {
    expect(await run('benefits acme')).toMatch(/BizBooster[^\n]*: available until 30 Apr 2026/);
    const reply = await run('use Acme Telecom bizbooster CMD-2026-123');
    expect(reply).toMatch(/“.*BizBooster.*” used by \*Acme Telecom\* on 20 Mar 2026: CMD-2026-123\./);
    expect(await h.t.db.select().from(benefitUses)).toMatchObject([
      { partnerId: 'acme', benefit: 'bizbooster-500', period: '2026-02-01', reference: 'CMD-2026-123' },
    ]);
    expect(await h.t.db.select().from(auditLog).where(eq(auditLog.action, 'benefit.use'))).toHaveLength(1);
    expect(await run('benefits acme')).toMatch(/BizBooster[^\n]*: used on 20 Mar 2026 \(CMD-2026-123\)/);
    expect(await refused('use acme bizbooster CMD-2')).toContain(
      'was already used on 20 Mar 2026 (CMD-2026-123)',
    );
    expect(await run('history acme')).toContain('20 Mar 2026 · ');
  });

  it('dates the BizBooster’s tier entry from the partner’s own applied history: it expires with it', async () => {
    // An evaluation awaiting approval, and another partner's change, leave Acme's entry (1 February) alone.
    await h.t.db.insert(tierHistory).values([
      tierHistoryRow({
        partnerId: 'acme',
        effectiveOn: '2026-03-01',
        previousTier: 'premium',
        tier: 'business',
        outcome: 'pending',
      }),
      tierHistoryRow({
        partnerId: 'beta',
        kind: 'override',
        effectiveOn: '2026-03-10',
        previousTier: 'premium',
        tier: 'business',
      }),
    ]);
    await run('use acme bizbooster CMD-1');
    expect(await h.t.db.select().from(benefitUses)).toMatchObject([
      { partnerId: 'acme', benefit: 'bizbooster-500', period: '2026-02-01' },
    ]);

    // Premium since June 2025: the BizBooster of that entry is past its window.
    await h.t.db.delete(benefitUses);
    await h.t.db.execute(
      sql`update tier_history set effective_on = '2025-06-01' where partner_id = 'acme' and kind = 'override'`,
    );
    expect(await refused('use acme bizbooster CMD-2')).toMatch(/” expired on /);
    expect(await h.t.db.select().from(benefitUses)).toEqual([]);
  });

  it('refuses field by field: a benefit the tier does not give, a missing reference, a contact', async () => {
    expect(await refused('use Beta Networks bizbooster CMD-1')).toContain('tier does not give');
    expect(await refused('use acme bizbooster')).toContain('Give the order reference');
    expect(await refused('use acme training Formation 3CX')).toContain('Which contact?');
    expect(await refused(`use acme training <@${USERS.betaAdmin}> Formation 3CX`)).toContain(
      'is not a contact of',
    );
    expect(await refused('use acme voucher 12')).toContain('I could not find the benefit');
    expect(await refused('use acme bizbooster CMD-1', USERS.acmeAdmin)).toContain('partner team');
  });

  it('gives the Premium free training seat once a calendar year, to a contact', async () => {
    expect(await run('benefits acme')).toContain('available for 2026');
    const reply = await run(`use acme formation <@${USERS.acmeAdmin}> Formation avancée 3CX`);
    expect(reply).toContain('Seat taken by <@U0ACMEADM');
    expect(await run('benefits acme')).toMatch(
      /2026 seat used by <@U0ACMEADM[^\n]*\(Formation avancée 3CX\)/,
    );
    expect(await refused(`use acme training <@${USERS.acmeSales}> Autre`)).toContain('was already used');
  });

  it('shows a month without its technical review as missed, to the manager (status and digest)', async () => {
    await run('use acme tech-review point réseau, RAS');
    expect(await run('benefits acme')).toContain(
      'Feb 2026 :black_circle: missed · Mar 2026 :white_check_mark:',
    );
    expect(await run('status acme')).toContain('Monthly technical review missed: Feb 2026');
    expect(await refused('use acme tech-review encore')).toContain('was already used on 20 Mar 2026');

    const digests = await planDigests(h.t.db, { catalog, config: { LOCALE: 'en' } }, TODAY);
    const mine = digests.find((d) => d.manager === USERS.manager)!;
    expect(mine.techReviewsMissed).toEqual([{ partnerName: 'Acme Telecom', months: ['2026-02'] }]);
    expect(spaces(allText(digestView(catalog, 'fr', mine) as never))).toContain(
      '*Acme Telecom* : févr. 2026',
    );
  });

  it('opens the benefit form alone on the channel’s partner; its submission records the use, field by field', async () => {
    expect(await run('use', USERS.manager, CHANNELS.acme)).toContain('Opening the form');
    const { view, submit, errors, confirmation } = await openedForm(h);
    expect(view.callback_id).toBe(MODAL_CALLBACK_IDS.use);
    expect(JSON.parse(view.private_metadata)).toEqual({ o: 'command', p: 'acme' });
    // Acme's contacts are offered for the free training seat.
    expect(JSON.stringify(view.blocks)).toContain(USERS.acmeAdmin);

    const before = await h.t.db.select().from(benefitUses);
    expect((await errors({ benefit: select('bizbooster'), reference: text('') })).reference).toContain(
      'Give the order reference',
    );
    const noContact = { type: 'static_select', selected_option: null };
    expect(
      await errors({ benefit: select('training'), reference: text('3CX'), contact: noContact }),
    ).toHaveProperty('contact');
    expect(await h.t.db.select().from(benefitUses)).toEqual(before);

    const ok = await submit({
      benefit: select('training'),
      reference: text('Formation avancée 3CX'),
      contact: select(USERS.acmeAdmin),
    });
    expect(ok.text).toBe('');
    expect(await h.t.db.select().from(benefitUses)).toMatchObject([
      { partnerId: 'acme', benefit: 'free-training', reference: 'Formation avancée 3CX' },
    ]);
    expect(await h.t.db.select().from(auditLog).where(eq(auditLog.action, 'benefit.use'))).toHaveLength(1);
    expect(await confirmation()).toContain('Seat taken by <@U0ACMEADM');
  });

  it('opens the benefit form without a contact picker for a partner with no contact on Slack', async () => {
    await h.t.db.execute(
      sql`update contacts set slack_user_id = null, email = 'bob@beta.example' where partner_id = 'beta'`,
    );
    await run('use', USERS.manager, CHANNELS.beta);
    const { view } = await openedForm(h);
    const blocks = view.blocks as { type: string; block_id?: string }[];
    expect(blocks.some((b) => b.block_id === 'contact')).toBe(false);
    expect(JSON.stringify(blocks)).toContain('no contact on file');
  });

  it('refuses the benefit form’s submission from a partner contact, writing nothing', async () => {
    const forged = await h.app.send(
      viewSubmission({
        callbackId: MODAL_CALLBACK_IDS.use,
        values: values({ benefit: select('bizbooster'), reference: text('CMD-1') }),
        privateMetadata: JSON.stringify({ o: 'command', p: 'acme' }),
        userId: USERS.acmeAdmin,
      }),
    );
    expect(Object.values(forged.json<{ errors: Record<string, string> }>().errors).join(' ')).toContain(
      'partner team',
    );
    expect(await h.t.db.select().from(benefitUses)).toEqual([]);
  });

  it('answers in French', async () => {
    const reply = await run('utiliser acme bizbooster CMD-9', USERS.francois);
    expect(reply).toContain('» utilisée par *Acme Telecom* le 20 mars 2026 : CMD-9.');
  });
});
