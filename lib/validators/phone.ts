/**
 * Mainland China telephone numbers.
 *
 * Mobile (YD/T 2-digit network prefixes, MIIT numbering plan): 11 digits `1[3-9]xxxxxxxxx`,
 * optionally written with a `+86`, `0086` or `86` country prefix and with spaces, hyphens, dots or
 * parentheses as separators (e.g. "+86 138-0013-8000").
 *
 * Landline: trunk prefix 0 + area code + subscriber number. Area codes are 010 and 02x (3 digits,
 * followed by an 8-digit number) or 4 digits (e.g. 0591, followed by a 7- or 8-digit number).
 * Subscriber numbers never start with 0 or 1. An extension may follow after "-", "转" or "ext".
 */
import { validatorMessages, type ValidatorLanguage } from './messages';
import { toHalfWidth } from './normalize';

export type PhoneResult =
  | {
      valid: true;
      kind: 'mobile' | 'landline';
      /** Mobile: the bare 11 digits. Landline: "0591-87654321" (plus "-123" for an extension). */
      normalized: string;
    }
  | {
      valid: false;
      reason: 'empty' | 'charset' | 'length' | 'prefix';
      /** Simplified Chinese, ready to show under the field. */
      message: string;
    };

const SEPARATORS = /[\s\-.()（）]/g;

function stripCountryPrefix(digits: string): string {
  if (digits.startsWith('+86')) return digits.slice(3);
  if (digits.startsWith('0086')) return digits.slice(4);
  // A bare "86" is a country prefix only when 11 digits follow.
  if (digits.startsWith('86') && digits.length === 13) return digits.slice(2);
  return digits;
}

/** Checks a mainland mobile number (see module comment for accepted forms). */
export function checkMobile(
  input: string,
  options: { language?: ValidatorLanguage } = {},
): PhoneResult {
  const t = validatorMessages(options.language);
  const compact = toHalfWidth(input).trim().replace(SEPARATORS, '');
  if (compact === '') return { valid: false, reason: 'empty', message: t.mobileEmpty };
  const digits = stripCountryPrefix(compact);
  if (!/^\d+$/.test(digits)) {
    return { valid: false, reason: 'charset', message: t.mobileCharset };
  }
  if (digits.length !== 11) {
    return {
      valid: false,
      reason: 'length',
      message: t.mobileLength({ length: digits.length }),
    };
  }
  if (!/^1[3-9]/.test(digits)) {
    return { valid: false, reason: 'prefix', message: t.mobilePrefix };
  }
  return { valid: true, kind: 'mobile', normalized: digits };
}

/** Checks a mainland landline number with area code, e.g. "0591-87654321" or "(010)12345678". */
export function checkLandline(
  input: string,
  options: { language?: ValidatorLanguage } = {},
): PhoneResult {
  const t = validatorMessages(options.language);
  const text = toHalfWidth(input).trim();
  if (text === '') return { valid: false, reason: 'empty', message: t.landlineEmpty };
  const extMatch = /^(.*?)(?:\s*(?:转|ext\.?|x|#)\s*|-)(\d{1,6})$/i.exec(text);
  // Only treat a trailing "-digits" as an extension when what precedes it is already complete.
  let main = text;
  let extension = '';
  if (extMatch?.[1] !== undefined && extMatch[2] !== undefined) {
    const before = stripCountryPrefix(extMatch[1].replace(SEPARATORS, ''));
    if (/^0\d{9,11}$/.test(before) && /^\d{1,6}$/.test(extMatch[2])) {
      main = extMatch[1];
      extension = extMatch[2];
    }
  }
  let digits = stripCountryPrefix(main.replace(SEPARATORS, ''));
  if (!/^\d+$/.test(digits)) {
    return { valid: false, reason: 'charset', message: t.landlineCharset };
  }
  // With a +86 prefix the trunk 0 is dropped ("+86 591 8765 4321").
  if (digits !== main.replace(SEPARATORS, '') && !digits.startsWith('0')) digits = `0${digits}`;
  if (!digits.startsWith('0')) {
    return { valid: false, reason: 'prefix', message: t.landlinePrefix };
  }
  const areaLength = /^0(10|2\d)/.test(digits) ? 3 : 4;
  const area = digits.slice(0, areaLength);
  const subscriber = digits.slice(areaLength);
  const lengthOk = areaLength === 3 ? subscriber.length === 8 : /^\d{7,8}$/.test(subscriber);
  if (!lengthOk) {
    return {
      valid: false,
      reason: 'length',
      message: t.landlineLength({
        area,
        expected: areaLength === 3 ? t.landlineLengthEight : t.landlineLengthSevenOrEight,
        length: subscriber.length,
      }),
    };
  }
  if (/^[01]/.test(subscriber)) {
    return { valid: false, reason: 'prefix', message: t.landlineSubscriberPrefix };
  }
  return {
    valid: true,
    kind: 'landline',
    normalized: `${area}-${subscriber}${extension ? `-${extension}` : ''}`,
  };
}

/**
 * Checks a contact number: a mobile number, or — when `allowLandline` is true (default false) —
 * a landline. When both fail, the mobile message is returned unless the input starts with 0
 * (which only a landline does).
 */
export function checkPhone(
  input: string,
  options: { allowLandline?: boolean; language?: ValidatorLanguage } = {},
): PhoneResult {
  const language = options.language === undefined ? {} : { language: options.language };
  const mobile = checkMobile(input, language);
  if (mobile.valid || !options.allowLandline) return mobile;
  const landline = checkLandline(input, language);
  if (landline.valid) return landline;
  const compact = toHalfWidth(input).trim().replace(SEPARATORS, '');
  return compact.startsWith('0') && !compact.startsWith('0086') ? landline : mobile;
}
