/**
 * Whether a person can see an element.
 *
 * Two layers:
 * - style/attribute checks that work everywhere, including happy-dom: the `hidden` attribute,
 *   `aria-hidden="true"`, `inert`, closed `<details>`/`<dialog>`, `display: none` and
 *   `visibility: hidden|collapse` (computed style, so stylesheets count where the environment
 *   applies them), on the element or an ancestor;
 * - layout checks (`layout: true`, the default): a non-empty client rect and `checkVisibility()`
 *   with opacity. happy-dom has no layout engine (every rect is empty), so DOM tests pass
 *   `layout: false` and layout-dependent behaviour (zero-size wrappers, off-screen popups,
 *   opacity-0 animations) must be tested in a real browser (Playwright), not here.
 */
export interface VisibilityOptions {
  /** Also require a rendered box. Default true; pass false only where there is no layout engine. */
  layout?: boolean;
}

/**
 * Classes component libraries use to hide mounted elements through their stylesheets. In a real
 * browser computed style already covers them; they are listed so the result does not depend on
 * whether the library's CSS-in-JS has been injected yet (and so saved fixtures behave the same).
 */
const LIBRARY_HIDDEN_CLASSES = [
  'ant-form-item-hidden',
  'ant-select-dropdown-hidden',
  'ant-dropdown-hidden',
  'ant-popover-hidden',
  'ant-tooltip-hidden',
  'ant-tabs-tabpane-hidden',
  'ant-picker-dropdown-hidden',
];

export function isVisible(element: Element, options: VisibilityOptions = {}): boolean {
  const view = element.ownerDocument.defaultView;
  const layout = options.layout ?? true;
  for (let node: Element | null = element; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.hasAttribute('inert')) return false;
    if (node.getAttribute('aria-hidden') === 'true') return false;
    if (node !== element && node.localName === 'details' && !node.hasAttribute('open')) {
      // Only the <summary> of a closed <details> is shown.
      const summary = node.querySelector(':scope > summary');
      if (!summary || !summary.contains(element)) return false;
    }
    if (node.localName === 'dialog' && !node.hasAttribute('open')) return false;
    if (node.localName === 'template') return false;
    if (LIBRARY_HIDDEN_CLASSES.some((name) => node.classList.contains(name))) return false;
    // With layout, getClientRects below answers for display: none here or on any ancestor (no
    // box), without a style object per ancestor (40 of them for a deeply nested field).
    if (!layout && view?.getComputedStyle(node).display === 'none') return false;
  }
  const ownStyle = view?.getComputedStyle(element);
  // visibility is inherited, so the element's own computed value already reflects its ancestors.
  if (ownStyle && (ownStyle.visibility === 'hidden' || ownStyle.visibility === 'collapse'))
    return false;
  if (layout) {
    if (element.getClientRects().length === 0) return false;
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) return false;
    if (
      typeof element.checkVisibility === 'function' &&
      // Chromium before 121 only knows the older option name checkOpacity.
      !element.checkVisibility({ opacityProperty: true, checkOpacity: true })
    ) {
      return false;
    }
  }
  return true;
}
