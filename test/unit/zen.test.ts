import { describe, expect, it } from 'vitest';
import { zenEligibility } from '../../src/program/zen.js';
import { catalog } from './support.js';

/** PROGRAM.md section 7. */
const SECTION_7: [string, string][] = [
  ['zen-tier', 'Être partenaire Premium ou Business Dstny'],
  ['zen-offers-certification', 'Se certifier sur les offres Dstny'],
  ['zen-skills-proof', 'Justifier des compétences déclarées (certifications, diplômes, etc.)'],
  [
    'zen-mandate-commitment',
    'Intervenir sur toutes les prestations pour lesquelles il est mandaté par Dstny',
  ],
  ['zen-price-grid', 'Valider les grilles tarifaires des prestations d’installation Zen'],
  ['zen-zone', 'Définir une Zone géographique d’intervention avec garantie de temps d’intervention'],
  ['zen-charter', 'Valider la charte des Experts Zen'],
  ['zen-certification-training', 'Participer aux formations de certification'],
  ['zen-qcm', 'Réussir les QCM de certification'],
];
const DECLARED = SECTION_7.map(([code]) => code).filter((code) => code !== 'zen-tier');
const checklist = (codes: string[]) => codes.map((item) => ({ item, completedOn: '2026-03-01' }));
const unmetCodes = (tier: string, done: string[]) =>
  zenEligibility(catalog, { tier, checklist: checklist(done) }).unmet.map((r) => r.code);

describe('Experts Zen listing', () => {
  it.each(SECTION_7)('requires %s: "%s"', (code, fr) => {
    expect(catalog.expertsZen.requirements.find((r) => r.code === code)?.label.fr).toBe(fr);
  });

  it.each(['business', 'premium'])('a partner at %s meeting every requirement is eligible', (tier) => {
    const result = zenEligibility(catalog, { tier, checklist: checklist(DECLARED) });
    expect(result.eligible).toBe(true);
    expect(result.unmet).toEqual([]);
    expect(result.met).toHaveLength(SECTION_7.length);
  });

  it.each(['starter', 'access'])('a partner at %s is not eligible, whatever else it did', (tier) => {
    expect(unmetCodes(tier, DECLARED)).toEqual(['zen-tier']);
  });

  it.each(DECLARED)('a Business partner missing only %s is told exactly that', (missing) => {
    const result = zenEligibility(catalog, {
      tier: 'business',
      checklist: checklist(DECLARED.filter((c) => c !== missing)),
    });
    expect(result.eligible).toBe(false);
    expect(result.unmet.map((r) => r.code)).toEqual([missing]);
  });

  it('a Starter partner with nothing done is told every requirement', () => {
    expect(unmetCodes('starter', [])).toEqual(SECTION_7.map(([code]) => code));
  });

  it('the tier requirement is computed: a checklist entry for it does not count', () => {
    expect(unmetCodes('access', ['zen-tier', ...DECLARED])).toEqual(['zen-tier']);
  });
});
