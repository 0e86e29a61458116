import { describe, expect, it } from 'vitest';
import { operatorFeesMessages } from '../../src/i18n/operator-fees.js';
import { checkRetrocession, fixedRetrocession, parseRate } from '../../src/program/operator-fees.js';
import { catalog } from './support.js';

describe('operator fees', () => {
  it('shows English users the English program labels and number format, which the parser reads', () => {
    const usage = operatorFeesMessages.en.usage;
    expect(usage).toContain('`rate 3.5%`');
    expect(parseRate('3.5%')).toBe(350);
    for (const code of ['eshop', 'eshop_managed'])
      expect(usage).toContain(`${catalog.operatorPrograms.find((p) => p.code === code)!.label.en}: 2%`);
    expect(usage).not.toMatch(/managé|\d,\d|\d %/);
    expect(operatorFeesMessages.en.issues.rateInvalid('`x`')).toBe('`x` is not a percentage (e.g. 3.5%).');
  });

  it('reads a rate as French or English write it', () => {
    expect(parseRate('3')).toBe(300);
    expect(parseRate('3,5 %')).toBe(350);
    expect(parseRate('2.25%')).toBe(225);
    expect(parseRate('deux')).toBeUndefined();
    expect(parseRate('3,555')).toBeUndefined();
  });
  it('an E-shop managé operator agrees 2 % to 4 %: 3,5 % is fine, 4,5 % and 1 % are not', () => {
    expect(checkRetrocession(catalog, 'eshop_managed', 350)).toEqual({ ok: true });
    expect(checkRetrocession(catalog, 'eshop_managed', 450)).toEqual({
      ok: false,
      reason: 'out-of-range',
      minBasisPoints: 200,
      maxBasisPoints: 400,
    });
    expect(checkRetrocession(catalog, 'eshop_managed', 100).ok).toBe(false);
  });
  it('an E-shop operator retrocedes 2 %, and a standard operator nothing', () => {
    expect(fixedRetrocession(catalog, 'eshop')).toBe(200);
    expect(checkRetrocession(catalog, 'eshop', 300).ok).toBe(false);
    expect(checkRetrocession(catalog, 'standard', 200)).toEqual({ ok: false, reason: 'not-applicable' });
  });
});
