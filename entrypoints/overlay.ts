import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createOverlay } from '../components/overlay/create-overlay';
import { registerOverlay, registeredOverlay } from '../lib/overlay/api';

// Injected on demand by the background (lib/background/inject.ts) into a frame's content-script
// world; registers the overlay API for entrypoints/content.ts to use.
export default defineUnlistedScript(() => {
  if (!registeredOverlay()) registerOverlay(createOverlay());
});
