import type { webApi } from '@slack/bolt';
import type { Config } from '../../config.js';
import type { PartnerRow } from '../../db/repositories/partners.repository.js';
import type { Deps } from '../../deps.js';
import type { CommandMessages } from '../../i18n/commands.js';
import type { Logger } from '../../logger.js';
import type { Locale } from '../../program/catalog.schema.js';
import type { Actor } from '../../services/actor.service.js';
import type { ModalView, View } from '../views/blocks.js';
import type { ViewContext } from '../views/context.js';
import type { HelpEntry } from '../views/help.view.js';

/** What the /partner core needs: a part of the program's dependencies (src/deps.ts), as they are. */
export type PartnerCommandDeps = Pick<Deps, 'db' | 'catalog' | 'now' | 'partners'> & {
  config: Pick<Config, 'PROGRAM_TIMEZONE'>;
  /** Told about unexpected failures (the user only sees "temporarily unavailable"). */
  logger: Pick<Logger, 'error'>;
};

export interface PartnerCommandRequest {
  /** Slack user id of the asker. */
  userId: string;
  /** Where the command was typed: a partner's channel names its partner by default. */
  channelId?: string | undefined;
  /** The command text as Slack sends it (HTML-escaped: &amp; &lt; &gt;). */
  text: string;
  locale: Locale;
  /**
   * Set by buttons (choice, list rows): the partner picked, by id. It takes the place of a name in the
   * text, and is authorized like one (a contact only ever gets its own partner).
   */
  partnerId?: string | undefined;
  /**
   * Who reads the answer: the asker alone (default), or everyone in the channel (a shared card). For the
   * channel nothing staff-only is shown (results awaiting approval), whoever asked.
   */
  audience?: 'asker' | 'channel';
  /** The asker, when the caller has already identified it (the assistant): not looked up again. */
  actor?: Actor | undefined;
}

/**
 * What the command answers: an ephemeral message. A write subcommand may also ask for a modal: the Bolt
 * listener opens it with the request's trigger_id right after the ack (the message is then a short
 * acknowledgement, or the console prints the modal's blocks).
 */
export interface Reply extends View {
  modal?: ModalView;
  /**
   * Work to do once Slack has the ack (a file sent by DM: `/partner export`), with the Web API client; the
   * Bolt listener runs it after the ack and the modal, and logs its failure.
   */
  afterAck?: (client: webApi.WebClient) => Promise<void>;
}

/** Who may run a subcommand. */
export type Access =
  /** Anyone, strangers included (help, program). */
  | 'everyone'
  /** Staff about any partner; a contact about its own partner only. */
  | 'partner'
  /** Staff only (managers and admins). */
  | 'staff';

export type PartnerResolution = { kind: 'found'; partner: PartnerRow } | { kind: 'reply'; reply: Reply };

/** What a subcommand handler gets: the asker, already identified and allowed to run it. */
export interface CommandContext {
  deps: PartnerCommandDeps;
  request: PartnerCommandRequest;
  actor: Actor;
  /** Catalog, locale, today and messages, for the views. */
  view: ViewContext;
  m: CommandMessages;
  /** The subcommand's canonical name (aliases resolved). */
  name: string;
  /** The text after the subcommand, unescaped, trimmed, whitespace collapsed (may be empty). */
  args: string;
  /** The help lines of the subcommands this asker may run. */
  helpEntries: HelpEntry[];
  /**
   * Finds the partner `query` names, exactly as the read subcommands do (id, name, unique prefix; the
   * channel's partner when empty; a contact only ever gets its own). Anything but a single partner comes
   * back as the reply to send instead: choice buttons re-running `name` on each match, "did you mean",
   * "which partner?", or the refusal.
   */
  resolvePartner(query: string): Promise<PartnerResolution>;
}

export interface Subcommand {
  name: string;
  /** Other words for it (French ones, short forms). */
  aliases?: readonly string[];
  access: Access;
  /** Its line in `/partner help` (left out when absent). */
  help?: (m: CommandMessages) => HelpEntry;
  run(ctx: CommandContext): Promise<Reply>;
}
