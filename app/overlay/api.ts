import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Role } from '../../features/profile/roles';
import type { Tour } from '../../features/tour/schema';
import type { Language } from '../../lib/settings/preferences';
import type { ContentTourEvent, ResumeOffer, TourInstruction } from '../../features/tour/protocol';
import type { RulesOverlay } from '../../features/rules/content/loader';
import type { SensitivePage } from '../../features/report/content/sensitive-regions';

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

export interface TourChannel {
  /** Sends a tour event to the background; resolves with the next instruction. */
  send(event: ContentTourEvent): Promise<TourInstruction | null>;
  /** The run's tour in `language` (界面语言 changed while the run is open); null if it ended. */
  tourText(run: string, language: Language): Promise<Tour | null>;
  /** Answers a resume offer. */
  resume(tourId: string, mode: 'continue' | 'restart' | 'discard'): Promise<TourInstruction | null>;
  /** Files a problem report about this page (the background adds tour and page context). */
  report(description: string): Promise<{ scrubSummary: string | null }>;
  /** Shows a field guard while a tour step is active (`guard:` in the step); false if unknown. */
  showGuard(guardId: string, signal: AbortSignal): boolean;
}

/** Also draws compliance tips and field-guard hints ({@link RulesOverlay}). */
export interface OverlayApi extends RulesOverlay {
  /** Shows the first-run welcome card (choose a role). Resolves when it is on screen. */
  showWelcome(ctx: ContentScriptContext, options: WelcomeOptions): Promise<void>;
  /**
   * Prepares what the first card needs without touching the page (the popup opened here: a tour
   * start is likely). Optional: an overlay without it simply does that work on the first card.
   */
  warm?(ctx: ContentScriptContext): void;
  /** Carries out a tour instruction from the background in this page. */
  runTour(
    ctx: ContentScriptContext,
    instruction: TourInstruction,
    channel: TourChannel,
  ): Promise<void>;
  /** Offers to continue a tour that was interrupted earlier. */
  offerResume(ctx: ContentScriptContext, offer: ResumeOffer, channel: TourChannel): Promise<void>;
  /**
   * Finds what a screenshot of the visible page must cover (passwords, sensitive fields, personal
   * data) and covers it on the page for the learner's eyes; resolves with the regions and the
   * viewport once the covers are painted. The background draws its own covers into the capture:
   * correctness does not depend on these (features/report/background/screenshot.ts).
   */
  maskSensitive(ctx: ContentScriptContext): Promise<SensitivePage>;
  /**
   * Measures the regions and the viewport again (so the background can tell whether the page
   * moved under its capture), then removes the covers. Null if nothing was ever measured here.
   */
  unmaskSensitive(): SensitivePage | null;
  /** Removes everything the overlay put on the page. */
  unmount(): void;
  /** Resolves when the tour's events sent so far have been answered (tour engine: h1). */
  settled?(): Promise<void>;
}

type OverlayGlobal = typeof globalThis & { [OVERLAY_GLOBAL]?: OverlayApi };

export function registeredOverlay(): OverlayApi | undefined {
  return (globalThis as OverlayGlobal)[OVERLAY_GLOBAL];
}

export function registerOverlay(api: OverlayApi): void {
  (globalThis as OverlayGlobal)[OVERLAY_GLOBAL] = api;
}
