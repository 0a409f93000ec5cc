/**
 * 统一社会信用代码 (unified social credit code) — GB 32100-2015.
 *
 * Layout of the 18 characters:
 * | positions | meaning                                        | characters           |
 * | --------- | ---------------------------------------------- | -------------------- |
 * | 1         | 登记管理部门代码 (registration authority)       | see {@link REGISTRATION_AUTHORITIES} |
 * | 2         | 机构类别代码 (organisation category)            | depends on position 1 |
 * | 3–8       | 登记管理机关行政区划码 (GB/T 2260 region code)   | digits               |
 * | 9–17      | 主体标识码 = 组织机构代码 (GB 11714)             | 0-9 A-Z (GB 11714)    |
 * | 18        | 校验码 (check character)                        | code alphabet        |
 *
 * The code alphabet is 0-9 and A-Z without I, O, Z, S, V (31 characters, valued 0–30 in order).
 * The check character is `31 - (Σ value(cᵢ)·wᵢ mod 31)`, where `wᵢ = 3^(i-1) mod 31` for
 * i = 1…17 (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28); a result of 31 becomes 0.
 *
 * The embedded organisation code (positions 9–17) carries its own GB 11714 check character. Some
 * codes that were actually issued fail that inner check (organisation codes assigned before the
 * GB 11714 check was enforced, and 个体工商户 codes whose 主体标识码 was generated without it), so a
 * failed inner check is reported as a **warning** on a valid result, never as an error: a field
 * guard must not stop a clerk from entering a code printed on a genuine licence.
 */
import { validatorMessages, type ValidatorLanguage } from './messages';
import { normalizeCode } from './normalize';

/** The 31-character alphabet of GB 32100-2015, in value order (value = index). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Position weights 3^(i-1) mod 31 for positions 1–17. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/**
 * Registration authorities (position 1) and the organisation categories (position 2) each one
 * allows, per GB 32100-2015 Table 1 and its amendment (外交, 司法行政, 文化, 旅游, 宗教, 工会,
 * 中央军委改革和编制办公室 and 农业 were added to 机构编制 / 民政 / 工商 / 其他).
 */
export const REGISTRATION_AUTHORITIES: Readonly<
  Record<string, { name: string; categories: Readonly<Record<string, string>> }>
> = {
  '1': {
    name: '机构编制',
    categories: {
      '1': '机关',
      '2': '事业单位',
      '3': '中央编办直接管理机构编制的群众团体',
      '9': '其他',
    },
  },
  '2': { name: '外交', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    categories: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { name: '文化', categories: { '1': '外国在华文化中心', '9': '其他' } },
  '5': {
    name: '民政',
    categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' },
  },
  '6': {
    name: '旅游',
    categories: {
      '1': '外国旅游部门常驻代表机构',
      '2': '港澳台地区旅游部门常驻内地（大陆）代表机构',
      '9': '其他',
    },
  },
  '7': { name: '宗教', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', categories: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', categories: { '1': '军队事业单位', '9': '其他' } },
  N: {
    name: '农业',
    categories: {
      '1': '组级集体经济组织',
      '2': '村级集体经济组织',
      '3': '乡镇级集体经济组织',
      '9': '其他',
    },
  },
  Y: { name: '其他', categories: { '1': '其他' } },
};

/** A non-blocking finding on a code that is otherwise valid. */
export interface CreditCodeWarning {
  code: 'org-code-check';
  message: string;
  /** The GB 11714 check character the embedded organisation code should end with. */
  expected: string;
}

/** Decoded parts of a valid code, for display next to the field. */
export interface CreditCodeParts {
  registrationAuthority: string;
  category: string;
  regionCode: string;
  organizationCode: string;
}

export type CreditCodeResult =
  | {
      valid: true;
      /** The code after trim, full-width → half-width and upper-casing. */
      normalized: string;
      /** Always set by {@link checkCreditCode}; empty when nothing is worth a remark. */
      warnings?: CreditCodeWarning[];
      parts?: CreditCodeParts;
    }
  | {
      valid: false;
      reason: 'length' | 'charset' | 'check-character';
      /** Simplified Chinese, ready to show under the field. */
      message: string;
      /** For `check-character`: the check character the first 17 characters call for. */
      expected?: string;
      /** 1-based position of the offending character, when there is one. */
      position?: number;
    };

/**
 * Computes the GB 32100-2015 check character for the first 17 characters of a code.
 * Returns `undefined` when any of them is outside {@link CREDIT_CODE_ALPHABET}.
 */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET.charAt(check);
}

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * GB 11714-1997 check character for the 8-character body of an organisation code (digits are
 * worth their value, letters A–Z 10–35): `11 - (Σ value·w mod 11)`, 10 → "X", 11 → "0".
 * Returns `undefined` when the body is not 8 characters of 0-9 / A-Z.
 */
export function organizationCodeCheckCharacter(body8: string): string | undefined {
  if (!/^[0-9A-Z]{8}$/.test(body8)) return undefined;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8.charAt(i);
    const value = ch <= '9' ? Number(ch) : ch.charCodeAt(0) - 55;
    sum += value * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * Checks a 统一社会信用代码 against GB 32100-2015.
 *
 * Input is normalised first (trim, full-width → half-width, upper-case), so "９１３５…" and
 * lower-case letters are accepted. Checks, in order: length 18 → alphabet → position 1 is a known
 * registration authority → position 2 is a category of that authority → positions 3–8 are digits →
 * check character. A failed GB 11714 check of the embedded organisation code only adds a warning
 * (see the module comment for why).
 *
 * @returns `{ valid: true, normalized, warnings, parts }`, or `{ valid: false, reason, message }`
 *   where `reason` is `length`, `charset` (including a wrong authority/category/region character)
 *   or `check-character` (then `expected` holds the correct 18th character).
 */
export function checkCreditCode(
  input: string,
  options: { language?: ValidatorLanguage } = {},
): CreditCodeResult {
  const t = validatorMessages(options.language);
  const code = normalizeCode(input);
  const length = [...code].length;
  if (length !== 18) {
    return {
      valid: false,
      reason: 'length',
      message: length === 0 ? t.creditEmpty : t.creditLength({ length }),
    };
  }

  for (let i = 0; i < 18; i++) {
    const ch = code.charAt(i);
    if (!CREDIT_CODE_ALPHABET.includes(ch)) {
      return {
        valid: false,
        reason: 'charset',
        position: i + 1,
        message: t.creditCharacter({
          position: i + 1,
          character: ch,
          unusedLetter: /^[IOZSV]$/.test(ch),
        }),
      };
    }
  }

  const authorityChar = code.charAt(0);
  const authority = REGISTRATION_AUTHORITIES[authorityChar];
  if (!authority) {
    return {
      valid: false,
      reason: 'charset',
      position: 1,
      message: t.creditAuthority({
        character: authorityChar,
        allowed: Object.keys(REGISTRATION_AUTHORITIES).join(t.listSeparator),
      }),
    };
  }
  const categoryChar = code.charAt(1);
  const category = authority.categories[categoryChar];
  if (!category) {
    return {
      valid: false,
      reason: 'charset',
      position: 2,
      message: t.creditCategory({
        character: categoryChar,
        authority: authority.name,
        allowed: Object.keys(authority.categories).join(t.listSeparator),
      }),
    };
  }
  const regionCode = code.slice(2, 8);
  const nonDigit = regionCode.search(/\D/);
  if (nonDigit >= 0) {
    return {
      valid: false,
      reason: 'charset',
      position: nonDigit + 3,
      message: t.creditRegion({ position: nonDigit + 3, character: regionCode.charAt(nonDigit) }),
    };
  }

  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  const actual = code.charAt(17);
  if (expected !== actual) {
    return {
      valid: false,
      reason: 'check-character',
      position: 18,
      expected,
      message: t.creditCheckCharacter({ expected: expected ?? '?', actual }),
    };
  }

  const organizationCode = code.slice(8, 17);
  const warnings: CreditCodeWarning[] = [];
  const orgExpected = organizationCodeCheckCharacter(organizationCode.slice(0, 8));
  if (orgExpected !== undefined && orgExpected !== organizationCode.charAt(8)) {
    warnings.push({
      code: 'org-code-check',
      expected: orgExpected,
      message: t.creditOrgCodeWarning({
        expected: orgExpected,
        actual: organizationCode.charAt(8),
      }),
    });
  }

  return {
    valid: true,
    normalized: code,
    warnings,
    parts: { registrationAuthority: authority.name, category, regionCode, organizationCode },
  };
}
