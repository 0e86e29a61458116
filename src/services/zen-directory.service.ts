import type { Db } from '../db/client.js';
import { createRepositories } from '../db/repositories/index.js';
import type { PartnerRow } from '../db/repositories/partners.repository.js';
import type { ZenListingRow } from '../db/repositories/zen-listings.repository.js';
import type { Catalog } from '../program/catalog.schema.js';
import type { IsoDate } from '../program/dates.js';
import { zenEligibility } from '../program/zen.js';
import { findExperts, matchDomains, parseDepartement } from '../program/zen-directory.js';
import { refused, succeeded, type WriteResult } from './write-issues.js';
import { adminOnly, writeOnPartner } from './write-transaction.js';

export interface ListInput {
  by: string;
  partnerId: string;
  /** Domains as typed, separated by commas (« 3cx, fortinet »). */
  domains: string;
  /** Départements as typed, separated by commas or spaces (« 69, 01 38 »). */
  departements: string;
  /** The guaranteed intervention time, in hours, as typed. */
  hours: string;
  now: Date;
}

const split = (text: string) =>
  text
    .split(/[,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * An admin lists an eligible partner in the Experts Zen directory (every requirement met, Business or
 * Premium), with its domains, its zone and its guaranteed time; listing it again updates it. Audited.
 */
export function listInZen(
  db: Db,
  catalog: Catalog,
  input: ListInput,
  today: IsoDate,
): Promise<WriteResult<{ partner: PartnerRow; listing: Omit<ZenListingRow, 'updatedAt'> }>> {
  return writeOnPartner(db, input.by, input.partnerId, adminOnly, async (repos, { partner, issues }) => {
    if (!partner) return refused(...issues);
    // Eligibility needs the tier and the checklist only, not the partner's whole record.
    const checklist = await repos.checklist.ofPartner(partner.id);
    const eligibility = zenEligibility(catalog, { tier: partner.tier, checklist }, today);
    if (!eligibility.eligible)
      issues.push({
        code: 'zen-not-eligible',
        partnerName: partner.name,
        unmet: eligibility.unmet.map((r) => r.code),
      });
    const domains: string[] = [];
    const typedDomains = split(input.domains);
    if (typedDomains.length === 0) issues.push({ code: 'zen-domains-missing' });
    for (const typed of typedDomains) {
      const found = matchDomains(catalog, typed);
      if (found.length === 0) issues.push({ code: 'zen-domain-unknown', value: typed });
      for (const d of found) if (!domains.includes(d)) domains.push(d);
    }
    const departements: string[] = [];
    const typedDeps = input.departements.split(/[\s,;]+/).filter(Boolean);
    if (typedDeps.length === 0) issues.push({ code: 'zen-departements-missing' });
    for (const typed of typedDeps) {
      const dep = parseDepartement(typed);
      if (!dep) issues.push({ code: 'zen-departement-invalid', value: typed });
      else if (!departements.includes(dep)) departements.push(dep);
    }
    const hoursText = input.hours.trim().replace(/\s*h$/i, '');
    const hours = /^\d{1,3}$/.test(hoursText) ? Number(hoursText) : Number.NaN;
    if (!(hours >= 1 && hours <= 720)) issues.push({ code: 'zen-hours-invalid', value: input.hours.trim() });
    if (issues.length) return refused(...issues);
    const previous = await repos.zenListings.forPartner(partner.id);
    const listing = {
      partnerId: partner.id,
      listedSince: previous?.listedSince ?? today,
      domains,
      departements: departements.sort(),
      interventionHours: hours,
      suspendedOn: null,
      suspendedReason: null,
      listedBy: input.by,
    };
    await repos.zenListings.upsert(listing, input.now);
    await repos.audit.record({
      actor: input.by,
      action: 'zen.list',
      partnerId: partner.id,
      details: { domains, departements: listing.departements, interventionHours: hours },
    });
    return succeeded({ partner, listing });
  });
}

/** An admin takes a partner out of the directory. Audited. */
export function unlistFromZen(
  db: Db,
  input: { by: string; partnerId: string },
): Promise<WriteResult<{ partner: PartnerRow }>> {
  return writeOnPartner(db, input.by, input.partnerId, adminOnly, async (repos, { partner, issues }) => {
    if (!partner) return refused(...issues);
    if (!(await repos.zenListings.remove(partner.id)))
      return refused({ code: 'zen-not-listed', partnerName: partner.name });
    await repos.audit.record({ actor: input.by, action: 'zen.unlist', partnerId: partner.id, details: {} });
    return succeeded({ partner });
  });
}

/** A partner's listing as recorded (suspended or not), to fill in the listing form; none when unlisted. */
export function zenListingOf(db: Db, partnerId: string): Promise<ZenListingRow | undefined> {
  return createRepositories(db).zenListings.forPartner(partnerId);
}

export interface ExpertsFound {
  domains: string[];
  departement: string | undefined;
  /** The typed département, when it is not one. */
  badDepartement?: string;
  experts: (ZenListingRow & { partnerName: string })[];
}

/**
 * `/partner experts <domain> [département]`, for every user (the deck's Starter benefit "Accès Base
 * Experts Zen pour aide sur installation"): the listed, non-suspended partners for that domain and zone.
 */
export async function searchExperts(db: Db, catalog: Catalog, text: string): Promise<ExpertsFound> {
  const words = text.split(' ').filter(Boolean);
  const last = words.at(-1);
  const dep = words.length > 1 && last ? parseDepartement(last) : undefined;
  const looksLikeDep = words.length > 1 && last !== undefined && /^\d{1,3}$|^2[ab]$/i.test(last);
  const domainText = (dep || looksLikeDep ? words.slice(0, -1) : words).join(' ');
  const domains = matchDomains(catalog, domainText);
  if (looksLikeDep && !dep) return { domains, departement: undefined, badDepartement: last!, experts: [] };
  const listings = domains.length ? await createRepositories(db).zenListings.active() : [];
  return { domains, departement: dep, experts: findExperts(listings, domains, dep) };
}
