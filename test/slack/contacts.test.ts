import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { contacts } from '../../src/db/schema.js';
import { commandMessages } from '../../src/i18n/commands.js';
import { BACKENDS } from '../support/databases.js';
import { CHANNELS, USERS, useWritesApp, writeCommands } from './writes.fixtures.js';

describe.each(BACKENDS)('/partner contacts over HTTP on %s', (backend) => {
  const h = useWritesApp(backend);
  const { run } = writeCommands(h);

  /** Jane Sales reached by e-mail only, as a contact imported without a Slack account is. */
  const janeByEmail = () =>
    h.t.db
      .update(contacts)
      .set({ slackUserId: null, email: 'jane@acme.example' })
      .where(eq(contacts.slackUserId, USERS.acmeSales));

  it('lists a partner’s people for its manager, with the e-mail of those not on Slack', async () => {
    await janeByEmail();
    const { text } = await run('contacts acme');
    expect(text).toContain('Acme Telecom: contacts');
    expect(text).toContain('2 contacts');
    expect(text).toContain(`<@${USERS.acmeAdmin}> · Admin`);
    expect(text).toContain('Jane Sales · Sales · by e-mail (jane@acme.example)');
    expect(text).toContain('Their trainings, one by one: `/partner trainings acme`');
    // Its French word, in French.
    const french = await run('referents acme', USERS.francois);
    expect(french.text).toContain('Acme Telecom : contacts');
    expect(french.text).toContain('Jane Sales · Vente · par e-mail (jane@acme.example)');
  });

  it('shows a contact its own partner’s people without their addresses, and no other partner’s', async () => {
    await janeByEmail();
    const own = await run('contacts', USERS.acmeAdmin, CHANNELS.acme);
    expect(own.text).toContain('Acme Telecom: contacts');
    expect(own.text).toContain('Jane Sales · Sales · by e-mail');
    expect(own.text).not.toContain('jane@acme.example');
    for (const [userId, text] of [
      [USERS.betaAdmin, 'contacts acme'],
      [USERS.stranger, 'contacts acme'],
    ] as const) {
      const refused = await run(text, userId);
      expect(refused.text).not.toContain('Jane Sales');
      expect(refused.text).not.toContain('Acme Telecom: contacts');
    }
    expect((await run('contacts acme', USERS.betaAdmin)).text).toContain(
      commandMessages.en.refusal.otherPartner.slice(0, 40),
    );
  });
});
