/**
 * Scrubs personal data and secrets out of free text (problem report descriptions, page titles,
 * survey comments, the text of a page before a screenshot) before it is stored or sent. Pure: no
 * DOM, no storage. Measured against tests/fixtures/privacy/corpus.yaml (`npm run privacy:score`);
 * the figures and this list are in the README (Privacy: what counts as personal data).
 *
 * What is replaced, and by which placeholder:
 * | kind           | placeholder  | detected as                                                  |
 * | -------------- | ------------ | ------------------------------------------------------------ |
 * | `idCard`       | `[身份证号]` | 18 digits (last may be X/x) with a real province code, a real birth date and the right check digit, wherever they stand (also right after ASCII letters: `SFZ4403…`); with a wrong check digit only when the clause before says it is an ID (身份证, 证件号, 公民身份号码, ID …) — otherwise it is a serial number. 15-digit legacy numbers with a real region and date. Groups of 6-8-4 separated by a space or dash too. |
 * | `bankCard`     | `[银行卡号]` | 16–19 digits, bare or in groups of four, passing the Luhn check; an 18-digit number shaped like an ID number only after 卡号/账号/银行卡 … |
 * | `mobile`       | `[手机号]`   | 11-digit mainland mobile `1[3-9]…`, with +86/0086/86, spaces or dashes, also after ASCII letters (`Tel138…`) |
 * | `landline`     | `[电话号码]` | area code + number (`010-65123456`, `(0591)87654321`, `0591 8765 4321转123`) |
 * | `email`        | `[邮箱]`     | `name@domain.tld` (a full-width ＠ too)                       |
 * | `name`         | `[姓名]`     | a name after 姓名/联系人/申请人/经办人/收件人/户主/法定代表人/监护人/患者/当事人 … and a colon or space: common surname + one or two characters, compound surnames, names with · (see ./context-cues.ts) |
 * | `address`      | `[地址]`     | the clause after 地址/住址/户籍地址/家庭住址/联系地址/通讯地址/居住地/收货地址 … when it contains an address word (省/市/区/路/号/村 …) |
 * | `passport`     | `[护照号]`   | Chinese passports E12345678, EA1234567, G12345678 anywhere; other letters+digits or 9 digits after 护照/passport/通行证 |
 * | `licensePlate` | `[车牌号]`   | province + letter + 5 characters (京A12345, 粤B·12345, 沪A-12345), new-energy 6 (粤BD12345, 浙A12345D), 挂/学/警 plates |
 * | `password`     | `[密码]`     | the value after 密码/口令/password … 是/为/:/= (ASCII, ≥ 4 chars) |
 * | `token`        | `[令牌]`     | JWTs; the credential after `Bearer`/`Basic`/`Token`; values of token=, access_token=, ticket=, sessionid=, api_key= …; long random-looking strings (≥ 24 chars, letters and digits, high entropy) |
 *
 * Deliberately kept:
 * - 统一社会信用代码: it identifies an organisation (public on the business licence and in the
 *   national enterprise credit register), not a person, and support needs it to find the
 *   application in question. A 个体工商户's code does not contain the owner's ID number.
 * - Canonical UUIDs (8-4-4-4-12 hex): these systems print them as 请求ID / trace ids, which support
 *   needs; they are identifiers of requests and records, not credentials.
 * - 18-digit serial numbers shaped like an ID number but with a wrong check digit and no ID cue
 *   (设备序列号, 流水号, 批次号): a real ID number has the right check digit.
 * - Dates (20261128, 2026-11-28), amounts, 受理编号 / document numbers (京政发〔2024〕12号, letter
 *   prefixes, digit runs that are not a valid ID/phone/Luhn card), version numbers, postcodes.
 * - IP addresses: in these systems they are servers and office workstations (服务器 10.0.0.1 连接超时),
 *   which support needs; they are not a citizen's data.
 * - Service numbers of organisations: 400/800 numbers, 12345, 95588 (not a person's phone).
 * - 8-digit local numbers without an area code (分机, 内线): too much like other numbers.
 * - Organisations after a name cue (申请人：某某有限公司) and cue words without a value (请填写姓名和
 *   地址, 地址栏, IP地址：…, 姓名 性别 年龄).
 *
 * Not detected:
 * - A name or address without a cue in front of it ("张三的办件", "我住在朝阳区…"), names after
 *   cues not in the list (复核人, 审批人), and names whose surname is rare or also a common word.
 *   The report form asks people not to type them.
 * - A cue and its value in different strings (a label element and a field): callers that know the
 *   label pass it as `context`.
 * - Lower-case licence plates, foreign licence plates, passports of other shapes without a cue,
 *   e-mail addresses written with "at"/"dot" or with non-ASCII local parts.
 *
 * Full-width digits and letters (an IME left in full-width mode) are detected too: matching runs on a
 * half-width copy of the text, which has the same length, and spans are replaced in the original.
 * Every detector is a linear scan (bounded quantifiers, no nested repetition), so a page's text can
 * be scanned whole; {@link mightHoldPersonalData} lets callers skip text that cannot hold anything.
 */
import { checkIdCard } from '../validators/id-card';
import { toHalfWidth } from '../validators/normalize';
import { checkLandline, checkMobile } from '../validators/phone';
import { CUE_PATTERN, findCuedAddresses, findCuedNames } from './context-cues';

export const SCRUB_KINDS = [
  'idCard',
  'bankCard',
  'mobile',
  'landline',
  'email',
  'name',
  'address',
  'passport',
  'licensePlate',
  'password',
  'token',
] as const;
export type ScrubKind = (typeof SCRUB_KINDS)[number];

export const SCRUB_PLACEHOLDERS: Readonly<Record<ScrubKind, string>> = {
  idCard: '[身份证号]',
  bankCard: '[银行卡号]',
  mobile: '[手机号]',
  landline: '[电话号码]',
  email: '[邮箱]',
  name: '[姓名]',
  address: '[地址]',
  passport: '[护照号]',
  licensePlate: '[车牌号]',
  password: '[密码]',
  token: '[令牌]',
};

/** Simplified Chinese names of the kinds, for "已隐去 …" messages. */
export const SCRUB_KIND_LABELS: Readonly<Record<ScrubKind, string>> = {
  idCard: '身份证号',
  bankCard: '银行卡号',
  mobile: '手机号',
  landline: '电话号码',
  email: '邮箱',
  name: '姓名',
  address: '地址',
  passport: '护照号',
  licensePlate: '车牌号',
  password: '密码',
  token: '令牌',
};

/** How many spans of each kind were replaced; kinds with none are absent. */
export type ScrubCounts = Partial<Record<ScrubKind, number>>;

export interface ScrubResult {
  text: string;
  counts: ScrubCounts;
  /** Sum of all counts. */
  total: number;
}

/** Where personal data was found: UTF-16 offsets into the text, end exclusive. */
export interface PersonalDataSpan {
  start: number;
  end: number;
  kind: ScrubKind;
}
type Span = PersonalDataSpan;

/** Finds candidate spans of one kind in the half-width copy. */
type Detector = (text: string) => Span[];

const NOT_ALNUM_BEFORE = '(?<![0-9A-Za-z])';
const NOT_ALNUM_AFTER = '(?![0-9A-Za-z])';
/**
 * Before an ID or mobile number: no digit, and no letters glued to a digit (`SFZ4403…`, `ID4201…`
 * and `Tel138…` are numbers after a label; `a3f9138…` is the inside of a hex string).
 */
const LABEL_LETTERS_BEFORE = '(?<![0-9])(?<![0-9][A-Za-z]{1,12})';

function regexDetector(
  kind: ScrubKind,
  source: string,
  flags: string,
  accept: (match: RegExpExecArray, text: string) => boolean | { start: number; end: number },
): Detector {
  const usable = HAS_INDICES ? flags : flags.replace('d', '');
  const regex = new RegExp(source, usable.includes('g') ? usable : `${usable}g`);
  return (text) => {
    const spans: Span[] = [];
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      const verdict = accept(match, text);
      if (verdict === true) {
        spans.push({ start: match.index, end: match.index + match[0].length, kind });
      } else if (verdict !== false) {
        spans.push({ ...verdict, kind });
      }
      if (match[0].length === 0) regex.lastIndex += 1;
    }
    return spans;
  };
}

/**
 * Whether this engine has the RegExp `d` flag (Chromium 90+). The Chrome MV2 build runs on
 * kernels down to 86 (360安全浏览器 13), where a pattern with `d` throws when it is made.
 */
const HAS_INDICES = (() => {
  try {
    return new RegExp('', 'd').hasIndices === true;
  } catch {
    return false;
  }
})();

/** The span of capture group 1 inside the match (the `d` flag gives its indices). */
function groupSpan(match: RegExpExecArray): { start: number; end: number } | false {
  const indices = match.indices?.[1];
  if (indices) return { start: indices[0], end: indices[1] };
  // Without the `d` flag (kernels below 90): every pattern using this ends with group 1 (only
  // zero-width assertions after it), so the group is the end of the match.
  const group = match[1];
  if (HAS_INDICES || group === undefined) return false;
  const end = match.index + match[0].length;
  return { start: end - group.length, end };
}

/** The text of the clause before `index` (at most `chars` characters, back to `，。；` or a line break). */
function clauseBefore(text: string, index: number, chars: number): string {
  const before = text.slice(Math.max(0, index - chars), index);
  const cut = Math.max(...['，', '。', '；', ';', '\n'].map((mark) => before.lastIndexOf(mark)));
  return cut >= 0 ? before.slice(cut + 1) : before;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let value = Number(digits.charAt(digits.length - 1 - i));
    if (i % 2 === 1) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return sum % 10 === 0;
}

/** Words that say the number that follows is an ID number. */
const ID_CUE = /身份证|身份号码|证件号|证号|居住证|(?<![A-Za-z])(?:ID|SFZ|sfzh|idcard|id_?no)/i;
/** Words that say the number that follows is a card or account number. */
const CARD_CUE =
  /卡号|银行卡|借记卡|信用卡|储蓄卡|社保卡|账号|帐号|账户|帐户|开户|收款|card|account|acct/i;

/**
 * An 18-digit number with a real region, a real birth date and a correct check digit is an ID
 * number wherever it stands. With a wrong check digit it is a mistyped ID only when the clause
 * says it is one (身份证号码 …); otherwise it is a serial number that happens to look like one
 * (设备序列号 110101199003074510). 15-digit numbers have no check digit: region and date decide.
 */
function isIdCard(candidate: string, text: string, index: number): boolean {
  const result = checkIdCard(candidate);
  if (result.valid) return true;
  return result.reason === 'check-digit' && ID_CUE.test(clauseBefore(text, index, 24));
}

/**
 * Luhn-valid 16–19 digits. An 18-digit number shaped like an ID number (real region and date) is a
 * card only when the clause names a card or account: a serial with a wrong ID check digit passes
 * Luhn one time in ten.
 */
function isBankCard(digits: string, text: string, index: number): boolean {
  if (!luhnValid(digits)) return false;
  if (digits.length !== 18) return true;
  const asId = checkIdCard(digits);
  const idShaped = asId.valid || asId.reason === 'check-digit';
  return !idShaped || CARD_CUE.test(clauseBefore(text, index, 24));
}

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function shannonBitsPerChar(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * Random-looking: letters and digits mixed, no short dash/underscore-separated segments (those are
 * structured codes such as `ZJ-BM-2026-11-28-000123`), and a high character entropy.
 */
function looksRandom(candidate: string): boolean {
  if (CANONICAL_UUID.test(candidate)) return false;
  if (!/[A-Za-z]/.test(candidate) || !/\d/.test(candidate)) return false;
  const longestSegment = Math.max(...candidate.split(/[-_]/).map((part) => part.length));
  if (longestSegment < 16) return false;
  return shannonBitsPerChar(candidate) >= 3.2;
}

const PASSPORT_CUE = /护照|passport|通行证|旅行证/i;

/**
 * Passport numbers. Chinese ordinary passports (E + 8 digits, E + letter + 7 digits, the older
 * G + 8 digits) are recognised anywhere; other shapes (P1234567, K12345678, nine digits) only
 * after 护照/passport in the same stretch of text.
 */
function isPassport(candidate: string, text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 24), index);
  if (PASSPORT_CUE.test(before)) return /^(?:[A-Za-z]{1,2}\d{6,8}|\d{9})$/.test(candidate);
  if (!/^(?:[EG]\d{8}|E[A-HJ-NP-Z]\d{7})$/.test(candidate)) return false;
  // Without a cue, E/G + 8 digits is also the shape of many codes: refuse it after the name of
  // another number (版本号, 发动机号, 受理编号 …) and when the digits start with a date (G20261128).
  if (OTHER_NUMBER_CUE.test(clauseBefore(text, index, 12))) return false;
  return !/^[EG](?:19|20)\d\d(?:0[1-9]|1[0-2])/.test(candidate);
}

/** Names of numbers that are not passports, right before an E/G + 8 digits without 护照. */
const OTHER_NUMBER_CUE =
  /编号|单号|版本|发动机|车架|型号|序列|批次|流水|订单|工单|受理|案号|文号|代码|批号|货号|料号|SN|No\.?\s*$/i;

const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE_LETTER = '[A-HJ-NP-Z]';

/** The part after the province and issuing-office letter: ordinary, new-energy or special plates. */
function isPlateTail(tail: string): boolean {
  if (tail.length === 5) {
    // Ordinary plates: five letters and digits, mostly digits (letters I and O are never used).
    return /^[A-HJ-NP-Z0-9]{5}$/.test(tail) && (tail.match(/\d/g)?.length ?? 0) >= 3;
  }
  // 挂 (trailer), 学 (driving school), 警 (police), 港/澳 (cross-border) and the like.
  if (/^[A-HJ-NP-Z0-9]{4}[挂学警港澳领试超]$/.test(tail)) return /\d{3}/.test(tail);
  // New-energy plates: D/F then a letter or digit and four digits, or five digits then D/F.
  return /^(?:[DF][A-HJ-NP-Z0-9]\d{4}|\d{5}[DF])$/.test(tail);
}

const SECRET_KEYS = [
  'access_token',
  'refresh_token',
  'id_token',
  'auth_token',
  'token',
  'api[_-]?key',
  'apikey',
  'app[_-]?secret',
  'client_secret',
  'secret',
  'session[_-]?id',
  'sessionid',
  'jsessionid',
  'phpsessid',
  'sid',
  'ticket',
  'signature',
  'sign',
  'cookie',
].join('|');

/** Spans found by a context-cue function, as a detector of one kind. */
function cueDetector(kind: ScrubKind, find: (text: string) => { start: number; end: number }[]) {
  return (text: string): Span[] => find(text).map((span) => ({ ...span, kind }));
}

/** Kinds whose span may be shortened to end where a number found inside it starts. */
const CLIPPABLE: ReadonlySet<ScrubKind> = new Set(['address']);

// Order matters: earlier detectors win where spans overlap (an e-mail address made of a phone
// number is one e-mail address; a JWT is not also a "random string").
const DETECTORS: readonly Detector[] = [
  // JWT: three base64url parts, the first being a JSON header ("eyJ" = '{"').
  regexDetector(
    'token',
    `${NOT_ALNUM_BEFORE}eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*`,
    '',
    () => true,
  ),
  // Authorization schemes: keep the scheme word so the report still says what it was.
  regexDetector('token', `\\b(?:Bearer|Basic|Token)\\s+([A-Za-z0-9._~+/=-]{8,})`, 'di', groupSpan),
  regexDetector(
    'password',
    `(?:password|passwd|pwd|密码|口令)\\s*(?:是|为|[:=：])\\s*([\\x21-\\x7e]{4,})`,
    'di',
    (match) => {
      const span = groupSpan(match);
      if (!span) return false;
      // A comma or semicolon ends the clause ("密码是abc123，然后": the probe has a half-width
      // comma there). Other punctuation may be part of the password, so it is masked with it.
      const value = match[1] ?? '';
      const trimmed = value.replace(/[,;]+$/, '');
      return trimmed.length >= 4 ? { start: span.start, end: span.start + trimmed.length } : false;
    },
  ),
  regexDetector(
    'token',
    `(?<![A-Za-z0-9_])(?:${SECRET_KEYS})["']?\\s*[:=：]\\s*["']?(?!(?:Bearer|Basic|Token)\\s)([^\\s"'&;,，。；、)）]{4,})`,
    'di',
    groupSpan,
  ),
  regexDetector(
    'email',
    // Bounded parts (64-character local part, labels of at most 63, at most 8 of them): an
    // unbounded local part made `1-1-1-…` quadratic (every start ran to the end looking for @).
    `${NOT_ALNUM_BEFORE}[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\\.){1,8}[A-Za-z]{2,24}${NOT_ALNUM_AFTER}`,
    '',
    () => true,
  ),
  regexDetector(
    'idCard',
    `${LABEL_LETTERS_BEFORE}(?:\\d{6}[ -]?(?:\\d{8}[ -]?\\d{3}[\\dXx]|\\d{4}[ -]?\\d{4}[ -]?\\d{3}[\\dXx])|\\d{15})(?![0-9])`,
    '',
    (match, text) => isIdCard(match[0].replace(/[ -]/g, ''), text, match.index),
  ),
  regexDetector(
    'bankCard',
    `${NOT_ALNUM_BEFORE}(?:\\d{16,19}|\\d{4}(?:[ -]\\d{4}){3}(?:[ -]\\d{1,3})?)${NOT_ALNUM_AFTER}`,
    '',
    (match, text) => isBankCard(match[0].replace(/[ -]/g, ''), text, match.index),
  ),
  regexDetector(
    'mobile',
    `(?:(?<![0-9A-Za-z+])(?:\\+86|0086|86)[ -]?|${LABEL_LETTERS_BEFORE})1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}${NOT_ALNUM_AFTER}`,
    '',
    (match) => checkMobile(match[0]).valid,
  ),
  regexDetector(
    'landline',
    `(?:(?<![0-9A-Za-z])\\(0\\d{2,3}\\)|${NOT_ALNUM_BEFORE}0\\d{2,3})[ -]?[2-9]\\d{2,3}[ -]?\\d{4}(?:(?:-|转|ext\\.?|#)\\d{1,6})?${NOT_ALNUM_AFTER}`,
    'i',
    (match) => checkLandline(match[0]).valid,
  ),
  regexDetector(
    'passport',
    `${NOT_ALNUM_BEFORE}(?:[A-Za-z]{1,2}\\d{6,8}|\\d{9})${NOT_ALNUM_AFTER}`,
    '',
    (match, text) => isPassport(match[0], text, match.index),
  ),
  regexDetector(
    'licensePlate',
    `[${PLATE_PROVINCES}]${PLATE_LETTER}[·•・. -]?([A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳领试超])${NOT_ALNUM_AFTER}`,
    'd',
    (match) => isPlateTail(match[1] ?? ''),
  ),
  regexDetector('token', `${NOT_ALNUM_BEFORE}[A-Za-z0-9_-]{24,}={0,2}`, '', (match) =>
    looksRandom(match[0].replace(/=+$/, '')),
  ),
  cueDetector('name', findCuedNames),
  cueDetector('address', findCuedAddresses),
];

/** Whether `text` has a character from the full-width digit/letter/@ block (an IME in full width). */
const DIGIT_OR_FULL_WIDTH = /[0-9@\uff10-\uff19\uff20-\uff3a\uff41-\uff5a]/;
const PREFILTER_WORDS = new RegExp(
  [CUE_PATTERN, '密码', '口令', 'pass', 'pwd', 'eyJ', 'bearer', 'basic', SECRET_KEYS].join('|'),
  'i',
);

/**
 * A cheap test for the screenshot DOM walker: false only when {@link findPersonalData} cannot find
 * anything in `text`. Every numeric kind needs a digit, e-mail needs an @, and names, addresses,
 * passwords and tokens without digits need their cue word; so text without digits, @ or any of
 * those words (menu labels, headings, most running text) is skipped without a scan.
 */
export function mightHoldPersonalData(text: string): boolean {
  return DIGIT_OR_FULL_WIDTH.test(text) || PREFILTER_WORDS.test(text);
}

export interface FindOptions {
  /**
   * Text that stands before `input` on the page but is not part of it: a form field's label, a
   * table column's header. Its cue words count (a field labelled 身份证号 holding a number with a
   * mistyped check digit, a 姓名 cell holding 张伟); nothing inside it is reported or replaced.
   */
  context?: string;
}

/**
 * The spans of personal data and secrets in `input`, in text order, never overlapping (see the
 * module comment for the kinds). Screenshot covers use the spans to cover only what holds them.
 * Text that {@link mightHoldPersonalData} rules out is not scanned.
 */
export function findPersonalData(input: string, options: FindOptions = {}): PersonalDataSpan[] {
  const context = contextPrefix(options);
  if (!mightHoldPersonalData(context + input)) return [];
  return scanPersonalData(input, options);
}

/**
 * {@link findPersonalData} without the prefilter: every detector runs over the text. The prefilter
 * is tested against this (it must never rule out text this finds something in).
 */
export function scanPersonalData(input: string, options: FindOptions = {}): PersonalDataSpan[] {
  const context = contextPrefix(options);
  // toHalfWidth maps one UTF-16 unit to one, so indices in the probe are indices in the input
  // (shifted by the context's length).
  const spans = scan(toHalfWidth(context + input));
  if (!context) return spans;
  return spans
    .filter((span) => span.start >= context.length)
    .map((span) => ({
      ...span,
      start: span.start - context.length,
      end: span.end - context.length,
    }));
}

function contextPrefix(options: FindOptions): string {
  return options.context ? `${options.context.replace(/[\r\n]+/g, ' ')} ` : '';
}

/**
 * Runs the detectors in order; a span that overlaps one already accepted is dropped (or, for an
 * address, ended where the earlier span starts). Linear in the number of spans: every detector
 * returns its spans in text order, and the accepted ones are kept sorted.
 */
function scan(probe: string): Span[] {
  let accepted: Span[] = [];
  for (const detect of DETECTORS) {
    const added: Span[] = [];
    let next = 0;
    let lastEnd = 0;
    for (const found of detect(probe)) {
      while (next < accepted.length && (accepted[next]?.end ?? 0) <= found.start) next += 1;
      const other = accepted[next];
      let span: Span | null = found.start >= lastEnd ? { ...found } : null;
      if (span && other && other.start < span.end) {
        // An address that runs into a phone number found earlier ends where the number starts.
        span =
          CLIPPABLE.has(span.kind) && other.start > span.start + 2
            ? { ...span, end: other.start }
            : null;
      }
      if (!span) continue;
      while (span.end > span.start && /\s/.test(probe.charAt(span.end - 1))) span.end -= 1;
      added.push(span);
      lastEnd = span.end;
    }
    if (added.length > 0) accepted = mergeByStart(accepted, added);
  }
  return accepted;
}

function mergeByStart(a: Span[], b: Span[]): Span[] {
  const merged: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    if (left && (!right || left.start <= right.start)) {
      merged.push(left);
      i += 1;
    } else if (right) {
      merged.push(right);
      j += 1;
    }
  }
  return merged;
}

/**
 * Replaces personal data and secrets in `input` with typed placeholders (see the module comment)
 * and counts what was replaced. Idempotent: scrubbing scrubbed text changes nothing.
 */
export function scrubPersonalData(input: string, options: FindOptions = {}): ScrubResult {
  const accepted = findPersonalData(input, options);

  const counts: ScrubCounts = {};
  let text = '';
  let cursor = 0;
  for (const span of accepted) {
    text += input.slice(cursor, span.start) + SCRUB_PLACEHOLDERS[span.kind];
    cursor = span.end;
    counts[span.kind] = (counts[span.kind] ?? 0) + 1;
  }
  text += input.slice(cursor);
  return { text, counts, total: accepted.length };
}

/** Adds up several count sets (description + title, …). */
export function addScrubCounts(...sets: ScrubCounts[]): ScrubCounts {
  const sum: ScrubCounts = {};
  for (const set of sets) {
    for (const kind of SCRUB_KINDS) {
      const count = set[kind];
      if (count) sum[kind] = (sum[kind] ?? 0) + count;
    }
  }
  return sum;
}

/**
 * What to tell the user, e.g. "已隐去 3 处个人信息（手机号 2 处、身份证号 1 处）"; `null` when
 * nothing was scrubbed.
 */
export function describeScrub(counts: ScrubCounts): string | null {
  const parts = SCRUB_KINDS.filter((kind) => counts[kind]).map(
    (kind) => `${SCRUB_KIND_LABELS[kind]} ${counts[kind]} 处`,
  );
  const total = SCRUB_KINDS.reduce((sum, kind) => sum + (counts[kind] ?? 0), 0);
  if (total === 0) return null;
  return `已隐去 ${total} 处个人信息（${parts.join('、')}）`;
}
