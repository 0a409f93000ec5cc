/**
 * 公民身份号码 check (GB 11643-1999): 17 digits + a check character computed with ISO 7064 MOD 11-2.
 * Only the format and the check character are verified; a simulator has no population register.
 *
 * The check character comes from the shared validator (lib/validators/id-card). The rules stay
 * the sim's own, not `checkIdCard`, because they differ: the sim stores the number as typed (only
 * trimmed and upper-cased), so it refuses the 15-digit numbers, full-width digits and inner spaces
 * that `checkIdCard` accepts or normalises, and it checks neither region codes nor real dates.
 */
import { idCardCheckCharacter } from '../../../../lib/validators/id-card';

/** Check character for 17 digits (the caller guarantees the digits). */
export function idCheckCharacter(first17: string): string {
  return idCardCheckCharacter(first17) ?? '';
}

export type IdNumberResult = { valid: true } | { valid: false; message: string };

export function checkIdNumber(input: string): IdNumberResult {
  const value = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) {
    return { valid: false, message: '身份证号应为18位：前17位为数字，最后一位为数字或X' };
  }
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    return { valid: false, message: '身份证号中的出生日期无效' };
  }
  const expected = idCheckCharacter(value.slice(0, 17));
  if (value[17] !== expected) {
    return { valid: false, message: `身份证号校验位错误：第18位应为「${expected}」` };
  }
  return { valid: true };
}
