import type { Page } from '@playwright/test';

/** What has focus, looking into open shadow roots (our overlay in the test build). */
export interface FocusInfo {
  /** `body` when nothing has focus. */
  tag: string;
  /** aria-label, else the label's text for a field, else the text content (trimmed). */
  name: string;
  /** Inside our overlay's shadow root. */
  inOverlay: boolean;
  /** The focus is drawn: `:focus-visible` matches and an outline or ring is painted. */
  visible: boolean;
}

export function focusInfo(page: Page): Promise<FocusInfo> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    let inOverlay = false;
    while (active?.shadowRoot?.activeElement) {
      if (active.localName === 'zhiyin-overlay') inOverlay = true;
      active = active.shadowRoot.activeElement;
    }
    if (!active || active === document.body) {
      return { tag: 'body', name: '', inOverlay: false, visible: false };
    }
    const field = active as HTMLInputElement;
    const label =
      active.getAttribute('aria-label') ??
      field.labels?.[0]?.textContent ??
      active.textContent ??
      '';
    // An outline or ring on the element, or on its wrapper (a component library's field draws
    // focus on the box around the input).
    const drawn = (element: Element | null, depth: number): boolean => {
      if (!element || depth > 2) return false;
      const style = getComputedStyle(element);
      const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      return outlined || style.boxShadow !== 'none' || drawn(element.parentElement, depth + 1);
    };
    return {
      tag: active.localName,
      name: label.replace(/\s+/g, ' ').trim(),
      inOverlay,
      visible: active.matches(':focus-visible') && drawn(active, 0),
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's name matches, as a keyboard user
 * does; fails after `max` presses with the names passed on the way.
 */
export async function tabTo(
  page: Page,
  name: string | RegExp,
  { max = 40, back = false }: { max?: number; back?: boolean } = {},
): Promise<FocusInfo> {
  const seen: string[] = [];
  const matches = (info: FocusInfo) =>
    typeof name === 'string' ? info.name === name : name.test(info.name);
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const info = await focusInfo(page);
    if (matches(info)) return info;
    seen.push(`${info.tag}:${info.name}`);
  }
  throw new Error(`Tab did not reach ${String(name)}; passed: ${seen.join(' → ')}`);
}
