import { parseCode, parseIsoDate } from '../values.js';
import { contactKey, emailCell } from './contacts.kind.js';
import { Cells, type ImportKindSpec, notAfterToday, UNKNOWN_PARTNER } from './kind.js';

/**
 * Completed mandatory trainings (trn-* obligations), keyed by contact + training, recorded as confirmed
 * by the importing user. A pending declaration of the same training is confirmed by the import. The
 * contact is named by its slack_user_id or, for a contact not on Slack, by its `email` among the
 * partner's contacts (slack_user_id empty); a Slack user id wins when both are given.
 */
export const trainingsKind: ImportKindSpec = {
  kind: 'trainings',
  header: ['partner_id', 'slack_user_id', 'training', 'completed_on', 'email'],
  optional: ['slack_user_id', 'email'],
  staging: {
    partner_id: 'text',
    slack_user_id: 'text',
    email: 'text',
    training: 'text',
    completed_on: 'date',
    contact: 'text',
  },
  // The contact as a key: its Slack user, else its e-mail (a duplicate reads "same contact, training").
  key: ['contact', 'training'],

  parse(raw, { catalog, today }) {
    const c = new Cells(raw);
    const trainings = catalog.obligations.filter((o) => o.kind === 'training').map((o) => o.code);
    const partnerId = c.partnerId();
    const slackUserId = c.slackId('slack_user_id', 'UW', 'user', false);
    const training = c.parse('training', (v) => parseCode(v, trainings, 'training'));
    const completedOn = c.parse('completed_on', parseIsoDate);
    notAfterToday(c, 'completed_on', completedOn, today);
    const email = slackUserId ? null : emailCell(c);
    if (!slackUserId && !email && !raw.slack_user_id && !raw.email)
      c.issue('slack_user_id', { code: 'contact.unnamed' });
    return c.result({
      partner_id: partnerId,
      slack_user_id: slackUserId,
      email,
      training,
      completed_on: completedOn,
      contact: contactKey(slackUserId, email),
    });
  },

  checks: [
    UNKNOWN_PARTNER,
    { column: 'slack_user_id', check: 'unknown-contact' },
    { column: 'slack_user_id', check: 'contact-not-of-partner' },
    { column: 'email', check: 'ambiguous-email-contact' },
  ],

  apply: (merge, { actor }) => merge.trainings({ actor }),
};
