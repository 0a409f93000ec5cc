import { describe, expect, it } from 'vitest';
import {
  checkAttachment,
  checkCreditCode,
  checkIdCard,
  checkLandline,
  checkMobile,
  checkPassword,
  checkPhone,
  describeDeadline,
  runValidator,
  validatorLabel,
  validatorMessages,
} from '../../../lib/validators';

const HAN = /\p{Script=Han}/u;
const now = new Date('2026-05-01T08:00:00Z');

/** A message of the English catalogue has no Chinese, except names the standards give in Chinese. */
const noChinese = (text: string) => expect(text).not.toMatch(HAN);

describe('validator messages: Chinese by default, English on request', () => {
  it('the two catalogues have the same keys', () => {
    expect(Object.keys(validatorMessages('en')).sort()).toEqual(
      Object.keys(validatorMessages('zh_CN')).sort(),
    );
    // Unknown or absent language → Chinese (the UI's first language).
    expect(validatorMessages()).toBe(validatorMessages('zh_CN'));
    expect(validatorMessages('fr')).toBe(validatorMessages('zh_CN'));
  });

  it('password: every problem, in English, and still Chinese by default', () => {
    const zh = checkPassword('密码 abc');
    expect(zh.problems.map((p) => p.message)).toEqual([
      '密码至少 8 位，当前为 6 位',
      '密码须包含数字',
      '密码须包含符号（如 ! @ # $ % _ -）',
      '密码含有不允许的字符：汉字、空格（请使用半角英文字母、数字和符号）',
    ]);
    const en = checkPassword('密码 abc', undefined, { language: 'en' });
    expect(en.problems.map((p) => p.code)).toEqual(zh.problems.map((p) => p.code));
    expect(en.problems.map((p) => p.message)).toEqual([
      'The password needs at least 8 characters; it has 6',
      'The password must contain a digit',
      'The password must contain a symbol (such as ! @ # $ % _ -)',
      'The password contains characters that are not allowed: Chinese characters, spaces (use half-width letters, digits and symbols)',
    ]);
    expect(checkPassword('', undefined, { language: 'en' }).problems[0]?.message).toBe(
      'Enter a password',
    );
  });

  it('ID card: length, region, impossible date, check digit and the legacy note', () => {
    const en = (value: string) => {
      const r = checkIdCard(value, { now, language: 'en' });
      return r.valid ? r.note : r.message;
    };
    expect(en('1101051949100')).toBe('An ID card number has 18 characters; this one has 13');
    expect(en('990105194910010021')).toBe(
      'The first two digits "99" are not a valid province code',
    );
    expect(en('110105194902300021')).toBe('The date of birth 1949-02-30 is not a real date');
    // GB 11643-1999's example number with a wrong last digit.
    expect(en('11010519491231002Y')).toBe(
      'The first 17 characters of an ID card number are digits; the last is a digit or X',
    );
    expect(en('110105194912310020')).toBe(
      'The check character should be X, not 0; check for a mistyped digit',
    );
    expect(en('110105491231002')).toMatch(/^This is an old 15-digit ID card number/);
    const zh = checkIdCard('110105194912310020', { now });
    expect(zh.valid ? '' : zh.message).toBe('校验位应为 X，实际为 0，请核对是否有数字录入错误');
  });

  it('credit code: length, a letter the code never uses, check character, inner warning', () => {
    const en = (value: string) => {
      const r = checkCreditCode(value, { language: 'en' });
      return r.valid ? (r.warnings ?? []).map((w) => w.message).join() : r.message;
    };
    expect(en('')).toBe('Enter the unified social credit code');
    expect(en('91350100M000100Y4')).toBe(
      'A unified social credit code has 18 characters; this one has 17',
    );
    expect(en('91350100M000100YO3')).toBe(
      'Character 17 "O" is not valid (the code never uses the letters I, O, Z, S, V)',
    );
    expect(en('91350100M000100Y44')).toBe(
      'The check character should be 3, not 4; check for a mistyped character',
    );
    for (const value of ['', '91350100M000100Y44', '91350100M000100YO3']) noChinese(en(value));
    const zh = checkCreditCode('91350100M000100Y44');
    expect(zh.valid ? '' : zh.message).toBe('校验位应为 3，实际为 4，请核对是否有字符录入错误');
  });

  it('phone numbers', () => {
    const message = (r: ReturnType<typeof checkMobile>) => (r.valid ? '' : r.message);
    expect(message(checkMobile('1381234567', { language: 'en' }))).toBe(
      'A mobile number has 11 digits; this one has 10',
    );
    expect(message(checkMobile('12812345678', { language: 'en' }))).toBe(
      'A mobile number starts with 13–19',
    );
    expect(message(checkLandline('0591-876543', { language: 'en' }))).toBe(
      'After area code 0591 the number has 7 or 8 digits; this one has 6',
    );
    expect(message(checkPhone('0591-876543', { allowLandline: true, language: 'en' }))).toBe(
      'After area code 0591 the number has 7 or 8 digits; this one has 6',
    );
    expect(message(checkLandline('0591-876543'))).toBe(
      '区号 0591 后的号码应为 7 或 8 位，当前为 6 位',
    );
  });

  it('attachments: type and size, the default type label translated', () => {
    const en = checkAttachment(
      { name: 'scan.jpg', size: 11 * 1024 * 1024, type: 'image/jpeg' },
      {},
      { language: 'en' },
    );
    expect(en.problems.map((p) => p.message)).toEqual([
      'The file "scan.jpg" is not supported: only PDF or Word (.pdf, .doc, .docx)',
      'The file "scan.jpg" is 11 MB, over the 10 MB limit',
    ]);
    const zh = checkAttachment({ name: 'scan.jpg', size: 0 });
    expect(zh.problems.map((p) => p.message)).toEqual([
      '文件“scan.jpg”格式不支持，仅支持 PDF、Word（.pdf、.doc、.docx）',
      '文件“scan.jpg”是空文件（0 字节），请检查后重新选择',
    ]);
  });

  it('deadline countdown', () => {
    const deadline = '2026-05-03T11:30:00Z';
    expect(describeDeadline(deadline, now, { language: 'en' }).text).toBe('2 days 3 hours left');
    expect(describeDeadline(deadline, '2026-05-03T10:29:30Z', { language: 'en' }).text).toBe(
      '1 hour left',
    );
    expect(describeDeadline(deadline, '2026-05-04T00:00:00Z', { language: 'en' }).text).toBe(
      'Overdue',
    );
    expect(describeDeadline(deadline, now).text).toBe('距截止还有 2 天 3 小时');
  });

  it('the registry used by field guards and tours passes the language through', () => {
    expect(runValidator('mobile', '123', 'en')?.messages).toEqual([
      'A mobile number has 11 digits; this one has 3',
    ]);
    expect(runValidator('mobile', '123')?.messages).toEqual(['手机号码应为 11 位，当前为 3 位']);
    expect(runValidator('idCard', '110105491231002', 'en')?.warnings[0]).toMatch(
      /^This is an old 15-digit/,
    );
    expect(validatorLabel('creditCode', 'en')).toBe('unified social credit code');
    expect(validatorLabel('creditCode')).toBe('统一社会信用代码');
  });
});
