import { sql } from 'drizzle-orm';
import { parseCode, parseIsoDate } from '../values.js';
import {
  Cells,
  countUpsert,
  type ImportKindSpec,
  notAfterToday,
  STAGE,
  unknownPartnerCheck,
} from './kind.js';

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

  checks() {
    return [
      unknownPartnerCheck(),
      {
        column: 'slack_user_id',
        query: sql`select s.line, 'no contact ' || s.slack_user_id || ' (import contacts first)' as message
          from ${STAGE} s where not exists (select 1 from contacts c where c.slack_user_id = s.slack_user_id)`,
      },
      {
        column: 'slack_user_id',
        query: sql`select s.line, s.slack_user_id || ' is a contact of partner ' || c.partner_id
            || ', not of ' || s.partner_id as message
          from ${STAGE} s join contacts c on c.slack_user_id = s.slack_user_id
          where c.partner_id <> s.partner_id`,
      },
    ];
  },

  apply(tx, { actor }) {
    return countUpsert(
      tx,
      sql`insert into training_completions (partner_id, contact_id, training, completed_on, status,
          confirmed_by, confirmed_at)
        select s.partner_id, c.id, s.training, s.completed_on, 'confirmed', ${actor}, now()
        from ${STAGE} s join contacts c on c.slack_user_id = s.slack_user_id
        on conflict (contact_id, training) do update
          set completed_on = excluded.completed_on, status = 'confirmed',
            confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at
        where (training_completions.completed_on, training_completions.status)
          is distinct from (excluded.completed_on, excluded.status)
        returning (xmax = 0) as inserted`,
    );
  },
};
