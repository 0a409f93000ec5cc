/**
 * Scrubs personal data and secrets out of free text (problem report descriptions, page titles)
 * before it is stored or sent. Pure: no DOM, no storage.
 *
 * What is replaced, and by which placeholder:
 * | kind       | placeholder   | detected as                                                      |
 * | ---------- | ------------- | ---------------------------------------------------------------- |
 * | `idCard`   | `[身份证号]`  | 18 digits (last may be X) with a real province code and birth date; a wrong check digit still counts (a mistyped ID is still personal). 15-digit legacy numbers with a real region and date. Groups of 6-8-4 separated by a space or dash too. |
 * | `bankCard` | `[银行卡号]`  | 16–19 digits, bare or in groups of four, passing the Luhn check   |
 * | `mobile`   | `[手机号]`    | 11-digit mainland mobile `1[3-9]…`, with +86/0086/86, spaces or dashes |
 * | `landline` | `[电话号码]`  | area code + number (`010-65123456`, `(0591)87654321`, `0591 8765 4321转123`) |
 * | `email`    | `[邮箱]`      | `name@domain.tld`                                               |
 * | `password` | `[密码]`      | the value after 密码/口令/password … 是/为/:/= (ASCII, ≥ 4 chars)  |
 * | `token`    | `[令牌]`      | JWTs; the credential after `Bearer`/`Basic`/`Token`; values of token=, access_token=, ticket=, sessionid=, api_key= …; long random-looking strings (≥ 24 chars, letters and digits, high entropy) |
 *
 * Deliberately kept:
 * - 统一社会信用代码: it identifies an organisation (public on the business licence and in the
 *   national enterprise credit register), not a person, and support needs it to find the
 *   application in question. A 个体工商户's code does not contain the owner's ID number.
 * - Canonical UUIDs (8-4-4-4-12 hex): these systems print them as 请求ID / trace ids, which support
 *   needs; they are identifiers of requests and records, not credentials.
 * - Dates (20261128, 2026-11-28), amounts, 受理编号 / document numbers (letter prefixes, or digit
 *   runs that are not a valid ID/phone/Luhn card), 8-digit local numbers without an area code.
 * - Names and addresses: no reliable pattern; the report form must ask people not to type them.
 *
 * Full-width digits and letters (an IME left in full-width mode) are detected too: matching runs on a
 * half-width copy of the text, which has the same length, and spans are replaced in the original.
 */
import { checkIdCard } from '../validators/id-card';
import { toHalfWidth } from '../validators/normalize';
import { checkLandline, checkMobile } from '../validators/phone';

export const SCRUB_KINDS = [
  'idCard',
  'bankCard',
  'mobile',
  'landline',
  'email',
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

function regexDetector(
  kind: ScrubKind,
  source: string,
  flags: string,
  accept: (match: RegExpExecArray) => boolean | { start: number; end: number },
): Detector {
  return (text) => {
    const spans: Span[] = [];
    const regex = new RegExp(source, flags.includes('g') ? flags : `${flags}g`);
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      const verdict = accept(match);
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

/** The span of capture group 1 inside the match (the `d` flag gives its indices). */
function groupSpan(match: RegExpExecArray): { start: number; end: number } | false {
  const indices = match.indices?.[1];
  return indices ? { start: indices[0], end: indices[1] } : false;
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

function isIdCard(candidate: string): boolean {
  const result = checkIdCard(candidate);
  // A wrong check digit on an otherwise well-formed number is a typo, still someone's ID.
  return result.valid || result.reason === 'check-digit';
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
    `${NOT_ALNUM_BEFORE}[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}${NOT_ALNUM_AFTER}`,
    '',
    () => true,
  ),
  regexDetector(
    'idCard',
    `${NOT_ALNUM_BEFORE}(?:\\d{6}[ -]?\\d{8}[ -]?\\d{3}[\\dXx]|\\d{15})${NOT_ALNUM_AFTER}`,
    '',
    (match) => isIdCard(match[0].replace(/[ -]/g, '')),
  ),
  regexDetector(
    'bankCard',
    `${NOT_ALNUM_BEFORE}(?:\\d{16,19}|\\d{4}(?:[ -]\\d{4}){3}(?:[ -]\\d{1,3})?)${NOT_ALNUM_AFTER}`,
    '',
    (match) => luhnValid(match[0].replace(/[ -]/g, '')),
  ),
  regexDetector(
    'mobile',
    `(?:(?<![0-9A-Za-z+])(?:\\+86|0086|86)[ -]?|${NOT_ALNUM_BEFORE})1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}${NOT_ALNUM_AFTER}`,
    '',
    (match) => checkMobile(match[0]).valid,
  ),
  regexDetector(
    'landline',
    `(?:(?<![0-9A-Za-z])\\(0\\d{2,3}\\)|${NOT_ALNUM_BEFORE}0\\d{2,3})[ -]?[2-9]\\d{2,3}[ -]?\\d{4}(?:(?:-|转|ext\\.?|#)\\d{1,6})?${NOT_ALNUM_AFTER}`,
    'i',
    (match) => checkLandline(match[0]).valid,
  ),
  regexDetector('token', `${NOT_ALNUM_BEFORE}[A-Za-z0-9_-]{24,}={0,2}`, '', (match) =>
    looksRandom(match[0].replace(/=+$/, '')),
  ),
];

/**
 * The spans of personal data and secrets in `input`, in text order, never overlapping (see the
 * module comment for the kinds). Screenshot covers use the spans to cover only what holds them.
 */
export function findPersonalData(input: string): PersonalDataSpan[] {
  const probe = toHalfWidth(input);
  // toHalfWidth maps one UTF-16 unit to one, so indices in `probe` are indices in `input`.
  const accepted: Span[] = [];
  for (const detect of DETECTORS) {
    for (const span of detect(probe)) {
      if (accepted.some((other) => span.start < other.end && other.start < span.end)) continue;
      accepted.push(span);
    }
  }
  return accepted.sort((a, b) => a.start - b.start);
}

/**
 * Replaces personal data and secrets in `input` with typed placeholders (see the module comment)
 * and counts what was replaced. Idempotent: scrubbing scrubbed text changes nothing.
 */
export function scrubPersonalData(input: string): ScrubResult {
  const accepted = findPersonalData(input);

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
