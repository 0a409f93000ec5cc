import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { latest } from '../../../lib/lifetime/latest';
import type { GuardHint } from '../../guards/content/guards';
import type { TipDecision } from '../engine';
import type { RuleTriggers } from '../helpers';
import type { RulesInForce } from '../protocol';
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
 *
 * The rules themselves come from the background (`content:rulesInForce`: bundled + content packs),
 * asked while rules.js is injected; a background that has not answered within
 * {@link RULES_WAIT_MS} leaves the bundle's own bundled copy running until the answer comes. When
 * a pack changes the rules (`bg:rulesChanged`), the running watcher asks again and swaps them in.
 */

/** How long the rules watcher waits for the rules in force before starting with the bundled ones. */
export const RULES_WAIT_MS = 2000;

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
  /** The rules in force from the background (`content:rulesInForce`). */
  rulesInForce(): Promise<RulesInForce>;
  /** Default {@link RULES_WAIT_MS}. */
  rulesWaitMs?: number;
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
  /**
   * `bg:rulesChanged`: the rules in force are now `revision`. A running watcher asks for them and
   * swaps them in; one still starting asks again once started; none running: nothing to do (the
   * next hello reply is computed from the new rules).
   */
  rulesChanged(revision: string): void;
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
  /** The revision the watcher runs (null: the bundled fallback), and the newest announced. */
  let running: string | null = null;
  let announced: string | null = null;
  const asks = latest();
  /** Asks for the rules in force and hands them to the watcher, unless a newer ask began. */
  const refresh = (): void => {
    void asks.run(
      () => options.rulesInForce(),
      (answer) => {
        if (!inPage || ctx.isInvalid || answer.revision === running) return;
        running = answer.revision;
        inPage.setRules(answer.rules);
      },
      (error) => console.warn('[zhiyin] could not read the compliance rules in force', error),
    );
  };
  const ensure = (when: 'idle' | 'now'): Promise<RulesInPage | null> => {
    starting ??= new Promise<void>((ready) => {
      if (when === 'now') ready();
      else ctx.requestIdleCallback(() => ready());
    })
      .then(() =>
        startRules(options, takePending, (revision) => {
          running = revision;
        }),
      )
      .then((started) => {
        inPage = started;
        if (started && firstRunPending) started.firstRun();
        // Started with the bundled fallback (the background was slow), or told of newer rules
        // while starting: ask again.
        if (started && (running === null || (announced !== null && announced !== running)))
          refresh();
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
    rulesChanged: (revision) => {
      if (!topFrame) return;
      announced = revision;
      if (inPage && revision !== running) refresh();
    },
  };
}

/** The rules in force, or null when the background failed or did not answer within `ms`. */
async function rulesWithin(asked: Promise<RulesInForce | null>, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([asked, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The overlay could not be loaded for a tip or hint: say so in the console, never throw on the page. */
function reportOverlayFailure(error: unknown): void {
  console.warn('[zhiyin] could not show a tip or hint', error);
}

async function startRules(
  options: RulesLoaderOptions,
  takePending: () => PendingAction[],
  onRevision: (revision: string) => void,
): Promise<RulesInPage | null> {
  const { ctx, overlay } = options;
  try {
    // Asked while the bundle is injected: both are round trips to the background.
    const asked = options.rulesInForce().catch((error: unknown) => {
      console.warn('[zhiyin] compliance rules in force unavailable, using the bundled ones', error);
      return null;
    });
    if (!registeredRules()) await options.loadBundle();
    const api = registeredRules();
    if (!api || ctx.isInvalid) return null;
    // Meanwhile the triggers (content.js) keep noticing copies and clicks: nothing is lost.
    const inForce = await rulesWithin(asked, options.rulesWaitMs ?? RULES_WAIT_MS);
    if (ctx.isInvalid) return null;
    if (inForce) onRevision(inForce.revision);
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
      inForce?.rules,
    );
    return started;
  } catch (error) {
    console.warn('[zhiyin] compliance rules could not start', error);
    return null;
  }
}
