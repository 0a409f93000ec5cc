/**
 * Names and addresses, found only where a label says what follows (姓名：张伟, 住址：…). There is
 * no pattern for a bare name or address in running text; see personal-data.ts for what that means.
 *
 * Names: a cue (姓名, 联系人, 申请人 …) then a colon or whitespace, then
 * - a name with a middle dot (阿依古丽·买买提, 扎西·多吉): Han segments joined by ·/•/・;
 * - a two-character name padded for alignment (张 三, with an ideographic space), surname first;
 * - otherwise a Han run that starts with a common Chinese surname (single or compound): the surname
 *   plus one or two characters, shortened where a word that follows names starts (李四已于…,
 *   郑国华对…). After a bare space (no colon) the name must end there too: a cue word followed by
 *   a space is often a heading or running text (当事人 对处罚决定不服).
 * Values that say there is no value (暂无, 请输入, 见营业执照), organisations (…有限公司) and table
 * headers (姓名 性别 年龄) are not names.
 *
 * Addresses: a cue (地址, 住址, 户籍地址, 居住地 …) then a colon or whitespace, then the clause up to
 * `，。；` or a line break, the next label (联系电话：…) or, once a house number has been seen, a
 * space. It must contain an address word (省, 市, 区, 路, 号, 村 …): 服务器地址：https://… and
 * IP地址：10.0.0.1 are not addresses, nor is 地址：请填写详细地址.
 */

export interface CueSpan {
  start: number;
  end: number;
}

const HAN_CHAR = '[\\u3400-\\u4dbf\\u4e00-\\u9fff]';
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;

function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

// Common single-character surnames (the few hundred that cover nearly all of the population).
// Characters that are far more often ordinary words than surnames (和, 信, 国, 平, 海 …) are left
// out: a name with such a surname after a cue is missed rather than a word being taken for one.
const SINGLE_SURNAMES = new Set(
  [
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁',
    '任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武',
    '戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪',
    '梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车',
    '项连芦卢麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲',
    '虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼盘闻厉伊仝区郜阚权强帅',
    '屠豆朴盖练廉禹井祖漆巴丰支卿狄计索宣晋云容敬扈晁芮阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况逯隆茹诸',
    '慕亢嵇湛宾戎茅於揭干尉冶斯元束檀昝奉植衡富尧',
  ].join(''),
);

const COMPOUND_SURNAMES = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '令狐',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '端木',
  '澹台',
  '南宫',
  '独孤',
  '呼延',
  '轩辕',
  '西门',
  '申屠',
  '太史',
  '万俟',
  '闻人',
  '赫连',
  '钟离',
  '宗政',
  '濮阳',
  '公冶',
  '左丘',
  '东郭',
  '拓跋',
  '百里',
  '第五',
  '梁丘',
  '公羊',
]);

function surnameLength(run: string): number {
  if (COMPOUND_SURNAMES.has(run.slice(0, 2))) return 2;
  return SINGLE_SURNAMES.has(run.charAt(0)) ? 1 : 0;
}

/** Words that commonly follow a name in running text; a name ends where one starts. */
const AFTER_NAME =
  /^(?:身份|证件|证号|电话|手机|联系|性别|年龄|民族|出生|住址|地址|户籍|邮箱|先生|女士|同志|老师|反映|来电|来访|办理|申请|提交|提出|要求|签字|签名|确认|本人|已|未|于|在|的|因|对|向|称|说|和|与|及|等|将|把|被|为|是|系|不|无|需|请|现|所|持|到|从|男|女|岁|之|今)/;

/** Values that are not names: placeholders, "none", organisations, labels of a table header. */
const NOT_A_NAME_START =
  /^(?:请|暂|无|未|空|略|同上|见|详见|本人|不详|待|选填|必填|匿名|系统|管理|信息|变更|名称|类型|签|列表|查询|详情|性别|年龄|电话|手机|地址|住址|身份|证件|民族|籍贯|职务|单位|联系|邮箱|备注|须知|栏|输入|填写|姓名|全称|代码|编号|是否)/;
/**
 * Everyday words that start with a surname character (关系, 方式, 申请 …): after a cue and a space
 * in a table header or a menu (户主 关系, 联系人 方式) they are not names.
 */
const SURNAME_WORDS =
  /^(?:关系|方式|方法|方面|时间|时限|时效|金额|金融|文件|文化|文字|明细|明确|成员|成功|成立|车辆|车型|程序|程度|费用|安全|应当|常住|常用|万元|余额|申请|申报|严格|曾经|康复|温馨|任务|任何|高度|全部|全体|左侧|管辖|单据|项目|简介|简称|齐全|周期|周岁|司法|卫生|卫健|宣传|计划|计算|解决|解释|党员|党组|党委|党建|农业|农村|武装|包括|包含|华侨|房屋|房产|路线|路段|公开|原因|江苏|江西|云南|吉林|安徽|宁夏|甘肃|贵州|湖南|湖北|广东|广西|海南|山东|山西|河南|河北)/;

const ORGANISATION =
  /(?:公司|有限|物业|地产|置业|实业|贸易|科技|股份|律师|委员会|村委|居委|社区|街道|集团|委员会|政府|街道办|办事处|合作社|事务所|协会|学会|研究院|研究所|医院|学校|大学|学院|银行|中心|部门|单位|工作室|商行|门市|个体|厂|局|厅|店)/;

const NAME_CUES = [
  '法定代表人',
  '法人代表',
  '紧急联系人',
  '被申请人',
  '被监护人',
  '被保险人',
  '联系人',
  '申请人',
  '经办人',
  '收件人',
  '收货人',
  '寄件人',
  '监护人',
  '当事人',
  '委托人',
  '代理人',
  '受托人',
  '持卡人',
  '投诉人',
  '举报人',
  '来访人',
  '来电人',
  '承办人',
  '投保人',
  '开户名',
  '代办人',
  '驾驶人',
  '驾驶员',
  '申报人',
  '参保人',
  '领取人',
  '权利人',
  '产权人',
  '承租人',
  '出租人',
  '借款人',
  '担保人',
  '签收人',
  '填报人',
  '审核人',
  '审批人',
  '复核人',
  '第三人',
  '被告人',
  '原告',
  '被告',
  '证人',
  '业主',
  '房主',
  '姓名',
  '户主',
  '患者',
  '车主',
  '户名',
];

const ADDRESS_CUES = [
  '户籍所在地',
  '经常居住地',
  '户籍地址',
  '户籍地',
  '家庭住址',
  '家庭地址',
  '联系地址',
  '通讯地址',
  '通信地址',
  '收货地址',
  '收件地址',
  '寄件地址',
  '送达地址',
  '邮寄地址',
  '居住地址',
  '现居住地',
  '现住址',
  '居住地',
  '住所地',
  '住址',
  '地址',
];

// Forms pad two-character labels for alignment: 姓  名, 住  址.
const SPACED_LABEL = '[ \\t]{1,3}';
const NAME_CUE = `(?:${NAME_CUES.join('|')}|姓${SPACED_LABEL}名)`;
/** Addresses of offices and venues (办理地址, 办公地址, 注册地址 …) are public, not personal. */
const VENUE_BEFORE =
  '(?<!办理|办公|单位|公司|企业|注册|经营|服务|窗口|受理|咨询|会议|活动|考试|报名|领取|网点|机构|门店|营业|网页|网站|服务器|IP|ip|邮箱|邮件)';
const ADDRESS_CUE = `(?:${VENUE_BEFORE}(?:${ADDRESS_CUES.join('|')})|[住地]${SPACED_LABEL}址)`;

/**
 * For the cheap prefilter in personal-data.ts: matches wherever a name or address could follow a
 * cue (a superset of what the cue regexes below accept: a cue word and the first character of a
 * separator), so 申请人信息 or 请填写姓名和地址 need no scan.
 */
export const CUE_PATTERN = `(?:${NAME_CUES.join('|')}|${ADDRESS_CUES.join('|')}|姓[ \\t]+名|[住地][ \\t]+址)[（(:： \\t为是]|家住|居住在`;

// A cue may be followed by a remark in brackets (申请人（签字）：, 法定代表人（负责人）：), then a
// colon, whitespace, or 为/是 (住址为…, 姓名是…).
const REMARK = '(?:[（(][^（()）\\n]{1,10}[）)])?';
const SEPARATOR = `${REMARK}(?:[ \\t]*[:：][ \\t]*|[ \\t]+|[为是][ \\t]*)`;
const NAME_CUE_REGEX = new RegExp(`${NAME_CUE}(${SEPARATOR})`, 'g');
// 家住… / 居住在… need no separator.
const ADDRESS_CUE_REGEX = new RegExp(
  `(?:${ADDRESS_CUE}(${SEPARATOR})|(?:家住|居住在)[ \\t]*)`,
  'g',
);

const DOTTED_NAME = new RegExp(`${HAN_CHAR}{1,8}(?:[·•・]${HAN_CHAR}{1,10})+`, 'y');
const PADDED_NAME = new RegExp(`(${HAN_CHAR})[ ]{1,2}(${HAN_CHAR})(?!${HAN_CHAR})`, 'y');
const HAN_RUN = new RegExp(`${HAN_CHAR}{1,24}`, 'y');

/** The name that starts at `at`, or null. `colon`: the cue ended with a colon (not a bare space). */
function readName(text: string, at: number, colon: boolean): CueSpan | null {
  DOTTED_NAME.lastIndex = at;
  const dotted = DOTTED_NAME.exec(text);
  if (dotted && !NOT_A_NAME_START.test(dotted[0])) {
    return { start: at, end: at + dotted[0].length };
  }
  PADDED_NAME.lastIndex = at;
  const padded = PADDED_NAME.exec(text);
  if (padded && SINGLE_SURNAMES.has(padded[1] ?? '')) {
    return { start: at, end: at + padded[0].length };
  }
  HAN_RUN.lastIndex = at;
  const run = HAN_RUN.exec(text)?.[0] ?? '';
  if (run.length < 2 || NOT_A_NAME_START.test(run) || SURNAME_WORDS.test(run)) return null;
  const surname = surnameLength(run);
  if (surname === 0) return null;
  // The surname, then one or two given-name characters, ended early where a following word starts.
  let length = Math.min(run.length, surname + 2);
  for (let i = surname + 1; i < length; i++) {
    if (AFTER_NAME.test(run.slice(i))) {
      length = i;
      break;
    }
  }
  if (length < surname + 1) return null;
  const endedCleanly = length === run.length || AFTER_NAME.test(run.slice(length));
  // 黄山市旅游发展有限公司 starts with a surname too; a name followed by 到市场监管局 is still one.
  if (!endedCleanly && ORGANISATION.test(run)) return null;
  // After a bare space the whole run must be the name: "当事人 对处罚决定不服" is running text.
  if (!colon && !endedCleanly) return null;
  return { start: at, end: at + length };
}

/** Spans of names that follow a name cue (see the module comment). */
export function findCuedNames(text: string): CueSpan[] {
  const spans: CueSpan[] = [];
  NAME_CUE_REGEX.lastIndex = 0;
  for (let match = NAME_CUE_REGEX.exec(text); match; match = NAME_CUE_REGEX.exec(text)) {
    const at = match.index + match[0].length;
    // After a bare space or 为/是 the name must end where the run of Han characters ends.
    const colon = /[:：]/.test(match[1] ?? '');
    const span = readName(text, at, colon);
    if (span) {
      spans.push(span);
      NAME_CUE_REGEX.lastIndex = span.end;
    }
  }
  return spans;
}

const CLAUSE_END = /[，。；;,\n\r！!？?]/;
const ADDRESS_WORD =
  /(?:省|市|区|县|旗|镇|乡|村|街道|街|路|巷|弄|胡同|里|号|栋|幢|单元|室|楼|小区|社区|大厦|花园|公寓|苑|组|屯|庄|大道|宿舍|舍)/;
const HOUSE_NUMBER = /[0-9号室组楼栋幢弄院舍座层户]/;
const NEXT_LABEL = new RegExp(`^${HAN_CHAR}{1,8}[:：]`);
const NEXT_FIELD =
  /^(?:联系电话|联系方式|电话|手机|邮编|邮政编码|身份证|证件|电子邮箱|邮箱|姓名|Tel|TEL)/;
const NOT_AN_ADDRESS_START =
  /^(?:请|暂|无|未|空|略|同上|同户籍|见|详见|不详|待|选填|必填|格式|管理|变更|栏|输入|填写|修改|有误|错误|不正确)/;
const MAX_ADDRESS_LENGTH = 80;

/** The address that starts at `at`, or null. */
function readAddress(text: string, at: number): CueSpan | null {
  const limit = Math.min(text.length, at + MAX_ADDRESS_LENGTH);
  let end = at;
  let sawNumber = false;
  for (let i = at; i < limit; i++) {
    const ch = text.charAt(i);
    if (CLAUSE_END.test(ch)) break;
    if (i > at) {
      const rest = text.slice(i, i + 10);
      if (NEXT_LABEL.test(rest) || NEXT_FIELD.test(rest)) break;
    }
    if (ch === ' ' || ch === '\t') {
      if (sawNumber) break;
      continue;
    }
    // 家住…18号院的居民: after the house number, 的 ends the address.
    if (sawNumber && ch === '的') break;
    if (HOUSE_NUMBER.test(ch)) sawNumber = true;
    end = i + 1;
  }
  const value = text.slice(at, end);
  if (value.length < 3 || NOT_AN_ADDRESS_START.test(value)) return null;
  const hanCount = [...value].filter(isHan).length;
  if (hanCount < 3 || !ADDRESS_WORD.test(value)) return null;
  return { start: at, end };
}

/** Spans of addresses that follow an address cue (see the module comment). */
export function findCuedAddresses(text: string): CueSpan[] {
  const spans: CueSpan[] = [];
  ADDRESS_CUE_REGEX.lastIndex = 0;
  for (let match = ADDRESS_CUE_REGEX.exec(text); match; match = ADDRESS_CUE_REGEX.exec(text)) {
    const span = readAddress(text, match.index + match[0].length);
    if (span) {
      spans.push(span);
      ADDRESS_CUE_REGEX.lastIndex = span.end;
    }
  }
  return spans;
}
