import { describe, expect, it } from 'vitest';
import { runValidator, VALIDATOR_IDS, VALIDATOR_LABELS, VALIDATORS } from '../../../lib/validators';

describe('validator registry', () => {
  it('registers exactly the documented ids, each with a label', () => {
    expect(Object.keys(VALIDATORS).sort()).toEqual([...VALIDATOR_IDS].sort());
    for (const id of VALIDATOR_IDS) expect(VALIDATOR_LABELS[id]).toMatch(/\p{Script=Han}/u);
  });

  it('gives one outcome shape for valid and invalid input', () => {
    expect(runValidator('creditCode', '91350100m000100y43')).toEqual({
      ok: true,
      messages: [],
      warnings: [],
      normalized: '91350100M000100Y43',
    });
    expect(runValidator('creditCode', '91350100M000100Y44')).toEqual({
      ok: false,
      messages: ['校验位应为 3，实际为 4，请核对是否有字符录入错误'],
      warnings: [],
    });
    expect(runValidator('idCard', '110105491231002')).toMatchObject({
      ok: true,
      warnings: [expect.stringContaining('15 位旧版')],
    });
    expect(runValidator('mobile', '+86 138 0013 8000')).toMatchObject({
      ok: true,
      normalized: '13800138000',
    });
    expect(runValidator('phone', '0591-87654321')).toMatchObject({ ok: true });
    expect(runValidator('landline', '13800138000')).toMatchObject({ ok: false });
    expect(runValidator('password', 'abc')?.messages).toHaveLength(3);
  });

  it('returns undefined for an unknown id, including inherited property names', () => {
    expect(runValidator('nope', 'x')).toBeUndefined();
    expect(runValidator('toString', 'x')).toBeUndefined();
  });
});
