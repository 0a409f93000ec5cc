/**
 * The mode of the shadow roots Zhiyin puts on a host page (`<zhiyin-overlay>`, `<zhiyin-author>`).
 *
 * Production builds close them, so the page's scripts cannot find the card, tip or welcome card
 * through `host.shadowRoot` (issue 10). The test build (and `wxt` development) keep them open:
 * QA teams and our end-to-end tests reach the UI through the open root (README contract 3).
 * Closing is a second wall only: every button also ignores events that are not the user's own
 * (lib/trust/user-event.ts), in every build.
 */
export const OVERLAY_SHADOW_MODE: ShadowRootMode =
  import.meta.env.MODE === 'test' ||
  import.meta.env.MODE === 'development' ||
  // The tour benchmark measures the production build and finds the card through the root
  // (bench/tour/harness.js); set only by `npm run bench:tour`'s own build, never for a release.
  import.meta.env.VITE_ZHIYIN_BENCH_OPEN_SHADOW === '1'
    ? 'open'
    : 'closed';
