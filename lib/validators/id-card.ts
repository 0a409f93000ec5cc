/**
 * 公民身份号码 (resident ID card number) — GB 11643-1999.
 *
 * 18 characters: 6-digit address code (GB/T 2260) + 8-digit birth date YYYYMMDD + 3-digit sequence
 * (odd for men, even for women) + check character. The check is ISO 7064 MOD 11-2:
 * `Σ aᵢ·Wᵢ mod 11` with `Wᵢ = 2^(18-i) mod 11` (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) indexes the
 * check table `1 0 X 9 8 7 6 5 4 3 2`.
 *
 * 15-digit numbers (issued before GB 11643-1999: 6 address + YYMMDD with an implied 19 + 3
 * sequence, no check character) are still printed on old documents; they are accepted as
 * `legacy` with a note and their 18-digit form.
 */
import { validatorMessages, type ValidatorLanguage, type ValidatorMessages } from './messages';
import { toHalfWidth } from './normalize';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_TABLE = '10X98765432';

/**
 * Province-level codes (first two digits of GB/T 2260) that appear on ID numbers. 71 is Taiwan;
 * 81/82/83 are the 港澳台居民居住证 numbers, which share this format.
 */
// prettier-ignore
const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '11': '北京', '12': '天津', '13': '河北', '14': '山西', '15': '内蒙古',
  '21': '辽宁', '22': '吉林', '23': '黑龙江',
  '31': '上海', '32': '江苏', '33': '浙江', '34': '安徽', '35': '福建', '36': '江西', '37': '山东',
  '41': '河南', '42': '湖北', '43': '湖南', '44': '广东', '45': '广西', '46': '海南',
  '50': '重庆', '51': '四川', '52': '贵州', '53': '云南', '54': '西藏',
  '61': '陕西', '62': '甘肃', '63': '青海', '64': '宁夏', '65': '新疆',
  '71': '台湾', '81': '香港', '82': '澳门', '83': '台湾（居住证）',
};

export type IdCardFailureReason = 'length' | 'charset' | 'region' | 'birth-date' | 'check-digit';

export interface IdCardInfo {
  /** Birth date as YYYY-MM-DD. */
  birthDate: string;
  gender: 'male' | 'female';
  /** The 6-digit address code. */
  regionCode: string;
  /** Province (or region) named by the first two digits. */
  province: string;
}

export type IdCardResult =
  | {
      valid: true;
      /** 18-digit form (upper-case X); for a legacy number, its computed 18-digit equivalent. */
      normalized: string;
      legacy: boolean;
      /** Set for legacy numbers: why they are accepted and what to ask for. */
      note?: string;
      info: IdCardInfo;
    }
  | {
      valid: false;
      reason: IdCardFailureReason;
      /** Simplified Chinese, ready to show under the field. */
      message: string;
      /** For `check-digit`: the check character the first 17 digits call for. */
      expected?: string;
    };

/** ISO 7064 MOD 11-2 check character for the first 17 digits; `undefined` if not 17 digits. */
export function idCardCheckCharacter(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_TABLE.charAt(sum % 11);
}

function checkBirthDate(
  yyyymmdd: string,
  now: Date,
  t: ValidatorMessages,
): { ok: true; iso: string } | { ok: false; message: string } {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(year, month - 1, day));
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (
    month < 1 ||
    month > 12 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return { ok: false, message: t.idBirthInvalid({ date: iso }) };
  }
  // GB 11643-1999 itself uses a person born in 1880 as an example, so only absurd years are refused.
  if (year < 1800) return { ok: false, message: t.idBirthTooEarly({ date: iso }) };
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  if (date.getTime() > today) return { ok: false, message: t.idBirthFuture({ date: iso }) };
  return { ok: true, iso };
}

/**
 * Checks a 居民身份证号码.
 *
 * Input is normalised (trim, full-width → half-width, lower-case x → X; spaces inside are
 * removed because numbers are often written in 6-8-4 groups). 18-digit numbers must have a known
 * province code, a real birth date not after `options.now` (default: today) and a correct check
 * character. 15-digit numbers are accepted as legacy, with the same region and date checks.
 */
export function checkIdCard(
  input: string,
  options: { now?: Date; language?: ValidatorLanguage } = {},
): IdCardResult {
  const t = validatorMessages(options.language);
  const now = options.now ?? new Date();
  const id = toHalfWidth(input).replace(/\s+/g, '').toUpperCase();
  if (id.length !== 18 && id.length !== 15) {
    return {
      valid: false,
      reason: 'length',
      message: id.length === 0 ? t.idEmpty : t.idLength({ length: id.length }),
    };
  }
  const legacy = id.length === 15;
  if (legacy ? !/^\d{15}$/.test(id) : !/^\d{17}[\dX]$/.test(id)) {
    return {
      valid: false,
      reason: 'charset',
      message: legacy ? t.idCharsetLegacy : t.idCharset,
    };
  }
  const province = PROVINCE_CODES[id.slice(0, 2)];
  if (!province) {
    return {
      valid: false,
      reason: 'region',
      message: t.idRegion({ code: id.slice(0, 2) }),
    };
  }
  const birth = checkBirthDate(legacy ? `19${id.slice(6, 12)}` : id.slice(6, 14), now, t);
  if (!birth.ok) return { valid: false, reason: 'birth-date', message: birth.message };

  const first17 = legacy ? `${id.slice(0, 6)}19${id.slice(6, 15)}` : id.slice(0, 17);
  const expected = idCardCheckCharacter(first17) ?? '';
  if (!legacy && id.charAt(17) !== expected) {
    return {
      valid: false,
      reason: 'check-digit',
      expected,
      message: t.idCheckDigit({ expected, actual: id.charAt(17) }),
    };
  }
  const sequenceDigit = Number(first17.charAt(16));
  return {
    valid: true,
    normalized: first17 + expected,
    legacy,
    ...(legacy ? { note: t.idLegacyNote } : {}),
    info: {
      birthDate: birth.iso,
      gender: sequenceDigit % 2 === 1 ? 'male' : 'female',
      regionCode: id.slice(0, 6),
      province,
    },
  };
}
