import type { Db } from '../db/client.js';
import { createRepositories } from '../db/repositories/index.js';

/** What conversations.info says of a channel's sharing (https://docs.slack.dev/reference/objects/conversation-object). */
export interface ChannelInfo {
  id?: string;
  is_ext_shared?: boolean;
  is_shared?: boolean;
  shared_team_ids?: string[];
  context_team_id?: string;
}

/** The part of the Web API this needs (a WebClient fits). */
export interface ConversationsInfoClient {
  conversations: {
    info(args: { channel: string }): Promise<{ channel?: ChannelInfo }>;
    /** https://docs.slack.dev/reference/methods/conversations.members (channels:read, groups:read). */
    members(args: { channel: string; limit?: number; cursor?: string }): Promise<{
      members?: string[];
      response_metadata?: { next_cursor?: string };
    }>;
  };
}

/** Members asked per conversations.members page (Slack recommends 200 at most). */
const MEMBERS_PER_PAGE = 200;

/** Records whether a channel is shared outside the workspace, and with which teams, as Slack says. */
export async function recordChannelInfo(db: Db, channelId: string, info: ChannelInfo): Promise<boolean> {
  const home = info.context_team_id;
  const externallyShared = info.is_ext_shared === true;
  const connectedTeamIds = (info.shared_team_ids ?? []).filter((t) => t !== home);
  await createRepositories(db).slackChannels.record(channelId, { externallyShared, connectedTeamIds });
  return externallyShared;
}

/**
 * Whether a channel is shared with another organisation: as recorded (start, channel_shared and
 * channel_unshared events), else asked of Slack now and recorded. Undefined when Slack cannot say (no
 * access): the caller must then treat it as shared.
 */
export async function channelSharedOutside(
  db: Db,
  client: ConversationsInfoClient,
  channelId: string,
): Promise<boolean | undefined> {
  const known = (await createRepositories(db).slackChannels.of([channelId])).get(channelId);
  if (known) return known.externallyShared;
  return askChannelSharing(db, client, channelId);
}

/** Pages of members read at most (10 000 members): past them, the channel counts as read by partners. */
const MAX_MEMBER_PAGES = 50;

/**
 * Whether a partner's contact is among a channel's members (a guest of the workspace). Undefined when
 * Slack cannot say, or the channel is too large to read: the caller must then treat it as read by
 * partners. Asked every time, not recorded (a guest may join at any moment): callers ask only before
 * posting a card for a whole channel.
 */
export async function contactAmongMembers(
  db: Db,
  client: ConversationsInfoClient,
  channelId: string,
): Promise<boolean | undefined> {
  const contacts = createRepositories(db).contacts;
  let cursor: string | undefined;
  try {
    for (let page = 0; page < MAX_MEMBER_PAGES; page++) {
      const { members, response_metadata } = await client.conversations.members({
        channel: channelId,
        limit: MEMBERS_PER_PAGE,
        ...(cursor ? { cursor } : {}),
      });
      if (await contacts.anyOf(members ?? [])) return true;
      cursor = response_metadata?.next_cursor || undefined;
      if (!cursor) return false;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * Whether partners' people may read a channel: shared with another organisation, or with a partner's
 * contact among its members. Undefined when Slack cannot say: the caller must then treat it as read.
 */
export async function channelReadByPartners(
  db: Db,
  client: ConversationsInfoClient,
  channelId: string,
): Promise<boolean | undefined> {
  const outside = await channelSharedOutside(db, client, channelId);
  return outside === false ? contactAmongMembers(db, client, channelId) : outside;
}

/**
 * Asks Slack now whether a channel is shared with another organisation, and records it; undefined when it
 * cannot say (`onError` told why, when Slack failed).
 */
async function askChannelSharing(
  db: Db,
  client: ConversationsInfoClient,
  channelId: string,
  onError: (error: unknown) => void = () => {},
): Promise<boolean | undefined> {
  try {
    const { channel } = await client.conversations.info({ channel: channelId });
    return channel ? await recordChannelInfo(db, channelId, channel) : undefined;
  } catch (error) {
    onError(error);
    return undefined;
  }
}

/**
 * At start: whether the team channel (ANNOUNCE_CHANNEL_ID) is shared with another organisation. The team
 * summary lists every changed partner: while the channel is recorded as shared, summaries (and approval
 * previews) are held in the outbox instead of posted there (announceEvaluation). `warn` gets one line
 * when it is shared, when a partner's contact is among its members (teamChannelGuard), or when Slack
 * cannot say.
 */
export async function checkTeamChannel(
  db: Db,
  client: ConversationsInfoClient,
  channelId: string,
  warn: (message: string) => void,
): Promise<boolean | undefined> {
  const shared = await askChannelSharing(db, client, channelId);
  if (shared)
    warn(
      `ANNOUNCE_CHANNEL_ID ${channelId} is shared with another organisation: the team summaries list every changed partner, so they are held in the outbox (partner-bot outbox) instead of posted there. Use an internal channel.`,
    );
  else if (shared === undefined)
    warn(`ANNOUNCE_CHANNEL_ID ${channelId}: conversations.info could not say whether it is shared outside`);
  else if (await contactAmongMembers(db, client, channelId))
    warn(
      `ANNOUNCE_CHANNEL_ID ${channelId} has a partner's contact among its members: messages for the team are not posted there while one is (partner-bot outbox lists them as failed). Use a channel of staff alone.`,
    );
  return shared;
}

/**
 * For the outbox (MayPost): a message to the team channel is posted only while no partner's people read
 * it, asked of Slack just before posting, since a guest may have joined since the evaluation (start and
 * the sharing events keep only its Slack Connect sharing). Every other channel passes.
 */
export function teamChannelGuard(
  db: Db,
  client: ConversationsInfoClient,
  teamChannelId: string,
): (message: { channel: string }) => Promise<string | undefined> {
  return async ({ channel }) => {
    if (channel !== teamChannelId) return undefined;
    const read = await channelReadByPartners(db, client, channel);
    if (read === undefined)
      throw new Error(
        `could not tell who reads ANNOUNCE_CHANNEL_ID ${channel} (conversations.info, conversations.members)`,
      );
    return read
      ? `not posted: partners' people read ANNOUNCE_CHANNEL_ID ${channel} (a contact is a member, or it is shared with another organisation), and this message is for the team alone; make the channel internal, then retry it (partner-bot outbox)`
      : undefined;
  };
}

/** Whether a channel is recorded as shared with another organisation (nothing asked of Slack). */
export async function recordedAsSharedOutside(db: Db, channelId: string): Promise<boolean> {
  return (
    (await createRepositories(db).slackChannels.of([channelId])).get(channelId)?.externallyShared === true
  );
}

/** At start: the sharing of every partner channel, from conversations.info. Returns the shared ones. */
export async function syncPartnerChannels(
  db: Db,
  client: ConversationsInfoClient,
  onError: (channelId: string, error: unknown) => void,
): Promise<string[]> {
  const channels = await createRepositories(db).partners.channelIds();
  const shared: string[] = [];
  for (const channelId of channels)
    if (await askChannelSharing(db, client, channelId, (error) => onError(channelId, error)))
      shared.push(channelId);
  return shared;
}
