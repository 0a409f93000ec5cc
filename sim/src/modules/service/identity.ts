/**
 * 公民身份号码 check (GB 11643-1999) for the sim's forms: the SAME rules as the extension's field
 * guard (lib/validators/id-card `checkIdCard`), so the hint next to the field and the form never
 * disagree. Input is normalised like the guard does (full-width → half-width, inner spaces removed,
 * x → X); region code, a real birth date not after today and the check character are verified; a
 * 15-digit legacy number is accepted and stored in its 18-digit form. A simulator has no
 * population register: a well-formed number is all it can check.
 */
import { checkIdCard, idCardCheckCharacter } from '../../../../lib/validators/id-card';

/** Check character for 17 digits (the caller guarantees the digits). */
export function idCheckCharacter(first17: string): string {
  return idCardCheckCharacter(first17) ?? '';
}

export type IdNumberResult =
  { valid: true; normalized: string; note?: string } | { valid: false; message: string };

export function checkIdNumber(input: string, options: { now?: Date } = {}): IdNumberResult {
  const result = checkIdCard(input, options);
  if (result.valid)
    return result.note === undefined
      ? { valid: true, normalized: result.normalized }
      : { valid: true, normalized: result.normalized, note: result.note };
  // The guard's own words, so the hint and the form's error read the same.
  return { valid: false, message: result.message };
}

/** The number as the sim stores it: the 18-digit normalised form when valid, else trimmed as typed. */
export function normalizeIdNumber(input: string): string {
  const result = checkIdNumber(input);
  return result.valid ? result.normalized : input.trim().toUpperCase();
}
