import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { contacts, partners } from '../../src/db/schema.js';
import { type ImportKind, ImportRejected } from '../../src/services/import.service.js';
import { useTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { csvFile, importFile } from './support.js';

const PARTNERS = [
  'partner_id,name,type,operator_program,slack_channel_id,manager_slack_user_id,joined_on,tier,left_on,locale',
  'acme,Acme,operator,standard,C0ACME,U0MGR1,2025-01-15,,,fr',
  'beta,Beta,ambassador,,C0BETA,U0MGR1,2025-03-01,,,',
];

const CONTACTS = [
  'partner_id,slack_user_id,name,email,profile,referent,slack_team_id,locale',
  'acme,U0ACME1,Ann Acme,ann@acme.example,admin,yes,T0ACME,en',
  'acme,,Paul Mail,Paul@Acme.example,sales,no,,fr',
  'beta,U0BETA1,Bea Beta,,technical,no,,',
];

describe.each(BACKENDS)('contacts where they are, in the import, on %s', (backend) => {
  let db: Db;
  useTestDatabase(backend, (t) => ({ db } = t));

  const run = (kind: ImportKind, file: string) => importFile(db, kind, file);

  it('imports the team, the locale and a contact known only by its e-mail; again changes nothing', async () => {
    await run('partners', csvFile(PARTNERS));
    const first = await run('contacts', csvFile(CONTACTS));
    expect([first.inserted, first.updated]).toEqual([3, 0]);
    const rows = await db.select().from(contacts).orderBy(asc(contacts.name));
    expect(rows.map((c) => [c.name, c.slackUserId, c.email, c.slackTeamId, c.locale])).toEqual([
      ['Ann Acme', 'U0ACME1', 'ann@acme.example', 'T0ACME', 'en'],
      ['Bea Beta', 'U0BETA1', null, null, null],
      ['Paul Mail', null, 'Paul@Acme.example', null, 'fr'],
    ]);
    const [acme] = await db.select().from(partners).where(eq(partners.id, 'acme'));
    expect(acme?.locale).toBe('fr');

    const again = await run('contacts', csvFile(CONTACTS));
    expect([again.inserted, again.updated, again.unchanged]).toEqual([0, 0, 3]);
    // The e-mail is the key of a contact not on Slack, whatever its case.
    const renamed = await run(
      'contacts',
      csvFile([CONTACTS[0]!, 'acme,,Paul Renamed,paul@acme.example,sales,no,,fr']),
    );
    expect([renamed.inserted, renamed.updated]).toEqual([0, 1]);
    expect(await db.select().from(contacts)).toHaveLength(3);
  });

  it('a contact found on Slack since is still the row of its e-mail', async () => {
    await run('partners', csvFile(PARTNERS));
    await run('contacts', csvFile(CONTACTS));
    await db.update(contacts).set({ slackUserId: 'U0PAUL' }).where(eq(contacts.name, 'Paul Mail'));
    const again = await run('contacts', csvFile(CONTACTS));
    expect(again.inserted).toBe(0);
    const [paul] = await db.select().from(contacts).where(eq(contacts.name, 'Paul Mail'));
    expect(paul?.slackUserId).toBe('U0PAUL');
  });

  it('refuses a row with neither Slack user nor e-mail, a bad team, a bad locale, and an e-mail of another partner', async () => {
    await run('partners', csvFile(PARTNERS));
    await run('contacts', csvFile(CONTACTS));
    const err = await run(
      'contacts',
      csvFile([
        CONTACTS[0]!,
        'acme,,Nobody,,sales,no,,',
        'acme,U0ACME9,Bad Team,,sales,no,X0ACME,de',
        'beta,,Paul Elsewhere,paul@acme.example,sales,no,,',
      ]),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    const issues = (err as ImportRejected).issues.map((i) => `${i.line}/${i.column}`);
    expect(issues.sort()).toEqual(['2/slack_user_id', '3/locale', '3/slack_team_id', '4/email']);
    expect(await db.select().from(contacts)).toHaveLength(3);
  });
});
