import type { OverlayStore } from './store';
import type { SensitivePage } from '../../features/report/content/sensitive-regions';

/**
 * The contract between the overlay bundle (entrypoints/overlay.ts: tour card, framework-free) and
 * its React views (entrypoints/overlay-views.ts: welcome, exam, survey, resume, tips, hints,
 * masks), which the overlay has the background inject into the same world only when one of those
 * must be shown. The views register themselves under OVERLAY_VIEWS_GLOBAL.
 */
export const OVERLAY_VIEWS_GLOBAL = '__zhiyinOverlayViews__';

export interface OverlayViews {
  /** Draws `store` into `container` (in the overlay's shadow root); returns how to take it off. */
  mount(container: HTMLElement, store: OverlayStore): () => void;
  /**
   * What a screenshot of the top window `win` must cover, and where its viewport was
   * (features/report: the personal-data rules come with it).
   */
  readSensitivePage(win: Window): SensitivePage;
}

type ViewsGlobal = typeof globalThis & { [OVERLAY_VIEWS_GLOBAL]?: OverlayViews };

export function registeredOverlayViews(): OverlayViews | undefined {
  return (globalThis as ViewsGlobal)[OVERLAY_VIEWS_GLOBAL];
}

export function registerOverlayViews(views: OverlayViews): void {
  (globalThis as ViewsGlobal)[OVERLAY_VIEWS_GLOBAL] = views;
}
