// @vitest-environment happy-dom
import { act } from 'react';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  OVERLAY_HOST_TAG,
  WARM_HOST_MS,
  createOverlay,
} from '../../../components/overlay/create-overlay';
import type { OverlayApi } from '../../../lib/overlay/api';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

// The popup opened on a page where a tour applies (bg:warmOverlay): the overlay is built ahead
// of the first card, without showing or adding anything a user or a screen reader would notice.
describe('overlay warm-up', () => {
  let overlay: OverlayApi;
  const invalidated: (() => void)[] = [];
  const ctx = {
    options: {},
    onInvalidated: (callback: () => void) => invalidated.push(callback),
  } as unknown as ContentScriptContext;
  const hosts = () => document.querySelectorAll(OVERLAY_HOST_TAG);
  const welcome = { onChooseRole: async () => {}, onDismiss: async () => {} };

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    overlay = createOverlay();
  });
  afterEach(() => {
    act(() => {
      overlay.unmount();
      for (const callback of invalidated.splice(0)) callback();
    });
    vi.useRealTimers();
  });

  it('adds one empty host, inert and hidden from assistive tech, and takes it off if nothing shows', async () => {
    const before = document.body.childElementCount;
    await act(() => overlay.warm!(ctx));
    expect(document.body.childElementCount).toBe(before + 1);
    const [host] = hosts();
    expect(host?.hasAttribute('inert')).toBe(true);
    expect(host?.getAttribute('aria-hidden')).toBe('true');
    expect(host?.shadowRoot?.querySelector('[role="dialog"]')).toBeNull();

    act(() => vi.advanceTimersByTime(WARM_HOST_MS));
    expect(hosts()).toHaveLength(0);
    expect(document.body.childElementCount).toBe(before);
  });

  it('a card shown after the warm-up is in the same host, no longer inert or hidden, and stays', async () => {
    await act(() => overlay.warm!(ctx));
    await act(() => overlay.showWelcome(ctx, welcome));
    expect(hosts()).toHaveLength(1);
    const [host] = hosts();
    expect(host?.hasAttribute('inert')).toBe(false);
    expect(host?.hasAttribute('aria-hidden')).toBe(false);
    expect(host?.shadowRoot?.querySelector('[role="dialog"]')).not.toBeNull();

    act(() => vi.advanceTimersByTime(WARM_HOST_MS));
    expect(host?.isConnected).toBe(true);
    expect(host?.shadowRoot?.querySelector('[role="dialog"]')).not.toBeNull();
  });

  it('a later show after the warm host was taken off attaches it again, not inert', async () => {
    await act(() => overlay.warm!(ctx));
    act(() => vi.advanceTimersByTime(WARM_HOST_MS));
    expect(hosts()).toHaveLength(0);
    await act(() => overlay.showWelcome(ctx, welcome));
    const [host] = hosts();
    expect(hosts()).toHaveLength(1);
    expect(host?.hasAttribute('inert')).toBe(false);
    expect(host?.hasAttribute('aria-hidden')).toBe(false);
    expect(host?.shadowRoot?.querySelector('[role="dialog"]')).not.toBeNull();
  });
});
