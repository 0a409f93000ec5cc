import { describe, expect, it } from 'vitest';
import {
  addScrubCounts,
  describeScrub,
  scrubPersonalData,
  type ScrubKind,
} from '../../../lib/privacy/personal-data';
import { idCardCheckCharacter } from '../../../lib/validators/id-card';

/** A well-formed 18-digit ID with the correct check character. */
function validId(first17: string): string {
  return first17 + (idCardCheckCharacter(first17) ?? '');
}

const ID_A = validId('11010119900307451'); // 北京东城, 1990-03-07
const ID_B = validId('44030419851231002'); // 深圳福田, 1985-12-31
// A check character of X: found by trying sequences until the table gives X.
const ID_X = ((): string => {
  for (let seq = 100; seq < 1000; seq++) {
    const first17 = `32010219771015${seq}`;
    if (idCardCheckCharacter(first17) === 'X') return `${first17}X`;
  }
  throw new Error('no X check character found');
})();

function only(text: string, kind: ScrubKind, count = 1) {
  const result = scrubPersonalData(text);
  expect(result.counts).toEqual({ [kind]: count });
  expect(result.total).toBe(count);
  return result.text;
}

function untouched(text: string) {
  const result = scrubPersonalData(text);
  expect(result).toEqual({ text, counts: {}, total: 0 });
}

describe('scrubPersonalData: ID card numbers', () => {
  it('replaces 18-digit numbers in Chinese text', () => {
    expect(only(`申请人身份证号${ID_A}，请核对`, 'idCard')).toBe(
      '申请人身份证号[身份证号]，请核对',
    );
  });

  it('replaces numbers ending in X, upper or lower case', () => {
    expect(only(`号码 ${ID_X}`, 'idCard')).toBe('号码 [身份证号]');
    expect(only(`号码 ${ID_X.toLowerCase()}`, 'idCard')).toBe('号码 [身份证号]');
  });

  it('replaces a number with a mistyped check digit (still someone’s ID)', () => {
    const wrong = ID_A.slice(0, 17) + (ID_A.endsWith('0') ? '1' : '0');
    expect(only(`身份证 ${wrong} 校验不过`, 'idCard')).toBe('身份证 [身份证号] 校验不过');
  });

  it('replaces 15-digit legacy numbers', () => {
    expect(only('旧证号 110101900307451 无法录入', 'idCard')).toBe('旧证号 [身份证号] 无法录入');
  });

  it('replaces numbers written in 6-8-4 groups and in full-width digits', () => {
    const grouped = `${ID_B.slice(0, 6)} ${ID_B.slice(6, 14)} ${ID_B.slice(14)}`;
    expect(only(`证号：${grouped}。`, 'idCard')).toBe('证号：[身份证号]。');
    const fullWidth = [...ID_B]
      .map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))
      .join('');
    expect(only(`证号${fullWidth}有误`, 'idCard')).toBe('证号[身份证号]有误');
  });

  it('counts several', () => {
    const result = scrubPersonalData(`${ID_A} 和 ${ID_B}`);
    expect(result.text).toBe('[身份证号] 和 [身份证号]');
    expect(result.counts).toEqual({ idCard: 2 });
  });
});

describe('scrubPersonalData: phone numbers', () => {
  it.each([
    ['13800138000'],
    ['138 0013 8000'],
    ['138-0013-8000'],
    ['+86 138 0013 8000'],
    ['+8613800138000'],
    ['0086-13800138000'],
    ['8613800138000'],
  ])('replaces mobile %s', (number) => {
    expect(only(`请回电 ${number} 谢谢`, 'mobile')).toBe('请回电 [手机号] 谢谢');
  });

  it('replaces a mobile number glued to Chinese text', () => {
    expect(only('联系人电话13912345678无法接收短信', 'mobile')).toBe(
      '联系人电话[手机号]无法接收短信',
    );
  });

  it.each([
    ['010-65123456'],
    ['(0591)87654321'],
    ['0591-8765432'],
    ['0591 8765 4321'],
    ['021-62345678转123'],
  ])('replaces landline %s', (number) => {
    expect(only(`办公电话 ${number}`, 'landline')).toBe('办公电话 [电话号码]');
  });

  it('keeps numbers that are not phone numbers', () => {
    untouched('短信验证码 123456 已过期');
    untouched('编号 12345678901 不是手机号（以 12 开头）');
    untouched('分机 8888，内线 87654321');
  });
});

describe('scrubPersonalData: e-mail, bank cards', () => {
  it('replaces e-mail addresses, including ones made of a phone number', () => {
    expect(only('发到 zhang.san@example.gov.cn 了', 'email')).toBe('发到 [邮箱] 了');
    expect(only('邮箱13800138000@163.com收不到', 'email')).toBe('邮箱[邮箱]收不到');
  });

  it('replaces Luhn-valid card numbers, bare or grouped', () => {
    expect(only('卡号 6222020200001234562', 'bankCard')).toBe('卡号 [银行卡号]');
    expect(only('卡号 6228 4800 1234 5671', 'bankCard')).toBe('卡号 [银行卡号]');
    expect(only('卡号 6222-0202-0000-1234-562 无法绑定', 'bankCard')).toBe(
      '卡号 [银行卡号] 无法绑定',
    );
  });

  it('keeps long digit runs that fail the Luhn check (受理编号, serial numbers)', () => {
    untouched('受理编号 2026112800001235 查询不到');
    untouched('流水号 6228 4800 1234 5672');
  });
});

describe('scrubPersonalData: secrets', () => {
  it('replaces the credential after Bearer but keeps the word', () => {
    expect(only('Authorization: Bearer abc123def456ghi789', 'token')).toBe(
      'Authorization: Bearer [令牌]',
    );
  });

  it('replaces JWTs', () => {
    const jwt =
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    expect(only(`令牌是 ${jwt} 过期`, 'token')).toBe('令牌是 [令牌] 过期');
  });

  it('replaces values of token-like keys', () => {
    expect(only('地址里有 access_token=a1b2c3d4e5 和', 'token')).toBe(
      '地址里有 access_token=[令牌] 和',
    );
    expect(only('JSESSIONID=0A1B2C3D4E5F', 'token')).toBe('JSESSIONID=[令牌]');
    expect(only('{"ticket": "ST-1234-abcd"}', 'token')).toBe('{"ticket": "[令牌]"}');
    untouched('design=new');
  });

  it('replaces long random-looking strings and hex digests', () => {
    expect(only('会话 8fA3kLm9Qz2Xw7Rt5Yb1Nc4Vd6Hg0Jp 失效', 'token')).toBe('会话 [令牌] 失效');
    expect(only('md5 d41d8cd98f00b204e9800998ecf8427e', 'token')).toBe('md5 [令牌]');
  });

  it('replaces passwords typed into the report, not the word 密码', () => {
    expect(only('我的密码是Abc@12345，登录不了', 'password')).toBe('我的密码是[密码]，登录不了');
    expect(only('初始密码：123456', 'password')).toBe('初始密码：[密码]');
    expect(only('password=Passw0rd!, then', 'password')).toBe('password=[密码], then');
    untouched('提示密码错误，密码为空时也提示');
  });
});

describe('scrubPersonalData: what must stay', () => {
  it.each([
    ['dates', '2026年11月28日（20261128）上午 9:30 提交，截止 2026-11-30'],
    ['amounts', '金额 1,234,567.89 元，合计 ¥98765432.10'],
    ['受理编号', '受理编号 SL202611280001 和 YS-2026-000123 查询不到进度'],
    ['document numbers', '京政办发〔2026〕12号、GW-2026-000123、ZJ-BM-2026-11-28-000123-ABC'],
    ['统一社会信用代码', '企业信用代码 91350100M000100Y43 校验不通过'],
    ['request ids', '请求ID 3fa85f64-5717-4562-b3fc-2c963f66afa6 错误码 500'],
    ['page paths', '在 /gongwen/new/2026/11/28/attachments/upload 页面'],
    ['long 受理编号 digit runs', '受理号 20261128000000000001 不存在'],
    ['English words', 'internationalization localization attachments'],
    ['short numbers', '第 3 步，共 12 步，超过 10 MB，错误 403'],
  ])('%s', (_name, text) => untouched(text));
});

describe('scrubPersonalData: properties', () => {
  it('is idempotent and leaves placeholders alone', () => {
    const once = scrubPersonalData(`${ID_A} 13800138000 a@b.cn Bearer abcdefgh12345678`);
    expect(once.total).toBe(4);
    expect(scrubPersonalData(once.text)).toEqual({ text: once.text, counts: {}, total: 0 });
  });

  it('handles a mixed real-world description', () => {
    const result = scrubPersonalData(
      `给群众 ${ID_A}（电话 138-0013-8000）办营业执照时，附件上传失败，` +
        `报 HTTP 500，请求ID 3fa85f64-5717-4562-b3fc-2c963f66afa6，受理编号 SL202611280001。`,
    );
    expect(result.text).toBe(
      '给群众 [身份证号]（电话 [手机号]）办营业执照时，附件上传失败，' +
        '报 HTTP 500，请求ID 3fa85f64-5717-4562-b3fc-2c963f66afa6，受理编号 SL202611280001。',
    );
    expect(result.counts).toEqual({ idCard: 1, mobile: 1 });
  });

  it('returns empty text unchanged', () => untouched(''));
});

describe('describeScrub / addScrubCounts', () => {
  it('tells the user what was hidden', () => {
    expect(describeScrub({ mobile: 1, idCard: 1 })).toBe(
      '已隐去 2 处个人信息（身份证号 1 处、手机号 1 处）',
    );
    expect(describeScrub({})).toBeNull();
  });

  it('adds counts', () => {
    expect(addScrubCounts({ mobile: 1 }, { mobile: 2, email: 1 }, {})).toEqual({
      mobile: 3,
      email: 1,
    });
  });
});
