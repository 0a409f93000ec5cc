/**
 * Candidate finders, one per locator kind. Each returns every element in `scope` the locator
 * describes, visible or not, in document order; visibility, `nth` and ambiguity are decided by
 * resolve.ts. Invalid CSS is thrown as {@link InvalidSelectorError}, never swallowed.
 */
import { computeAccessibleName, getRole } from 'dom-accessibility-api';
import { normalizeLabel, normalizeText, textMatches } from './text';
import { isVisible } from './visibility';

export type Scope = Document | Element;

export class InvalidSelectorError extends Error {
  constructor(
    readonly selector: string,
    cause: unknown,
  ) {
    super(
      typeof cause === 'object' && cause !== null && 'message' in cause
        ? String(cause.message)
        : String(cause),
    );
    this.name = 'InvalidSelectorError';
  }
}

/** querySelectorAll that turns the browser's SyntaxError into a typed error and nothing else. */
export function queryAll(scope: Scope, selector: string): Element[] {
  try {
    return [...scope.querySelectorAll(selector)];
  } catch (error) {
    // Browsers throw a DOMException named SyntaxError for unparsable selectors; anything else is a
    // real failure and must surface. Checked by name, not instanceof: a frame's document throws
    // its own realm's DOMException, and happy-dom's is not an Error subclass of this realm.
    // querySelectorAll throws only for the selector itself per the DOM spec; happy-dom 21 throws a
    // DOMException without the SyntaxError name (SelectorParser.getInvalidSelectorError), so any
    // DOMException counts.
    if (isNamedError(error, 'SyntaxError') || isDomException(error))
      throw new InvalidSelectorError(selector, error);
    throw error;
  }
}

/** Error check that works across realms (frames, isolated worlds, test environments). */
export function isNamedError(error: unknown, name: string): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === name;
}

function isDomException(error: unknown): boolean {
  return typeof error === 'object' && error !== null && error.constructor.name === 'DOMException';
}

function ownerDocumentOf(scope: Scope): Document {
  return scope.nodeType === 9 ? (scope as Document) : (scope as Element).ownerDocument;
}

/** Elements sorted in document order without duplicates. */
export function inDocumentOrder(elements: Iterable<Element>): Element[] {
  return [...new Set(elements)].sort((a, b) =>
    a === b ? 0 : a.compareDocumentPosition(b) & 4 /* DOCUMENT_POSITION_FOLLOWING */ ? -1 : 1,
  );
}

/**
 * Drop elements that contain, or are contained by, an element earlier in the list. In document
 * order that keeps the outermost: an upload trigger (`div[role=button]`) wrapping a `<button>` of
 * the same name is one control, and a click anywhere in it is a click on it.
 */
export function withoutNested(elements: Element[]): Element[] {
  const kept: Element[] = [];
  for (const element of elements) {
    if (kept.some((other) => other.contains(element) || element.contains(other))) continue;
    kept.push(element);
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------
// label

const LABELABLE = 'input:not([type="hidden"]), select, textarea, button, meter, output, progress';

/**
 * Form-item layouts of the component libraries used by e-government systems. The target is the
 * item's control wrapper (the whole Select / DatePicker / Upload box people look at), not an inner
 * search input that may be 1px wide.
 */
const FORM_ITEM_LAYOUTS = [
  {
    // Ant Design 4–6: <div.ant-form-item><div.ant-row><div.ant-form-item-label><label>…
    label: '.ant-form-item-label > label',
    item: '.ant-form-item',
    control:
      ':scope > .ant-row > .ant-form-item-control .ant-form-item-control-input-content, :scope > .ant-form-item-control .ant-form-item-control-input-content',
  },
  {
    // Element UI / Element Plus: <div.el-form-item><label|div.el-form-item__label>…<div.el-form-item__content>
    label: '.el-form-item__label',
    item: '.el-form-item',
    control: ':scope > .el-form-item__content',
  },
  {
    // layui: <div.layui-form-item><label.layui-form-label>…<div.layui-input-block|inline> holding
    // the native control, which layui's form.render() hides behind a skin drawn right after it.
    label: '.layui-form-label',
    item: '.layui-form-item',
    control: ':scope > .layui-input-block, :scope > .layui-input-inline',
  },
] as const;

/**
 * layui draws selects, checkboxes, switches and radios as `.layui-unselect` divs right after the
 * native control it hides: the skin is what people see and click. Several skins (a radio group)
 * are one field: the block holding them.
 */
function formItemControl(content: Element): Element | null {
  const skins = content.querySelectorAll(':scope > .layui-unselect');
  return skins.length > 1 ? content : (skins[0] ?? content.firstElementChild);
}

export function findByLabel(scope: Scope, label: string, exact: boolean): Element[] {
  const expected = normalizeLabel(label);
  const doc = ownerDocumentOf(scope);
  const found: Element[] = [];
  const frameworkLabels = new Set<Element>();

  for (const layout of FORM_ITEM_LAYOUTS) {
    for (const labelElement of queryAll(scope, layout.label)) {
      frameworkLabels.add(labelElement);
      if (!textMatches(normalizeLabel(labelElement.textContent ?? ''), expected, exact)) continue;
      const item = labelElement.closest(layout.item);
      const content = item?.querySelector(layout.control);
      const control = (content && formItemControl(content)) ?? forTarget(labelElement, doc);
      if (control) found.push(control);
    }
  }

  for (const labelElement of queryAll(scope, 'label')) {
    if (frameworkLabels.has(labelElement)) continue;
    if (!textMatches(normalizeLabel(labelElement.textContent ?? ''), expected, exact)) continue;
    const control = forTarget(labelElement, doc) ?? labelElement.querySelector(LABELABLE);
    if (control) found.push(control);
  }

  for (const element of queryAll(scope, '[aria-labelledby]')) {
    const ids = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/u).filter(Boolean);
    const text = ids.map((id) => doc.getElementById(id)?.textContent ?? '').join(' ');
    if (ids.length > 0 && textMatches(normalizeLabel(text), expected, exact)) found.push(element);
  }

  // The same field can be reached by several rules (an Element Plus item is also an
  // aria-labelledby group): keep the first, most specific, result per field.
  return inDocumentOrder(withoutNested(found));
}

function forTarget(labelElement: Element, doc: Document): Element | null {
  const id = labelElement.getAttribute('for');
  return id ? doc.getElementById(id) : null;
}

// ---------------------------------------------------------------------------------------------
// role + accessible name

/**
 * Elements that can carry each role implicitly (HTML-AAM), used only to narrow the search; the
 * role itself always comes from dom-accessibility-api's getRole. Roles not listed scan every
 * element.
 */
const IMPLICIT_ROLE_CANDIDATES: Record<string, string> = {
  button:
    'button, input[type="button"], input[type="submit"], input[type="reset"], input[type="image"], summary',
  link: 'a[href], area[href]',
  textbox:
    'input:not([type]), input[type="text"], input[type="email"], input[type="tel"], input[type="url"], input[type="password"], textarea',
  searchbox: 'input[type="search"]',
  checkbox: 'input[type="checkbox"]',
  radio: 'input[type="radio"]',
  combobox: 'select, input[list]',
  listbox: 'select[multiple], select[size], datalist',
  option: 'option',
  heading: 'h1, h2, h3, h4, h5, h6',
  dialog: 'dialog',
  table: 'table',
  row: 'tr',
  cell: 'td',
  columnheader: 'th',
  list: 'ul, ol, menu',
  listitem: 'li',
  navigation: 'nav',
  img: 'img',
  spinbutton: 'input[type="number"]',
  slider: 'input[type="range"]',
  form: 'form',
  region: 'section',
};

export function findByRole(
  scope: Scope,
  role: string,
  name: string | undefined,
  exact: boolean,
): Element[] {
  const implicit = IMPLICIT_ROLE_CANDIDATES[role];
  const selector = implicit ? `${implicit}, [role~="${role}"]` : '*';
  const expected = name === undefined ? undefined : normalizeText(name);
  return queryAll(scope, selector).filter((element) => {
    if (getRole(element) !== role) return false;
    if (expected === undefined) return true;
    // A hidden element's name is computed with hidden content included, so a button inside a
    // closed dialog is reported as `hidden` rather than `not-found`.
    const hidden = !isVisible(element, { layout: false });
    const accessibleName = normalizeText(computeAccessibleName(element, { hidden }));
    if (textMatches(accessibleName, expected, exact)) return true;
    const withoutIcons = normalizeText(stripIconNames(element, accessibleName));
    return withoutIcons !== accessibleName && textMatches(withoutIcons, expected, exact);
  });
}

/**
 * Icon fonts label their glyphs (antd: <span role="img" aria-label="upload">), so an icon button
 * "⬆ 上传文件" is named "upload 上传文件" although people see only 上传文件. Authors write what
 * people see; strip the icon names before comparing.
 */
function stripIconNames(element: Element, accessibleName: string): string {
  let name = accessibleName;
  for (const icon of element.querySelectorAll('[role="img"][aria-label]')) {
    const iconName = normalizeText(icon.getAttribute('aria-label') ?? '');
    if (iconName) name = name.replace(iconName, ' ');
  }
  return name;
}

// ---------------------------------------------------------------------------------------------
// visible text

const NOT_TEXT = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'svg']);
/**
 * What a person clicks when they follow "click 10条/页": native and ARIA controls, and the
 * component libraries' widget roots, whose visible text (a select's value, a tag, a checkbox's
 * label) sits in spans beside the element that carries the role. The nearest one wins, so an
 * option inside an open dropdown is the option, not the select around it.
 */
const INTERACTIVE_ANCESTOR = [
  'button',
  'a[href]',
  'summary',
  'select',
  '[role="button"]',
  '[role="link"]',
  '[role="tab"]',
  '[role="menuitem"]',
  '[role="menuitemcheckbox"]',
  '[role="menuitemradio"]',
  '[role="option"]',
  '[role="treeitem"]',
  '[role="checkbox"]',
  '[role="radio"]',
  '[role="switch"]',
  '[role="combobox"]',
  // Element Plus / Element UI
  '.el-select',
  '.el-cascader',
  '.el-date-editor',
  '.el-checkbox',
  '.el-radio',
  '.el-radio-button',
  '.el-switch',
  // Ant Design
  '.ant-select',
  '.ant-cascader',
  '.ant-picker',
  '.ant-checkbox-wrapper',
  '.ant-radio-wrapper',
  '.ant-radio-button-wrapper',
  '.ant-switch',
  // layui
  '.layui-form-select',
  '.layui-form-checkbox',
  '.layui-form-radio',
  '.layui-form-switch',
].join(', ');

/**
 * The innermost elements whose text reads `text`, lifted to the control they belong to (see
 * INTERACTIVE_ANCESTOR), because that is what a person clicks when they follow "click 提交审核".
 */
export function findByText(scope: Scope, text: string, exact: boolean): Element[] {
  const expected = normalizeText(text);
  const matches: Element[] = [];
  const root = scope.nodeType === 9 ? (scope as Document).body : (scope as Element);
  if (!root) return [];
  const visit = (element: Element): boolean => {
    if (NOT_TEXT.has(element.localName)) return false;
    const own = normalizeText(element.textContent ?? '');
    if (!own.includes(expected)) return false;
    let childMatched = false;
    for (const child of element.children) if (visit(child)) childMatched = true;
    if (!childMatched && textMatches(own, expected, exact)) {
      matches.push(element);
      return true;
    }
    return childMatched;
  };
  visit(root);
  const lifted = matches.map((element) => {
    const interactive = element.closest(INTERACTIVE_ANCESTOR);
    return interactive && (scope.nodeType === 9 || (scope as Element).contains(interactive))
      ? interactive
      : element;
  });
  return inDocumentOrder(lifted);
}

// ---------------------------------------------------------------------------------------------
// placeholder

/** Component libraries draw select placeholders as text, not as a placeholder attribute. */
const PLACEHOLDER_ELEMENTS = [
  { text: '.ant-select-placeholder, .ant-select-selection-placeholder', control: '.ant-select' },
  // Element Plus reuses .el-select__placeholder for the selected value; `is-transparent` marks
  // the real placeholder.
  { text: '.el-select__placeholder.is-transparent', control: '.el-select' },
] as const;

export function findByPlaceholder(scope: Scope, placeholder: string, exact: boolean): Element[] {
  const expected = normalizeText(placeholder);
  const found = queryAll(scope, '[placeholder]').filter((element) =>
    textMatches(normalizeText(element.getAttribute('placeholder') ?? ''), expected, exact),
  );
  for (const kind of PLACEHOLDER_ELEMENTS) {
    for (const element of queryAll(scope, kind.text)) {
      if (!textMatches(normalizeText(element.textContent ?? ''), expected, exact)) continue;
      found.push(element.closest(kind.control) ?? element);
    }
  }
  return inDocumentOrder(found);
}

// ---------------------------------------------------------------------------------------------
// test id

const TEST_ID_ATTRIBUTES = ['data-testid', 'data-test-id', 'data-test'] as const;

export function findByTestId(scope: Scope, testId: string): Element[] {
  const selector = TEST_ID_ATTRIBUTES.map((attribute) => `[${attribute}]`).join(', ');
  // Compare attribute values in code rather than building a selector from tour text, so no
  // escaping rules are involved.
  return queryAll(scope, selector).filter((element) =>
    TEST_ID_ATTRIBUTES.some((attribute) => element.getAttribute(attribute) === testId),
  );
}
