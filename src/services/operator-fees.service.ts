import type { OperatorFeesRow } from '../db/repositories/operator-fees.repository.js';
import type { PartnerRow } from '../db/repositories/partners.repository.js';
import type { IsoDate } from '../program/dates.js';
import { checkRetrocession, parseRate } from '../program/operator-fees.js';
import { checkCompletedOn, refused, succeeded } from './write-issues.js';
import { staffPartnerWrite } from './write-transaction.js';

export interface OperatorFeesInput {
  by: string;
  partnerId: string;
  /** The day the opening fee was paid (YYYY-MM-DD; "" for today), as typed; undefined: unchanged. */
  paidOn?: string | undefined;
  /** The retrocession agreed, in percent, as typed ("3,5 %"); undefined: unchanged. */
  rate?: string | undefined;
  now: Date;
}

export interface OperatorFeesRecorded {
  partner: PartnerRow;
  fees: Omit<OperatorFeesRow, 'updatedAt'>;
}

/**
 * An operator's opening fee paid and its agreed retrocession (staff, audited `operator.fees`): the rate
 * must be in its program's range (catalog operatorPrograms.retrocessionPercent); a program without one
 * takes none.
 */
export const recordOperatorFees = staffPartnerWrite<OperatorFeesInput, OperatorFeesRecorded>(
  async (repos, { partner, issues }, { catalog, input, today }) => {
    if (!partner) return refused(...issues);
    if (partner.type !== 'operator' || !partner.operatorProgram)
      return refused({ code: 'not-operator', partnerName: partner.name });
    if (input.paidOn === undefined && input.rate === undefined) return refused({ code: 'fees-missing' });
    let paidOn: IsoDate | undefined;
    if (input.paidOn !== undefined) {
      const checked = checkCompletedOn(input.paidOn, today);
      if (checked.issue) issues.push(checked.issue);
      paidOn = checked.date;
    }
    let basisPoints: number | undefined;
    if (input.rate !== undefined) {
      const raw = input.rate.trim();
      basisPoints = parseRate(raw);
      if (basisPoints === undefined) issues.push({ code: 'rate-invalid', value: raw });
      else {
        const check = checkRetrocession(catalog, partner.operatorProgram, basisPoints);
        if (!check.ok)
          issues.push(
            check.reason === 'not-applicable'
              ? { code: 'rate-not-applicable', program: partner.operatorProgram }
              : {
                  code: 'rate-out-of-range',
                  value: raw,
                  minBasisPoints: check.minBasisPoints,
                  maxBasisPoints: check.maxBasisPoints,
                },
          );
      }
    }
    if (issues.length) return refused(...issues);
    const previous = await repos.operatorFees.forPartner(partner.id);
    const fees = {
      partnerId: partner.id,
      openingFeePaidOn: paidOn ?? previous?.openingFeePaidOn ?? null,
      retrocessionBasisPoints: basisPoints ?? previous?.retrocessionBasisPoints ?? null,
      updatedBy: input.by,
    };
    await repos.operatorFees.upsert(fees, input.now);
    await repos.audit.record({
      actor: input.by,
      action: 'operator.fees',
      partnerId: partner.id,
      details: {
        openingFeePaidOn: fees.openingFeePaidOn,
        retrocessionBasisPoints: fees.retrocessionBasisPoints,
        ...(previous
          ? {
              previous: {
                openingFeePaidOn: previous.openingFeePaidOn,
                retrocessionBasisPoints: previous.retrocessionBasisPoints,
              },
            }
          : {}),
      },
    });
    return succeeded({ partner, fees });
  },
);
