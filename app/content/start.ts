import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { showWelcome } from '../../features/profile/content/welcome';
import { createRulesLoader } from '../../features/rules/content/loader';
import { createTourChannel } from '../../features/tour/content/channel';
import type { TourInstruction } from '../../features/tour/protocol';
import type { SensitivePage } from '../../features/report/content/sensitive-regions';
import { watchRouteChanges } from '../../lib/lifetime/content-context';
import { registeredOverlay } from '../overlay/api';
import { sendMessage, type PageInstructions } from '../protocol';
import { loadOverlay } from './overlay';

/** What the content script does in one frame (entrypoints/content.ts wires the messages to it). */
export interface ContentPage {
  /** Says hello, follows the reply, and again after each SPA route change. */
  start(): Promise<void>;
  /** `bg:showWelcome`: shows the welcome card (top frame only); whether it did. */
  showWelcome(): Promise<boolean>;
  /** `bg:tourInstruction`. */
  runTour(instruction: TourInstruction): Promise<void>;
  /** `bg:maskSensitive`: what a screenshot must cover (null outside the top frame). */
  maskSensitive(): Promise<SensitivePage | null>;
  /** `bg:warmOverlay`: the popup opened here and a tour applies: load the overlay, draw nothing. */
  warmOverlay(): void;
  /** `bg:rulesChanged`: a content pack changed the rules in force; the running watcher follows. */
  rulesChanged(revision: string): void;
}

/**
 * The composition of the content script that runs in every frame: the rules loader
 * (features/rules/content/loader.ts), the welcome card (features/profile/content/), the tour's
 * channel (features/tour/content/channel.ts), the overlay loaded on demand (./overlay.ts), and
 * the hello sent at start and after each SPA route change.
 */
export function createContentPage(ctx: ContentScriptContext, topFrame: boolean): ContentPage {
  const rules = createRulesLoader({
    ctx,
    win: window,
    topFrame,
    loadBundle: () => sendMessage('content:loadRules'),
    channel: {
      action: (message) => sendMessage('content:ruleAction', message),
      shown: (message) => sendMessage('content:tipShown', message),
      respond: (message) => sendMessage('content:tipResponse', message),
    },
    rulesInForce: () => sendMessage('content:rulesInForce'),
    overlay: { current: registeredOverlay, load: loadOverlay },
  });
  const channel = createTourChannel(topFrame, rules.showGuard);

  const follow = async (instructions: PageInstructions) => {
    rules.follow(instructions);
    if (instructions.welcome) await showWelcome(ctx, loadOverlay, rules.firstRun);
    else if (instructions.firstRun) rules.firstRun();
    if (instructions.tour) await (await loadOverlay()).runTour(ctx, instructions.tour, channel);
    else if (instructions.resume) {
      await (await loadOverlay()).offerResume(ctx, instructions.resume, channel);
    }
  };
  const hello = async () =>
    follow(
      await sendMessage('content:hello', { url: location.href, title: document.title, topFrame }),
    );

  return {
    start: async () => {
      await hello();
      // SPA route changes are page visits too: committed same-document changes only (full page
      // loads are reported by the next page's own content script). Read from the Navigation API,
      // not from a DOM event the page could forge or stop (issue 10).
      watchRouteChanges(ctx, (target) => {
        // The title often changes just after the route; read it once the page has rendered.
        ctx.requestAnimationFrame(() => {
          if (location.href !== target) return;
          // A click that changed the route is reported first, so it counts for its step.
          const settled = registeredOverlay()?.settled?.() ?? Promise.resolve();
          // Report the page even if flushing the click failed: the tour must follow the route.
          void settled.catch(() => undefined).then(() => hello());
        });
      });
    },
    showWelcome: async () => {
      if (!topFrame) return false;
      await showWelcome(ctx, loadOverlay);
      return true;
    },
    runTour: async (instruction) => {
      if (topFrame) await (await loadOverlay()).runTour(ctx, instruction, channel);
    },
    maskSensitive: async () => (topFrame ? (await loadOverlay()).maskSensitive(ctx) : null),
    warmOverlay: () => {
      if (!topFrame) return;
      void loadOverlay()
        .then((overlay) => overlay.warm?.(ctx))
        .catch(() => undefined);
    },
    rulesChanged: (revision) => rules.rulesChanged(revision),
  };
}
