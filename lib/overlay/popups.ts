/**
 * The popup a target opened: the dropdown of a select or cascader, a date picker's panel, a
 * menu. Component libraries render them away from the target (teleported to `<body>`), so the
 * card placed beside the target would lie over them and take the learner's clicks meant for
 * them (a multiple cascader's regions on an Element Plus page, issue 13). The card is placed
 * beside the target *and* its open popup instead.
 */

/**
 * Popup layers of the component libraries, by class: Element Plus / Element UI (the popper holds
 * selects, cascaders, pickers, dropdown menus), Ant Design, layui's date picker.
 */
const POPUP_CLASSES = [
  'el-popper',
  'el-select-dropdown',
  'el-picker-panel',
  'el-cascader__dropdown',
  'el-dropdown-menu',
  'ant-select-dropdown',
  'ant-cascader-dropdown',
  'ant-picker-dropdown',
  'ant-dropdown',
  'layui-laydate',
] as const;

/** Popup layers that are not a single class: layui's select list, ARIA popups. */
const OTHER_POPUPS = '.layui-form-select dl, [role="listbox"], [role="menu"]';

/** Every popup layer, as they are when open. */
const POPUP_SELECTOR = [...POPUP_CLASSES.map((name) => `.${name}`), OTHER_POPUPS].join(', ');

/**
 * The popup layers in `doc`, in document order. Looked up on every placement while a popup may be
 * opening, so not as one selector list over the whole document (each element matched against
 * every selector: 3.7 ms a look on the bench's admin page of 19,400 elements while it changes):
 * the class-named layers come from the browser's class index (`getElementsByClassName`, kept
 * between calls while the page does not change), the others from a short selector (2.4 ms a look
 * there while the page changes, under 1 ms while it does not).
 */
function popupLayers(doc: Document): Element[] {
  const layers: Element[] = [];
  for (const name of POPUP_CLASSES) layers.push(...doc.getElementsByClassName(name));
  layers.push(...doc.querySelectorAll(OTHER_POPUPS));
  if (layers.length < 2) return layers;
  // Outer layers before the layers inside them (openPopups keeps the outermost), each once.
  const unique = [...new Set(layers)];
  return unique.sort((a, b) =>
    a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1,
  );
}

/** Whether `node` is (inside) a popup layer: its transitions end when a popup has opened or closed. */
export function inPopupLayer(node: EventTarget | null): boolean {
  return (
    typeof (node as Element | null)?.closest === 'function' &&
    (node as Element).closest(POPUP_SELECTOR) !== null
  );
}

/** How far from the target a popup may open and still be its popup (px). */
const NEAR = 24;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function boxOf(rect: DOMRectReadOnly): Box {
  return { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
}

function isEmpty(rect: DOMRectReadOnly): boolean {
  return rect.width === 0 || rect.height === 0;
}

/** The two boxes touch or lie within {@link NEAR} px of each other on both axes. */
function near(a: Box, b: Box): boolean {
  return (
    a.left - NEAR <= b.right &&
    b.left - NEAR <= a.right &&
    a.top - NEAR <= b.bottom &&
    b.top - NEAR <= a.bottom
  );
}

/** Shown, and floating over the page (a popup, not a list that is part of the page's layout). */
function shownFloating(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  const style = view.getComputedStyle(element);
  const transparent = style.opacity !== '' && Number(style.opacity) === 0;
  if (style.visibility === 'hidden' || transparent) return false;
  // Inside a closed popup (display: none on an ancestor) there is nothing to see.
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (view.getComputedStyle(node).display === 'none') return false;
  }
  for (let node: Element | null = element, depth = 0; node && depth < 3; depth += 1) {
    const position = view.getComputedStyle(node).position;
    if (position === 'absolute' || position === 'fixed') return true;
    node = node.parentElement;
  }
  return false;
}

/**
 * The open popups of `target`: shown, floating popup layers (outermost matching element) whose box
 * is next to the target's, outside the target or floating out of it from inside (layui). Empty
 * when nothing is open, the usual case.
 */
export function openPopups(target: Element): Element[] {
  const doc = target.ownerDocument;
  const targetRect = target.getBoundingClientRect();
  if (isEmpty(targetRect)) return [];
  const targetBox = boxOf(targetRect);
  const found: Element[] = [];
  for (const candidate of popupLayers(doc)) {
    // A popup inside the target counts too: layui draws a select's <dl> inside the
    // .layui-form-select it belongs to, absolutely positioned below it.
    if (candidate.contains(target)) continue;
    // The outermost popup layer only (a listbox inside an open .el-popper is the same popup).
    if (found.some((popup) => popup.contains(candidate))) continue;
    const rect = candidate.getBoundingClientRect();
    if (isEmpty(rect) || !near(targetBox, boxOf(rect)) || !shownFloating(candidate)) continue;
    found.push(candidate);
  }
  return found;
}

/** The smallest box holding the target and its open popups, in the target's viewport. */
export function boxWithPopups(target: Element, popups: readonly Element[]): DOMRectReadOnly {
  const box = boxOf(target.getBoundingClientRect());
  for (const popup of popups) {
    const rect = popup.getBoundingClientRect();
    box.left = Math.min(box.left, rect.left);
    box.top = Math.min(box.top, rect.top);
    box.right = Math.max(box.right, rect.right);
    box.bottom = Math.max(box.bottom, rect.bottom);
  }
  return DOMRectReadOnly.fromRect({
    x: box.left,
    y: box.top,
    width: box.right - box.left,
    height: box.bottom - box.top,
  });
}

/**
 * Classes of a running leave transition: Vue's `<Transition>` (Element Plus:
 * `el-zoom-in-top-leave-active`) and rc-motion (Ant Design: `ant-slide-up-leave-active`). Only the
 * `-active`/`-to` forms: a plain `annual-leave` class (年假) is no transition.
 */
const LEAVING_CLASS = /(?:^|\s)[\w-]+-leave-(?:active|to)(?=\s|$)/;

/**
 * The element is on its way out: it or an ancestor runs a leave transition (a dropdown closing,
 * shrinking over ~300 ms before it is display: none). The card does not follow it there.
 */
export function isLeaving(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const className = node.getAttribute('class');
    if (className && LEAVING_CLASS.test(className)) return true;
  }
  return false;
}
