import type { IsoDate } from './dates.js';

/**
 * A partner that left the program (partners.left_on) is, from that day, not reminded, not in the manager's
 * digest, not in portfolio lists and counts; its history and data are kept (PROGRAM.md §4, the leavers).
 * A departure dated in the future takes effect on its day.
 */
export function hasLeft(partner: { leftOn: IsoDate | null }, today: IsoDate): boolean {
  return partner.leftOn !== null && partner.leftOn <= today;
}

/** The partners still in the program today. */
export function inProgram<T extends { leftOn: IsoDate | null }>(partners: T[], today: IsoDate): T[] {
  return partners.filter((p) => !hasLeft(p, today));
}
