import type { Locator } from '../../../lib/locate/locator';
/** Result types of `npm run tours:check`, shared by the page script, the driver and the report. */

export interface SelectorProblem {
  selector: string;
  message: string;
  where: string;
}

/** What the page answered for one step's target (JSON: it crosses from the page to Node). */
export type PageOutcome =
  | {
      kind: 'found';
      /** 0-based alternative of the target that matched. */
      alternative: number;
      locator: string;
      css?: { index: number; selector: string; note: string };
      element: string;
      /** Invalid selectors skipped on the way: a tour bug even though the step works. */
      problems: SelectorProblem[];
    }
  | { kind: 'ambiguous'; count: number; alternative: number; locator: string; elements: string[] }
  | { kind: 'hidden'; alternative: number; locator: string; element: string }
  | { kind: 'not-found' }
  | { kind: 'invalid-locator'; errors: SelectorProblem[] }
  | { kind: 'cross-origin-frame'; frameUrl: string; remainingFrames: Locator[] };

export type StepStatus = 'pass' | 'fail' | 'warn';

export interface StepReport {
  tourId: string;
  stepId: string;
  /** 0-based index in the tour. */
  index: number;
  optional: boolean;
  status: StepStatus;
  /** `found`, `centred` (no target), `page-not-reached`, or a failed lookup kind. */
  outcome: PageOutcome['kind'] | 'centred' | 'page-not-reached' | 'error';
  /** The target as written, alternatives joined by ` | `. */
  target?: string;
  /** The URL the step was checked on. */
  url: string;
  /** Present for lookups. */
  detail?: PageOutcome;
  /** What the checker did to reach later steps (clicked, typed "…", chose "…"). */
  action?: string;
  /** Human-readable problems (Simplified Chinese + English). */
  messages: string[];
  /** Path of the screenshot taken at this step (`--screenshots`), when it did not pass. */
  screenshot?: string;
}

export interface TourReport {
  tourId: string;
  title: string;
  startUrl: string;
  loggedIn: boolean;
  steps: StepReport[];
  /** Internal, never printed: the start page sent a logged-in checker back to the login page. */
  sentToLogin?: boolean;
}

export interface CheckReport {
  version: 1;
  baseUrl: string;
  tours: TourReport[];
  /** Tour files that failed to load (schema errors), as `file:line:col: path: message`. */
  loadErrors: string[];
  summary: { tours: number; steps: number; passed: number; failed: number; warnings: number };
  ok: boolean;
}
