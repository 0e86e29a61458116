import { parseQuarter, quarterCode } from '../../program/objectives.js';
import { type Parsed, parseAmountCents, parseIsoDate } from '../values.js';
import { Cells, type ImportKindSpec, notAfterToday, UNKNOWN_PARTNER } from './kind.js';

function parseQuarterCode(value: string): Parsed<string> {
  const quarter = parseQuarter(value);
  return quarter
    ? { ok: true, value: quarterCode(quarter) }
    : { ok: false, error: { code: 'quarter.invalid', value } };
}

/**
 * Sales objectives and forecasts per partner and quarter, in € a month of the partner's basis, keyed by
 * partner_id + quarter (issue 14). Either amount may be empty: an empty one leaves what is recorded. A
 * forecast counts as given on `forecast_on` (optional column), else on the day of the import when it
 * changes; importing the same file again changes nothing.
 */
export const objectivesKind: ImportKindSpec = {
  kind: 'objectives',
  header: ['partner_id', 'quarter', 'objective_eur', 'forecast_eur', 'forecast_on'],
  optional: ['forecast_on'],
  staging: {
    partner_id: 'text',
    quarter: 'text',
    objective_cents: 'bigint',
    forecast_cents: 'bigint',
    forecast_on: 'date',
  },
  key: ['partner_id', 'quarter'],

  parse(raw, { today }) {
    const c = new Cells(raw);
    const amount = (column: string) =>
      (raw[column] ?? '') === '' ? null : c.parse(column, parseAmountCents);
    const objective = amount('objective_eur');
    const forecast = amount('forecast_eur');
    if ((raw.objective_eur ?? '') === '' && (raw.forecast_eur ?? '') === '')
      c.issue('objective_eur', { code: 'objective.amount-required' });
    const forecastOn = (raw.forecast_on ?? '') === '' ? null : c.parse('forecast_on', parseIsoDate);
    notAfterToday(c, 'forecast_on', forecastOn, today);
    if (forecastOn && (raw.forecast_eur ?? '') === '')
      c.issue('forecast_on', { code: 'forecast-on.without-forecast' });
    return c.result({
      partner_id: c.partnerId(),
      quarter: c.parse('quarter', parseQuarterCode),
      objective_cents: objective,
      forecast_cents: forecast,
      forecast_on: forecastOn,
    });
  },

  checks: [UNKNOWN_PARTNER],

  apply: (merge, { actor, today }) => merge.objectives({ actor, today }),
};
