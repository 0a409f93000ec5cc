import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { overlayViews } from '../app/overlay/views';
import { registerOverlayViews, registeredOverlayViews } from '../app/overlay/views-api';

// Injected on demand by the background (lib/platform/inject.ts), after entrypoints/overlay.ts, when
// the overlay must show something other than a tour card (welcome, exam, survey, resume offer,
// tips, hints, masks): React and those views, registered for the overlay to mount.
export default defineUnlistedScript(() => {
  if (registeredOverlayViews()) return;
  registerOverlayViews(overlayViews);
});
