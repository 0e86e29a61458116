import type { Db } from '../db/client.js';
import type { PartnerRow } from '../db/repositories/partners.repository.js';
import { type IsoDate, isIsoDate } from '../program/dates.js';
import { MAX_REASON_LENGTH } from './tier-override.service.js';
import { refused, succeeded, type WriteResult } from './write-issues.js';
import { staffOnly, writeOnPartner } from './write-transaction.js';

export interface LeaveInput {
  by: string;
  partnerId: string;
  /** The day it left, as typed (YYYY-MM-DD); a day to come is a departure planned. */
  leftOn: string;
  reason: string;
  now: Date;
}

export interface PartnerLeft {
  partner: PartnerRow;
  leftOn: IsoDate;
  reason: string;
  /** The departure it replaces, when one was recorded already. */
  previous?: { leftOn: IsoDate; reason: string | null };
}

export interface PartnerRejoined {
  partner: PartnerRow;
  /** The departure undone. */
  leftOn: IsoDate;
  reason: string | null;
}

/**
 * Staff record that a partner left the program on a day, with a reason, in one transaction, audited
 * (`partner.leave`). Nothing else is touched: its history, contacts and data stay; from that day it is not
 * reminded, evaluated, digested nor listed (src/program/membership.ts). Recording it again with another day
 * or reason corrects it.
 */
export function leavePartner(db: Db, input: LeaveInput): Promise<WriteResult<PartnerLeft>> {
  return writeOnPartner(db, input.by, input.partnerId, staffOnly, async (repos, { partner, issues }) => {
    const leftOn = input.leftOn.trim();
    if (!isIsoDate(leftOn)) issues.push({ code: 'date-invalid', value: leftOn });
    else if (partner && leftOn < partner.joinedOn)
      issues.push({ code: 'left-before-joined', value: leftOn, joinedOn: partner.joinedOn });
    const reason = input.reason.replace(/\s+/g, ' ').trim();
    if (!reason) issues.push({ code: 'reason-missing' });
    else if (reason.length > MAX_REASON_LENGTH)
      issues.push({ code: 'reason-too-long', max: MAX_REASON_LENGTH });
    if (!issues.length && partner && partner.leftOn === leftOn && partner.leftReason === reason)
      issues.push({ code: 'left-unchanged', leftOn });
    if (issues.length || !partner) return refused(...issues);

    await repos.partners.setMembership(partner.id, leftOn, reason, input.now);
    const previous = partner.leftOn ? { leftOn: partner.leftOn, reason: partner.leftReason } : undefined;
    await repos.audit.record({
      actor: input.by,
      action: 'partner.leave',
      partnerId: partner.id,
      details: { leftOn, reason, ...(previous ? { previous } : {}) },
    });
    return succeeded({
      partner: { ...partner, leftOn, leftReason: reason },
      leftOn,
      reason,
      ...(previous ? { previous } : {}),
    });
  });
}

/** Undoes a departure (`partner.rejoin`, audited): the partner is back in the program, from today. */
export function rejoinPartner(
  db: Db,
  input: { by: string; partnerId: string; now: Date },
): Promise<WriteResult<PartnerRejoined>> {
  return writeOnPartner(db, input.by, input.partnerId, staffOnly, async (repos, { partner, issues }) => {
    if (partner && partner.leftOn === null) issues.push({ code: 'not-left', partnerName: partner.name });
    if (issues.length || !partner || partner.leftOn === null) return refused(...issues);
    await repos.partners.setMembership(partner.id, null, null, input.now);
    await repos.audit.record({
      actor: input.by,
      action: 'partner.rejoin',
      partnerId: partner.id,
      details: { leftOn: partner.leftOn, reason: partner.leftReason },
    });
    return succeeded({
      partner: { ...partner, leftOn: null, leftReason: null },
      leftOn: partner.leftOn,
      reason: partner.leftReason,
    });
  });
}
