import { describe, expect, it } from 'vitest';
import { checkIdCard } from '../../../../lib/validators/id-card';
import { checkIdNumber, normalizeIdNumber } from './identity';
import { validateLicenceFields } from './validate';

const now = new Date('2026-11-20T09:30:00+08:00');

/**
 * [input, accepted?] — the sim's form and the extension's field guard must give the same verdict
 * (and the same message) on every one of them. GB 11643-1999's own example is 11010519491231002X.
 */
const CASES: [string, boolean][] = [
  ['11010519491231002X', true],
  ['11010519491231002x', true], // lower-case x
  ['１１０１０５１９４９１２３１００２Ｘ', true], // full-width, as some IMEs type it
  ['110105 19491231 002X', true], // written in 6-8-4 groups
  ['110105491231002', true], // 15-digit legacy number
  ['１１０１０５４９１２３１００２', true], // legacy, full-width
  ['110105194912310021', false], // wrong check character
  ['110105194902300021', false], // 30 February
  ['110105194913010021', false], // month 13
  ['110105490230002', false], // legacy with 30 February
  ['110105203001010025', false], // born in 2030: after today
  ['990105194912310021', false], // no province 99
  ['11010519491231002', false], // 17 characters
  ['11010519491231002A', false], // letter other than X
  ['', false],
];

describe('the sim checks ID numbers exactly like the extension’s field guard', () => {
  it.each(CASES)('%s → accepted: %s', (input, accepted) => {
    const sim = checkIdNumber(input, { now });
    const guard = checkIdCard(input, { now });
    expect(sim.valid).toBe(accepted);
    expect(guard.valid).toBe(accepted);
    if (!sim.valid && !guard.valid) expect(sim.message).toBe(guard.message);
    if (sim.valid && guard.valid) expect(sim.normalized).toBe(guard.normalized);
  });

  it('stores a valid number in its 18-digit form; the licence form accepts what the hint accepts', () => {
    expect(normalizeIdNumber('110105491231002')).toBe('11010519491231002X');
    expect(normalizeIdNumber(' １１０１０５１９４９１２３１００２ｘ ')).toBe('11010519491231002X');
    const fields = {
      companyName: '城关恒信商贸有限公司',
      legalPerson: '王建国',
      creditCode: '91350100M000100Y43',
      phone: '13812345678',
      scope: '日用百货零售',
      region: '城关区',
    };
    expect(validateLicenceFields({ ...fields, idNumber: '110105491231002' }).idNumber).toBe(
      undefined,
    );
    expect(validateLicenceFields({ ...fields, idNumber: '110105194902300021' }).idNumber).toBe(
      '出生日期 1949-02-30 不是有效日期',
    );
  });
});
