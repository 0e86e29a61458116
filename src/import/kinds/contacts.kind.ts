import { PROFILES } from '../../program/catalog.schema.js';
import { parseBoolean, parseCode, quote } from '../values.js';
import { Cells, type ImportKindSpec, UNKNOWN_PARTNER } from './kind.js';

/**
 * Contacts, keyed by slack_user_id. A Slack user is the contact of one partner: a row naming a user
 * already recorded for another partner is refused (moving a contact would carry its trainings over).
 */
export const contactsKind: ImportKindSpec = {
  kind: 'contacts',
  header: ['partner_id', 'slack_user_id', 'name', 'email', 'profile', 'referent'],
  optional: ['email', 'referent'],
  staging: {
    partner_id: 'text',
    slack_user_id: 'text',
    name: 'text',
    email: 'text',
    profile: 'text',
    referent: 'boolean',
  },
  key: ['slack_user_id'],

  parse(raw) {
    const c = new Cells(raw);
    const email = c.optional('email', 254);
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      c.issue('email', `${quote(email)} is not an email address`);
    return c.result({
      partner_id: c.partnerId(),
      slack_user_id: c.slackId('slack_user_id', 'UW', 'user', true),
      name: c.required('name'),
      email,
      profile: c.parse('profile', (v) => parseCode(v, PROFILES, 'profile')),
      referent: c.parse('referent', (v) => parseBoolean(v)),
    });
  },

  checks: [
    UNKNOWN_PARTNER,
    // A Slack user is the contact of one partner.
    { column: 'slack_user_id', check: 'contact-of-another-partner' },
    // After the import, each partner has at most one referent per profile.
    { column: 'referent', check: 'several-referents' },
  ],

  apply: (merge) => merge.contacts(),
};
