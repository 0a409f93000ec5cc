import { registeredOverlay, type OverlayApi } from '../overlay/api';
import { sendMessage } from '../protocol';

let overlayLoading: Promise<OverlayApi> | null = null;

/**
 * The overlay bundle (React, in a shadow root: app/overlay/), injected into this frame by the
 * background only when something must be shown; once per frame even when a warm-up and a start
 * overlap.
 */
export async function loadOverlay(): Promise<OverlayApi> {
  const existing = registeredOverlay();
  if (existing) return existing;
  overlayLoading ??= (async () => {
    await sendMessage('content:loadOverlay', undefined);
    const loaded = registeredOverlay();
    if (!loaded) throw new Error('Zhiyin overlay bundle did not register');
    return loaded;
  })().finally(() => {
    overlayLoading = null;
  });
  return overlayLoading;
}
