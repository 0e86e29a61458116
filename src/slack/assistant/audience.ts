import type { Db } from '../../db/client.js';
import type { PartnerRow, PartnersRepository } from '../../db/repositories/partners.repository.js';
import {
  type AnyOutsider,
  type ConversationsInfoClient,
  channelSharedOutside,
  partnersAmongMembers,
} from '../../services/channel-state.service.js';

/** Who can read what the bot posts in a channel. */
export interface ChannelAudience {
  /** The partner whose channel it is, if any: its data may be posted there, and no other's. */
  partner: PartnerRow | undefined;
  /**
   * People of another organisation may read it (a Slack Connect channel, or one where someone external
   * asks): nothing but its own partner's data and the public program is posted there.
   */
  shared: boolean;
  /**
   * For a channel not shared: whether partners' people are among its members (a contact, or a guest),
   * asked of Slack when called, only before a card is posted there (undefined: Slack cannot say, taken as
   * yes). Left out where nothing can be asked: none then.
   */
  partnersAmongMembers?: () => Promise<boolean | undefined>;
}

export interface AudienceQuestion {
  channelId: string;
  /** The asker's own team (`user_team` of the event), when Slack gives it. */
  userTeamId: string | undefined;
  /** Our installation's team. */
  botTeamId: string | undefined;
}

/**
 * Decides a channel's audience. The contacts work (issue 10: external contacts, shared channels) plugs
 * its own here, from conversations.info's is_ext_shared and the partner's connected team.
 */
export type ChannelAudienceResolver = (question: AudienceQuestion) => Promise<ChannelAudience>;

/**
 * The default, until shared channels are known for what they are: a channel that belongs to a partner is
 * that partner's (and shared with it); any other is internal, unless the asker is of another team than
 * the bot's, which makes it shared with someone we cannot name.
 */
export function defaultChannelAudience(
  partners: Pick<PartnersRepository, 'byChannel'>,
): ChannelAudienceResolver {
  return async ({ channelId, userTeamId, botTeamId }) => {
    const partner = await partners.byChannel(channelId);
    const external = userTeamId !== undefined && botTeamId !== undefined && userTeamId !== botTeamId;
    return { partner, shared: partner !== undefined || external };
  };
}

/**
 * What Slack says of a channel's sharing on top of a resolver: a channel of no partner is internal only
 * when it is not shared with another organisation (as recorded from conversations.info and the
 * channel_shared / channel_unshared events, else asked now); one Slack cannot describe counts as shared.
 * Whether partners' people are among its members is left to ask when a card would be posted there.
 * Direct messages (D…) are the asker's own.
 */
export function withChannelSharing(
  resolver: ChannelAudienceResolver,
  db: Db,
  client: ConversationsInfoClient,
  anyOutsider: AnyOutsider,
): ChannelAudienceResolver {
  return async (question) => {
    const audience = await resolver(question);
    if (audience.shared || question.channelId.startsWith('D')) return audience;
    const outside = await channelSharedOutside(db, client, question.channelId);
    if (outside !== false) return { ...audience, shared: true };
    return {
      ...audience,
      partnersAmongMembers: () => partnersAmongMembers(db, client, question.channelId, anyOutsider),
    };
  };
}
