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

/**
 * What users.info says of a member that matters here (https://docs.slack.dev/reference/objects/user-object):
 * a guest of the workspace (multi-channel: is_restricted; single-channel: is_ultra_restricted), or someone
 * of another organisation (is_stranger).
 */
interface MemberUser {
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  is_stranger?: boolean;
}

/** The part of the Web API this needs (a WebClient fits). */
export interface ConversationsInfoClient {
  /** https://docs.slack.dev/reference/methods/users.info (users:read). */
  users: { info(args: { user: string }): Promise<{ user?: MemberUser }> };
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
 * Members neither staff nor contacts looked up at most, and at once (users.info is Tier 4, 100+ a minute;
 * the client waits out a 429): a channel with more such members not known already counts as read by
 * partners.
 */
const MAX_MEMBERS_ASKED = 1000;
const MEMBERS_ASKED_AT_ONCE = 20;
/** How long users.info's answer is kept: a member turns guest rarely, and a channel is checked before every card. */
const MEMBER_KIND_TTL_MS = 10 * 60_000;
/** Answers kept at most (a workspace's people); past it the oldest go. */
const MEMBER_KINDS_KEPT = 20_000;

const outsider = (user: MemberUser) =>
  user.is_restricted === true || user.is_ultra_restricted === true || user.is_stranger === true;

/** Whether any of these people is a guest or of another organisation; undefined when Slack cannot say. */
export type AnyOutsider = (
  client: ConversationsInfoClient,
  userIds: readonly string[],
) => Promise<boolean | undefined>;

/**
 * AnyOutsider from users.info, its answers remembered for a while: built once per surface (the listeners,
 * the team channel's guard), so checking a channel before each card asks Slack only about people new to it.
 */
export function rememberedOutsiders(now: () => number = Date.now): AnyOutsider {
  const known = new Map<string, { outsider: boolean; until: number }>();
  const remember = (id: string, user: MemberUser) => {
    known.delete(id);
    if (known.size >= MEMBER_KINDS_KEPT) known.delete(known.keys().next().value as string);
    known.set(id, { outsider: outsider(user), until: now() + MEMBER_KIND_TTL_MS });
  };
  return async (client, userIds) => {
    const unknown: string[] = [];
    for (const id of userIds) {
      const entry = known.get(id);
      if (entry && entry.until > now()) {
        if (entry.outsider) return true;
      } else unknown.push(id);
    }
    if (unknown.length > MAX_MEMBERS_ASKED) return undefined;
    try {
      for (let i = 0; i < unknown.length; i += MEMBERS_ASKED_AT_ONCE) {
        const batch = unknown.slice(i, i + MEMBERS_ASKED_AT_ONCE);
        const users = await Promise.all(batch.map(async (user) => (await client.users.info({ user })).user));
        users.forEach((user, j) => {
          if (user) remember(batch[j]!, user);
        });
        if (users.some((user) => user && outsider(user))) return true;
        if (users.includes(undefined)) return undefined;
      }
      return false;
    } catch {
      return undefined;
    }
  };
}

/**
 * Whether partners' people are among a channel's members: a partner's contact, or someone Slack calls a
 * guest or of another organisation (a contact not imported or not linked yet, a partner's person invited
 * as a guest). Staff are not looked up; the others are (`anyOutsider`). Undefined when Slack cannot say,
 * or the channel is too large to check: the caller must then treat it as read by partners. Membership is
 * asked every time, not recorded (a guest may join at any moment): callers ask only before posting a card
 * for a whole channel.
 */
export async function partnersAmongMembers(
  db: Db,
  client: ConversationsInfoClient,
  channelId: string,
  anyOutsider: AnyOutsider = rememberedOutsiders(),
): Promise<boolean | undefined> {
  const { contacts, staff } = createRepositories(db);
  const members: string[] = [];
  try {
    let cursor: string | undefined;
    for (let page = 0; ; page++) {
      if (page === MAX_MEMBER_PAGES) return undefined;
      const answer = await client.conversations.members({
        channel: channelId,
        limit: MEMBERS_PER_PAGE,
        ...(cursor ? { cursor } : {}),
      });
      const ids = answer.members ?? [];
      if (await contacts.anyOf(ids)) return true;
      members.push(...ids);
      cursor = answer.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    const staffIds = new Set((await staff.names()).map((s) => s.id));
    return await anyOutsider(
      client,
      members.filter((id) => !staffIds.has(id)),
    );
  } catch {
    return undefined;
  }
}

/**
 * Whether partners' people may read a channel: shared with another organisation, or with a partner's
 * contact or a guest among its members. Undefined when Slack cannot say: the caller must then treat it as
 * read.
 */
export async function channelReadByPartners(
  db: Db,
  client: ConversationsInfoClient,
  channelId: string,
  anyOutsider?: AnyOutsider,
): Promise<boolean | undefined> {
  const outside = await channelSharedOutside(db, client, channelId);
  return outside === false ? partnersAmongMembers(db, client, channelId, anyOutsider) : outside;
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
  else if (await partnersAmongMembers(db, client, channelId))
    warn(
      `ANNOUNCE_CHANNEL_ID ${channelId} has a partner's contact or a guest among its members: messages for the team are not posted there while one is (partner-bot outbox lists them as failed). Use a channel of staff alone.`,
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
  const anyOutsider = rememberedOutsiders();
  return async ({ channel }) => {
    if (channel !== teamChannelId) return undefined;
    const read = await channelReadByPartners(db, client, channel, anyOutsider);
    if (read === undefined)
      throw new Error(
        `could not tell who reads ANNOUNCE_CHANNEL_ID ${channel} (conversations.info, conversations.members, users.info)`,
      );
    return read
      ? `not posted: partners' people read ANNOUNCE_CHANNEL_ID ${channel} (a contact or a guest is a member, or it is shared with another organisation), and this message is for the team alone; make the channel internal, then retry it (partner-bot outbox)`
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
