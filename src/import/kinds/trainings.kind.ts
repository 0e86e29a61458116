import { parseCode, parseIsoDate } from '../values.js';
import { Cells, type ImportKindSpec, notAfterToday, UNKNOWN_PARTNER } from './kind.js';

/**
 * Completed mandatory trainings (trn-* obligations), keyed by contact + training, recorded as confirmed
 * by the importing user. A pending declaration of the same training is confirmed by the import.
 */
export const trainingsKind: ImportKindSpec = {
  kind: 'trainings',
  header: ['partner_id', 'slack_user_id', 'training', 'completed_on'],
  optional: [],
  staging: { partner_id: 'text', slack_user_id: 'text', training: 'text', completed_on: 'date' },
  key: ['slack_user_id', 'training'],

  parse(raw, { catalog, today }) {
    const c = new Cells(raw);
    const trainings = catalog.obligations.filter((o) => o.kind === 'training').map((o) => o.code);
    const completedOn = c.parse('completed_on', parseIsoDate);
    notAfterToday(c, 'completed_on', completedOn, today);
    return c.result({
      partner_id: c.partnerId(),
      slack_user_id: c.slackId('slack_user_id', 'UW', 'user', true),
      training: c.parse('training', (v) => parseCode(v, trainings, 'training')),
      completed_on: completedOn,
    });
  },

  checks: [
    UNKNOWN_PARTNER,
    { column: 'slack_user_id', check: 'unknown-contact' },
    { column: 'slack_user_id', check: 'contact-not-of-partner' },
  ],

  apply: (merge, { actor }) => merge.trainings({ actor }),
};
