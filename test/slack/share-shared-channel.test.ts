import { beforeEach, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/slack/ids.js';
import type { DroppableTestDatabase } from '../support/database-hooks.js';
import { BACKENDS } from '../support/databases.js';
import { givenPartner, givenStaff } from '../support/rows.js';
import { type TestSlackApp, useTestSlackApp } from '../support/slack-app.js';
import { eventCallback } from '../support/slack-requests.js';

const backend = BACKENDS[0]!;

describe(`sharing a card and Slack Connect channels (${backend})`, () => {
  let t: DroppableTestDatabase;
  let app: TestSlackApp;
  useTestSlackApp(backend, { env: { LOCALE: 'en' } }, (env) => ({ t, app } = env));
  beforeEach(async () => {
    await givenPartner(t.db, { id: 'acme', name: 'Acme', type: 'ambassador', slackChannelId: 'C0ACME' });
    await givenStaff(t.db, 'UMGR', 'manager');
  });

  const share = async (channelId: string) => {
    const { response, responseId } = await app.click({
      actionId: ACTION_IDS.share,
      value: JSON.stringify({ p: 'acme', s: 'tier' }),
      userId: 'UMGR',
      channelId,
    });
    expect(response.status).toBe(200);
    return (await app.responseTo(responseId)) as { response_type?: string; text?: string };
  };

  it('staff cannot share into a channel shared with another organisation, nor one Slack says nothing of', async () => {
    app.fakeSlack.setChannel('C0PROSPECT', { externallyShared: true, teamIds: ['T0PROSPECT'] });
    const refused = await share('C0PROSPECT');
    expect(refused.response_type).toBe('ephemeral');
    expect(refused.text).toContain('People of other organisations read this channel');

    app.fakeSlack.fail('conversations.info', { error: 'channel_not_found' });
    expect((await share('C0PRIVATE')).response_type).toBe('ephemeral');

    // The partner's own channel, shared with the partner's organisation, takes its card.
    app.fakeSlack.setChannel('C0ACME', { externallyShared: true, teamIds: ['T0ACME'] });
    expect((await share('C0ACME')).response_type).toBe('in_channel');
    // An internal channel does too.
    expect((await share('C0INTERNAL')).response_type).toBe('in_channel');
  });

  it('channel_shared and channel_unshared keep the state: an internal channel shared later refuses, then takes cards again', async () => {
    expect((await share('C0LATER')).response_type).toBe('in_channel');
    app.fakeSlack.setChannel('C0LATER', { externallyShared: true, teamIds: ['T0OTHER'] });
    await app.send(
      eventCallback({
        type: 'channel_shared',
        channel: 'C0LATER',
        connected_team_id: 'T0OTHER',
        event_ts: '1.1',
      }),
    );
    await app.settle();
    expect((await share('C0LATER')).response_type).toBe('ephemeral');

    app.fakeSlack.setChannel('C0LATER', { externallyShared: false });
    await app.send(
      eventCallback({
        type: 'channel_unshared',
        channel: 'C0LATER',
        previously_connected_team_id: 'T0OTHER',
        is_ext_shared: false,
        event_ts: '1.2',
      }),
    );
    await app.settle();
    expect((await share('C0LATER')).response_type).toBe('in_channel');
  });
});
