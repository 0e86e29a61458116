import { describe, expect, it } from 'vitest';
import { findExperts, matchDomains, parseDepartement } from '../../src/program/zen-directory.js';
import { catalog } from './support.js';

describe('Experts Zen domains, matched loosely', () => {
  it('« 3cx », « oxo », « fortinet », « trunk sip » name the deck’s domains', () => {
    expect(matchDomains(catalog, '3cx')).toEqual(['3CX']);
    expect(matchDomains(catalog, 'oxo')).toEqual(['Alcatel OXO/OXE']);
    expect(matchDomains(catalog, 'FortiNet')).toEqual(['Fortinet']);
    expect(matchDomains(catalog, 'trunk sip')).toEqual(['Trunk SIP']);
    expect(matchDomains(catalog, 'pfsense')).toEqual(['pfSense']);
  });
  it('Cisco is one domain, an IPBX and a network brand alike; nonsense names none', () => {
    expect(matchDomains(catalog, 'cisco')).toEqual(['Cisco']);
    expect(matchDomains(catalog, 'zz')).toEqual([]);
    expect(matchDomains(catalog, 'teams')).toEqual([]);
  });
});

describe('French départements', () => {
  it('reads 1 as 01, 2a as 2A, and knows overseas ones', () => {
    expect(parseDepartement('1')).toBe('01');
    expect(parseDepartement('2a')).toBe('2A');
    expect(parseDepartement('974')).toBe('974');
    for (const bad of ['20', '96', '00', '975', 'Lyon']) expect(parseDepartement(bad)).toBeUndefined();
  });
});

describe('finding experts', () => {
  const listing = (partnerName: string, departements: string[], hours: number) => ({
    partnerId: partnerName.toLowerCase(),
    partnerName,
    domains: ['3CX'],
    departements,
    interventionHours: hours,
    listedSince: '2026-01-01',
  });
  it('gives the listed experts of a domain in a département, the fastest guaranteed time first', () => {
    const all = [
      listing('Lyon Net', ['69', '01'], 8),
      listing('Alpes VoIP', ['69'], 4),
      listing('Paris IP', ['75'], 2),
    ];
    expect(findExperts(all, ['3CX'], '69').map((l) => l.partnerName)).toEqual(['Alpes VoIP', 'Lyon Net']);
    expect(findExperts(all, ['3CX']).map((l) => l.partnerName)).toEqual([
      'Paris IP',
      'Alpes VoIP',
      'Lyon Net',
    ]);
    expect(findExperts(all, ['Fortinet'], '69')).toEqual([]);
  });
});

describe('certifications that lapse', () => {
  it('a QCM passed 25 months ago has lapsed (24 months in the catalog); one passed 23 months ago holds', async () => {
    const { zenEligibility } = await import('../../src/program/zen.js');
    const done = (qcmOn: string) =>
      catalog.expertsZen.requirements
        .filter((r) => !r.computed)
        .map((r) => ({ item: r.code, completedOn: r.code === 'zen-qcm' ? qcmOn : '2026-01-01' }));
    expect(catalog.expertsZen.requirements.find((r) => r.code === 'zen-qcm')?.validForMonths).toBe(24);
    const lapsed = zenEligibility(catalog, { tier: 'business', checklist: done('2024-02-10') }, '2026-03-20');
    expect(lapsed.unmet.map((r) => r.code)).toEqual(['zen-qcm']);
    expect(
      zenEligibility(catalog, { tier: 'business', checklist: done('2024-04-10') }, '2026-03-20').eligible,
    ).toBe(true);
  });
});
