import { describe, expect, it } from 'vitest';
import { checkIdCard, idCardCheckCharacter } from '../../../lib/validators/id-card';

const NOW = new Date(2025, 5, 1); // 2025-06-01

describe('checkIdCard', () => {
  // Both are the worked examples printed in GB 11643-1999 itself.
  it('accepts the standard example 11010519491231002X (北京市朝阳区, female)', () => {
    expect(checkIdCard('11010519491231002X', { now: NOW })).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      legacy: false,
      info: { birthDate: '1949-12-31', gender: 'female', regionCode: '110105', province: '北京' },
    });
  });

  it('accepts the standard example 440524188001010014 (广东省汕头市, male, born 1880)', () => {
    const result = checkIdCard('440524188001010014', { now: NOW });
    expect(result).toMatchObject({
      valid: true,
      info: { birthDate: '1880-01-01', gender: 'male', province: '广东' },
    });
  });

  it('accepts a lower-case x, full-width digits and grouped spaces', () => {
    expect(checkIdCard('11010519491231002x', { now: NOW })).toMatchObject({
      valid: true,
      normalized: '11010519491231002X',
    });
    expect(checkIdCard('110105 19491231 002X', { now: NOW })).toMatchObject({ valid: true });
    expect(checkIdCard('１１０１０５１９４９１２３１００２Ｘ', { now: NOW })).toMatchObject({
      valid: true,
    });
  });

  it('reports the expected check character', () => {
    expect(checkIdCard('110105194912310021', { now: NOW })).toEqual({
      valid: false,
      reason: 'check-digit',
      expected: 'X',
      message: '校验位应为 X，实际为 1，请核对是否有数字录入错误',
    });
  });

  it('rejects a wrong length and bad characters', () => {
    expect(checkIdCard('11010519491231002', { now: NOW })).toMatchObject({
      reason: 'length',
      message: '身份证号码应为 18 位，当前为 17 位',
    });
    expect(checkIdCard('', { now: NOW })).toMatchObject({
      reason: 'length',
      message: '请输入身份证号码',
    });
    expect(checkIdCard('1101051949123100X2', { now: NOW })).toMatchObject({ reason: 'charset' });
  });

  it('rejects an impossible or future birth date', () => {
    const withCheck = (first17: string) => first17 + (idCardCheckCharacter(first17) ?? '');
    expect(checkIdCard(withCheck('11010520230229001'), { now: NOW })).toMatchObject({
      reason: 'birth-date',
      message: '出生日期 2023-02-29 不是有效日期',
    });
    expect(checkIdCard(withCheck('11010520240229001'), { now: NOW })).toMatchObject({
      valid: true,
    });
    expect(checkIdCard(withCheck('11010520250602001'), { now: NOW })).toMatchObject({
      reason: 'birth-date',
      message: '出生日期 2025-06-02 晚于今天，请核对',
    });
    expect(checkIdCard(withCheck('11010520251301001'), { now: NOW })).toMatchObject({
      reason: 'birth-date',
    });
  });

  it('rejects an implausible province code', () => {
    const first17 = '91010519491231002';
    const result = checkIdCard(first17 + idCardCheckCharacter(first17), { now: NOW });
    expect(result).toMatchObject({ valid: false, reason: 'region' });
    expect(!result.valid && result.message).toContain('“91”');
  });

  it('accepts a 15-digit legacy number with a note and its 18-digit form', () => {
    // The 15-digit form of the standard's example 440524188001010014 cannot exist (born 1880), so
    // use the classic one: 110105491231002 ↔ 11010519491231002X.
    const result = checkIdCard('110105491231002', { now: NOW });
    expect(result).toMatchObject({
      valid: true,
      legacy: true,
      normalized: '11010519491231002X',
      info: { birthDate: '1949-12-31', gender: 'female' },
    });
    expect(result.valid && result.note).toContain('15 位旧版身份证号码');
  });

  it('checks the birth date of legacy numbers too', () => {
    expect(checkIdCard('110105491331002', { now: NOW })).toMatchObject({ reason: 'birth-date' });
  });
});
