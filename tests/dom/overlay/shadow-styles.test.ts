// @vitest-environment happy-dom
/**
 * The overlay's stylesheet is parsed once, when the overlay prepares its host, and adopted by its
 * shadow root (lib/overlay/shadow-styles.ts); where constructable stylesheets are missing the
 * styles still arrive, as a <style> element.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

function shadowRoot(): ShadowRoot {
  const host = document.createElement('div');
  return host.attachShadow({ mode: 'open' });
}

describe('adoptStyles', () => {
  it('adopts one parsed sheet, shared by every shadow root given the same styles', async () => {
    const { adoptStyles } = await import('../../../lib/overlay/shadow-styles');
    const first = shadowRoot();
    const second = shadowRoot();
    adoptStyles(first, '.zy-card { width: 340px; }');
    adoptStyles(second, '.zy-card { width: 340px; }');
    expect(first.adoptedStyleSheets).toHaveLength(1);
    expect(second.adoptedStyleSheets[0]).toBe(first.adoptedStyleSheets[0]);
    expect(first.adoptedStyleSheets[0]?.cssRules[0]?.cssText).toContain('340px');
    expect(first.querySelector('style')).toBeNull();
  });

  it('falls back to a <style> element where stylesheets cannot be constructed', async () => {
    vi.stubGlobal(
      'CSSStyleSheet',
      class {
        constructor() {
          throw new TypeError('Illegal constructor');
        }
      },
    );
    const { adoptStyles } = await import('../../../lib/overlay/shadow-styles');
    const shadow = shadowRoot();
    adoptStyles(shadow, '.zy-card { width: 340px; }');
    expect(shadow.querySelector('style')?.textContent).toBe('.zy-card { width: 340px; }');
  });
});
