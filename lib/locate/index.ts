/**
 * Locator engine: find what a tour step points at, the way a person would describe it.
 *
 * - {@link resolveTarget}: look once, now.
 * - {@link waitForTarget}: look now and on every DOM change until found, timeout or abort.
 * - {@link isVisible}: the visibility rule both use.
 */
export { resolveTarget, walkFrames, describeLocator } from './resolve';
export type { ResolveOptions } from './resolve';
export { waitForAbsence, waitForTarget } from './wait';
export type { WaitOptions } from './wait';
export { isVisible } from './visibility';
export type { VisibilityOptions } from './visibility';
export { normalizeText, normalizeLabel } from './text';
export type {
  ImmediateOutcome,
  InvalidSelector,
  LocateOutcome,
  LocateOutcomeKind,
  LocatorRef,
} from './types';
export { readFieldValue, watchFieldValue } from './field-value';
