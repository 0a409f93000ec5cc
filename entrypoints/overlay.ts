import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createOverlay } from '../app/overlay/create-overlay';
import { warmStepCard } from '../features/tour/views/warm';
import { registerOverlay, registeredOverlay } from '../app/overlay/api';

// Injected on demand by the background (lib/platform/inject.ts) into a frame's content-script
// world; registers the overlay API for entrypoints/content.ts to use.
export default defineUnlistedScript(() => {
  if (registeredOverlay()) return;
  registerOverlay(createOverlay());
  // Compile the card's code paths while the page is idle (off-DOM; see warmStepCard), so the
  // first step does not pay for it. Skipped where idle callbacks do not exist.
  globalThis.requestIdleCallback?.(
    () => {
      try {
        warmStepCard();
      } catch (error) {
        console.warn('[zhiyin] overlay warm-up failed', error);
      }
    },
    { timeout: 2000 },
  );
});
