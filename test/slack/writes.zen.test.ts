import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { auditLog, checklistItems, zenListings } from '../../src/db/schema.js';
import { MODAL_CALLBACK_IDS } from '../../src/slack/ids.js';
import { BACKENDS } from '../support/databases.js';
import {
  CHANNELS,
  catalog,
  openedForm,
  seedWrites,
  text,
  USERS,
  useWritesApp,
  writeCommands,
} from './writes.fixtures.js';

/** A multi-select as Slack sends it. */
const picked = (...options: string[]) => ({
  type: 'multi_static_select',
  selected_options: options.map((value) => ({ value, text: { type: 'plain_text', text: value } })),
});

/** The writes' partners, Acme (Business) with every Experts Zen requirement done. */
async function seedZen(db: Db) {
  await seedWrites(db);
  const requirements = catalog.expertsZen.requirements.filter((r) => !r.computed);
  await db
    .insert(checklistItems)
    .values(requirements.map((r) => ({ partnerId: 'acme', item: r.code, completedOn: '2026-02-01' })));
}

describe.each(BACKENDS)('the Experts Zen directory over HTTP on %s', (backend) => {
  const h = useWritesApp(backend, seedZen);

  const { reply: run, refused } = writeCommands(h, { user: USERS.admin });
  const listAcme = () => run('zen list Acme Telecom domains 3cx, oxo zone 69 1 hours 4');

  it('lists an eligible partner with its domains, zone and guaranteed time (admins), audited', async () => {
    const reply = await listAcme();
    expect(reply).toContain('*Acme Telecom* is listed in the Experts Zen directory.');
    expect(reply).toContain(
      'Domains: 3CX, Alcatel OXO/OXE · zone: 01, 69 · guaranteed intervention within 4 h',
    );
    expect(await h.t.db.select().from(zenListings)).toMatchObject([
      {
        partnerId: 'acme',
        listedSince: '2026-03-20',
        domains: ['3CX', 'Alcatel OXO/OXE'],
        departements: ['01', '69'],
        interventionHours: 4,
      },
    ]);
    expect(await h.t.db.select().from(auditLog).where(eq(auditLog.action, 'zen.list'))).toHaveLength(1);
  });

  it('refuses field by field, an ineligible partner, and anyone but an admin', async () => {
    expect(await refused('zen list Beta Networks domains 3cx zone 69 hours 4')).toContain(
      'is not eligible for Experts Zen yet',
    );
    expect(await refused('zen list acme domains teams zone 69 hours 4')).toContain(
      '`teams` is not an Experts Zen domain',
    );
    expect(await refused('zen list acme domains 3cx zone 20 hours 4')).toContain(
      '`20` is not a French département',
    );
    expect(await refused('zen list acme domains 3cx zone 69 hours soon')).toContain(
      'is not a number of hours',
    );
    expect(await refused('zen list acme domains 3cx hours 4')).toContain('Give the départements it covers');
    expect(await refused('zen list acme domains 3cx zone 69 hours 4', USERS.manager)).toContain(
      'partner team',
    );
    expect(await refused('zen unlist beta')).toContain('is not listed');
  });

  it('lists on the partner’s own checklist as it stands: a lapsed certification or another’s items do not count', async () => {
    // A QCM passed on 1 March 2024 lapsed on 1 March 2026 (today is 20 March).
    await h.t.db.execute(sql`update checklist_items set completed_on = '2024-03-01' where item = 'zen-qcm'`);
    const lapsed = await refused('zen list acme domains 3cx zone 69 hours 4');
    expect(lapsed).toContain('is not eligible for Experts Zen yet');
    expect(lapsed).toContain('Pass the certification quizzes');
    // Every requirement done, by Beta.
    await h.t.db.execute(sql`update checklist_items set completed_on = '2026-02-01', partner_id = 'beta'`);
    expect(await refused('zen list acme domains 3cx zone 69 hours 4')).toContain(
      'is not eligible for Experts Zen yet',
    );
    expect(await h.t.db.select().from(zenListings)).toEqual([]);
    await h.t.db.execute(sql`update checklist_items set partner_id = 'acme'`);
    expect(await listAcme()).toContain('*Acme Telecom* is listed in the Experts Zen directory.');
  });

  it('answers /partner experts to a partner contact and to anyone: listed, non-suspended partners only', async () => {
    await listAcme();
    const found = await run('experts 3CX 69', USERS.betaAdmin, CHANNELS.beta);
    expect(found).toContain('Experts Zen: 3CX in 69');
    expect(found).toContain('*Acme Telecom*: within 4 h · 01, 69');
    expect(await run('experts oxo', USERS.stranger)).toContain('*Acme Telecom*');
    expect(await run('experts 3cx 75', USERS.betaAdmin)).toContain('No Experts Zen listed yet for 3CX in 75');
    expect(await run('experts fortinet', USERS.betaAdmin)).toContain(
      'No Experts Zen listed yet for Fortinet',
    );
    expect(await run('experts teams', USERS.betaAdmin)).toContain('is not an Experts Zen domain');
    expect(await run('experts 3cx 20', USERS.betaAdmin)).toContain('`20` is not a French département');

    await h.t.db.execute(sql`update zen_listings set suspended_on = '2026-03-20', suspended_reason = 'tier'`);
    expect(await run('experts 3cx', USERS.betaAdmin)).toContain('No Experts Zen listed yet');
  });

  it('unlists a partner, which disappears from the directory', async () => {
    await listAcme();
    expect(await run('zen unlist Acme Telecom')).toContain('*Acme Telecom* is no longer listed');
    expect(await h.t.db.select().from(zenListings)).toEqual([]);
    expect(await run('experts 3cx', USERS.betaAdmin)).toContain('No Experts Zen listed yet');
    expect(await run('zen acme')).toContain('Experts Zen');
  });

  it('fills the listing form in with the partner’s listing, to update it', async () => {
    await listAcme();
    await run('zen list', USERS.admin, CHANNELS.acme);
    const { view } = await openedForm(h, { user: USERS.admin });
    const inputs = view.blocks as { block_id?: string; element?: Record<string, unknown> }[];
    const element = (id: string) => inputs.find((b) => b.block_id === id)!.element!;
    expect(element('zone').initial_value).toBe('01, 69');
    expect(element('hours').initial_value).toBe('4');
    expect((element('domains').initial_options as { value: string }[]).map((o) => o.value)).toEqual([
      '3CX',
      'Alcatel OXO/OXE',
    ]);
  });

  it('shows on `zen` when each certification lapses, and one due again as to renew', async () => {
    expect(await run('zen acme')).toContain(
      ':white_check_mark: Pass the certification quizzes: valid until 1 Feb 2028',
    );
    // A QCM passed on 1 April 2024 lapses on 1 April 2026: due again since 2 March (today is 20 March).
    await h.t.db.execute(sql`update checklist_items set completed_on = '2024-04-01' where item = 'zen-qcm'`);
    expect(await run('zen acme')).toContain('Pass the certification quizzes: to renew, lapses on 1 Apr 2026');
    expect(await run('zen acme', USERS.francois)).toContain(
      'Réussir les QCM de certification : à renouveler, échue le 1er avr. 2026',
    );
  });

  it('answers in French', async () => {
    await listAcme();
    expect(await run('experts 3cx 69', USERS.francois)).toContain('*Acme Telecom* : sous 4 h · 01, 69');
  });

  it('opens the listing form alone for an admin only; its submission validates each field and lists', async () => {
    expect(await refused('zen list', USERS.manager, CHANNELS.acme)).toContain('partner team');
    expect(await run('zen list', USERS.admin, CHANNELS.acme)).toContain('Opening the form');
    const { view, submit, errors, confirmation } = await openedForm(h, { user: USERS.admin });
    expect(view.callback_id).toBe(MODAL_CALLBACK_IDS.zenList);
    expect(JSON.parse(view.private_metadata)).toEqual({ o: 'command', p: 'acme' });
    // Every catalog domain is offered once (Cisco is an IPBX and a network brand).
    const blocks = JSON.stringify(view.blocks);
    expect(blocks.match(/"value":"Cisco"/g)).toHaveLength(1);
    expect(blocks).toContain('"value":"Alcatel OXO/OXE"');

    const bad = await errors({ domains: picked(), zone: text('20'), hours: text('soon') });
    expect(bad.domains).toBeDefined();
    expect(bad.zone).toContain('20 is not a French département');
    expect(bad.hours).toContain('is not a number of hours');
    const manager = await errors(
      { domains: picked('3CX'), zone: text('69'), hours: text('4') },
      USERS.manager,
    );
    expect(Object.values(manager).join(' ')).toContain('partner team');
    expect(await h.t.db.select().from(zenListings)).toEqual([]);

    const ok = await submit({
      domains: picked('3CX', 'Fortinet'),
      zone: text('69, 1'),
      hours: text('4'),
    });
    expect(ok.text).toBe('');
    expect(await h.t.db.select().from(zenListings)).toMatchObject([
      { partnerId: 'acme', domains: ['3CX', 'Fortinet'], departements: ['01', '69'], interventionHours: 4 },
    ]);
    expect(await h.t.db.select().from(auditLog).where(eq(auditLog.action, 'zen.list'))).toHaveLength(1);
    expect(await confirmation()).toContain('*Acme Telecom* is listed in the Experts Zen directory.');
  });
});
