/**
 * Field validators for the e-government forms Zhiyin trains on, and the registry tours use to say
 * "this input must pass validator X" (`guard: { validator: creditCode }`).
 */
import { checkCreditCode } from './credit-code';
import { checkIdCard } from './id-card';
import { checkPassword } from './password';
import type { ValidatorLanguage } from './messages';
import { checkLandline, checkMobile, checkPhone } from './phone';

export * from './credit-code';
export * from './password';
export * from './id-card';
export * from './phone';
export * from './attachment';
export * from './report-rules';
export * from './deadline';
export { toHalfWidth, normalizeCode } from './normalize';
export { validatorMessages, type ValidatorLanguage, type ValidatorMessages } from './messages';

/** The common shape every registered validator returns, for field guards to render. */
export interface ValidationOutcome {
  ok: boolean;
  /** Blocking problems in the requested language, Chinese by default (empty when ok). */
  messages: string[];
  /** Non-blocking remarks, same language (e.g. a legacy ID number, an inner check). */
  warnings: string[];
  /** The value in its canonical form, when the validator has one. */
  normalized?: string;
}

const fromPhone = (result: ReturnType<typeof checkMobile>): ValidationOutcome =>
  result.valid
    ? { ok: true, messages: [], warnings: [], normalized: result.normalized }
    : { ok: false, messages: [result.message], warnings: [] };

/**
 * Validators by id. Ids are stable (tour files refer to them):
 * - `creditCode` 统一社会信用代码 (GB 32100-2015)
 * - `idCard` 居民身份证号码 (GB 11643-1999; 15-digit numbers pass with a warning)
 * - `mobile` 手机号码; `landline` 固定电话; `phone` either of them
 * - `password` the training plan's password policy (8–16 位，字母+数字+符号)
 */
export const VALIDATORS: Readonly<
  Record<string, (value: string, language?: ValidatorLanguage) => ValidationOutcome>
> = {
  creditCode: (value, language) => {
    const r = checkCreditCode(value, { language });
    return r.valid
      ? {
          ok: true,
          messages: [],
          warnings: (r.warnings ?? []).map((w) => w.message),
          normalized: r.normalized,
        }
      : { ok: false, messages: [r.message], warnings: [] };
  },
  idCard: (value, language) => {
    const r = checkIdCard(value, { language });
    return r.valid
      ? { ok: true, messages: [], warnings: r.note ? [r.note] : [], normalized: r.normalized }
      : { ok: false, messages: [r.message], warnings: [] };
  },
  mobile: (value, language) => fromPhone(checkMobile(value, { language })),
  landline: (value, language) => fromPhone(checkLandline(value, { language })),
  phone: (value, language) => fromPhone(checkPhone(value, { allowLandline: true, language })),
  password: (value, language) => {
    const r = checkPassword(value, undefined, { language });
    return { ok: r.ok, messages: r.problems.map((p) => p.message), warnings: [] };
  },
};

/** The ids registered in {@link VALIDATORS}; the tour schema can use this as an enum. */
export const VALIDATOR_IDS = [
  'creditCode',
  'idCard',
  'mobile',
  'landline',
  'phone',
  'password',
] as const;
export type ValidatorId = (typeof VALIDATOR_IDS)[number];

/** Display names of the registered validators, for tour text such as "须通过统一社会信用代码校验". */
export const VALIDATOR_LABELS: Readonly<Record<ValidatorId, string>> = {
  creditCode: '统一社会信用代码',
  idCard: '居民身份证号码',
  mobile: '手机号码',
  landline: '固定电话',
  phone: '联系电话',
  password: '密码规则',
};

/** English display names of the registered validators. */
export const VALIDATOR_LABELS_EN: Readonly<Record<ValidatorId, string>> = {
  creditCode: 'unified social credit code',
  idCard: 'resident ID card number',
  mobile: 'mobile number',
  landline: 'landline number',
  phone: 'phone number',
  password: 'password rules',
};

/** A validator's display name in `language` (Chinese by default). */
export function validatorLabel(id: ValidatorId, language?: ValidatorLanguage): string {
  return (language === 'en' ? VALIDATOR_LABELS_EN : VALIDATOR_LABELS)[id];
}

/**
 * Runs a registered validator, its messages in `language` (Chinese by default); `undefined` when
 * the id is unknown (a tour-check error).
 */
export function runValidator(
  id: string,
  value: string,
  language?: ValidatorLanguage,
): ValidationOutcome | undefined {
  return Object.hasOwn(VALIDATORS, id) ? VALIDATORS[id]?.(value, language) : undefined;
}
