import { describe, expect, it } from 'vitest';
import {
  addScrubCounts,
  describeScrub,
  findPersonalData,
  mightHoldPersonalData,
  scrubPersonalData,
  SCRUB_KINDS,
  SCRUB_KIND_LABELS,
  SCRUB_PLACEHOLDERS,
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

  it('keeps an ID-shaped serial number with a wrong check digit when nothing says it is an ID', () => {
    const wrong = ID_A.slice(0, 17) + (ID_A.endsWith('0') ? '1' : '0');
    untouched(`设备序列号 ${wrong}`);
    untouched(`流水号：${wrong}，批次 3`);
    // The cue must be in the same clause, not in an earlier one.
    untouched(`身份证已核验。序列号 ${wrong}`);
    expect(only(`证件号码：${wrong}`, 'idCard')).toBe('证件号码：[身份证号]');
    expect(only(`ID ${wrong}`, 'idCard')).toBe('ID [身份证号]');
    untouched(`invalid serial ${wrong}`);
  });

  it('replaces numbers right after ASCII letters, but not inside hex strings', () => {
    expect(only(`备注 SFZ${ID_A} 已核验`, 'idCard')).toBe('备注 SFZ[身份证号] 已核验');
    expect(only(`Tel13912345678`, 'mobile')).toBe('Tel[手机号]');
    untouched(`hash 9f${ID_A}ab`);
  });

  it('replaces numbers in 6-4-4-4 groups', () => {
    const grouped = `${ID_B.slice(0, 6)} ${ID_B.slice(6, 10)} ${ID_B.slice(10, 14)} ${ID_B.slice(14)}`;
    expect(only(`身份证 ${grouped}`, 'idCard')).toBe('身份证 [身份证号]');
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

describe('scrubPersonalData: names and addresses after a cue', () => {
  it.each([
    ['姓名：张伟', '姓名：[姓名]'],
    ['姓 名：周杰', '姓 名：[姓名]'],
    ['申请人：欧阳娜娜，电话稍后补充', '申请人：[姓名]，电话稍后补充'],
    ['联系人 王芳 电话', '联系人 [姓名] 电话'],
    ['当事人：郑国华对处罚决定不服', '当事人：[姓名]对处罚决定不服'],
    ['申请人：李四已于11月28日提交', '申请人：[姓名]已于11月28日提交'],
    ['姓名：阿依古丽·买买提', '姓名：[姓名]'],
    ['申请人（签字）：许晴', '申请人（签字）：[姓名]'],
    ['姓名：关晓彤', '姓名：[姓名]'],
  ])('%s', (text, scrubbed) => expect(only(text, 'name')).toBe(scrubbed));

  it.each([
    ['住址：北京市朝阳区建国路88号，已核实', '住址：[地址]，已核实'],
    ['联系地址：西安市雁塔区小寨东路91号 联系电话见上', '联系地址：[地址] 联系电话见上'],
    ['家住北京市丰台区丰台北路18号院的居民', '家住[地址]的居民'],
    ['住  址：天津市和平区南京路120号', '住  址：[地址]'],
  ])('%s', (text, scrubbed) => expect(only(text, 'address')).toBe(scrubbed));

  it('ends an address where a phone number found in it starts', () => {
    const result = scrubPersonalData('地址：北京市海淀区中关村大街27号13800138000');
    expect(result.text).toBe('地址：[地址][手机号]');
    expect(result.counts).toEqual({ address: 1, mobile: 1 });
  });

  it.each([
    ['请填写姓名和地址'],
    ['在浏览器地址栏输入网址'],
    ['IP地址：192.168.1.100'],
    ['姓名 性别 年龄 联系电话 住址'],
    ['申请人：请输入'],
    ['联系人：暂无'],
    ['地址：请填写详细地址'],
    ['申请人：北京市某某科技有限公司'],
    ['申请人：黄山市旅游发展有限公司'],
    ['业主：万科物业'],
    ['户主 关系 姓名'],
    ['联系人 方式'],
    ['当事人 对处罚决定不服的，可以申请行政复议'],
    ['办理地址：各区政务服务中心一楼综合窗口'],
    ['服务器地址：https://zwfw.example.gov.cn/api/v1'],
  ])('keeps %s', (text) => untouched(text));

  it('uses a context (a field label) for cues, without touching it', () => {
    untouched('张伟');
    expect(scrubPersonalData('张伟', { context: '姓名' }).text).toBe('[姓名]');
    const wrong = ID_A.slice(0, 17) + (ID_A.endsWith('0') ? '1' : '0');
    untouched(wrong);
    expect(findPersonalData(wrong, { context: '身份证号' })).toEqual([
      { start: 0, end: 18, kind: 'idCard' },
    ]);
    // Nothing inside the context itself is reported.
    expect(findPersonalData('无', { context: '13800138000' })).toEqual([]);
  });
});

describe('scrubPersonalData: passports and licence plates', () => {
  it.each([
    ['护照号码：E12345678', '护照号码：[护照号]'],
    ['护照号 EA1234567，签发地广东', '护照号 [护照号]，签发地广东'],
    ['持G12345678办理', '持[护照号]办理'],
    ['外籍人员护照号码 P1234567', '外籍人员护照号码 [护照号]'],
  ])('%s', (text, scrubbed) => expect(only(text, 'passport')).toBe(scrubbed));

  it.each([
    ['车牌号京A12345违章', '车牌号[车牌号]违章'],
    ['号牌：粤B·12345', '号牌：[车牌号]'],
    ['新能源 粤BD12345', '新能源 [车牌号]'],
    ['沪A-12345 已年检', '[车牌号] 已年检'],
    ['浙A12345D', '[车牌号]'],
  ])('%s', (text, scrubbed) => expect(only(text, 'licensePlate')).toBe(scrubbed));

  it.each([
    ['错误代码 E1001：参数缺失'],
    ['乘坐G1234次列车'],
    ['京ICP备12345678号-1'],
    ['京公网安备 11010502030143号'],
    ['车牌号码格式：省份简称+字母+5位数字'],
    ['粤B 申请'],
    ['受理编号 G20261128'],
    ['发动机号 E12345678'],
  ])('keeps %s', (text) => untouched(text));
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

describe('mightHoldPersonalData', () => {
  it('is false for ordinary UI text', () => {
    for (const text of [
      '首页',
      '办件管理',
      '统计分析',
      '提交',
      '返回上一页',
      '公文处理 → 新建公文',
      '请选择事项类型',
      '申请人信息',
      '',
    ]) {
      expect(mightHoldPersonalData(text), text).toBe(false);
    }
  });

  it('is true when there is a digit, an @, full-width letters or a cue word', () => {
    for (const text of ['第3步', 'a@b', 'ｐａｓｓ', '姓名：张伟', '住址为', 'Bearer abcdefghij']) {
      expect(mightHoldPersonalData(text), text).toBe(true);
    }
  });
});

describe('findPersonalData on a whole page', () => {
  it('scans 200 kB of mixed Chinese text and digits and finds every planted value', () => {
    const filler = [
      '办件编号 20261128000123，金额 ¥12,345.67，',
      '根据京政发〔2024〕12号文件，',
      '第3页 共12页 版本 v2.13.5 ',
      '1'.repeat(40),
      '请填写姓名和地址。',
      'a1b2c3d4'.repeat(5),
      '　'.repeat(30),
      '姓名 性别 年龄\n',
    ].join('');
    const planted = `申请人：张伟，身份证号${ID_A}，手机13800138000。`;
    let text = '';
    let plants = 0;
    while (text.length < 200_000) {
      text += filler;
      if (text.length % 7 === 0 || plants === 0) {
        text += planted;
        plants += 1;
      }
    }
    expect(text.length).toBeGreaterThanOrEqual(200_000);
    const spans = findPersonalData(text);
    const kinds = (kind: ScrubKind) => spans.filter((span) => span.kind === kind).length;
    expect(kinds('idCard')).toBe(plants);
    expect(kinds('mobile')).toBe(plants);
    expect(kinds('name')).toBe(plants);
    expect(spans).toHaveLength(plants * 3);
    expect(scrubPersonalData(text).text).not.toContain(ID_A);
  });
});

describe('findPersonalData on hostile text', () => {
  // Each of these took tens of seconds with a quadratic step (an unbounded e-mail local part on
  // "1-1-1-…", an overlap check against every accepted span on 20 000 names); vitest's timeout
  // fails them if that comes back.
  it.each([
    ['digits', '1'.repeat(200_000), 0],
    ['digits and dashes', '1-'.repeat(100_000), 0],
    ['letters and digits', 'ab1'.repeat(70_000), 0],
    ['at signs', 'a@'.repeat(100_000), 0],
    ['address cues', '地址：北京市'.repeat(35_000), 1],
    ['name cues', '姓名：张伟，'.repeat(35_000), 35_000],
  ])('%s', (_name, text, count) => {
    expect(findPersonalData(text)).toHaveLength(count);
  });
});

describe('kinds', () => {
  it('every kind has a placeholder and a label', () => {
    for (const kind of SCRUB_KINDS) {
      expect(SCRUB_PLACEHOLDERS[kind]).toMatch(/^\[\p{Script=Han}+\]$/u);
      expect(SCRUB_KIND_LABELS[kind]).toMatch(/^\p{Script=Han}+$/u);
    }
  });
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
