import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { partners } from '../../src/db/schema.js';
import { BACKENDS } from '../support/databases.js';
import {
  allText,
  buttonIds,
  CHANNELS,
  clickShare,
  givenPendingResult,
  USERS,
  useWritesApp,
} from './writes.fixtures.js';

describe.each(BACKENDS)('Share in channel over HTTP on %s', (backend) => {
  const h = useWritesApp(backend);

  /** Clicks Share on a card about `partnerId` in `channelId`; returns what was posted to the response URL. */
  async function share(userId: string, channelId: string, partnerId = 'acme', subcommand = 'status') {
    const { response, responseId } = await clickShare(h, { subcommand, partnerId, userId, channelId });
    expect(response.status).toBe(200);
    return h.app.responseTo(responseId);
  }

  it("posts a staff member's card in the partner's own channel, without the personal buttons", async () => {
    const posted = await share(USERS.manager, CHANNELS.acme);
    expect(posted).toMatchObject({ response_type: 'in_channel', replace_original: false });
    const text = allText(posted);
    expect(text).toContain('Acme Telecom');
    expect(text).toContain('Shared by <@U0MANAGER>');
    expect(buttonIds(posted)).toEqual([]);
  });

  it('lets a contact share its own partner’s card in its channel', async () => {
    const posted = await share(USERS.acmeAdmin, CHANNELS.acme, 'acme', 'obligations');
    expect(posted.response_type).toBe('in_channel');
    expect(allText(posted)).toContain('Acme Telecom: obligations');
  });

  it('lets staff share in a channel that is no partner’s', async () => {
    const posted = await share(USERS.admin, CHANNELS.internal, 'acme', 'tier');
    expect(posted.response_type).toBe('in_channel');
  });

  it("refuses staff a channel of no partner where a partner's contact is a member (a guest)", async () => {
    // Two pages of members (Slack gives 200 at most a page), the guest on the second.
    const staffOnly = Array.from({ length: 250 }, (_, i) => `U0STAFF${i}`);
    h.app.fakeSlack.setChannel(CHANNELS.internal, { externallyShared: false, members: staffOnly });
    expect((await share(USERS.manager, CHANNELS.internal)).response_type).toBe('in_channel');
    h.app.fakeSlack.setChannel(CHANNELS.internal, {
      externallyShared: false,
      members: [...staffOnly, USERS.betaAdmin],
    });
    const refused = await share(USERS.manager, CHANNELS.internal);
    expect(refused.response_type).toBe('ephemeral');
    expect(allText(refused)).toContain('People of other organisations read this channel');
    // A guest of the workspace who is no partner's contact (not imported yet, or someone else's): refused
    // too. Each member is looked up once while the answer is fresh: the 250 already are.
    const lookedUp = h.app.fakeSlack.callsTo('users.info').length;
    h.app.fakeSlack.setGuest('U0GUEST', 'single-channel');
    h.app.fakeSlack.setChannel(CHANNELS.internal, {
      externallyShared: false,
      members: [...staffOnly, 'U0GUEST'],
    });
    const toGuest = await share(USERS.manager, CHANNELS.internal);
    expect(toGuest.response_type).toBe('ephemeral');
    expect(allText(toGuest)).toContain('People of other organisations read this channel');
    expect(
      h.app.fakeSlack
        .callsTo('users.info')
        .slice(lookedUp)
        .map((c) => c.body.user)
        .filter((u) => String(u).startsWith('U0STAFF') || u === 'U0GUEST'),
    ).toEqual(['U0GUEST']);
    // Too many members to read them all (10 000 at most), or Slack cannot say who they are: as if a guest
    // were there.
    h.app.fakeSlack.setChannel(CHANNELS.internal, {
      externallyShared: false,
      members: Array.from({ length: 10_001 }, (_, i) => `U0STAFF${i}`),
    });
    expect((await share(USERS.manager, CHANNELS.internal)).response_type).toBe('ephemeral');
    expect(h.app.fakeSlack.callsTo('conversations.members').at(-1)?.body.cursor).toBe('9800');
    h.app.fakeSlack.fail('conversations.members', { error: 'fetch_members_failed' });
    expect((await share(USERS.manager, 'C0UNKNOWN')).response_type).toBe('ephemeral');
  });

  it("refuses a card about one partner in another partner's channel, ephemerally", async () => {
    const posted = await share(USERS.manager, CHANNELS.beta);
    expect(posted).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(allText(posted)).toContain('it can only be shared in Acme Telecom’s own channel');
  });

  it("refuses a contact outside its partner's channel", async () => {
    const posted = await share(USERS.acmeAdmin, CHANNELS.internal);
    expect(posted.response_type).toBe('ephemeral');
    expect(allText(posted)).toContain('You can share *Acme Telecom*’s cards in its own channel only.');
  });

  it('checks the clicker now, not the button: a contact naming another partner, a stranger', async () => {
    const forged = await share(USERS.acmeAdmin, CHANNELS.beta, 'beta');
    expect(forged.response_type).toBe('ephemeral');
    expect(allText(forged)).toContain('You can’t share this card.');
    expect(allText(forged)).not.toContain('Beta Networks');
    const stranger = await share(USERS.stranger, CHANNELS.acme);
    expect(stranger.response_type).toBe('ephemeral');
  });

  it('ignores a button naming something that is not a card', async () => {
    const { responseId } = await clickShare(h, { subcommand: 'revenue' });
    await h.app.settle(); // the listener is done: whatever it would post is posted
    expect(h.app.fakeSlack.responsesTo(responseId)).toEqual([]);
  });

  it('shares what everyone in the channel may see: a result awaiting approval stays with the staff who asked', async () => {
    await givenPendingResult(h.t.db);
    for (const subcommand of ['status', 'history']) {
      const { ack } = await h.app.command(`${subcommand} acme`, {
        userId: USERS.manager,
        channelId: CHANNELS.acme,
      });
      expect(allText(ack!)).toContain('awaiting approval: *Premium Partner*');
      const posted = await share(USERS.manager, CHANNELS.acme, 'acme', subcommand);
      expect(posted.response_type).toBe('in_channel');
      expect(allText(posted)).not.toContain('awaiting approval');
      expect(allText(posted)).not.toContain('Premium Partner*');
    }
  });

  it('shares no card of a partner that left: the channel would see what staff alone see, marked', async () => {
    await h.t.db.update(partners).set({ leftOn: '2026-03-01' }).where(eq(partners.id, 'acme'));
    const { ack } = await h.app.command('status acme', { userId: USERS.manager, channelId: CHANNELS.acme });
    expect(allText(ack!)).toContain('Left the program');
    const posted = await share(USERS.manager, CHANNELS.acme);
    expect(posted.response_type).toBe('ephemeral');
    expect(allText(posted)).toContain('is no longer in the Dstny partner program');
    expect(allText(posted)).not.toContain('Left the program');
  });
});
