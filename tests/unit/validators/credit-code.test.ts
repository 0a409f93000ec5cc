import { describe, expect, it } from 'vitest';
import {
  checkCreditCode,
  creditCodeCheckCharacter,
  organizationCodeCheckCharacter,
} from '../../../lib/validators/credit-code';

// Codes printed on real, publicly displayed business licences (company registration records).
const PUBLISHED_CODES = [
  '91350100M000100Y43', // the worked example used in GB 32100-2015 explanations
  '91110000710925462X', // 中国石油天然气股份有限公司
  '91330100799655058B', // 阿里巴巴（中国）有限公司
  '9144030071526726XG', // 腾讯科技（深圳）有限公司
  '914403001922038216', // 华为技术有限公司
  '91110000802100433B', // 百度在线网络技术（北京）有限公司
];

describe('checkCreditCode', () => {
  it.each(PUBLISHED_CODES)('accepts the published code %s', (code) => {
    const result = checkCreditCode(code);
    expect(result).toMatchObject({ valid: true, normalized: code, warnings: [] });
  });

  it('decodes the parts of a valid code', () => {
    const result = checkCreditCode('91350100M000100Y43');
    expect(result.valid && result.parts).toEqual({
      registrationAuthority: '工商',
      category: '企业',
      regionCode: '350100',
      organizationCode: 'M000100Y4',
    });
  });

  it('normalises spaces, lower case and full-width characters', () => {
    expect(checkCreditCode('  91350100m000100y43 ')).toMatchObject({
      valid: true,
      normalized: '91350100M000100Y43',
    });
    expect(checkCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toMatchObject({
      valid: true,
      normalized: '91350100M000100Y43',
    });
  });

  it('reports the expected check character when the last one is wrong', () => {
    const result = checkCreditCode('91350100M000100Y44');
    expect(result).toEqual({
      valid: false,
      reason: 'check-character',
      position: 18,
      expected: '3',
      message: '校验位应为 3，实际为 4，请核对是否有字符录入错误',
    });
  });

  it('catches a single mistyped character through the check character', () => {
    // One digit of the region code changed: 350100 → 350200.
    expect(checkCreditCode('91350200M000100Y43')).toMatchObject({
      valid: false,
      reason: 'check-character',
    });
  });

  it('rejects wrong lengths with the actual length in the message', () => {
    expect(checkCreditCode('91350100M000100Y4')).toEqual({
      valid: false,
      reason: 'length',
      message: '统一社会信用代码应为 18 位，当前为 17 位',
    });
    expect(checkCreditCode('91350100M000100Y433')).toMatchObject({ reason: 'length' });
    expect(checkCreditCode('   ')).toEqual({
      valid: false,
      reason: 'length',
      message: '请输入统一社会信用代码',
    });
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the excluded letter %s', (letter) => {
    const result = checkCreditCode(`91350100M000100${letter}43`);
    expect(result).toMatchObject({ valid: false, reason: 'charset', position: 16 });
    expect(!result.valid && result.message).toContain('不使用字母 I、O、Z、S、V');
  });

  it('rejects punctuation and Chinese characters', () => {
    expect(checkCreditCode('91350100-000100Y43')).toMatchObject({ reason: 'charset', position: 9 });
    expect(checkCreditCode('91350100码000100Y43')).toMatchObject({ reason: 'charset' });
  });

  it('rejects an unknown registration authority in position 1', () => {
    const first17 = 'B1350100M000100Y4';
    const code = first17 + creditCodeCheckCharacter(first17);
    const result = checkCreditCode(code);
    expect(result).toMatchObject({ valid: false, reason: 'charset', position: 1 });
    expect(!result.valid && result.message).toContain('登记管理部门代码“B”无效');
  });

  it('rejects a category that the registration authority does not have', () => {
    // 工商 (9) has only 1 企业, 2 个体工商户, 3 农民专业合作社.
    const first17 = '94350100M000100Y4';
    const result = checkCreditCode(first17 + creditCodeCheckCharacter(first17));
    expect(result).toMatchObject({ valid: false, reason: 'charset', position: 2 });
    expect(!result.valid && result.message).toBe(
      '第 2 位机构类别代码“4”与登记管理部门“工商”不符，应为 1、2、3 之一',
    );
  });

  it('accepts the categories of other authorities (民政 社会团体, 机构编制 事业单位)', () => {
    for (const prefix of ['51', '12', 'N2', 'Y1']) {
      const first17 = `${prefix}350100M000100Y4`;
      expect(checkCreditCode(first17 + creditCodeCheckCharacter(first17))).toMatchObject({
        valid: true,
      });
    }
  });

  it('rejects letters in the region code (positions 3–8)', () => {
    const first17 = '913501A0M000100Y4';
    const result = checkCreditCode(first17 + creditCodeCheckCharacter(first17));
    expect(result).toMatchObject({ valid: false, reason: 'charset', position: 7 });
  });

  it('only warns when the embedded organisation code fails its GB 11714 check', () => {
    // Organisation code M000100Y4 with its check changed to 5; the outer check is recomputed so
    // the code is exactly like an issued one whose inner check is wrong.
    const first17 = '91350100M000100Y5';
    const code = first17 + creditCodeCheckCharacter(first17);
    const result = checkCreditCode(code);
    expect(result.valid).toBe(true);
    expect(result.valid && result.warnings).toEqual([
      expect.objectContaining({ code: 'org-code-check', expected: '4' }),
    ]);
  });
});

describe('check character helpers', () => {
  it('computes the GB 32100 check character, mapping 31 to 0', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckCharacter('91110000710925462')).toBe('X');
    // Sum 0 → 31 - 0 = 31 → "0".
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
    expect(creditCodeCheckCharacter('short')).toBeUndefined();
  });

  it('computes the GB 11714 check character with 10 → X and 11 → 0', () => {
    expect(organizationCodeCheckCharacter('M000100Y')).toBe('4');
    expect(organizationCodeCheckCharacter('71526726')).toBe('X');
    expect(organizationCodeCheckCharacter('00000000')).toBe('0');
    expect(organizationCodeCheckCharacter('abc')).toBeUndefined();
  });
});
