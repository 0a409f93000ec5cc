/**
 * The part of `tours:check` that runs inside the checked page (bundled with lib/locate by
 * bundle.ts and injected into every frame). It answers with plain JSON; the element a step found is
 * kept here, never marked in the host DOM, so the driver can act on it through a handle.
 */
import { describeLocator, waitForTarget } from '../../../lib/locate';
import type { LocateOutcome } from '../../../lib/locate';
import type { PageOutcome } from './types';
import type { Locator, Target } from '../../../lib/locate/locator';

let lastFound: Element | null = null;

function describeElement(element: Element): string {
  const text = (element.textContent ?? '').replace(/\s+/gu, ' ').trim().slice(0, 30);
  const id = element.id ? `#${element.id}` : '';
  return `<${element.localName}${id}>${text ? ` "${text}"` : ''}`;
}

function toPageOutcome(outcome: LocateOutcome): PageOutcome {
  switch (outcome.kind) {
    case 'found':
      lastFound = outcome.element;
      return {
        kind: 'found',
        alternative: outcome.via.alternative,
        locator: describeLocator(outcome.via.locator),
        ...(outcome.via.css ? { css: outcome.via.css } : {}),
        element: describeElement(outcome.element),
        problems: outcome.problems.map(({ selector, message, where }) => ({
          selector,
          message,
          where,
        })),
      };
    case 'ambiguous':
      return {
        kind: 'ambiguous',
        count: outcome.count,
        alternative: outcome.via.alternative,
        locator: describeLocator(outcome.via.locator),
        elements: outcome.elements.slice(0, 5).map(describeElement),
      };
    case 'hidden':
      return {
        kind: 'hidden',
        alternative: outcome.via.alternative,
        locator: describeLocator(outcome.via.locator),
        element: describeElement(outcome.element),
      };
    case 'not-found':
      return { kind: 'not-found' };
    case 'invalid-locator':
      return {
        kind: 'invalid-locator',
        errors: outcome.errors.map(({ selector, message, where }) => ({
          selector,
          message,
          where,
        })),
      };
    case 'cross-origin-frame':
      return {
        kind: 'cross-origin-frame',
        frameUrl: outcome.frameUrl,
        remainingFrames: outcome.remainingFrames,
      };
    case 'timeout':
      return toPageOutcome(outcome.last);
    case 'aborted':
      return { kind: 'not-found' };
  }
}

export interface ToursCheckPageApi {
  check(target: Target, frame: Locator[] | null, timeoutMs: number): Promise<PageOutcome>;
  /** Look `target` up inside the last found element (`check.click`); it becomes the last found. */
  checkWithin(target: Target, timeoutMs: number): Promise<PageOutcome>;
  /** The element the last `found` answer pointed at (for clicking, typing, choosing). */
  lastFound(): Element | null;
  setLastFound(element: Element): void;
}

const api: ToursCheckPageApi = {
  async check(target, frame, timeoutMs) {
    lastFound = null;
    // A real browser: visibility includes layout (a rendered, non-transparent box).
    const outcome = await waitForTarget(target, document, { frame, timeoutMs });
    return toPageOutcome(outcome);
  },
  async checkWithin(target, timeoutMs) {
    const scope = lastFound;
    if (!scope) return { kind: 'not-found' };
    lastFound = null;
    return toPageOutcome(await waitForTarget(target, scope, { timeoutMs }));
  },
  lastFound: () => lastFound,
  setLastFound: (element) => {
    lastFound = element;
  },
};

(globalThis as { __zhiyinToursCheck?: ToursCheckPageApi }).__zhiyinToursCheck = api;
