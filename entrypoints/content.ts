import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { PageInstructions } from '../app/protocol';
import { onMessage, sendMessage } from '../app/protocol';
import { DEADLINES, withDeadline } from '../lib/platform/deadline';
import { registeredOverlay, type OverlayApi, type TourChannel } from '../lib/overlay/api';
import type { RulesInPage } from '../features/rules/content/controller';
import { registeredRules } from '../features/rules/content/api';
import { watchRuleTriggers, type PendingAction } from '../features/rules/content/triggers';
import { PageProofContext, watchRouteChanges } from '../lib/lifetime/content-context';

/**
 * Runs on every page (and frame) of the configured hosts, so it stays small: no React, no UI.
 * It tells the background where it is and loads the overlay bundle only when there is something
 * to show. `matches` is replaced at build time (wxt.config.ts, lib/hosts/match-patterns.ts).
 */
export default defineContentScript({
  matches: ['http://localhost/*'],
  allFrames: true,
  runAt: 'document_idle',
  async main(wxtContext) {
    // WXT's context can be switched off by the host page; ours ends only with the extension
    // (lib/lifetime/content-context.ts, issue 10). Everything below hangs off ours.
    const ctx = new PageProofContext('content', wxtContext.options);
    const topFrame = window === window.top;
    let rulesInPage: RulesInPage | null = null;
    let firstRunPending = false;
    // Compliance tips and field guards (top frame; it watches same-origin frames itself): loaded
    // only where the background's hello reply says a rule applies, once the page is idle so they
    // never delay the page's own start; or at once when a tour step's guard or the first run
    // needs them. Elsewhere the hello reply's triggers (copy, clicks, marker texts) are watched
    // here and the first one loads them, handing its event over (features/rules/content/triggers.ts).
    let rulesStarting: Promise<RulesInPage | null> | null = null;
    let triggersWatch: AbortController | null = null;
    const pending: PendingAction[] = [];
    const takePending = (): PendingAction[] => {
      triggersWatch?.abort();
      return pending.splice(0);
    };
    const ensureRules = (when: 'idle' | 'now'): Promise<RulesInPage | null> => {
      rulesStarting ??= new Promise<void>((ready) => {
        if (when === 'now') ready();
        else ctx.requestIdleCallback(() => ready());
      })
        .then(() => startRules(ctx, takePending))
        .then((started) => {
          rulesInPage = started;
          if (started && firstRunPending) started.firstRun();
          return started;
        });
      return rulesStarting;
    };
    const channel: TourChannel = {
      // A worker that never answers must not hold every later step behind this one (the
      // controller sends one event at a time): give up, and the next event or hello resyncs.
      send: (event) =>
        withDeadline(sendMessage('content:tourEvent', event), DEADLINES.message, 'tour event'),
      resume: (tourId, mode) =>
        sendMessage('content:resumeTour', { tourId, mode, url: location.href }),
      report: (description) =>
        sendMessage('content:submitReport', {
          category: 'other',
          description,
          url: location.href,
          title: document.title,
          topFrame,
        }),
      showGuard: (guardId, signal) => {
        if (rulesInPage) return rulesInPage.showGuard(guardId, signal);
        if (!topFrame) return false;
        void ensureRules('now').then((started) => {
          if (!signal.aborted) started?.showGuard(guardId, signal);
        });
        return true;
      },
    };

    onMessage('bg:ping', () => ({ url: location.href, title: document.title }));
    onMessage('bg:showWelcome', async () => {
      if (!topFrame) return { shown: false };
      await showWelcome(ctx);
      return { shown: true };
    });
    onMessage('bg:tourInstruction', async ({ data }) => {
      if (topFrame) await (await loadOverlay()).runTour(ctx, data, channel);
    });
    onMessage('bg:maskSensitive', async () => ({
      masked: topFrame ? await (await loadOverlay()).maskSensitive(ctx) : 0,
    }));
    onMessage('bg:unmaskSensitive', () => registeredOverlay()?.unmaskSensitive());
    // The popup opened here and a tour applies: load the overlay now, draw nothing.
    onMessage('bg:warmOverlay', () => {
      if (topFrame) void loadOverlay().catch(() => undefined);
    });
    ctx.onInvalidated(() => registeredOverlay()?.unmount());

    const firstRun = () => {
      if (rulesInPage) rulesInPage.firstRun();
      else {
        firstRunPending = true;
        if (topFrame) void ensureRules('now');
      }
    };
    const watchTriggers = (instructions: PageInstructions) => {
      triggersWatch?.abort();
      triggersWatch = null;
      if (!topFrame || rulesStarting || !instructions.ruleTriggers) return;
      triggersWatch = new AbortController();
      const signal = AbortSignal.any([ctx.signal, triggersWatch.signal]);
      watchRuleTriggers(window, instructions.ruleTriggers, signal, (action) => {
        if (action) pending.push(action);
        void ensureRules('now');
      });
    };
    const follow = async (instructions: PageInstructions) => {
      if (topFrame && instructions.rules) void ensureRules('idle');
      else watchTriggers(instructions);
      if (instructions.welcome) await showWelcome(ctx, firstRun);
      if (instructions.tour) await (await loadOverlay()).runTour(ctx, instructions.tour, channel);
      else if (instructions.resume) {
        await (await loadOverlay()).offerResume(ctx, instructions.resume, channel);
      }
    };
    const hello = async () =>
      follow(
        await sendMessage('content:hello', { url: location.href, title: document.title, topFrame }),
      );

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
});

let overlayLoading: Promise<OverlayApi> | null = null;

/** The overlay could not be loaded for a tip or hint: say so in the console, never throw on the page. */
function reportOverlayFailure(error: unknown): void {
  console.warn('[zhiyin] could not show a tip or hint', error);
}

/** The overlay bundle, injected once per frame even when a warm-up and a start overlap. */
async function loadOverlay(): Promise<OverlayApi> {
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

async function showWelcome(
  ctx: ContentScriptContext,
  onFirstRun: () => void = () => {},
): Promise<void> {
  const overlay = await loadOverlay();
  await overlay.showWelcome(ctx, {
    onChooseRole: async (role) => {
      await sendMessage('content:chooseRole', { role, url: location.href });
      onFirstRun();
    },
    onDismiss: async () => {
      await sendMessage('content:dismissWelcome', { url: location.href });
      onFirstRun();
    },
  });
}

async function startRules(
  ctx: ContentScriptContext,
  takePending: () => PendingAction[],
): Promise<RulesInPage | null> {
  try {
    if (!registeredRules()) await sendMessage('content:loadRules');
    const api = registeredRules();
    if (!api || ctx.isInvalid) return null;
    let started: RulesInPage | null = null;
    // The overlay (React) is loaded only when a tip or hint must actually be shown.
    let tipsCall = 0;
    let hintsCall = 0;
    const overlayIfNeeded = async (needed: boolean) =>
      needed ? loadOverlay() : (registeredOverlay() ?? null);
    started = api.start(
      ctx,
      {
        action: (message) => sendMessage('content:ruleAction', message),
        shown: (message) => sendMessage('content:tipShown', message),
        respond: (message) => sendMessage('content:tipResponse', message),
      },
      {
        // The latest list wins: loading the overlay for a non-empty list takes longer than
        // handing an empty one to the loaded overlay, so an older list must not land last.
        setTips: (tips) => {
          const call = ++tipsCall;
          void overlayIfNeeded(tips.length > 0).then((overlay) => {
            if (call === tipsCall)
              void overlay?.setTips(ctx, tips, (tip, response) => started?.respond(tip, response));
          }, reportOverlayFailure);
        },
        setHints: (hints) => {
          const call = ++hintsCall;
          void overlayIfNeeded(hints.length > 0).then((overlay) => {
            if (call === hintsCall) void overlay?.setHints(ctx, hints);
          }, reportOverlayFailure);
        },
      },
      // Read last: the triggers stop here and the watcher's own listeners take over at once.
      takePending(),
    );
    return started;
  } catch (error) {
    console.warn('[zhiyin] compliance rules could not start', error);
    return null;
  }
}
