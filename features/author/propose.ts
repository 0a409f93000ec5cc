/**
 * Author mode: propose locators for an element a tour author picked on the page.
 *
 * Candidates are built the way a person would describe the element (its form label, its role and
 * accessible name, its visible text, its placeholder, a test id) and only then CSS. Every
 * proposal returned has been PROVEN with the engine the tours run on: `resolveTarget` finds exactly
 * one visible element and it is the picked one (or the component widget that contains it, which is
 * what a `label` locator points at). When a candidate is ambiguous, a `within` container (dialog,
 * table row, form item, named region…) is tried first and a 1-based `nth` last, because `nth`
 * breaks as soon as the page adds or reorders items.
 *
 * Framework-free; takes the document as a parameter so DOM tests can pass happy-dom's.
 */
import { computeAccessibleName, getRole } from 'dom-accessibility-api';
import { InvalidSelectorError, queryAll } from '../../lib/locate/find';
import { describeLocator, resolveTarget } from '../../lib/locate/resolve';
import { normalizeLabel, normalizeText } from '../../lib/locate/text';
import { isVisible } from '../../lib/locate/visibility';
import { type Locator, type LocatorKind, LOCATOR_KINDS } from '../../lib/locate/locator';

export interface Proposal {
  /** The locator to put in the tour (`target:`). */
  locator: Locator;
  /** Kind of the locator itself (its `within`, if any, may be of another kind). */
  kind: LocatorKind;
  /** Iframe path from the top document, outermost first; null when the element is in `document`. */
  frame: Locator[] | null;
  /** What the tour will point at: the picked element or the widget that contains it. */
  element: Element;
  /** `label "文种"`, `role button "提交审核" within role dialog "提交审核"`. */
  description: string;
  /**
   * The proof, as `resolveTarget` answered it: always `found`, unique among the visible matches
   * (after `within`/`nth`) and resolving to {@link element}.
   */
  proof: { outcome: 'found'; unique: true; visible: true; sameElement: true };
  /** Why an author might prefer another proposal (Simplified Chinese), e.g. for `nth` and CSS. */
  note?: string;
}

export interface ProposeOptions {
  /**
   * Require a rendered box when proving visibility (see lib/locate/visibility.ts). Default true;
   * DOM tests in happy-dom pass false.
   */
  layout?: boolean;
  /** At most this many proposals. Default 6. */
  max?: number;
}

/** Interactive elements people click; a click on an icon or a span inside is lifted to them. */
const CLICKABLE =
  'button, a[href], summary, [role="button"], [role="link"], [role="tab"], [role="menuitem"], [role="menuitemcheckbox"], [role="menuitemradio"], [role="option"], [role="checkbox"], [role="radio"], [role="switch"], [role="treeitem"]';
/** Component widgets a person sees as one field (the box a `label` locator points at). */
const WIDGET_ROOTS =
  '.ant-select, .ant-picker, .ant-input-number, .ant-input-affix-wrapper, .ant-cascader, .ant-input-group-wrapper, .ant-input-password, .el-select, .el-date-editor, .el-input-number, .el-cascader, .el-input, .el-textarea';
const FIELDS =
  'input:not([type="hidden"]), textarea, select, [contenteditable=""], [contenteditable="true"], [role="combobox"], [role="textbox"]';
const FORM_ITEMS = '.ant-form-item, .el-form-item';
const FORM_ITEM_LABELS = ':scope .ant-form-item-label > label, :scope .el-form-item__label';
/** Roles whose named elements make good `within` containers. */
const CONTAINER_ROLES = new Set([
  'dialog',
  'alertdialog',
  'row',
  'form',
  'region',
  'navigation',
  'tabpanel',
  'group',
  'listitem',
  'list',
  'menu',
  'menubar',
  'table',
  'grid',
  'toolbar',
  'search',
  'complementary',
  'banner',
  'main',
  'article',
  'tree',
  'treeitem',
]);
const ROLES_WITHOUT_MEANING = new Set(['generic', 'none', 'presentation', 'paragraph']);
const TEST_ID_ATTRIBUTES = ['data-testid', 'data-test-id', 'data-test'] as const;
/** Longer visible texts change with content; a text locator is proposed only below this. */
const MAX_TEXT_LENGTH = 40;

const KIND_RANK = new Map<LocatorKind, number>(LOCATOR_KINDS.map((kind, index) => [kind, index]));

/**
 * What the author meant by pointing at `element`: the button/link around an icon or label span,
 * else the component widget (antd/Element select, date picker, input wrapper) around an inner part,
 * else the element itself.
 */
export function pickTarget(element: Element): Element {
  const clickable = element.closest(CLICKABLE);
  if (clickable) return clickable;
  // The outermost widget root inside the same form item: Element Plus nests .el-input inside
  // .el-date-editor and .el-select wrappers.
  let widget: Element | null = null;
  for (let node: Element | null = element.closest(WIDGET_ROOTS); node;) {
    widget = node;
    const parent = node.parentElement?.closest(WIDGET_ROOTS) ?? null;
    if (!parent || parent.closest(FORM_ITEMS) !== node.closest(FORM_ITEMS)) break;
    node = parent;
  }
  return widget ?? element;
}

/**
 * Proven locators for `element`, most robust first: label → role + name → visible text →
 * placeholder → test id, then the same with `nth`, then CSS (with a note). Empty when nothing
 * proves unique and visible (a hidden element, for instance).
 *
 * @param element what the author picked (lifted with {@link pickTarget} first)
 * @param document the top document the tour runs in; an element inside a same-origin iframe gets
 *   a `frame` path from here
 */
export function proposeLocators(
  element: Element,
  document: Document,
  options: ProposeOptions = {},
): Proposal[] {
  const picked = pickTarget(element);
  const layout = options.layout ?? true;
  const frame = framePath(picked, document, layout);
  if (frame === undefined) return [];
  const resolveOptions = { layout, frame: frame.length > 0 ? frame : null };

  // The same element, or the same field seen at another level: the widget box a label points at
  // around a picked inner input, or the only input inside a picked widget (a test id on it).
  const accepts = (resolved: Element): boolean =>
    resolved === picked ||
    (resolved.contains(picked) && isWidgetFor(resolved, picked)) ||
    (picked.matches(WIDGET_ROOTS) &&
      picked.contains(resolved) &&
      resolved.matches(FIELDS) &&
      picked.querySelectorAll(FIELDS).length === 1);

  const proposals: Proposal[] = [];
  const seen = new Set<string>();
  const add = (locator: Locator, resolved: Element, note?: string): void => {
    const key = JSON.stringify(locator);
    if (seen.has(key)) return;
    seen.add(key);
    proposals.push({
      locator,
      kind: kindOf(locator),
      frame: frame.length > 0 ? frame : null,
      element: resolved,
      description: describeLocator(locator),
      proof: { outcome: 'found', unique: true, visible: true, sameElement: true },
      ...(note ? { note } : {}),
    });
  };

  const scopeDocument = picked.ownerDocument;
  for (const candidate of baseCandidates(picked)) {
    const outcome = resolveTarget(candidate, document, resolveOptions);
    if (outcome.kind === 'found') {
      if (accepts(outcome.element)) add(candidate, outcome.element);
      continue;
    }
    if (outcome.kind !== 'ambiguous') continue;
    const index = outcome.elements.findIndex(accepts);
    if (index < 0) continue;
    // Narrow with a container first: it survives rows being added or reordered.
    let narrowed = false;
    for (const within of containerCandidates(picked, scopeDocument)) {
      const scoped = { ...candidate, within } as Locator;
      const result = resolveTarget(scoped, document, resolveOptions);
      if (result.kind === 'found' && accepts(result.element)) {
        add(scoped, result.element);
        narrowed = true;
        break;
      }
    }
    if (narrowed) continue;
    // Still ambiguous: count inside the innermost container that narrows it (two inputs of one
    // form item), else on the whole page.
    let scoped: { base: Locator; count: number; index: number } = {
      base: candidate,
      count: outcome.count,
      index,
    };
    for (const within of containerCandidates(picked, scopeDocument)) {
      const base = { ...candidate, within } as Locator;
      const result = resolveTarget(base, document, resolveOptions);
      const at = result.kind === 'ambiguous' ? result.elements.findIndex(accepts) : -1;
      if (result.kind === 'ambiguous' && at >= 0 && result.count < scoped.count) {
        scoped = { base, count: result.count, index: at };
        break;
      }
    }
    const withNth = { ...scoped.base, nth: scoped.index + 1 } as Locator;
    const result = resolveTarget(withNth, document, resolveOptions);
    if (result.kind === 'found' && accepts(result.element)) {
      add(
        withNth,
        result.element,
        `有 ${scoped.count} 个相同的元素，这里按出现顺序取第 ${scoped.index + 1} 个；增减或调整顺序后可能指错。`,
      );
    }
  }

  const css = cssCandidate(picked);
  if (css) {
    const outcome = resolveTarget(css.locator, document, resolveOptions);
    if (outcome.kind === 'found' && accepts(outcome.element)) {
      add(css.locator, outcome.element, css.note);
    }
  }

  const tier = (proposal: Proposal): number =>
    proposal.kind === 'css' ? 2 : proposal.locator.nth !== undefined ? 1 : 0;
  const ranked = proposals
    .map((proposal, order) => ({ proposal, order }))
    .sort(
      (a, b) =>
        tier(a.proposal) - tier(b.proposal) ||
        (KIND_RANK.get(a.proposal.kind) ?? 9) - (KIND_RANK.get(b.proposal.kind) ?? 9) ||
        a.order - b.order,
    )
    .map(({ proposal }) => proposal);
  return ranked.slice(0, options.max ?? 6);
}

function kindOf(locator: Locator): LocatorKind {
  for (const kind of LOCATOR_KINDS) if (kind in locator) return kind;
  throw new TypeError('locator without a kind');
}

/**
 * `resolved` contains `picked` and is the widget it belongs to (a label locator returns the whole
 * Select box when the author clicked its inner input), not some unrelated ancestor.
 */
function isWidgetFor(resolved: Element, picked: Element): boolean {
  if (resolved.matches(CLICKABLE)) return false;
  const fields = [...resolved.querySelectorAll(FIELDS)];
  if (resolved.matches(WIDGET_ROOTS) || fields.length <= 1) {
    return picked.matches(FIELDS) || picked.matches(WIDGET_ROOTS) || fields.includes(picked);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Candidates

function baseCandidates(picked: Element): Locator[] {
  const candidates: Locator[] = [];
  for (const label of labelsOf(picked)) candidates.push({ label });

  const role = getRole(picked);
  if (role && !ROLES_WITHOUT_MEANING.has(role)) {
    const name = visibleName(picked);
    candidates.push(name ? { role, name } : { role });
  }

  const text = normalizeText(picked.textContent ?? '');
  const placeholder = placeholderOf(picked);
  // A widget showing only its placeholder (请选择文种) is proposed by the placeholder, not as text.
  if (text && text !== placeholder && text.length <= MAX_TEXT_LENGTH && !picked.matches(FIELDS))
    candidates.push({ text });
  if (placeholder) candidates.push({ placeholder });

  for (const attribute of TEST_ID_ATTRIBUTES) {
    const testid = picked.getAttribute(attribute);
    if (testid) {
      candidates.push({ testid });
      break;
    }
  }
  const innerTestId = picked.matches(WIDGET_ROOTS)
    ? picked.querySelector('[data-testid], [data-test-id], [data-test]')
    : null;
  if (innerTestId) {
    const testid = TEST_ID_ATTRIBUTES.map((a) => innerTestId.getAttribute(a)).find(Boolean);
    if (testid) candidates.push({ testid });
  }
  return candidates;
}

/** Every label text people see for the field: its form item's label, `<label for>`, aria-labelledby. */
function labelsOf(picked: Element): string[] {
  const labels: string[] = [];
  const push = (text: string | null | undefined): void => {
    const label = normalizeLabel(text ?? '');
    if (label && !labels.includes(label)) labels.push(label);
  };
  const doc = picked.ownerDocument;
  const item = picked.closest(FORM_ITEMS);
  if (item) {
    const labelElement = item.querySelector(FORM_ITEM_LABELS);
    // A button inside a form item (an upload trigger) is not the field itself.
    if (labelElement && !picked.matches(CLICKABLE)) push(labelElement.textContent);
  }
  const fields = picked.matches(FIELDS) ? [picked] : [...picked.querySelectorAll(FIELDS)];
  for (const field of [picked, ...fields]) {
    const id = field.getAttribute('id');
    if (id) {
      for (const label of doc.querySelectorAll('label[for]')) {
        if (label.getAttribute('for') === id) push(label.textContent);
      }
    }
    const wrapping = field.closest('label');
    if (wrapping && field.matches(FIELDS)) push(wrapping.textContent);
    const labelledBy = (field.getAttribute('aria-labelledby') ?? '').split(/\s+/u).filter(Boolean);
    if (labelledBy.length > 0 && field === picked) {
      push(labelledBy.map((ref) => doc.getElementById(ref)?.textContent ?? '').join(' '));
    }
  }
  return labels;
}

/** The accessible name without icon-font glyph names (antd `aria-label="upload"`). */
function visibleName(element: Element): string {
  let name = normalizeText(computeAccessibleName(element));
  for (const icon of element.querySelectorAll('[role="img"][aria-label]')) {
    const iconName = normalizeText(icon.getAttribute('aria-label') ?? '');
    if (iconName && name !== iconName) name = normalizeText(name.replace(iconName, ' '));
  }
  return name;
}

function placeholderOf(picked: Element): string {
  const own = picked.getAttribute('placeholder');
  if (own) return normalizeText(own);
  const inner = picked.querySelector(
    '[placeholder], .ant-select-placeholder, .ant-select-selection-placeholder, .el-select__placeholder.is-transparent',
  );
  if (!inner) return '';
  return normalizeText(inner.getAttribute('placeholder') ?? inner.textContent ?? '');
}

/** Containers around `picked` that can narrow an ambiguous locator, innermost first. */
function containerCandidates(picked: Element, doc: Document): Locator[] {
  const containers: Locator[] = [];
  for (let node = picked.parentElement; node && node !== doc.body; node = node.parentElement) {
    const role = getRole(node);
    if (role && CONTAINER_ROLES.has(role)) {
      const name = visibleName(node);
      if (role === 'row' || role === 'listitem' || role === 'treeitem') {
        // Rows are named by all their cells; their first distinctive cell text identifies them
        // (a document number, a name) and survives edits to the other columns.
        const key = rowKey(node, picked);
        if (key) containers.push({ role, name: key, exact: false });
      } else if (name && name.length <= MAX_TEXT_LENGTH) {
        containers.push({ role, name });
      }
    }
    if (node.matches(FORM_ITEMS)) {
      const label = node.querySelector(FORM_ITEM_LABELS);
      const text = normalizeLabel(label?.textContent ?? '');
      if (text) containers.push({ label: text });
    }
    for (const attribute of TEST_ID_ATTRIBUTES) {
      const testid = node.getAttribute(attribute);
      if (testid) containers.push({ testid });
    }
  }
  return containers;
}

/** The text of the first cell/child of a row that does not contain the picked element. */
function rowKey(row: Element, picked: Element): string | undefined {
  for (const cell of row.children) {
    if (cell.contains(picked)) continue;
    const text = normalizeText(cell.textContent ?? '');
    if (text && text.length <= MAX_TEXT_LENGTH) return text;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// CSS, last

/**
 * Ids and classes that change between builds or renders: React `useId` (`:r1:`, `_r_6_`), Element
 * Plus (`el-id-2048-8`), rc-components (`rc_select_1`, `rc-tabs-0-…`), CSS-in-JS hashes
 * (`css-var-_R_0_`, `css-1x2y3z`, `sc-…`), long hex/digit runs.
 */
const GENERATED_ID =
  /^:|:$|_[rR]_|^el-id-|^rc[_-]|^react-|^mui-|^radix-|^headlessui-|^null-|[0-9a-f]{8,}|\d{4,}/u;
const GENERATED_CLASS = /^css-|^sc-|^jsx-|^emotion-|_[rR]_|[_-][a-z0-9]{5,}$|[0-9a-f]{6,}|\d{3,}/u;
/** antd / Element Plus state classes: they come and go with hover, focus, selection, animation. */
const STATE_CLASS =
  /^(ant|el)-.*(active|selected|focus|focused|open|hover|disabled|checked|hidden|loading|status|wave|motion|animat|leave|enter|appear|css-var)|^is-|^ant-wave-target$/u;
const STABLE_ATTRIBUTES = ['name', 'type', 'aria-label', 'title', 'href'] as const;

/** A selector from stable ids, attributes and classes, checked unique with querySelectorAll. */
function cssCandidate(picked: Element): { locator: Locator; note: string } | undefined {
  const doc = picked.ownerDocument;
  const parts: string[] = [];
  let node: Element | null = picked;
  for (let depth = 0; node && node !== doc.body && depth < 4; depth++) {
    const part = selectorPart(node);
    parts.unshift(part.selector);
    const selector = parts.join(' > ');
    let matches: Element[];
    try {
      matches = queryAll(doc, selector);
    } catch (error) {
      // Escaping should prevent this; an unparsable selector is simply not proposed.
      if (error instanceof InvalidSelectorError) return undefined;
      throw error;
    }
    if (matches.length === 1 && matches[0] === picked) {
      return {
        locator: { css: [{ selector, note: cssNote(picked) }] },
        note: 'CSS 选择器依赖页面结构，系统改版时容易失效；能用上面的标签、名称或文字时请优先使用。',
      };
    }
    if (part.anchored) break; // an id that is not unique: going up will not help
    node = node.parentElement;
  }
  return undefined;
}

function selectorPart(element: Element): { selector: string; anchored: boolean } {
  const id = element.getAttribute('id');
  if (id && !GENERATED_ID.test(id)) return { selector: `#${cssEscape(id)}`, anchored: true };
  let selector = element.localName;
  for (const attribute of STABLE_ATTRIBUTES) {
    const value = element.getAttribute(attribute);
    if (value && value.length <= 60 && !(attribute === 'href' && value.startsWith('javascript:')))
      selector += `[${attribute}="${value.replace(/["\\]/gu, '\\$&')}"]`;
  }
  const classes = [...element.classList]
    .filter((name) => !GENERATED_CLASS.test(name) && !STATE_CLASS.test(name))
    .slice(0, 2);
  for (const name of classes) selector += `.${cssEscape(name)}`;
  const parent = element.parentElement;
  if (parent) {
    const same = [...parent.children].filter((child) => child.localName === element.localName);
    if (same.length > 1 && classes.length === 0 && selector === element.localName) {
      selector += `:nth-of-type(${same.indexOf(element) + 1})`;
    }
  }
  return { selector, anchored: false };
}

function cssNote(element: Element): string {
  const name = elementName(element);
  return name
    ? `"${name}" <${element.localName}>, generated by the author picker from stable ids, attributes and classes`
    : `the picked <${element.localName}>, generated by the author picker from stable ids, attributes and classes`;
}

/**
 * What people call the element: its field label, else its accessible name, short visible text or
 * placeholder; '' when it has none. Used for step ids and default step text.
 */
export function elementName(element: Element): string {
  const picked = pickTarget(element);
  const text = normalizeText(picked.textContent ?? '');
  return (
    labelsOf(picked)[0] ??
    (visibleName(picked) ||
      (text.length <= MAX_TEXT_LENGTH && !picked.matches(FIELDS) ? text : '') ||
      placeholderOf(picked))
  );
}

function cssEscape(value: string): string {
  return value.replace(/[^a-zA-Z0-9_-]/gu, (char) => `\\${char}`);
}

// ---------------------------------------------------------------------------------------------
// Frames

/**
 * Iframe locators from `document` down to the picked element's document (outermost first), or
 * undefined when the element's document is not reachable from `document` (cross-origin).
 */
function framePath(picked: Element, document: Document, layout: boolean): Locator[] | undefined {
  const path: Locator[] = [];
  let doc = picked.ownerDocument;
  while (doc !== document) {
    const frameElement = doc.defaultView?.frameElement;
    if (!frameElement) return undefined;
    const frameDocument = frameElement.ownerDocument;
    const [best] = proposeLocators(frameElement, frameDocument, { layout, max: 1 });
    if (!best) return undefined;
    path.unshift(best.locator);
    doc = frameDocument;
  }
  return path;
}

/** Re-exported for the picker view: is the picked element something a tour can point at. */
export function isPickable(element: Element, layout = true): boolean {
  return isVisible(element, { layout });
}
