/**
 * Resolve a tour target in a document, right now (no waiting; see wait.ts for that).
 *
 * Order of decisions, per alternative of the target (tried in order):
 * 1. collect the elements the locator describes (inside every visible `within` container);
 * 2. keep the visible ones; with `nth`, take that one (1-based);
 * 3. exactly one visible → `found`; several → `ambiguous` (a tour bug: never pick one silently);
 *    none visible but some exist → remember `hidden` and try the next alternative;
 *    an invalid CSS selector → remember it and try the next alternative.
 * When no alternative yields a visible element: `hidden` if something matched, else
 * `invalid-locator` if a selector was rejected, else `not-found`.
 */
import type { Scope } from './find';
import {
  InvalidSelectorError,
  isNamedError,
  findByLabel,
  findByPlaceholder,
  findByRole,
  findByTestId,
  findByText,
  inDocumentOrder,
  queryAll,
  withoutNested,
} from './find';
import type { ImmediateOutcome, InvalidSelector, LocatorRef } from './types';
import type { VisibilityOptions } from './visibility';
import { isVisible } from './visibility';
import { type Locator, type Target, locatorKind, targetAlternatives } from './locator';

export interface ResolveOptions extends VisibilityOptions {
  /** Iframes from `root` down to the frame holding the target (the step's `frame`). */
  frame?: readonly Locator[] | null;
}

interface LocatorMatches {
  visible: Element[];
  hidden: Element[];
  errors: InvalidSelector[];
  css?: LocatorRef['css'];
}

/**
 * Find the element a target describes in `root` (a document, or an element to search inside).
 *
 * @param target a locator or an array of alternatives, tried in order
 * @param root where to search; for frame paths, the document the first iframe lives in
 * @param options `layout` (default true): require a rendered box, see visibility.ts;
 *   `frame`: iframe path walked first (same-origin frames only; a cross-origin frame ends the walk
 *   with a `cross-origin-frame` outcome)
 */
export function resolveTarget(
  target: Target,
  root: Scope,
  options: ResolveOptions = {},
): ImmediateOutcome {
  const walk = walkFrames(root, options.frame ?? [], options);
  if ('outcome' in walk) {
    return walk.outcome.kind === 'frame-not-ready'
      ? { kind: 'not-found', alternatives: targetAlternatives(target).length }
      : walk.outcome;
  }
  const scope = walk.scope;

  const alternatives = targetAlternatives(target);
  const errors: InvalidSelector[] = [];
  let hidden: Extract<ImmediateOutcome, { kind: 'hidden' }> | undefined;
  for (const [alternative, locator] of alternatives.entries()) {
    const matches = matchLocator(locator, scope, options, `alternative ${alternative}`);
    errors.push(...matches.errors);
    const via: LocatorRef = {
      alternative,
      kind: locatorKind(locator),
      locator,
      ...(matches.css ? { css: matches.css } : {}),
    };
    if (matches.visible.length === 1 || (locator.nth !== undefined && matches.visible.length > 0)) {
      const element =
        locator.nth === undefined ? matches.visible[0] : matches.visible[locator.nth - 1];
      if (element) return { kind: 'found', element, via, problems: errors };
      continue; // nth beyond the visible matches: this alternative does not apply
    }
    if (matches.visible.length > 1) {
      return { kind: 'ambiguous', count: matches.visible.length, via, elements: matches.visible };
    }
    const firstHidden = matches.hidden[0];
    if (firstHidden && !hidden) hidden = { kind: 'hidden', element: firstHidden, via };
  }
  if (hidden) return hidden;
  if (errors.length > 0) return { kind: 'invalid-locator', errors };
  return { kind: 'not-found', alternatives: alternatives.length };
}

type FrameWalk =
  | { scope: Scope; documents: Document[] }
  | {
      outcome: Exclude<ImmediateOutcome, { kind: 'found' }> | { kind: 'frame-not-ready' };
      documents: Document[];
    };

/**
 * Walk a frame path from `root`. Returns the innermost scope, or why the walk stopped, plus every
 * same-origin frame document entered on the way (wait.ts observes those).
 */
export function walkFrames(
  root: Scope,
  frames: readonly Locator[],
  options: VisibilityOptions = {},
): FrameWalk {
  let scope: Scope = root;
  const documents: Document[] = [];
  for (const [index, frameLocator] of frames.entries()) {
    const frameOutcome = resolveTarget(frameLocator, scope, { ...options, frame: null });
    if (frameOutcome.kind !== 'found') return { outcome: frameOutcome, documents };
    const frameElement = frameOutcome.element;
    if (frameElement.localName !== 'iframe' && frameElement.localName !== 'frame') {
      const error = {
        selector: describeLocator(frameLocator),
        message: `frame[${index}] found a <${frameElement.localName}>, not an <iframe> or <frame>`,
        where: `frame[${index}]`,
      };
      return { outcome: { kind: 'invalid-locator', errors: [error] }, documents };
    }
    const frameDocument = readFrameDocument(frameElement as HTMLIFrameElement);
    if (frameDocument === 'cross-origin') {
      const outcome = {
        kind: 'cross-origin-frame' as const,
        frameUrl: frameUrl(frameElement as HTMLIFrameElement),
        frameElement,
        remainingFrames: frames.slice(index + 1),
      };
      return { outcome, documents };
    }
    if (!frameDocument) return { outcome: { kind: 'frame-not-ready' }, documents };
    documents.push(frameDocument);
    scope = frameDocument;
  }
  return { scope, documents };
}

/** Every element a single locator describes in `scope`, split by visibility. */
function matchLocator(
  locator: Locator,
  scope: Scope,
  options: VisibilityOptions,
  where: string,
): LocatorMatches {
  let scopes: Scope[] = [scope];
  const errors: InvalidSelector[] = [];
  if (locator.within) {
    const container = matchLocator(locator.within, scope, options, `${where} within`);
    errors.push(...container.errors);
    if (locator.within.nth !== undefined) {
      const chosen = container.visible[locator.within.nth - 1];
      scopes = chosen ? [chosen] : [];
    } else scopes = container.visible;
    if (scopes.length === 0) {
      // The container exists but is hidden (a closed dialog, an inactive tab): whatever is inside
      // is hidden too, which tells the author more than "not found".
      if (container.hidden.length === 0) return { visible: [], hidden: [], errors };
      const inside = matchLocator(
        { ...locator, within: undefined } as Locator,
        container.hidden[0] as Element,
        options,
        where,
      );
      return {
        visible: [],
        hidden: [...inside.visible, ...inside.hidden],
        errors: [...errors, ...inside.errors],
      };
    }
  }

  let css: LocatorRef['css'];
  const candidates: Element[] = [];
  for (const container of scopes) {
    if ('css' in locator) {
      const result = matchCss(locator.css, container, options, where);
      errors.push(...result.errors);
      if (result.css && !css) css = result.css;
      candidates.push(...result.elements);
    } else {
      candidates.push(...findByKind(locator, container));
    }
  }
  // Nested matches of one control (a trigger wrapping a same-named button) are one match; CSS is
  // taken as the author wrote it.
  const presented = inDocumentOrder(candidates.map(presentedElement));
  const all = 'css' in locator ? presented : withoutNested(presented);
  const visible = all.filter((element) => isVisible(element, options));
  const hidden = all.filter((element) => !visible.includes(element));
  return { visible, hidden, errors, ...(css ? { css } : {}) };
}

/**
 * Native inputs that component libraries hide behind what people see and click: the visually
 * hidden checkbox / radio of Ant Design and Element (opacity 0, so never "visible"), and the tiny
 * search input inside a select, picker or cascader that a `<label for>` points at. A step about
 * them is about the visible wrapper: that is what gets the spotlight, the card and the clicks.
 */
const PRESENTED_BY = [
  {
    control: 'input[type="checkbox"], input[type="radio"]',
    wrapper:
      '.ant-checkbox-wrapper, .ant-radio-wrapper, .ant-radio-button-wrapper, .el-checkbox, .el-radio, .el-radio-button, label',
  },
  {
    control: 'input',
    wrapper: '.ant-select, .ant-picker, .ant-cascader, .el-select, .el-date-editor, .el-cascader',
  },
] as const;

function presentedElement(element: Element): Element {
  for (const { control, wrapper } of PRESENTED_BY) {
    if (!element.matches(control)) continue;
    const outer = element.closest(wrapper);
    if (outer) return outer;
  }
  return element;
}

function findByKind(locator: Exclude<Locator, { css: unknown }>, scope: Scope): Element[] {
  const exact = locator.exact ?? true;
  if ('label' in locator) return findByLabel(scope, locator.label, exact);
  if ('role' in locator) return findByRole(scope, locator.role, locator.name, exact);
  if ('text' in locator) return findByText(scope, locator.text, exact);
  if ('placeholder' in locator) return findByPlaceholder(scope, locator.placeholder, exact);
  return findByTestId(scope, locator.testid);
}

/**
 * CSS alternatives in order: the first selector with a visible match wins; a selector matching
 * only hidden elements is remembered in case nothing better comes.
 */
function matchCss(
  alternatives: { selector: string; note: string }[],
  scope: Scope,
  options: VisibilityOptions,
  where: string,
): { elements: Element[]; css?: LocatorRef['css']; errors: InvalidSelector[] } {
  const errors: InvalidSelector[] = [];
  let hiddenOnly: { elements: Element[]; css: NonNullable<LocatorRef['css']> } | undefined;
  for (const [index, { selector, note }] of alternatives.entries()) {
    let elements: Element[];
    try {
      elements = queryAll(scope, selector);
    } catch (error) {
      if (!(error instanceof InvalidSelectorError)) throw error;
      errors.push({ selector, note, message: error.message, where: `${where} css[${index}]` });
      continue;
    }
    if (elements.length === 0) continue;
    const css = { index, selector, note };
    if (elements.some((element) => isVisible(element, options))) return { elements, css, errors };
    hiddenOnly ??= { elements, css };
  }
  return hiddenOnly ? { ...hiddenOnly, errors } : { elements: [], errors };
}

/**
 * The iframe's document, `null` while it has none yet, or 'cross-origin' when this realm may not
 * read it (browsers return a null contentDocument for cross-origin frames).
 */
function readFrameDocument(frame: HTMLIFrameElement): Document | null | 'cross-origin' {
  let doc: Document | null;
  try {
    doc = frame.contentDocument;
  } catch (error) {
    // Old engines throw a SecurityError instead of returning null.
    if (isNamedError(error, 'SecurityError')) return 'cross-origin';
    throw error;
  }
  if (doc) return doc;
  // srcdoc and about:blank frames inherit the parent's origin: no document yet means not loaded.
  if (frame.hasAttribute('srcdoc')) return null;
  const url = frameUrl(frame);
  if (url.startsWith('about:')) return null;
  try {
    return new URL(url).origin !== frame.ownerDocument.defaultView?.location.origin
      ? 'cross-origin'
      : null;
  } catch (error) {
    if (error instanceof TypeError) return null; // no parsable src yet (about:blank, srcdoc)
    throw error;
  }
}

function frameUrl(frame: HTMLIFrameElement): string {
  const src = frame.getAttribute('src');
  if (!src) return 'about:blank';
  try {
    return new URL(src, frame.ownerDocument.baseURI).href;
  } catch (error) {
    if (error instanceof TypeError) return src;
    throw error;
  }
}

/** Short human-readable form of a locator for reports: `label "文种"`, `role button "提交审核"`. */
export function describeLocator(locator: Locator): string {
  let text: string;
  if ('css' in locator)
    text = `css ${locator.css.map((alternative) => alternative.selector).join(' | ')}`;
  else if ('role' in locator)
    text = `role ${locator.role}${locator.name ? ` "${locator.name}"` : ''}`;
  else if ('label' in locator) text = `label "${locator.label}"`;
  else if ('text' in locator) text = `text "${locator.text}"`;
  else if ('placeholder' in locator) text = `placeholder "${locator.placeholder}"`;
  else text = `testid "${locator.testid}"`;
  if (locator.nth !== undefined) text += ` #${locator.nth}`;
  if (locator.within) text += ` within ${describeLocator(locator.within)}`;
  return text;
}

export { queryAll };
