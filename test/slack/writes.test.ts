import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createRevenueRepository } from '../../src/db/repositories/revenue.repository.js';
import {
  auditLog,
  checklistItems,
  outbox,
  partners,
  tierHistory,
  trainingCompletions,
} from '../../src/db/schema.js';
import { ACTION_IDS, MODAL_CALLBACK_IDS } from '../../src/slack/ids.js';
import { BACKENDS } from '../support/databases.js';
import { allText, buttonIds, CHANNELS, USERS, useWritesApp, writeCommands } from './writes.fixtures.js';

describe.each(BACKENDS)('write subcommands of /partner over HTTP on %s', (backend) => {
  const h = useWritesApp(backend);

  /** refused: runs a refused command and checks nothing changed anywhere; returns the reply's text. */
  const { run, refused } = writeCommands(h);
  const audits = (action: string) => h.t.db.select().from(auditLog).where(eq(auditLog.action, action));
  /** The amount recorded for that month and category (the repository's lines from that month on). */
  const revenueOf = async (partnerId: string, month: string, category = 'recurring') =>
    (await createRevenueRepository(h.t.db).since(partnerId, month)).find(
      (line) => line.month === month && line.category === category,
    )?.amountCents;

  describe('revenue', () => {
    it('records a month of revenue as staff: audited, old → new amount and the effect on the semester average', async () => {
      const { text } = await run('revenue Acme Telecom 2026-02 recurring 3 100,50 €');
      expect(await revenueOf('acme', '2026-02-01')).toBe(310_050);
      expect(text).toContain(
        'Revenue recorded for *Acme Telecom*, Monthly recurring, February 2026: €2,500.00 → *€3,100.50*',
      );
      // January and February counted: (2 500 + 3 100.50) / 2.
      expect(text).toContain('Semester H1 2026 average so far: €2,500.00 → *€2,800.25* a month.');
      expect(text).toContain('At this average the next evaluation gives *Business Partner*.');
      const [row] = await audits('revenue.record');
      expect(row).toMatchObject({
        actor: USERS.manager,
        partnerId: 'acme',
        details: { month: '2026-02', category: 'recurring', previousCents: 250_000, amountCents: 310_050 },
      });
    });

    it('inserts a new month, accepting 1234.56 and a category alias, and says it counts from then on', async () => {
      const { text } = await run('revenue acme 2026-03 one-off 1234.56');
      expect(await revenueOf('acme', '2026-03-01', 'one_off')).toBe(123_456);
      expect(text).toContain('One-off, March 2026: *€1,234.56*');
      // March counts once recorded: (2 500 + 2 500 + 1 234.56) / 3.
      expect(text).toContain('€2,500.00 → *€2,078.18* a month');
    });

    it('says when a category does not count toward the tier', async () => {
      const { text } = await run('revenue acme 2026-02 minutes 900');
      expect(text).toContain('Minutes does not count toward the tier: the average is unchanged.');
    });

    it('takes the partner from the channel when it is left out, and answers in French', async () => {
      const { text } = await run('revenue 2026-02 recurring 2 600', USERS.francois, CHANNELS.acme);
      expect(await revenueOf('acme', '2026-02-01')).toBe(260_000);
      expect(text).toContain(
        'CA enregistré pour *Acme Telecom*, Récurrent mensuel, février 2026 : 2 500,00 € → *2 600,00 €*',
      );
    });

    it('answers "nothing changed" for the same amount, and writes no audit row', async () => {
      const text = await refused('revenue acme 2026-02 recurring 2500');
      expect(text).toContain('Nothing changed');
    });

    it.each([
      ['revenue acme 2026-13 recurring 100', '`2026-13` is not a month'],
      ['revenue acme 2026-05 recurring 100', '`2026-05` has not started yet'],
      ['revenue acme 2026-02 subscriptions 100', 'Unknown category `subscriptions`'],
      ['revenue acme 2026-02 recurring -100', '`-100` is negative'],
      ['revenue acme 2026-02 recurring 1.234', '`1.234` is not an amount in euros'],
      ['revenue acme 2026-02 recurring', 'Give the amount in euros'],
      ['revenue acme recurring 100', 'I could not find the month (YYYY-MM)'],
      ['revenue zzz 2026-02 recurring 100', 'No partner matches `zzz`'],
    ])('refuses %s, says what is wrong and changes nothing', async (command, message) => {
      expect(await refused(command)).toContain(message);
    });

    it('lists every problem at once', async () => {
      const text = await refused('revenue acme 2026-13 bogus -5');
      expect(text).toContain('Nothing was recorded.');
      expect(text).toContain('`2026-13` is not a month');
      expect(text).toContain('Unknown category `bogus`');
      expect(text).toContain('`-5` is negative');
    });

    it('refuses a contact and a stranger, without writing', async () => {
      expect(await refused('revenue acme 2026-02 recurring 100', USERS.acmeAdmin, CHANNELS.acme)).toContain(
        'is for the Dstny partner team',
      );
      expect(await refused('revenue acme 2026-02 recurring 100', USERS.stranger)).toContain(
        'I only answer Dstny',
      );
    });

    it("opens the form when typed alone, on the channel's partner", async () => {
      const { text } = await run('revenue', USERS.manager, CHANNELS.acme);
      expect(text).toContain('Opening the form');
      const [call] = await h.app.fakeSlack.waitForCalls('views.open');
      const view = call!.body.view as { callback_id: string; private_metadata: string };
      expect(view.callback_id).toBe(MODAL_CALLBACK_IDS.revenue);
      expect(JSON.parse(view.private_metadata)).toEqual({ o: 'command', p: 'acme' });
    });
  });

  describe('partner names with spaces', () => {
    it('reads the partner up to the anchor, and prefers the reading that names a partner', async () => {
      // "access" is a tier code too: the reading with the partner "Access Telecom" wins.
      const { text } = await run('override Access Telecom business signed the framework contract');
      expect(text).toContain('*Access Telecom* is now *Business Partner* (was Access Partner)');
      const [row] = await h.t.db.select().from(partners).where(eq(partners.id, 'access-tel'));
      expect(row!.tier).toBe('business');
    });

    it('accepts a name in quotes', async () => {
      const { text } = await run('override "Access Telecom" premium exceptional volume');
      expect(text).toContain('is now *Premium Partner*');
    });

    it('offers the matching partners, as buttons opening the form, when a name is ambiguous', async () => {
      const { ack, text } = await run('revenue ac 2026-02 recurring 100');
      expect(text).toContain('Several partners match `ac`');
      expect(buttonIds(ack)).toEqual([`${ACTION_IDS.recordRevenue}:0`, `${ACTION_IDS.recordRevenue}:1`]);
    });
  });

  describe('training', () => {
    it("records a contact's training as staff (confirmed), by mention", async () => {
      const { text } = await run(`training <@${USERS.acmeAdmin}|jean> trn-online-admin 2026-03-02`);
      expect(text).toContain(
        'Mandatory online training — Admin: MyDstny* recorded as done by <@U0ACMEADM> (*Acme Telecom*) on 2 Mar 2026',
      );
      const [row] = await h.t.db.select().from(trainingCompletions);
      expect(row).toMatchObject({
        training: 'trn-online-admin',
        status: 'confirmed',
        confirmedBy: USERS.manager,
        completedOn: '2026-03-02',
      });
      expect(await audits('training.confirmed')).toHaveLength(1);
    });

    it('finds the contact by name (Slack sends @name as typed), today by default', async () => {
      const { text } = await run('training @Jane Sales trn-online-sales');
      expect(text).toContain('recorded as done by <@U0ACMESAL>');
      const [row] = await h.t.db.select().from(trainingCompletions);
      expect(row).toMatchObject({ completedOn: '2026-03-20', status: 'confirmed' });
    });

    it("refuses a contact of another partner in a partner's channel, an unknown code, a future date", async () => {
      expect(
        await refused(`training ${USERS.betaAdmin} trn-online-admin`, USERS.manager, CHANNELS.acme),
      ).toContain('Bob Beta is not a contact of *Acme Telecom*');
      expect(await refused(`training ${USERS.acmeAdmin} trn-bogus`)).toContain(
        'Unknown training `trn-bogus`',
      );
      expect(await refused(`training ${USERS.acmeAdmin} trn-online-admin 2026-04-01`)).toContain(
        '`2026-04-01` is in the future',
      );
      expect(await refused('training U0NOBODY trn-online-admin')).toContain(
        'No partner contact matches `U0NOBODY`',
      );
      expect(await refused('training trn-online-admin')).toContain('Which contact?');
    });

    it("lets a contact declare its own training: pending, the manager told, a manager's confirmation makes it done", async () => {
      const declared = await run('training trn-online-admin 2026-03-10', USERS.acmeAdmin, CHANNELS.acme);
      expect(declared.text).toContain('awaits a manager’s confirmation');
      const [pending] = await h.t.db.select().from(trainingCompletions);
      expect(pending).toMatchObject({ status: 'pending', declaredBy: USERS.acmeAdmin, confirmedBy: null });
      expect(await audits('training.declared')).toHaveLength(1);
      const [queued] = await h.t.db.select().from(outbox);
      expect(queued).toMatchObject({ channel: USERS.manager, kind: 'training.declared' });
      expect(queued!.text).toContain('<@U0ACMEADM> (Jean Dupont, Acme Telecom) declared');

      // Pending is shown as awaiting confirmation, not outstanding (its reminders stop).
      const before = await run('obligations acme');
      expect(before.text).toContain('Awaiting a manager’s confirmation');

      // The manager lists the declarations and confirms.
      const list = await run('confirm');
      expect(list.text).toContain('Trainings awaiting confirmation');
      expect(list.text).toContain('*Acme Telecom* · <@U0ACMEADM>');
      expect(buttonIds(list.ack)).toEqual([ACTION_IDS.confirmDeclaration, ACTION_IDS.rejectDeclaration]);
      const { responseId } = await h.app.click({
        actionId: ACTION_IDS.confirmDeclaration,
        value: JSON.stringify({ c: pending!.id }),
        userId: USERS.manager,
      });
      const answer = await h.app.responseTo(responseId);
      expect(answer.replace_original).toBe(true);
      expect(allText(answer)).toContain(
        'Confirmed: Mandatory online training — Admin: MyDstny for <@U0ACMEADM> (*Acme Telecom*)',
      );
      expect(allText(answer)).toContain('No training declaration awaits confirmation');
      const [done] = await h.t.db.select().from(trainingCompletions);
      expect(done).toMatchObject({ status: 'confirmed', confirmedBy: USERS.manager });
      expect(await audits('training.confirmed')).toHaveLength(1);

      const after = await run('obligations acme');
      expect(after.text).not.toContain('Awaiting a manager’s confirmation');
      expect(after.text).not.toContain('Mandatory online training — Admin: MyDstny ·');
    });

    it('lets a manager reject a declaration: removed, the contact told, reminders resume', async () => {
      await run('training trn-online-sales', USERS.acmeSales, CHANNELS.acme);
      const [pending] = await h.t.db.select().from(trainingCompletions);
      const { responseId } = await h.app.click({
        actionId: ACTION_IDS.rejectDeclaration,
        value: JSON.stringify({ c: pending!.id }),
        userId: USERS.manager,
      });
      expect(allText(await h.app.responseTo(responseId))).toContain(
        'Rejected: Mandatory online training — Sales',
      );
      expect(await h.t.db.select().from(trainingCompletions)).toEqual([]);
      const queued = await h.t.db.select().from(outbox).where(eq(outbox.channel, USERS.acmeSales));
      expect(queued[0]!.text).toContain('did not confirm your training');
    });

    it("refuses a contact declaring another contact's training, and a stranger, without writing", async () => {
      expect(await refused(`training <@${USERS.acmeSales}> trn-online-sales`, USERS.acmeAdmin)).toContain(
        'You can only declare your own trainings',
      );
      expect(await refused(`training ${USERS.betaAdmin} trn-online-admin`, USERS.acmeAdmin)).toContain(
        'You can only declare your own trainings',
      );
      expect(await refused('training trn-online-admin', USERS.stranger)).toContain('I only answer Dstny');
    });

    it("a contact declares only its own trainings: its profiles', its referent roles' and the partner-wide ones", async () => {
      // Jane holds the sales profile only; Jean is admin and the admin referent.
      expect(await refused('training trn-online-admin', USERS.acmeSales, CHANNELS.acme)).toContain(
        'Mandatory online training — Admin: MyDstny is not one of your trainings. You declare those of your profiles and referent roles (Sales) and the partner-wide ones.',
      );
      expect(await refused('training trn-onsite-referent-sales', USERS.acmeAdmin, CHANNELS.acme)).toContain(
        'not one of your trainings. You declare those of your profiles and referent roles (Admin, Admin referent)',
      );
      expect(
        (await run('training trn-onsite-referent-admin', USERS.acmeAdmin, CHANNELS.acme)).text,
      ).toContain('awaits a manager’s confirmation');
      expect((await run('training trn-online-sales', USERS.acmeSales, CHANNELS.acme)).text).toContain(
        'awaits a manager’s confirmation',
      );
      expect(
        (await run('training trn-webinar-trunk-metacentrex-data', USERS.acmeSales, CHANNELS.acme)).text,
      ).toContain('awaits a manager’s confirmation');
    });

    it('declaring again one that waits for confirmation says whose, and tells the manager nothing new', async () => {
      await run('training trn-online-admin 2026-03-10', USERS.acmeAdmin, CHANNELS.acme);
      const again = await refused('training trn-online-admin 2026-03-12', USERS.acmeAdmin, CHANNELS.acme);
      expect(again).toContain(
        `*Mandatory online training — Admin: MyDstny* (declared done on 10 Mar 2026) is already waiting for <@${USERS.manager}>’s confirmation.`,
      );
      expect(await h.t.db.select().from(outbox)).toHaveLength(1);
      expect(await audits('training.declared')).toHaveLength(1);
    });

    it('refuses Confirm from a contact, and says when the declaration was already handled', async () => {
      await run('training trn-online-admin', USERS.acmeAdmin);
      const [pending] = await h.t.db.select().from(trainingCompletions);
      const click = async (userId: string) => {
        const { responseId } = await h.app.click({
          actionId: ACTION_IDS.confirmDeclaration,
          value: JSON.stringify({ c: pending!.id }),
          userId,
        });
        return allText(await h.app.responseTo(responseId));
      };
      expect(await click(USERS.acmeAdmin)).toContain('Only the Dstny partner team can do this.');
      expect((await h.t.db.select().from(trainingCompletions))[0]!.status).toBe('pending');
      await click(USERS.manager);
      expect(await click(USERS.admin)).toContain('already confirmed or rejected');
    });
  });

  describe('done (checklist)', () => {
    it('marks an item done as staff, audited, and says when it already was', async () => {
      const { text } = await run('done acme doc-partner-charter 2026-03-01');
      expect(text).toContain('*Partner charter* marked done for *Acme Telecom* on 1 Mar 2026');
      expect(await h.t.db.select().from(checklistItems)).toEqual([
        expect.objectContaining({
          partnerId: 'acme',
          item: 'doc-partner-charter',
          completedOn: '2026-03-01',
        }),
      ]);
      expect(await audits('checklist.done')).toHaveLength(1);
      expect(await refused('done acme doc-partner-charter')).toContain(
        'was already done for *Acme Telecom* on 1 Mar 2026',
      );
    });

    it('records an Experts Zen requirement too', async () => {
      await run('done Acme Telecom zen-charter');
      const rows = await h.t.db.select().from(checklistItems);
      expect(rows.map((r) => r.item)).toEqual(['zen-charter']);
    });

    it.each([
      ['done acme doc-bogus', 'Unknown item `doc-bogus`'],
      ['done acme trn-online-admin', 'is a training, done by a contact'],
      ['done acme zen-tier', 'follows from the tier'],
      ['done acme doc-ambassador-contract', 'does not apply to *Acme Telecom*'],
      ['done acme doc-partner-charter 2026-02-30', '`2026-02-30` is not a date'],
      ['done acme', 'I could not find the item code'],
    ])('refuses %s and changes nothing', async (command, message) => {
      expect(await refused(command)).toContain(message);
    });

    it('refuses a contact', async () => {
      expect(await refused('done acme doc-partner-charter', USERS.acmeAdmin)).toContain(
        'is for the Dstny partner team',
      );
    });
  });

  describe('override', () => {
    it('sets the tier with a reason: history, partner row, audit, and `history` shows it', async () => {
      const { text } = await run('override acme premium signed a 3-year framework contract');
      expect(text).toContain(
        '*Acme Telecom* is now *Premium Partner* (was Business Partner). Reason: “signed a 3-year framework contract”',
      );
      expect(text).toContain('holds until the evaluation on 1 Jul 2026');
      const [row] = await h.t.db.select().from(partners).where(eq(partners.id, 'acme'));
      expect(row).toMatchObject({ tier: 'premium', tierSince: '2026-03-20' });
      const [history] = await h.t.db.select().from(tierHistory);
      expect(history).toMatchObject({
        kind: 'override',
        previousTier: 'business',
        tier: 'premium',
        reason: 'signed a 3-year framework contract',
        actor: USERS.manager,
        effectiveOn: '2026-03-20',
      });
      expect(await audits('tier.override')).toHaveLength(1);
      const shown = await run('history acme');
      expect(shown.text).toContain('Override by <@U0MANAGER>');
      expect(shown.text).toContain('Business Partner → *Premium Partner*');
      expect(shown.text).toContain('reason: “signed a 3-year framework contract”');
    });

    it.each([
      ['override acme premium', 'Give a reason'],
      ['override acme business for fun', 'already is *Business Partner*'],
      ['override acme gold because', 'I could not find the tier'],
    ])('refuses %s and changes nothing', async (command, message) => {
      expect(await refused(command)).toContain(message);
    });

    it('refuses a contact', async () => {
      expect(await refused('override acme premium please', USERS.acmeAdmin)).toContain(
        'is for the Dstny partner team',
      );
    });
  });

  it('lists the write subcommands in help for staff, and only training for a contact', async () => {
    const staff = await run('help');
    for (const name of ['revenue', 'training', 'done', 'override', 'confirm'])
      expect(staff.text).toContain(`/partner ${name}`);
    const contact = await run('help', USERS.acmeAdmin);
    expect(contact.text).toContain('/partner training');
    expect(contact.text).not.toContain('/partner revenue');
  });
});
