import { parseCode } from '../values.js';
import { Cells, type ImportKindSpec } from './kind.js';

const ROLES = ['admin', 'manager'] as const;

/** The vendor's people (admins and partner managers), keyed by slack_user_id. */
export const staffKind: ImportKindSpec = {
  kind: 'staff',
  header: ['slack_user_id', 'name', 'role'],
  optional: [],
  staging: { slack_user_id: 'text', name: 'text', role: 'text' },
  key: ['slack_user_id'],

  parse(raw) {
    const c = new Cells(raw);
    return c.result({
      slack_user_id: c.slackId('slack_user_id', 'UW', 'user', true),
      name: c.required('name'),
      role: c.parse('role', (v) => parseCode(v, ROLES, 'role')),
    });
  },

  checks: [],

  apply: (merge) => merge.staff(),
};
