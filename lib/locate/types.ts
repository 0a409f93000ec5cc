import type { Locator, LocatorKind } from './locator';

/** Which alternative of a target produced a result. */
export interface LocatorRef {
  /** 0-based index into the target's alternatives (a single locator is alternative 0). */
  alternative: number;
  kind: LocatorKind;
  locator: Locator;
  /** For `css` locators: which selector of the array matched, with its note. */
  css?: { index: number; selector: string; note: string };
}

/** A CSS selector the browser rejected. Reported, never swallowed. */
export interface InvalidSelector {
  selector: string;
  note?: string;
  message: string;
  /** Where in the target it sits: `alternative 1 css[0]`, `within`, `frame[0]`. */
  where: string;
}

/**
 * The result of looking for a target. Every way of not finding one is a distinct, typed outcome so
 * the runner can decide between waiting, skipping and reporting.
 */
export type LocateOutcome =
  | {
      kind: 'found';
      element: Element;
      via: LocatorRef;
      /** Invalid selectors met on the way (a later alternative still matched). A tour bug to fix. */
      problems: InvalidSelector[];
    }
  | { kind: 'not-found'; alternatives: number }
  /** Several visible matches and no `nth`: a tour bug, never resolved by picking one. */
  | { kind: 'ambiguous'; count: number; via: LocatorRef; elements: Element[] }
  /** Matches exist but none is visible (display:none, hidden, aria-hidden, closed dialog…). */
  | { kind: 'hidden'; element: Element; via: LocatorRef }
  | { kind: 'invalid-locator'; errors: InvalidSelector[] }
  /**
   * The frame path enters a frame this document cannot read. The lead delegates the rest of the
   * lookup to the content script running inside that frame (`remainingFrames` + the target).
   */
  | {
      kind: 'cross-origin-frame';
      frameUrl: string;
      frameElement: Element;
      remainingFrames: Locator[];
    }
  | { kind: 'timeout'; waitedMs: number; last: ImmediateOutcome }
  | { kind: 'aborted' };

export type LocateOutcomeKind = LocateOutcome['kind'];

/** Outcomes {@link resolveTarget} can return (it never waits). */
export type ImmediateOutcome = Exclude<LocateOutcome, { kind: 'timeout' } | { kind: 'aborted' }>;
