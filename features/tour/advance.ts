/**
 * Step advance rules as pure functions: does this user action complete the step?
 */
import { CONTENT_LIMITS } from '../../lib/content/limits';
import type { Advance } from './schema';

/** What the content script saw the user do on the step's target. */
export type UserAction =
  | { kind: 'click' }
  /**
   * `typing`: the value read after a pause in typing (the learner may not be done); without it the
   * learner committed the value (Enter, leaving the field, a change). Both can complete the step;
   * only a committed value that fails the step's data check counts against an exam's accuracy.
   */
  | { kind: 'input'; value: string; typing?: boolean }
  | { kind: 'change'; value?: string };

/**
 * Validators by id (lib/validators provides them; ids are checked at build time).
 * `ok: false` keeps the step open; the card can say why.
 */
export type ValidatorRegistry = Readonly<
  Record<string, (value: string) => { ok: boolean; messages?: readonly string[] }>
>;

export type AdvanceRejection =
  /** The action is not the kind this step waits for (a click on an input step). */
  | 'not-this-kind'
  | 'empty'
  | 'pattern-mismatch'
  | 'validator-rejected'
  /** The step names a validator the registry does not have (a build-time check should prevent it). */
  | 'unknown-validator'
  | 'value-mismatch'
  /** A click step with `until`: clicked, but the page did not show its success signal. */
  | 'not-confirmed';

export type AdvanceVerdict =
  | { advance: true }
  /** `message`: the validator's own explanation (e.g. which check character was expected). */
  | { advance: false; reason: AdvanceRejection; message?: string };

const patternCache = new Map<string, RegExp>();

/** A step's `pattern` must match the whole value, as people expect from "格式：18位". */
function anchored(pattern: string): RegExp {
  let regExp = patternCache.get(pattern);
  if (!regExp) {
    regExp = new RegExp(`^(?:${pattern})$`, 'u');
    patternCache.set(pattern, regExp);
  }
  return regExp;
}

/**
 * Evaluate a step's advance rule against one user action.
 *
 * - `click`: any click on the target.
 * - `input`: the value, trimmed, must be non-empty; then match `pattern` (whole value) and pass
 *   `validator` when given.
 * - `change`: any change, or only the expected `value` when the step names one.
 * - `next`, `navigation`, `appear`, `disappear` are not advanced by user actions on the target
 *   (the runner handles NEXT, NAVIGATED and ELEMENT_* events).
 */
export function evaluateAdvance(
  advance: Advance,
  action: UserAction,
  validators: ValidatorRegistry = {},
): AdvanceVerdict {
  if (advance.on !== action.kind) return { advance: false, reason: 'not-this-kind' };
  if (advance.on === 'input' && action.kind === 'input') {
    const value = action.value.trim();
    if (value === '') return { advance: false, reason: 'empty' };
    if (
      advance.pattern !== undefined &&
      // Longer values are judged not to match without running the pattern: even a polynomial
      // pattern (`.*\S.*`) stays cheap in the host page (issue 10, CONTENT_LIMITS).
      (value.length > CONTENT_LIMITS.patternInputChars || !anchored(advance.pattern).test(value))
    ) {
      return { advance: false, reason: 'pattern-mismatch' };
    }
    if (advance.validator !== undefined) {
      const validate = Object.hasOwn(validators, advance.validator)
        ? validators[advance.validator]
        : undefined;
      if (!validate) return { advance: false, reason: 'unknown-validator' };
      const result = validate(value);
      if (!result.ok) {
        const message = result.messages?.find((text) => text.trim() !== '');
        return {
          advance: false,
          reason: 'validator-rejected',
          ...(message === undefined ? {} : { message }),
        };
      }
    }
    return { advance: true };
  }
  if (advance.on === 'change' && action.kind === 'change') {
    if (advance.value !== undefined && action.value !== advance.value)
      return { advance: false, reason: 'value-mismatch' };
    return { advance: true };
  }
  return { advance: true }; // click
}
