/**
 * 公民身份号码 check (GB 11643-1999): 17 digits + a check character computed with ISO 7064 MOD 11-2.
 * Only the format and the check character are verified; a simulator has no population register.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
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
