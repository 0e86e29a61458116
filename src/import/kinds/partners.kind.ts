import type { ImportNote } from '../../i18n/import-issues.js';
import { OPERATOR_PROGRAMS, PARTNERSHIP_TYPES } from '../../program/catalog.schema.js';
import { LOCALES } from '../../program/locales.js';
import { searchKey } from '../../program/text.js';
import { parseCode, parseIsoDate } from '../values.js';
import { Cells, type ImportKindSpec } from './kind.js';

/**
 * Partners, keyed by partner_id. The tier column only applies when a partner is created (its starting
 * tier, recorded in tier_history as kind 'import'); an existing partner's tier moves only by evaluation
 * or override, so a different tier in the file is reported as a note and left alone. `left_on` (optional)
 * is the day the partner left the program: re-importing updates it, empty means it is in the program (a
 * departure recorded in Slack with `/partner leave` is then undone, its reason with it).
 */
export const partnersKind: ImportKindSpec = {
  kind: 'partners',
  header: [
    'partner_id',
    'name',
    'type',
    'operator_program',
    'slack_channel_id',
    'manager_slack_user_id',
    'joined_on',
    'tier',
    'left_on',
    'locale',
  ],
  optional: ['operator_program', 'slack_channel_id', 'manager_slack_user_id', 'tier', 'left_on', 'locale'],
  staging: {
    partner_id: 'text',
    name: 'text',
    search_name: 'text',
    type: 'text',
    operator_program: 'text',
    slack_channel_id: 'text',
    manager_slack_user_id: 'text',
    joined_on: 'date',
    tier: 'text',
    left_on: 'date',
    locale: 'text',
  },
  key: ['partner_id'],

  parse(raw, { catalog }) {
    const c = new Cells(raw);
    const partnerId = c.partnerId();
    const name = c.required('name');
    const type = c.parse('type', (v) => parseCode(v, PARTNERSHIP_TYPES, 'partnership-type'));
    const programCell = c.optional('operator_program');
    let program: string | null = null;
    if (type === 'operator') {
      if (!programCell)
        c.issue('operator_program', { code: 'operator-program.required', programs: OPERATOR_PROGRAMS });
      else program = c.parse('operator_program', (v) => parseCode(v, OPERATOR_PROGRAMS, 'operator-program'));
    } else if (type === 'ambassador' && programCell) {
      c.issue('operator_program', { code: 'operator-program.ambassador', value: programCell });
    }
    const channel = c.slackId('slack_channel_id', 'CG', 'channel', false);
    const manager = c.slackId('manager_slack_user_id', 'UW', 'user', false);
    const joinedOn = c.parse('joined_on', parseIsoDate);
    const tierCell = c.optional('tier');
    const tier = tierCell
      ? c.parse('tier', (v) =>
          parseCode(
            v,
            catalog.tiers.map((t) => t.code),
            'tier',
          ),
        )
      : null;
    const leftOn = c.optional('left_on') === null ? null : c.parse('left_on', parseIsoDate);
    if (leftOn && joinedOn && leftOn < joinedOn)
      c.issue('left_on', { code: 'left-on.before-joined', leftOn, joinedOn });
    // The language of the partner's channel messages.
    const locale =
      c.optional('locale') === null ? null : c.parse('locale', (v) => parseCode(v, LOCALES, 'locale'));
    return c.result({
      partner_id: partnerId,
      name,
      search_name: searchKey(name),
      type,
      operator_program: program,
      slack_channel_id: channel,
      manager_slack_user_id: manager,
      joined_on: joinedOn,
      tier,
      left_on: leftOn,
      locale,
    });
  },

  checks: [
    // A channel on two rows of the file.
    { column: 'slack_channel_id', check: 'channel-twice' },
    // Another partner holds the channel and the file does not move it elsewhere.
    { column: 'slack_channel_id', check: 'channel-of-another-partner' },
  ],

  async notes(stage) {
    const notes: ImportNote[] = [];
    const ignored = await stage.tiersDiffering();
    if (ignored.rows.length) notes.push({ code: 'tiers-ignored', total: ignored.total, rows: ignored.rows });
    const strangers = await stage.managersNotStaff();
    if (strangers.length) notes.push({ code: 'managers-not-staff', managers: strangers });
    return notes;
  },

  apply: (merge, { actor, catalog }) => merge.partners({ actor, catalogVersion: catalog.version }),
};
