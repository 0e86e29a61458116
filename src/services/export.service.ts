import type { Db } from '../db/client.js';
import { createRepositories } from '../db/repositories/index.js';
import { type ExportKind, OPERATOR_FEE_COLUMNS } from '../export/kinds.js';
import { KINDS } from '../import/kinds/index.js';
import type { Catalog } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import type { Locale } from '../program/locales.js';
import { loadPartnerStatuses, type PartnerStatus } from './partner-status.service.js';

export { EXPORT_KINDS, type ExportKind, isExportKind } from '../export/kinds.js';

/** A cell: text, an amount in cents, a day, a rate, or nothing. The writer formats each for its file type. */
export type ExportCell =
  | string
  | { cents: number }
  | { date: IsoDate }
  /** A percentage in hundredths of a percent (350: 3,5 %). */
  | { basisPoints: number }
  | null;

/** A table to write: its column ids (the import's, where the export re-imports: in the same order) and its rows. */
export interface ExportTable {
  kind: ExportKind;
  columns: readonly string[];
  rows: ExportCell[][];
}

/** Whose partners: every one (admins, the command line) or a manager's portfolio. */
export type ExportScope = { all: true } | { managerSlackUserId: string };

const EARLIEST_MONTH = '1900-01-01';
const day = (date: IsoDate | null | undefined): ExportCell => (date ? { date } : null);

/**
 * The data of one export, for the partners in scope (partners that left included: an export is a record).
 * `portfolio` has the partners import's columns and `revenue` the revenue import's: both re-import as
 * they are. `devoirs` lists every outstanding obligation; `history` every tier change.
 */
export async function exportTable(
  db: Db,
  catalog: Catalog,
  kind: ExportKind,
  options: { scope: ExportScope; today: IsoDate; locale: Locale },
): Promise<ExportTable> {
  const repos = createRepositories(db);
  const ids =
    'all' in options.scope
      ? (await repos.partners.byManager(undefined)).map((p) => p.id)
      : (await repos.partners.byManager(options.scope.managerSlackUserId)).map((p) => p.id);
  const byId = (a: { partner: { id: string } }, b: { partner: { id: string } }) =>
    a.partner.id.localeCompare(b.partner.id);
  if (kind === 'devoirs') {
    // With the program's depth: the plan reviews and quarters met complete sales duties, as on the card.
    const statuses = await loadPartnerStatuses(repos.partners, catalog, ids, options.today);
    return {
      kind,
      columns: ['partner_id', 'item', 'label', 'status', 'due_on', 'who'],
      rows: statuses
        .sort((a, b) => byId(a.record, b.record))
        .flatMap((status) => devoirRows(status, options.locale)),
    };
  }
  const records = (await repos.partners.records(ids, EARLIEST_MONTH)).sort(byId);

  switch (kind) {
    case 'portfolio': {
      const fees = new Map((await repos.operatorFees.forPartners(ids)).map((f) => [f.partnerId, f]));
      return {
        kind,
        columns: [...KINDS.partners.header, ...OPERATOR_FEE_COLUMNS],
        rows: records.map(({ partner: p }) => {
          const fee = p.type === 'operator' ? fees.get(p.id) : undefined;
          const rate = fee?.retrocessionBasisPoints;
          return [
            p.id,
            p.name,
            p.type,
            p.operatorProgram,
            p.slackChannelId,
            p.managerSlackUserId,
            day(p.joinedOn),
            p.tier,
            day(p.leftOn),
            p.locale,
            day(fee?.openingFeePaidOn),
            rate === null || rate === undefined ? null : { basisPoints: rate },
          ];
        }),
      };
    }
    case 'revenue':
      return {
        kind,
        columns: KINDS.revenue.header,
        rows: records.flatMap(({ partner, revenue }) =>
          [...revenue]
            .sort((a, b) => a.month.localeCompare(b.month) || a.category.localeCompare(b.category))
            .map((r) => [partner.id, r.month.slice(0, 7), r.category, { cents: r.amountCents }]),
        ),
      };
    case 'history':
      return {
        kind,
        columns: [
          'partner_id',
          'effective_on',
          'kind',
          'semester',
          'previous_tier',
          'tier',
          'computed_tier',
          'outcome',
          'average_eur',
          'reason',
        ],
        rows: records.flatMap(({ partner, history }) =>
          [...history]
            .sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn) || a.id - b.id)
            .map((h) => [
              partner.id,
              day(h.effectiveOn),
              h.kind,
              h.semester,
              h.previousTier,
              h.tier,
              h.computedTier,
              h.outcome,
              h.averageCents === null ? null : { cents: h.averageCents },
              h.reason,
            ]),
        ),
      };
  }
}

/** A partner's obligations not done yet, a row each: who owes it is a contact, the partner or a profile. */
function devoirRows(status: PartnerStatus, locale: Locale): ExportCell[][] {
  const { partner } = status.record;
  return status.obligations
    .filter((o) => o.status !== 'done')
    .map((o) => [
      partner.id,
      o.obligation.code,
      o.obligation.label[locale],
      o.status,
      day(o.dueOn),
      o.actor.kind === 'contact'
        ? o.actor.contact.name
        : o.actor.kind === 'partner'
          ? partner.name
          : `${o.actor.kind}:${o.actor.profile}`,
    ]);
}
