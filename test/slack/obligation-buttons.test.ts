import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { checklistItems, trainingCompletions } from '../../src/db/schema.js';
import { ACTION_IDS } from '../../src/slack/ids.js';
import { BACKENDS } from '../support/databases.js';
import { blockActions } from '../support/slack-requests.js';
import { CHANNELS, clickShare, snapshot, USERS, useWritesApp } from './writes.fixtures.js';

type Block = {
  type: string;
  text?: { text: string };
  accessory?: { action_id: string; value: string; text: { text: string } };
};

/** Each item line with its button, if any: what a reader of `/partner obligations` can press. */
function itemRows(body: Record<string, unknown>) {
  return ((body.blocks ?? []) as Block[])
    .filter((b) => b.type === 'section' && b.text)
    .flatMap((b) =>
      b.text!.text.split('\n').map((line, i, all) => ({
        line,
        button: i === all.length - 1 && b.accessory ? b.accessory : undefined,
      })),
    )
    .filter((r) => r.line.startsWith('•'));
}

describe.each(BACKENDS)('Buttons of /partner obligations over HTTP on %s', (backend) => {
  const h = useWritesApp(backend);

  async function obligations(userId: string) {
    const { ack } = await h.app.command('obligations acme', { userId, channelId: CHANNELS.acme });
    return itemRows(ack!);
  }

  async function press(userId: string, value: string) {
    const { response, responseId } = await h.app.click({
      actionId: ACTION_IDS.obligationDone,
      value,
      userId,
      channelId: CHANNELS.acme,
    });
    expect(response.status).toBe(200);
    return h.app.responseTo(responseId);
  }

  it('shows each item’s code, and a Mark done button on every item staff can do now', async () => {
    const rows = await obligations(USERS.manager);
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(row.line).toMatch(/ · `(trn|doc|com|sales)-[a-z0-9-]+`$/);
    const buttons = rows.filter((r) => r.button).map((r) => r.button!);
    expect(buttons.length).toBeGreaterThan(3);
    for (const b of buttons) {
      expect(b.action_id).toBe(ACTION_IDS.obligationDone);
      expect(b.text.text).toBe('Mark done');
    }
  });

  it('labels the button in the reader’s language', async () => {
    const rows = await obligations(USERS.francois);
    const labels = new Set(rows.filter((r) => r.button).map((r) => r.button!.text.text));
    expect([...labels]).toEqual(['Marquer comme fait']);
  });

  it('gives a contact “I’ve done it” on its own trainings only', async () => {
    const rows = await obligations(USERS.acmeAdmin);
    const withButton = rows.filter((r) => r.button);
    expect(withButton.length).toBeGreaterThan(0);
    for (const r of withButton) {
      expect(r.button!.text.text).toBe('I’ve done it');
      expect(r.line).toMatch(/`trn-/);
      // Its own (mentioned) or the partner's, never the other contact's.
      expect(r.line).not.toContain(`<@${USERS.acmeSales}>`);
    }
    const janes = rows.filter((r) => r.line.includes(`<@${USERS.acmeSales}>`));
    expect(janes.length).toBeGreaterThan(0);
    expect(janes.every((r) => !r.button)).toBe(true);
    expect(rows.filter((r) => /`(doc|com|sales)-/.test(r.line)).every((r) => !r.button)).toBe(true);
  });

  it('records a checklist item when staff press Mark done, and shows the list again without it', async () => {
    const rows = await obligations(USERS.manager);
    const doc = rows.find((r) => r.button && /`doc-/.test(r.line))!;
    const code = /`(doc-[a-z0-9-]+)`/.exec(doc.line)![1]!;
    const posted = await press(USERS.manager, doc.button!.value);
    expect(posted.replace_original).toBe(true);
    const done = await h.t.db.select().from(checklistItems).where(eq(checklistItems.partnerId, 'acme'));
    expect(done.map((d) => d.item)).toEqual([code]);
    const after = itemRows(posted);
    expect(after.some((r) => r.line.includes(`\`${code}\``))).toBe(false);
    expect(JSON.stringify(posted.blocks)).toContain('marked done for *Acme Telecom*');
  });

  it('records a contact’s own training as a declaration awaiting confirmation', async () => {
    const rows = await obligations(USERS.acmeAdmin);
    const own = rows.find((r) => r.button && r.line.includes(`<@${USERS.acmeAdmin}>`))!;
    const code = /`(trn-[a-z0-9-]+)`/.exec(own.line)![1]!;
    const posted = await press(USERS.acmeAdmin, own.button!.value);
    expect(posted.replace_original).toBe(true);
    const recorded = await h.t.db.select().from(trainingCompletions);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ training: code, status: 'pending' });
  });

  it('shows the trainings alone with /partner trainings, and the same card again after a press', async () => {
    const trainings = async (text: string, userId: string) => {
      const { ack } = await h.app.command(text, { userId, channelId: CHANNELS.acme });
      return { rows: itemRows(ack!), text: JSON.stringify(ack!.blocks) };
    };
    const staff = await trainings('trainings acme', USERS.manager);
    expect(staff.text).toContain('Acme Telecom: trainings');
    expect(staff.text).toContain('`/partner obligations acme`');
    expect(staff.rows.length).toBeGreaterThan(1);
    for (const r of staff.rows) expect(r.line).toMatch(/`trn-/);
    // Its French word, answered in French.
    const french = await trainings('formations acme', USERS.francois);
    expect(french.text).toContain('Acme Telecom\u202f: formations');
    const codes = (rows: typeof staff.rows) => rows.map((r) => /`([a-z0-9-]+)`$/.exec(r.line)?.[1]);
    expect(codes(french.rows)).toEqual(codes(staff.rows));

    // A contact: its partner without naming it, its own trainings first, and after "I've done it" the
    // trainings again, its own now awaiting confirmation.
    const contact = await trainings('trainings', USERS.acmeAdmin);
    expect(contact.rows[0]!.line).toContain(`<@${USERS.acmeAdmin}>`);
    const own = contact.rows.find((r) => r.button && r.line.includes(`<@${USERS.acmeAdmin}>`))!;
    const code = /`(trn-[a-z0-9-]+)`/.exec(own.line)![1]!;
    const posted = await press(USERS.acmeAdmin, own.button!.value);
    expect(posted.replace_original).toBe(true);
    expect(JSON.stringify(posted.blocks)).toContain('Acme Telecom: trainings');
    const after = itemRows(posted);
    expect(after.every((r) => /`trn-/.test(r.line))).toBe(true);
    expect(after.find((r) => r.line.includes(`\`${code}\``))?.button).toBeUndefined();
    expect(await h.t.db.select().from(trainingCompletions)).toMatchObject([
      { training: code, status: 'pending' },
    ]);
  });

  it('narrows the card to the obligations whose codes follow the partner, and keeps it so after a press', async () => {
    const rows = await obligations(USERS.manager);
    const doc = rows.find((r) => r.button && /`doc-/.test(r.line))!;
    const code = /`(doc-[a-z0-9-]+)`/.exec(doc.line)![1]!;
    const { ack } = await h.app.command(`obligations acme ${code}`, {
      userId: USERS.manager,
      channelId: CHANNELS.internal,
    });
    const narrowed = itemRows(ack!);
    expect(narrowed.map((r) => r.line)).toEqual([doc.line]);
    const posted = await press(USERS.manager, narrowed[0]!.button!.value);
    const after = JSON.stringify(posted.blocks);
    expect(after).toContain('*Done*');
    expect(after).toContain('Every obligation: `/partner obligations acme`');
    const [line] = itemRows(posted);
    expect(line!.line).toMatch(new RegExp(`· _done on [^_]+_ · \`${code}\`$`));
    expect(line!.button).toBeUndefined();
  });

  it('says a word shaped like a code that is none is no code, rather than no such partner', async () => {
    for (const [text, userId] of [
      ['obligations acme doc-nope', USERS.manager],
      ['trainings trn-nope', USERS.acmeAdmin],
    ] as const) {
      const { ack } = await h.app.command(text, { userId, channelId: CHANNELS.acme });
      expect(JSON.stringify(ack!.blocks ?? ack!.text)).toContain('is no obligation’s code');
    }
  });

  it('refuses a press by anyone the item is not for, and records nothing', async () => {
    const staffRows = await obligations(USERS.manager);
    const admins = staffRows.find((r) => r.button && r.line.includes(`<@${USERS.acmeAdmin}>`))!;
    const checklist = staffRows.find((r) => r.button && /`doc-/.test(r.line))!;
    const before = await snapshot(h.t.db);
    // Another contact of the partner, on Jean's training; a contact on a checklist item; a stranger;
    // another partner's contact.
    for (const [user, button] of [
      [USERS.acmeSales, admins.button!],
      [USERS.acmeAdmin, checklist.button!],
      [USERS.stranger, admins.button!],
      [USERS.betaAdmin, checklist.button!],
      [USERS.betaAdmin, admins.button!],
    ] as const) {
      const posted = await press(user, button.value);
      expect(posted.replace_original).toBe(false);
      expect(posted.response_type).toBe('ephemeral');
    }
    expect(await snapshot(h.t.db)).toBe(before);
  });

  it('leaves the item buttons out of a card shared in the channel', async () => {
    const { responseId } = await clickShare(h, { subcommand: 'obligations' });
    const rows = itemRows(await h.app.responseTo(responseId));
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => !r.button)).toBe(true);
  });

  it('ignores a button whose value is not an item', async () => {
    const before = await snapshot(h.t.db);
    await h.app.send(
      blockActions({ actionId: ACTION_IDS.obligationDone, value: '{"p":1}', userId: USERS.manager }),
    );
    await h.app.settle();
    expect(await snapshot(h.t.db)).toBe(before);
  });
});
