import type { Catalog } from './catalog.schema.js';
import { searchKey } from './text.js';

/**
 * The Experts Zen directory (issue 14): listed partners with their expertise domains (the catalog's
 * expertsZen.domains items), the French départements they cover and their guaranteed intervention time.
 */

const compact = (s: string) => searchKey(s).replace(/[^a-z0-9]/g, '');

/** Every expertise domain of the catalog, once each (Cisco is both an IPBX and a network brand). */
export function zenDomains(catalog: Catalog): string[] {
  return [...new Set(catalog.expertsZen.domains.flatMap((d) => d.items))];
}

/**
 * The domains a typed word names, loosely: case, accents, spaces and punctuation aside, a whole name or a
 * part of one of at least 3 characters (« 3cx », « oxo » for Alcatel OXO/OXE, « trunk » for Trunk SIP).
 */
export function matchDomains(catalog: Catalog, text: string): string[] {
  const key = compact(text);
  if (key.length < 2) return [];
  const domains = zenDomains(catalog);
  const exact = domains.filter((d) => compact(d) === key);
  if (exact.length) return exact;
  return key.length >= 3 ? domains.filter((d) => compact(d).includes(key)) : [];
}

/** Metropolitan départements 01–95 (2A and 2B for Corsica, no 20) and the overseas 971–974, 976. */
export function isDepartement(code: string): boolean {
  if (/^2[AB]$/.test(code)) return true;
  if (/^97[1-46]$/.test(code)) return true;
  if (!/^\d{2}$/.test(code)) return false;
  const n = Number(code);
  return n >= 1 && n <= 95 && n !== 20;
}

/** A département as typed ("1", "01", "2a") in its canonical form, or undefined. */
export function parseDepartement(text: string): string | undefined {
  const raw = text.trim().toUpperCase();
  const code = /^\d$/.test(raw) ? `0${raw}` : raw;
  return isDepartement(code) ? code : undefined;
}

export interface ZenListing {
  partnerId: string;
  partnerName: string;
  domains: string[];
  departements: string[];
  interventionHours: number;
  listedSince: string;
}

/** The listed experts for a domain (and a département when given), fastest guaranteed time first. */
export function findExperts<T extends ZenListing>(
  listings: readonly T[],
  domains: readonly string[],
  departement?: string,
): T[] {
  return listings
    .filter((l) => l.domains.some((d) => domains.includes(d)))
    .filter((l) => departement === undefined || l.departements.includes(departement))
    .sort((a, b) => a.interventionHours - b.interventionHours || a.partnerName.localeCompare(b.partnerName));
}
