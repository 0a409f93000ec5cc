import { describe, expect, it } from 'vitest';
import { checkLandline, checkMobile, checkPhone } from '../../../lib/validators/phone';

describe('checkMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['199 1234 5678', '19912345678'],
    ['（+86）166.1234.5678', '16612345678'],
    ['１３８００１３８０００', '13800138000'],
  ])('accepts %s', (input, normalized) => {
    expect(checkMobile(input)).toEqual({ valid: true, kind: 'mobile', normalized });
  });

  it('rejects numbers with the wrong length, prefix or characters', () => {
    expect(checkMobile('1380013800')).toEqual({
      valid: false,
      reason: 'length',
      message: '手机号码应为 11 位，当前为 10 位',
    });
    expect(checkMobile('12800138000')).toMatchObject({ reason: 'prefix' });
    expect(checkMobile('10800138000')).toMatchObject({ reason: 'prefix' });
    expect(checkMobile('138abc38000')).toMatchObject({ reason: 'charset' });
    expect(checkMobile('  ')).toMatchObject({ reason: 'empty', message: '请输入手机号码' });
  });
});

describe('checkLandline', () => {
  it.each([
    ['010-65123456', '010-65123456'],
    ['(021)63216789', '021-63216789'],
    ['0591-87654321', '0591-87654321'],
    ['0591 8765432', '0591-8765432'],
    ['05918765432', '0591-8765432'],
    ['021-63216789-123', '021-63216789-123'],
    ['0591-87654321转8001', '0591-87654321-8001'],
    ['+86 591 8765 4321', '0591-87654321'],
  ])('accepts %s', (input, normalized) => {
    expect(checkLandline(input)).toEqual({ valid: true, kind: 'landline', normalized });
  });

  it('rejects numbers without an area code or with the wrong subscriber length', () => {
    expect(checkLandline('87654321')).toMatchObject({ reason: 'prefix' });
    expect(checkLandline('010-6512345')).toMatchObject({
      reason: 'length',
      message: '区号 010 后的号码应为 8 位，当前为 7 位',
    });
    expect(checkLandline('0591-123456')).toMatchObject({ reason: 'length' });
    expect(checkLandline('010-02345678')).toMatchObject({ reason: 'prefix' });
  });
});

describe('checkPhone', () => {
  it('accepts only mobiles by default', () => {
    expect(checkPhone('13800138000')).toMatchObject({ valid: true, kind: 'mobile' });
    expect(checkPhone('010-65123456')).toMatchObject({ valid: false });
  });

  it('accepts landlines when allowed and explains the landline problem for 0-prefixed input', () => {
    expect(checkPhone('010-65123456', { allowLandline: true })).toMatchObject({
      valid: true,
      kind: 'landline',
    });
    expect(checkPhone('010-6512345', { allowLandline: true })).toMatchObject({
      message: '区号 010 后的号码应为 8 位，当前为 7 位',
    });
    expect(checkPhone('1380013800', { allowLandline: true })).toMatchObject({
      message: '手机号码应为 11 位，当前为 10 位',
    });
  });
});
