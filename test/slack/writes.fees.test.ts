import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { auditLog, operatorFees } from '../../src/db/schema.js';
import { MODAL_CALLBACK_IDS } from '../../src/slack/ids.js';
import { BACKENDS } from '../support/databases.js';
import { day, openedForm, seedWrites, text, USERS, useWritesApp, writeCommands } from './writes.fixtures.js';

/** The writes' partners, Acme an E-shop managé operator (2 % to 4 %). */
async function seedManaged(db: Db) {
  await seedWrites(db);
  await db.execute(sql`update partners set operator_program = 'eshop_managed' where id = 'acme'`);
}

describe.each(BACKENDS)('operator fees: /partner fees over HTTP on %s', (backend) => {
  const h = useWritesApp(backend, seedManaged);

  const { reply: run, refused } = writeCommands(h);

  it('records the opening fee paid and an agreed rate in range, audited, and shows them on the card', async () => {
    expect(await run('status acme')).toContain('*Operator fees*: retrocession not recorded');
    const reply = await run('fees Acme Telecom paid 2026-01-15 rate 3,5 %');
    expect(reply).toContain('Operator fees of *Acme Telecom* recorded.');
    expect(await h.t.db.select().from(operatorFees)).toMatchObject([
      { partnerId: 'acme', openingFeePaidOn: '2026-01-15', retrocessionBasisPoints: 350 },
    ]);
    expect(await h.t.db.select().from(auditLog).where(eq(auditLog.action, 'operator.fees'))).toHaveLength(1);
    expect(await run('status acme')).toContain(
      '*Operator fees*: opening fee paid on 15 Jan 2026 · retrocession 3.5% of billed revenue',
    );
    await run('fees acme rate 2');
    expect(await h.t.db.select().from(operatorFees)).toMatchObject([
      { openingFeePaidOn: '2026-01-15', retrocessionBasisPoints: 200 },
    ]);
  });

  it('validates the rate in its program’s range, the date, and who asks', async () => {
    expect(await refused('fees acme rate 4,5 %')).toContain('`4,5 %` is not between 2% and 4%.');
    expect(await refused('fees acme rate beaucoup')).toContain('is not a percentage');
    expect(await refused('fees acme paid 2026-13-01')).toContain('is not a date');
    expect(await refused('fees acme paid 2027-01-01')).toContain('is in the future');
    expect(await refused('fees Beta Networks paid')).toContain('is not an operator');
    expect(await refused('fees acme 12')).toContain('I could not find the word `paid` or `rate`');
    expect(await refused('fees acme paid', USERS.acmeAdmin)).toContain('partner team');
  });

  it('refuses a rate for a standard operator, and answers in French', async () => {
    await h.t.db.execute(sql`update partners set operator_program = 'standard' where id = 'acme'`);
    expect(await refused('frais acme taux 2', USERS.francois)).toContain('n’a pas de rétrocession');
    expect(await run('frais acme payé 2026-02-01', USERS.francois)).toContain(
      'Frais opérateur d’*Acme Telecom* enregistrés.',
    );
    expect(await run('statut acme', USERS.francois)).toContain(
      '*Frais opérateur* : frais d’ouverture payés le 1er févr. 2026',
    );
  });

  it('opens the fees form alone (the partner typed in it); its submission validates each field and records', async () => {
    expect(await run('fees')).toContain('Opening the form');
    const { view, submit, errors, confirmation } = await openedForm(h);
    expect(view.callback_id).toBe(MODAL_CALLBACK_IDS.fees);
    expect(JSON.parse(view.private_metadata)).toEqual({ o: 'command' });
    // The hint gives each program's retrocession, in the catalog's (the deck's) words.
    expect(JSON.stringify(view.blocks)).toContain('2% to 4% of billed revenue');

    expect((await errors({ partner: text('acme'), rate: text('4,5 %') })).rate).toContain(
      'is not between 2% and 4%',
    );
    expect((await errors({ partner: text('acme'), date: day('2027-01-01') })).date).toContain(
      'is in the future',
    );
    expect((await errors({ partner: text('acme') })).date).toBeDefined();
    expect((await errors({ partner: text('Beta Networks'), rate: text('2') })).partner).toContain(
      'is not an operator',
    );
    expect((await errors({ partner: text('nobody'), rate: text('2') })).partner).toBeDefined();
    expect(await h.t.db.select().from(operatorFees)).toEqual([]);

    const ok = await submit({ partner: text('Acme Telecom'), date: day('2026-02-01'), rate: text('3') });
    expect(ok.text).toBe('');
    expect(await h.t.db.select().from(operatorFees)).toMatchObject([
      { partnerId: 'acme', openingFeePaidOn: '2026-02-01', retrocessionBasisPoints: 300 },
    ]);
    expect(await h.t.db.select().from(auditLog).where(eq(auditLog.action, 'operator.fees'))).toHaveLength(1);
    expect(await confirmation()).toContain('Operator fees of *Acme Telecom* recorded.');
  });
});
