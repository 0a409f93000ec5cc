import { describe, expect, it } from 'vitest';
import { checkPassword, DEFAULT_PASSWORD_POLICY } from '../../../lib/validators/password';

const codes = (pw: string, policy?: Parameters<typeof checkPassword>[1]) =>
  checkPassword(pw, policy).problems.map((p) => p.code);

describe('checkPassword with the training plan policy (8–16, letters + digits + symbols)', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_PASSWORD_POLICY).toEqual({
      minLength: 8,
      maxLength: 16,
      requireLetter: true,
      requireDigit: true,
      requireSymbol: true,
    });
  });

  it.each(['Zhiyin@2024', 'a1!aaaaa', 'Gw#2024-Shenpi16'])('accepts %s', (pw) => {
    expect(checkPassword(pw)).toEqual({ ok: true, problems: [] });
  });

  it('accepts exactly 8 and exactly 16 characters', () => {
    expect(checkPassword('Ab1!Ab1!').ok).toBe(true);
    expect(checkPassword('Ab1!Ab1!Ab1!Ab1!').ok).toBe(true);
  });

  it('rejects 7 and 17 characters with the counts in the message', () => {
    expect(checkPassword('Ab1!Ab1').problems).toEqual([
      { code: 'too-short', message: '密码至少 8 位，当前为 7 位' },
    ]);
    expect(checkPassword('Ab1!Ab1!Ab1!Ab1!A').problems).toEqual([
      { code: 'too-long', message: '密码最多 16 位，当前为 17 位' },
    ]);
  });

  it('lists every missing class at once', () => {
    expect(codes('12345678')).toEqual(['missing-letter', 'missing-symbol']);
    expect(codes('password')).toEqual(['missing-digit', 'missing-symbol']);
    expect(codes('abc')).toEqual(['too-short', 'missing-digit', 'missing-symbol']);
  });

  it('treats an empty password as its own problem', () => {
    expect(checkPassword('')).toEqual({
      ok: false,
      problems: [{ code: 'empty', message: '请输入密码' }],
    });
  });

  it('rejects Chinese characters, spaces and full-width symbols without echoing them', () => {
    const result = checkPassword('Mima密码1！ab');
    expect(result.ok).toBe(false);
    // The full-width ！ is not an ASCII symbol, so the symbol rule is not met either.
    expect(result.problems.map((p) => p.code)).toEqual(['missing-symbol', 'invalid-character']);
    const message = result.problems[1]?.message ?? '';
    expect(message).toContain('汉字');
    expect(message).toContain('全角字符');
    expect(message).not.toContain('密码1');
    expect(codes('Ab1! Ab1!')).toEqual(['invalid-character']);
  });

  it('applies a partial policy over the defaults', () => {
    expect(checkPassword('abcdef12', { requireSymbol: false }).ok).toBe(true);
    expect(codes('Ab1!Ab1!Ab1!', { maxLength: 10 })).toEqual(['too-long']);
    expect(codes('Ab1!', { minLength: 4 })).toEqual([]);
  });
});
