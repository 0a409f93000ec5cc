/**
 * Password policy check.
 *
 * The default is the training plan's rule for system accounts (安全层 · 账号安全): "8-16位，包含字母、
 * 数字、符号". Letters and digits are ASCII; a symbol is any printable ASCII character that is
 * neither a letter, a digit nor a space (e.g. `! @ # $ % ^ & * _ - . ,`). Characters outside
 * printable ASCII (Chinese characters, full-width symbols, spaces) are reported, because the
 * e-government login forms reject them and a full-width "！" typed through an IME looks like a
 * symbol but is not the one the system expects.
 */
import { validatorMessages, type ValidatorLanguage } from './messages';

export interface PasswordPolicy {
  /** Minimum length in characters (default 8). */
  minLength: number;
  /** Maximum length in characters (default 16). */
  maxLength: number;
  /** At least one ASCII letter (default true). */
  requireLetter: boolean;
  /** At least one digit 0-9 (default true). */
  requireDigit: boolean;
  /** At least one printable ASCII symbol (default true). */
  requireSymbol: boolean;
}

/** The training plan's policy: 8–16 characters with letters, digits and symbols. */
export const DEFAULT_PASSWORD_POLICY: Readonly<PasswordPolicy> = Object.freeze({
  minLength: 8,
  maxLength: 16,
  requireLetter: true,
  requireDigit: true,
  requireSymbol: true,
});

export type PasswordProblemCode =
  | 'empty'
  | 'too-short'
  | 'too-long'
  | 'missing-letter'
  | 'missing-digit'
  | 'missing-symbol'
  | 'invalid-character';

export interface PasswordProblem {
  code: PasswordProblemCode;
  /** Simplified Chinese, ready to show under the field. */
  message: string;
}

export interface PasswordCheckResult {
  /** True when no problem was found. */
  ok: boolean;
  /** Every rule the password breaks, in the order a person would fix them. */
  problems: PasswordProblem[];
}

const SYMBOL = /[!-/:-@[-`{-~]/;

/**
 * Checks a password against a policy (missing policy fields take {@link DEFAULT_PASSWORD_POLICY}).
 * Length is counted in Unicode code points. Neither the password nor any of its characters appears in a message.
 *
 * @returns `ok: true` with no problems, or `ok: false` with every problem found (not just the
 *   first), so a field hint can list all of them at once.
 */
export function checkPassword(
  pw: string,
  policy?: Partial<PasswordPolicy>,
  options: { language?: ValidatorLanguage } = {},
): PasswordCheckResult {
  const t = validatorMessages(options.language);
  const rules: PasswordPolicy = { ...DEFAULT_PASSWORD_POLICY, ...policy };
  const chars = [...pw];
  if (chars.length === 0) {
    return { ok: false, problems: [{ code: 'empty', message: t.passwordEmpty }] };
  }

  const problems: PasswordProblem[] = [];
  if (chars.length < rules.minLength) {
    problems.push({
      code: 'too-short',
      message: t.passwordTooShort({ min: rules.minLength, length: chars.length }),
    });
  }
  if (chars.length > rules.maxLength) {
    problems.push({
      code: 'too-long',
      message: t.passwordTooLong({ max: rules.maxLength, length: chars.length }),
    });
  }
  if (rules.requireLetter && !/[A-Za-z]/.test(pw)) {
    problems.push({ code: 'missing-letter', message: t.passwordMissingLetter });
  }
  if (rules.requireDigit && !/[0-9]/.test(pw)) {
    problems.push({ code: 'missing-digit', message: t.passwordMissingDigit });
  }
  if (rules.requireSymbol && !SYMBOL.test(pw)) {
    problems.push({ code: 'missing-symbol', message: t.passwordMissingSymbol });
  }
  const invalid = chars.filter((ch) => !/^[!-~]$/.test(ch));
  if (invalid.length > 0) {
    // Named by kind, never echoed: hints can end up in screenshots and problem reports.
    const kinds = new Set<string>();
    for (const ch of invalid) {
      if (/\s/.test(ch)) kinds.add(t.charSpace);
      else if (/[\uff01-\uff5e\u3000-\u303f]/.test(ch)) kinds.add(t.charFullWidth);
      else if (/\p{Script=Han}/u.test(ch)) kinds.add(t.charHan);
      else kinds.add(t.charOther);
    }
    problems.push({
      code: 'invalid-character',
      message: t.passwordInvalidCharacters({ kinds: [...kinds].join(t.listSeparator) }),
    });
  }
  return { ok: problems.length === 0, problems };
}
