import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/program/catalog.schema.js';
import {
  certifications,
  isRenewal,
  lapsingRequirements,
  renewalsToRemind,
} from '../../src/program/certifications.js';
import { zenEligibility } from '../../src/program/zen.js';
import { catalog } from './support.js';

const qcm = (completedOn: string) => [{ item: 'zen-qcm', completedOn }];
const never = () => false;

describe('Experts Zen certifications that lapse (catalog validForMonths, renewalReminderDays)', () => {
  it('the QCM and the certification training lapse after 24 months; they fall due again 30 days before', () => {
    expect(lapsingRequirements(catalog).map((r) => [r.code, r.validForMonths])).toEqual([
      ['zen-certification-training', 24],
      ['zen-qcm', 24],
    ]);
    expect(catalog.expertsZen.renewalReminderDays).toBe(30);
  });

  it('a QCM passed on 2024-12-15 lapses on 2026-12-15; its contact is reminded on 2026-11-15', () => {
    const [c] = certifications(catalog, qcm('2024-12-15'), '2026-11-15');
    expect(c).toMatchObject({ doneOn: '2024-12-15', lapsesOn: '2026-12-15', dueAgainOn: '2026-11-15' });
    expect(c!.status).toBe('due-again');
    expect(renewalsToRemind(catalog, qcm('2024-12-15'), '2026-11-15', never)).toHaveLength(1);
    expect(renewalsToRemind(catalog, qcm('2024-12-15'), '2026-11-14', never)).toEqual([]);
  });

  it('is reminded once per lapse: not again once the reminder of that lapse is on record', () => {
    const reminded = (code: string, lapsesOn: string) => code === 'zen-qcm' && lapsesOn === '2026-12-15';
    expect(renewalsToRemind(catalog, qcm('2024-12-15'), '2026-11-16', reminded)).toEqual([]);
  });

  it('a reminder day on a weekend (or while the job was down) is caught up on the next run before the lapse', () => {
    // 15 November 2026 is a Sunday: Monday 16 still reminds it.
    expect(renewalsToRemind(catalog, qcm('2024-12-15'), '2026-11-16', never)).toHaveLength(1);
    // On the day it lapses there is nothing to renew before the end: the listing is suspended instead.
    expect(renewalsToRemind(catalog, qcm('2024-12-15'), '2026-12-15', never)).toEqual([]);
  });

  it('on 2026-12-15 the QCM has lapsed: the requirement is unmet again, the partner no longer eligible', () => {
    const all = catalog.expertsZen.requirements
      .filter((r) => !r.computed)
      .map((r) => ({ item: r.code, completedOn: r.code === 'zen-qcm' ? '2024-12-15' : '2025-06-01' }));
    expect(
      certifications(catalog, all, '2026-12-15').find((c) => c.requirement.code === 'zen-qcm')!.status,
    ).toBe('lapsed');
    expect(zenEligibility(catalog, { tier: 'business', checklist: all }, '2026-12-14').eligible).toBe(true);
    expect(
      zenEligibility(catalog, { tier: 'business', checklist: all }, '2026-12-15').unmet.map((r) => r.code),
    ).toEqual(['zen-qcm']);
  });

  it('a QCM renewed on 2026-11-20 counts from then: it lapses on 2028-11-20, falls due again on 2028-10-21', () => {
    const renewed = [...qcm('2024-12-15'), ...qcm('2026-11-20')];
    expect(isRenewal(catalog, 'zen-qcm', ['2024-12-15'], '2026-11-20')).toBe(true);
    const [c] = certifications(catalog, renewed, '2026-12-20');
    expect(c).toMatchObject({ doneOn: '2026-11-20', lapsesOn: '2028-11-20', status: 'valid' });
    expect(c!.dueAgainOn).toBe('2028-10-21');
  });

  it('a QCM recorded again before it falls due is not a renewal; a requirement that never lapses neither', () => {
    expect(isRenewal(catalog, 'zen-qcm', ['2024-12-15'], '2026-11-14')).toBe(false);
    expect(isRenewal(catalog, 'zen-charter', ['2024-12-15'], '2030-01-01')).toBe(false);
    expect(isRenewal(catalog, 'zen-qcm', [], '2026-01-01')).toBe(true);
  });

  it('with renewalReminderDays 60 in the catalog, the QCM falls due again on 2026-10-16', () => {
    const early: Catalog = { ...catalog, expertsZen: { ...catalog.expertsZen, renewalReminderDays: 60 } };
    expect(certifications(early, qcm('2024-12-15'), '2026-10-16')[0]!.status).toBe('due-again');
  });

  it('a certification not done yet, or done after today, is not listed', () => {
    expect(certifications(catalog, [], '2026-01-01')).toEqual([]);
    expect(certifications(catalog, qcm('2026-02-01'), '2026-01-01')).toEqual([]);
  });
});
