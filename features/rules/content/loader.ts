import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { latest } from '../../../lib/lifetime/latest';
import type { GuardHint } from '../../guards/content/guards';
import type { TipDecision } from '../engine';
import type { RuleTriggers } from '../helpers';
import type { TipResponse } from '../records';
import { registeredRules } from './api';
import type { RulesChannel, RulesInPage } from './controller';
import { watchRuleTriggers, type PendingAction } from './triggers';

/**
 * When the content script loads the rules bundle (compliance tips and field guards, top frame
 * only; it watches same-origin frames itself): once the page is idle where the background's hello
 * reply says a rule applies, so they never delay the page's own start; at once when a tour step's
 * guard or the first run needs them. Elsewhere the hello reply's triggers (copy, clicks, marker
 * texts) are watched here and the first one loads them, handing its event over (triggers.ts).
 * Part of content.js: no React; the overlay is loaded only when a tip or hint must be shown.
 */

/** The part of the overlay bundle the rules draw with (app/overlay/api.ts `OverlayApi`). */
export interface RulesOverlay {
  /** Compliance tips waiting to be answered (the first is shown) and how to answer them. */
  setTips(
    ctx: ContentScriptContext,
    tips: readonly TipDecision[],
    respond: (tip: TipDecision, response: TipResponse) => void,
  ): Promise<void>;
  /** Field-guard hints next to their fields. */
  setHints(ctx: ContentScriptContext, hints: readonly GuardHint[]): Promise<void>;
}

export interface RulesLoaderOptions {
  ctx: ContentScriptContext;
  win: Window & typeof globalThis;
  topFrame: boolean;
  /** Injects the rules bundle into this frame (`content:loadRules`); it registers itself. */
  loadBundle(): Promise<unknown>;
  /** The background side of the rules (`content:ruleAction`, `content:tipShown`, …). */
  channel: RulesChannel;
  overlay: {
    /** The overlay if this frame already loaded it. */
    current(): RulesOverlay | null | undefined;
    /** Loads the overlay (once per frame). */
    load(): Promise<RulesOverlay>;
  };
}

/** The hello reply's part about rules (app/protocol.ts `PageInstructions`). */
export interface RulesInstructions {
  rules?: boolean;
  ruleTriggers?: RuleTriggers;
}

export interface RulesLoader {
  /** Follows a hello reply: load at idle where a rule applies, else watch the triggers. */
  follow(instructions: RulesInstructions): void;
  /** The learner's first run (after the welcome card): loads the rules now if needed. */
  firstRun(): void;
  /** A tour step's field guard; true if it is (or will be, once loaded) shown in this frame. */
  showGuard(guardId: string, signal: AbortSignal): boolean;
}

export function createRulesLoader(options: RulesLoaderOptions): RulesLoader {
  const { ctx, topFrame } = options;
  let inPage: RulesInPage | null = null;
  let firstRunPending = false;
  let starting: Promise<RulesInPage | null> | null = null;
  let triggersWatch: AbortController | null = null;
  const pending: PendingAction[] = [];
  const takePending = (): PendingAction[] => {
    triggersWatch?.abort();
    return pending.splice(0);
  };
  const ensure = (when: 'idle' | 'now'): Promise<RulesInPage | null> => {
    starting ??= new Promise<void>((ready) => {
      if (when === 'now') ready();
      else ctx.requestIdleCallback(() => ready());
    })
      .then(() => startRules(options, takePending))
      .then((started) => {
        inPage = started;
        if (started && firstRunPending) started.firstRun();
        return started;
      });
    return starting;
  };
  const watchTriggers = (instructions: RulesInstructions): void => {
    triggersWatch?.abort();
    triggersWatch = null;
    if (!topFrame || starting || !instructions.ruleTriggers) return;
    triggersWatch = new AbortController();
    const signal = AbortSignal.any([ctx.signal, triggersWatch.signal]);
    watchRuleTriggers(options.win, instructions.ruleTriggers, signal, (action) => {
      if (action) pending.push(action);
      void ensure('now');
    });
  };
  return {
    follow: (instructions) => {
      if (topFrame && instructions.rules) void ensure('idle');
      else watchTriggers(instructions);
    },
    firstRun: () => {
      if (inPage) inPage.firstRun();
      else {
        firstRunPending = true;
        if (topFrame) void ensure('now');
      }
    },
    showGuard: (guardId, signal) => {
      if (inPage) return inPage.showGuard(guardId, signal);
      if (!topFrame) return false;
      void ensure('now').then((started) => {
        if (!signal.aborted) started?.showGuard(guardId, signal);
      });
      return true;
    },
  };
}

/** The overlay could not be loaded for a tip or hint: say so in the console, never throw on the page. */
function reportOverlayFailure(error: unknown): void {
  console.warn('[zhiyin] could not show a tip or hint', error);
}

async function startRules(
  options: RulesLoaderOptions,
  takePending: () => PendingAction[],
): Promise<RulesInPage | null> {
  const { ctx, overlay } = options;
  try {
    if (!registeredRules()) await options.loadBundle();
    const api = registeredRules();
    if (!api || ctx.isInvalid) return null;
    let started: RulesInPage | null = null;
    // The overlay (React) is loaded only when a tip or hint must actually be shown.
    const overlayIfNeeded = async (needed: boolean) =>
      needed ? overlay.load() : (overlay.current() ?? null);
    // The latest list wins: loading the overlay for a non-empty list takes longer than handing an
    // empty one to the loaded overlay, so an older list must not land last.
    const tipsCalls = latest();
    const hintsCalls = latest();
    started = api.start(
      ctx,
      options.channel,
      {
        setTips: (tips) =>
          void tipsCalls.run(
            () => overlayIfNeeded(tips.length > 0),
            (loaded) =>
              void loaded?.setTips(ctx, tips, (tip, response) => started?.respond(tip, response)),
            reportOverlayFailure,
          ),
        setHints: (hints) =>
          void hintsCalls.run(
            () => overlayIfNeeded(hints.length > 0),
            (loaded) => void loaded?.setHints(ctx, hints),
            reportOverlayFailure,
          ),
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
