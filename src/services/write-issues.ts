import type { ContactRow } from '../db/repositories/contacts.repository.js';
import type { Profile } from '../program/catalog.schema.js';
import { type IsoDate, isIsoDate } from '../program/dates.js';

/**
 * Why a write was refused. The services return every issue they find (a modal shows them all at once,
 * each next to its field) and write nothing; src/i18n/writes.ts words them in both locales.
 */
export type WriteIssue =
  /** Staff-only write asked by a contact or a stranger; or a stranger declaring a training. */
  | { code: 'not-allowed' }
  /** A contact declaring someone else's training (same words whether that contact exists or not). */
  | { code: 'own-training-only' }
  /**
   * A contact declaring a training that is not its own: neither of its profiles, nor of its referent
   * roles, nor partner-wide (PROGRAM.md section 6). Its profiles and referent roles, to say which are.
   */
  | {
      code: 'training-not-own';
      training: string;
      profiles: readonly Profile[];
      referentProfiles: readonly Profile[];
    }
  | { code: 'partner-unknown' }
  | { code: 'month-missing' }
  | { code: 'month-invalid'; value: string }
  | { code: 'month-future'; value: string }
  | { code: 'category-unknown'; value: string }
  | { code: 'amount-missing' }
  | { code: 'amount-invalid'; value: string }
  | { code: 'amount-negative'; value: string }
  | { code: 'amount-too-large'; value: string }
  | { code: 'training-missing' }
  | { code: 'training-unknown'; value: string }
  /** A training that does not apply to this partner's type or operator program. */
  | { code: 'training-not-applicable'; training: string; partnerName: string }
  | { code: 'item-missing' }
  | { code: 'item-unknown'; value: string }
  /** A trn-* code given where a checklist item was expected: trainings are per contact. */
  | { code: 'item-is-training'; value: string }
  /** zen-tier: computed from the tier, never recorded. */
  | { code: 'item-computed'; value: string }
  | { code: 'item-not-applicable'; item: string; partnerName: string }
  | { code: 'contact-missing' }
  | { code: 'contact-unknown'; value: string }
  | { code: 'contact-ambiguous'; value: string; candidates: ContactRow[] }
  | { code: 'contact-other-partner'; contactName: string; partnerName: string }
  | { code: 'date-invalid'; value: string }
  | { code: 'date-future'; value: string }
  | { code: 'tier-missing' }
  | { code: 'tier-unknown'; value: string }
  | { code: 'tier-unchanged'; tier: string }
  | { code: 'reason-missing' }
  | { code: 'reason-too-long'; max: number }
  /** No pending declaration with that id: already confirmed, rejected or withdrawn. */
  | { code: 'declaration-gone' }
  /** A partner cannot leave before it joined. */
  | { code: 'left-before-joined'; value: string; joinedOn: IsoDate }
  /** Leaving again on the same day for the same reason. */
  | { code: 'left-unchanged'; leftOn: IsoDate }
  /** Rejoining a partner that never left. */
  | { code: 'not-left'; partnerName: string }
  /** Program depth (issue 14): quarters, notes, benefit uses, operator fees, Experts Zen listings. */
  | { code: 'quarter-missing' }
  | { code: 'quarter-invalid'; value: string }
  /** A forecast for a quarter that already ended. */
  | { code: 'quarter-ended'; value: string }
  | { code: 'note-missing' }
  | { code: 'note-too-long'; max: number }
  /** A contact giving a forecast for another partner. */
  | { code: 'own-partner-only' }
  | { code: 'benefit-missing' }
  | { code: 'benefit-unknown'; value: string }
  /** The partner's tier does not give that benefit. */
  | { code: 'benefit-not-held'; benefit: string; partnerName: string }
  /** A time-limited benefit (BizBooster) past its last day. */
  | { code: 'benefit-expired'; benefit: string; expiredOn: IsoDate }
  /** Once per tier entry, year or month: already used for that period. */
  | { code: 'benefit-used'; benefit: string; usedOn: IsoDate; reference: string }
  | { code: 'reference-missing'; benefit: string }
  | { code: 'reference-too-long'; max: number }
  | { code: 'not-operator'; partnerName: string }
  | { code: 'fees-missing' }
  | { code: 'rate-invalid'; value: string }
  | { code: 'rate-out-of-range'; value: string; minBasisPoints: number; maxBasisPoints: number }
  /** A retrocession given for a program that has none (Opérateur). */
  | { code: 'rate-not-applicable'; program: string }
  /** Listing in the Experts Zen directory needs every requirement met (codes of the unmet ones). */
  | { code: 'zen-not-eligible'; partnerName: string; unmet: string[] }
  | { code: 'zen-domains-missing' }
  | { code: 'zen-domain-unknown'; value: string }
  | { code: 'zen-departements-missing' }
  | { code: 'zen-departement-invalid'; value: string }
  | { code: 'zen-hours-invalid'; value: string }
  | { code: 'zen-not-listed'; partnerName: string };

export type WriteIssueCode = WriteIssue['code'];

/** The input a problem is about, for putting it next to the right field of a modal. */
export type WriteField =
  | 'partner'
  | 'month'
  | 'category'
  | 'amount'
  | 'training'
  | 'item'
  | 'contact'
  | 'date'
  | 'tier'
  | 'reason'
  | 'quarter'
  | 'note'
  | 'benefit'
  | 'reference'
  | 'rate';

export function issueField(issue: WriteIssue): WriteField | undefined {
  switch (issue.code) {
    case 'partner-unknown':
      return 'partner';
    case 'month-missing':
    case 'month-invalid':
    case 'month-future':
      return 'month';
    case 'category-unknown':
      return 'category';
    case 'amount-missing':
    case 'amount-invalid':
    case 'amount-negative':
    case 'amount-too-large':
      return 'amount';
    case 'training-missing':
    case 'training-unknown':
    case 'training-not-applicable':
    case 'training-not-own':
      return 'training';
    case 'item-missing':
    case 'item-unknown':
    case 'item-is-training':
    case 'item-computed':
    case 'item-not-applicable':
      return 'item';
    case 'contact-missing':
    case 'contact-unknown':
    case 'contact-ambiguous':
    case 'contact-other-partner':
    case 'own-training-only':
      return 'contact';
    case 'date-invalid':
    case 'date-future':
    case 'left-before-joined':
      return 'date';
    case 'tier-missing':
    case 'tier-unknown':
    case 'tier-unchanged':
      return 'tier';
    case 'reason-missing':
    case 'reason-too-long':
      return 'reason';
    case 'quarter-missing':
    case 'quarter-invalid':
    case 'quarter-ended':
      return 'quarter';
    case 'note-missing':
    case 'note-too-long':
      return 'note';
    case 'benefit-missing':
    case 'benefit-unknown':
    case 'benefit-not-held':
    case 'benefit-expired':
    case 'benefit-used':
      return 'benefit';
    case 'reference-missing':
    case 'reference-too-long':
      return 'reference';
    case 'rate-invalid':
    case 'rate-out-of-range':
    case 'rate-not-applicable':
      return 'rate';
    case 'not-operator':
    case 'fees-missing':
    case 'zen-not-eligible':
    case 'zen-not-listed':
    case 'zen-domains-missing':
    case 'zen-domain-unknown':
    case 'zen-departements-missing':
    case 'zen-departement-invalid':
    case 'zen-hours-invalid':
      return undefined;
    case 'not-allowed':
    case 'declaration-gone':
    case 'left-unchanged':
    case 'not-left':
    case 'own-partner-only':
      return undefined;
  }
}

export type WriteResult<T> = { ok: true; value: T } | { ok: false; issues: WriteIssue[] };

export const refused = <T>(...issues: WriteIssue[]): WriteResult<T> => ({ ok: false, issues });
export const succeeded = <T>(value: T): WriteResult<T> => ({ ok: true, value });

/** The day something was done: today when left out, never in the future. */
export function checkCompletedOn(
  text: string | undefined,
  today: IsoDate,
): { date?: IsoDate; issue?: WriteIssue } {
  const raw = (text ?? '').trim();
  if (raw === '') return { date: today };
  if (!isIsoDate(raw)) return { issue: { code: 'date-invalid', value: raw } };
  if (raw > today) return { issue: { code: 'date-future', value: raw } };
  return { date: raw };
}
