import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createPartnersRepository } from '../../src/db/repositories/partners.repository.js';
import { auditLog, partners } from '../../src/db/schema.js';
import { loadPartnerStatus } from '../../src/services/partner-status.service.js';
import { portfolioSummary } from '../../src/services/portfolio.service.js';
import { viewContext } from '../../src/slack/views/context.js';
import { homeView } from '../../src/slack/views/home.view.js';
import { writeViewContext } from '../../src/slack/views/write-replies.view.js';
import { BACKENDS } from '../support/databases.js';
import { allText, CHANNELS, catalog, TODAY, USERS, useWritesApp, writeCommands } from './writes.fixtures.js';

describe.each(BACKENDS)(
  'partners who leave the program: /partner leave and rejoin over HTTP on %s',
  (backend) => {
    const h = useWritesApp(backend);

    const commands = writeCommands(h);
    const run = async (...args: Parameters<typeof commands.run>) => (await commands.run(...args)).text;
    const { refused } = commands;
    const acme = async () => (await h.t.db.select().from(partners).where(eq(partners.id, 'acme')))[0]!;
    const audits = (action: string) => h.t.db.select().from(auditLog).where(eq(auditLog.action, action));

    it('records the day and the reason, audited, and confirms it', async () => {
      const text = await run('leave Acme Telecom 2026-03-15 contract terminated by the partner');
      expect(await acme()).toMatchObject({
        leftOn: '2026-03-15',
        leftReason: 'contract terminated by the partner',
      });
      expect(text).toContain(
        '*Acme Telecom* left the program on 15 Mar 2026. Reason: “contract terminated by the partner”.',
      );
      expect(text).toContain('its history and data are kept');
      expect(await audits('partner.leave')).toMatchObject([
        {
          actor: USERS.manager,
          partnerId: 'acme',
          details: { leftOn: '2026-03-15', reason: 'contract terminated by the partner' },
        },
      ]);
    });

    it("answers in French to `quitter`, on the channel's partner, and takes a day to come", async () => {
      const text = await run('quitter 2026-06-30 fin du contrat', USERS.francois, CHANNELS.acme);
      expect(await acme()).toMatchObject({ leftOn: '2026-06-30', leftReason: 'fin du contrat' });
      expect(text).toContain(
        '*Acme Telecom* quitte le programme le 30 juin 2026. Motif : « fin du contrat ».',
      );
    });

    it('refuses a bad day, a day before it joined, no reason, the same departure twice, and a contact', async () => {
      expect(await refused('leave acme 2026-02-30 gone')).toContain('2026-02-30` is not a date');
      expect(await refused('leave acme 2023-12-31 gone')).toContain(
        'is before the partner joined (15 Jan 2024)',
      );
      expect(await refused('leave acme 2026-03-15')).toContain(
        'Give a reason: it is kept with the departure.',
      );
      expect(await refused('leave acme gone')).toContain('I could not find the date it left (YYYY-MM-DD)');
      await run('leave acme 2026-03-15 gone');
      expect(await refused('leave acme 2026-03-15 gone')).toContain(
        'Nothing changed: the partner already left on 15 Mar 2026 for that reason.',
      );
      expect(await refused('leave acme 2026-03-15 gone', USERS.acmeAdmin, CHANNELS.acme)).toContain(
        'is for the Dstny partner team',
      );
    });

    it('a second departure corrects the first, and says what it replaces', async () => {
      await run('leave acme 2026-03-15 gone');
      const text = await run('leave acme 2026-03-01 terminated on the 1st');
      expect(await acme()).toMatchObject({ leftOn: '2026-03-01', leftReason: 'terminated on the 1st' });
      expect(text).toContain('It was recorded as leaving on 15 Mar 2026 (“gone”).');
    });

    it('rejoin undoes it, audited; rejoining a partner in the program changes nothing', async () => {
      await run('leave acme 2026-03-15 gone');
      const text = await run('rejoin Acme Telecom');
      expect(await acme()).toMatchObject({ leftOn: null, leftReason: null });
      expect(text).toContain('*Acme Telecom* is back in the program (it had left on 15 Mar 2026).');
      expect(await audits('partner.rejoin')).toMatchObject([
        { actor: USERS.manager, partnerId: 'acme', details: { leftOn: '2026-03-15', reason: 'gone' } },
      ]);
      expect(await refused('rejoin acme')).toContain('Nothing changed: *Acme Telecom* is in the program.');
      await run('leave acme 2026-03-16 gone again');
      expect(await run('rejoin « Acme  Telecom »')).toContain('*Acme Telecom* is back in the program');
      expect(await refused('rejoin "Acme Telecom"')).toContain(
        'Nothing changed: *Acme Telecom* is in the program.',
      );
      expect(await refused('rejoin acme', USERS.acmeAdmin, CHANNELS.acme)).toContain(
        'is for the Dstny partner team',
      );
    });

    it('from that day its contacts are told it is no longer in the program; staff see its card marked', async () => {
      await run('leave acme 2026-03-15 contract terminated');
      for (const sub of ['status', 'tier', 'benefits', 'obligations']) {
        const text = await run(sub, USERS.acmeAdmin, CHANNELS.acme);
        expect(text).toContain('*Acme Telecom* is no longer in the Dstny partner program.');
        expect(text).not.toContain('Business Partner');
      }
      // The App Home of a contact too.
      const status = (await loadPartnerStatus(createPartnersRepository(h.t.db), catalog, 'acme', TODAY))!;
      const home = allText(
        homeView(writeViewContext(viewContext(catalog, 'en', TODAY)), {
          kind: 'contact',
          status,
          contactId: status.record.contacts[0]!.id,
        }) as never,
      );
      expect(home).toContain('*Acme Telecom* is no longer in the Dstny partner program.');
      expect(home).not.toContain('Business Partner');
      const card = await run('status acme');
      expect(card).toContain('*Left the program* on 15 Mar 2026. Reason: “contract terminated”.');
      expect(card).toContain('Business Partner');
      // Its history is kept.
      expect(await run('history', USERS.acmeAdmin, CHANNELS.acme)).toContain('Acme Telecom: tier history');
    });

    it('a departure to come changes nothing before its day', async () => {
      await run('leave acme 2026-06-30 end of contract');
      expect(await run('status', USERS.acmeAdmin, CHANNELS.acme)).not.toContain('no longer in');
      expect(await run('list')).toContain('*Acme Telecom*');
    });

    it('is not in portfolio lists, counts, at-risk nor overdue; `list left` shows it with the day and reason', async () => {
      const staff = { kind: 'staff', slackUserId: USERS.manager, role: 'manager', name: 'Marie' } as const;
      const before = await portfolioSummary(h.t.db, catalog, staff, TODAY);
      expect(before.total).toBe(3);
      expect(before.overdue.items.map((o) => o.partner.id)).toContain('acme');
      await run('leave acme 2026-03-15 contract terminated');

      const list = await run('list');
      expect(list).not.toContain('Acme Telecom');
      expect(list).toContain('2 partners');
      expect(await run('list business')).not.toContain('Acme Telecom');
      expect(await run('list overdue')).not.toContain('Acme Telecom');
      const left = await run('list left');
      expect(left).toContain('*Acme Telecom*');
      expect(left).toContain('left on 15 Mar 2026: “contract terminated”');
      expect(left).not.toContain('Beta Networks');
      // François manages none of them: his list of leavers is empty, in French (`partis`).
      expect(await run('list partis', USERS.francois)).toContain(
        'Aucun partenaire de cette liste n’a quitté le programme.',
      );

      const after = await portfolioSummary(h.t.db, catalog, staff, TODAY);
      expect(after.total).toBe(2);
      expect(after.byTier.find((t) => t.tier === 'business')?.count).toBe(0);
      expect(after.overdue.items.map((o) => o.partner.id)).not.toContain('acme');
      expect(after.atRisk.items.map((o) => o.partner.id)).not.toContain('acme');
    });

    it('lists leave and rejoin in help for staff only', async () => {
      const staff = await run('help');
      expect(staff).toContain('/partner leave');
      expect(staff).toContain('/partner rejoin');
      expect(await run('help', USERS.acmeAdmin)).not.toContain('/partner leave');
    });
  },
);
