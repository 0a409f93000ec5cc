import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Role } from '../profile/roles';

/**
 * The contract between the small content script that runs on every page (entrypoints/content.ts)
 * and the overlay bundle it loads on demand (entrypoints/overlay.ts). Both run in the same
 * isolated world of a frame; the overlay registers itself under OVERLAY_GLOBAL.
 */
export const OVERLAY_GLOBAL = '__zhiyinOverlay__';

export interface WelcomeOptions {
  onChooseRole(role: Role): Promise<void>;
  onDismiss(): Promise<void>;
}

export interface OverlayApi {
  /** Shows the first-run welcome card (choose a role). Resolves when it is on screen. */
  showWelcome(ctx: ContentScriptContext, options: WelcomeOptions): Promise<void>;
  /** Removes everything the overlay put on the page. */
  unmount(): void;
}

type OverlayGlobal = typeof globalThis & { [OVERLAY_GLOBAL]?: OverlayApi };

export function registeredOverlay(): OverlayApi | undefined {
  return (globalThis as OverlayGlobal)[OVERLAY_GLOBAL];
}

export function registerOverlay(api: OverlayApi): void {
  (globalThis as OverlayGlobal)[OVERLAY_GLOBAL] = api;
}
