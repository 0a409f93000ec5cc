// @vitest-environment happy-dom
/**
 * The content script's rules loader (features/rules/content/loader.ts): when rules.js is loaded
 * (at idle where a rule applies, at once on a trigger, the first run or a tour step's guard) and
 * what it is handed. The bundle and the overlay are fakes; the state machine is the real one.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TipDecision } from '../../../features/rules/engine';
import { RULES_GLOBAL, registerRules, type RulesApi } from '../../../features/rules/content/api';
import type { RulesInPage, RulesView } from '../../../features/rules/content/controller';
import {
  createRulesLoader,
  type RulesLoaderOptions,
  type RulesOverlay,
} from '../../../features/rules/content/loader';
import type { PendingAction } from '../../../features/rules/content/triggers';
import type { RulesInForce } from '../../../features/rules/protocol';
import type { RuleSet } from '../../../features/rules/schema';

const flush = () => new Promise((resolve) => setTimeout(resolve, 10));

/** What the fake rules bundle saw. */
interface Started {
  view: RulesView;
  initial: readonly PendingAction[] | undefined;
  /** The rules it was started with (undefined: its bundled copy). */
  rules: RuleSet | undefined;
  inPage: { [K in keyof RulesInPage]: Mock<RulesInPage[K]> };
}

let ctx: ContentScriptContext;
let idle: (() => void)[];
let started: Started[];
let loadBundle: Mock<() => Promise<unknown>>;
let rulesInForce: Mock<() => Promise<RulesInForce>>;
let overlay: { [K in keyof RulesOverlay]: Mock<RulesOverlay[K]> };
let overlayLoaded: boolean;
let overlayLoad: () => Promise<RulesOverlay>;

const fakeBundle: RulesApi = {
  start: (_ctx, _channel, view, initial, rules) => {
    const inPage = {
      respond: vi.fn<RulesInPage['respond']>(),
      firstRun: vi.fn<RulesInPage['firstRun']>(),
      showGuard: vi.fn<RulesInPage['showGuard']>(() => true),
      setRules: vi.fn<RulesInPage['setRules']>(),
    };
    started.push({ view, initial, rules, inPage });
    return inPage;
  },
};

function loader(topFrame = true, options: Partial<RulesLoaderOptions> = {}) {
  return createRulesLoader({
    ctx,
    win: window,
    topFrame,
    loadBundle,
    channel: {
      action: () => Promise.resolve([]),
      shown: () => Promise.resolve(),
      respond: () => Promise.resolve(),
    },
    rulesInForce,
    overlay: {
      current: () => (overlayLoaded ? overlay : null),
      load: () => overlayLoad(),
    },
    ...options,
  });
}

/** Runs the callbacks waiting for the page to be idle. */
async function goIdle(): Promise<void> {
  for (const callback of idle.splice(0)) callback();
  await flush();
}

beforeEach(() => {
  document.body.innerHTML = '<button type="button">导出</button><p>正文</p>';
  delete (globalThis as Record<string, unknown>)[RULES_GLOBAL];
  idle = [];
  vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
  vi.stubGlobal('cancelIdleCallback', () => undefined);
  ctx = new ContentScriptContext('content');
  started = [];
  // content:loadRules: the background injects rules.js, which registers itself.
  loadBundle = vi.fn<() => Promise<unknown>>(() => {
    registerRules(fakeBundle);
    return Promise.resolve({ loaded: true });
  });
  rulesInForce = vi.fn<() => Promise<RulesInForce>>(() => Promise.resolve(inForce('r1')));
  overlay = {
    setTips: vi.fn<RulesOverlay['setTips']>(() => Promise.resolve()),
    setHints: vi.fn<RulesOverlay['setHints']>(() => Promise.resolve()),
  };
  overlayLoaded = false;
  overlayLoad = () => {
    overlayLoaded = true;
    return Promise.resolve(overlay);
  };
});

afterEach(() => {
  ctx.abort();
  vi.unstubAllGlobals();
  delete (globalThis as Record<string, unknown>)[RULES_GLOBAL];
});

const tip = { ruleId: 'copy-secret' } as unknown as TipDecision;

/** A rule set from the background, told apart by one guard named after its revision. */
function inForce(revision: string): RulesInForce {
  return {
    revision,
    rules: {
      markers: [],
      tips: [],
      guards: [{ id: `guard-${revision}`, field: { label: '附件' }, check: { kind: 'password' } }],
    } as unknown as RuleSet,
  };
}

describe('rules loader: where a rule applies', () => {
  it('loads rules.js once the page is idle, not before, and only once', async () => {
    const rules = loader();
    rules.follow({ rules: true });
    await flush();
    expect(loadBundle).not.toHaveBeenCalled();
    expect(idle).toHaveLength(1);

    await goIdle();
    expect(loadBundle).toHaveBeenCalledOnce();
    expect(started).toHaveLength(1);
    expect(started[0]?.initial).toEqual([]);

    // Another hello (an SPA route change) that says the same loads nothing again.
    rules.follow({ rules: true });
    await goIdle();
    expect(loadBundle).toHaveBeenCalledOnce();
    expect(started).toHaveLength(1);
  });

  it('loads nothing in a frame that is not the top frame', async () => {
    const rules = loader(false);
    rules.follow({ rules: true, ruleTriggers: { copy: true, click: true, markerTexts: [] } });
    document.querySelector('button')?.click();
    await goIdle();
    expect(loadBundle).not.toHaveBeenCalled();
  });

  it('does not start the rules once the content script’s context has ended', async () => {
    const rules = loader();
    rules.follow({ rules: true });
    // The idle callback never runs for an ended context; a load already under way stops short.
    ctx.abort();
    await goIdle();
    expect(started).toEqual([]);
  });

  it('loads the overlay only for a non-empty list, and the latest list wins', async () => {
    const rules = loader();
    rules.follow({ rules: true });
    await goIdle();
    const view = started[0]!.view;

    // Nothing to show and no overlay yet: the overlay is not loaded for it.
    view.setTips([]);
    view.setHints([]);
    await flush();
    expect(overlayLoaded).toBe(false);

    // A tip, then (before the slow overlay load finished) an empty list: nothing is drawn.
    let finishLoad!: () => void;
    overlayLoad = () =>
      new Promise((resolve) => {
        finishLoad = () => {
          overlayLoaded = true;
          resolve(overlay);
        };
      });
    view.setTips([tip]);
    view.setTips([]);
    await flush();
    finishLoad();
    await flush();
    expect(overlay.setTips).not.toHaveBeenCalled();

    // Now loaded (app/content/overlay.ts answers with the registered overlay): the next list is
    // handed over, with the way to answer it.
    overlayLoad = () => Promise.resolve(overlay);
    view.setTips([tip]);
    await flush();
    expect(overlay.setTips).toHaveBeenCalledOnce();
    expect(overlay.setTips.mock.calls[0]?.[1]).toEqual([tip]);
    const respond = overlay.setTips.mock.calls[0]![2];
    respond(tip, 'acknowledge');
    expect(started[0]!.inPage.respond).toHaveBeenCalledWith(tip, 'acknowledge');
  });

  it('reports an overlay that cannot load in the console, without throwing on the page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    overlayLoad = () => Promise.reject(new Error('no overlay'));
    const rules = loader();
    rules.follow({ rules: true });
    await goIdle();
    started[0]!.view.setHints([{ guardId: 'g' } as never]);
    await flush();
    expect(warn).toHaveBeenCalledWith('[zhiyin] could not show a tip or hint', expect.any(Error));
  });
});

describe('rules loader: elsewhere, the triggers', () => {
  const triggers = { copy: true, click: true, markerTexts: ['无权访问'] };

  it('a click on a control loads rules.js now and hands the click over', async () => {
    const rules = loader();
    rules.follow({ ruleTriggers: triggers });
    await flush();
    expect(loadBundle).not.toHaveBeenCalled();

    const button = document.querySelector('button')!;
    button.click();
    // Not waiting for idle (no idle callback runs here): the tip must still show for this click.
    await flush();
    expect(loadBundle).toHaveBeenCalledOnce();
    expect(started[0]?.initial).toEqual([{ kind: 'click', target: button }]);

    // Once the watcher runs, the triggers stop: later clicks are its own.
    button.click();
    await flush();
    expect(loadBundle).toHaveBeenCalledOnce();
    expect(started).toHaveLength(1);
  });

  it('a marker text on the page loads rules.js with no action to hand over', async () => {
    document.body.innerHTML = '<p>您 无权访问 该页面</p>';
    const rules = loader();
    rules.follow({ ruleTriggers: triggers });
    await flush();
    expect(loadBundle).toHaveBeenCalledOnce();
    expect(started[0]?.initial).toEqual([]);
  });

  it('a route change that stops the triggers stops watching them', async () => {
    const rules = loader();
    rules.follow({ ruleTriggers: triggers });
    rules.follow({});
    document.querySelector('button')!.click();
    await flush();
    expect(loadBundle).not.toHaveBeenCalled();
  });

  it('clicks outside controls do not load anything', async () => {
    const rules = loader();
    rules.follow({ ruleTriggers: { copy: false, click: true, markerTexts: [] } });
    document.querySelector('p')!.click();
    await flush();
    expect(loadBundle).not.toHaveBeenCalled();
  });
});

describe('rules loader: the first run', () => {
  it('before rules.js is loaded: loads it now and runs the first-run tips once started', async () => {
    const rules = loader();
    rules.follow({});
    rules.firstRun();
    expect(idle).toEqual([]);
    await flush();
    expect(loadBundle).toHaveBeenCalledOnce();
    expect(started[0]?.inPage.firstRun).toHaveBeenCalledOnce();
  });

  it('before the idle load finished: waits for it and runs the first-run tips once', async () => {
    const rules = loader();
    rules.follow({ rules: true });
    rules.firstRun();
    await goIdle();
    expect(loadBundle).toHaveBeenCalledOnce();
    expect(started[0]?.inPage.firstRun).toHaveBeenCalledOnce();
  });

  it('after rules.js is loaded: hands it over at once', async () => {
    const rules = loader();
    rules.follow({ rules: true });
    await goIdle();
    expect(started[0]?.inPage.firstRun).not.toHaveBeenCalled();
    rules.firstRun();
    expect(started[0]?.inPage.firstRun).toHaveBeenCalledOnce();
    expect(loadBundle).toHaveBeenCalledOnce();
  });

  it('in a frame: remembered, but loads nothing', async () => {
    const rules = loader(false);
    rules.firstRun();
    await flush();
    expect(loadBundle).not.toHaveBeenCalled();
  });
});

describe('rules loader: a tour step’s field guard', () => {
  it('before rules.js is loaded: says yes, loads it now, then shows the guard', async () => {
    const rules = loader();
    const step = new AbortController();
    expect(rules.showGuard('credit-code', step.signal)).toBe(true);
    expect(idle).toEqual([]);
    await flush();
    expect(loadBundle).toHaveBeenCalledOnce();
    expect(started[0]?.inPage.showGuard).toHaveBeenCalledWith('credit-code', step.signal);
  });

  it('a step left before rules.js was loaded shows no guard', async () => {
    const rules = loader();
    const step = new AbortController();
    rules.showGuard('credit-code', step.signal);
    step.abort();
    await flush();
    expect(loadBundle).toHaveBeenCalledOnce();
    expect(started[0]?.inPage.showGuard).not.toHaveBeenCalled();
  });

  it('after rules.js is loaded: answers with the watcher’s own answer', async () => {
    const rules = loader();
    rules.follow({ rules: true });
    await goIdle();
    started[0]!.inPage.showGuard.mockReturnValue(false);
    expect(rules.showGuard('unknown', new AbortController().signal)).toBe(false);
  });

  it('in a frame: no guard (the top frame’s rules watch same-origin frames)', async () => {
    const rules = loader(false);
    expect(rules.showGuard('credit-code', new AbortController().signal)).toBe(false);
    await flush();
    expect(loadBundle).not.toHaveBeenCalled();
  });

  it('a rules bundle that did not register: nothing starts and nothing throws', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    loadBundle.mockImplementation(() => Promise.resolve({ loaded: false }));
    const rules = loader();
    expect(rules.showGuard('credit-code', new AbortController().signal)).toBe(true);
    await flush();
    expect(started).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('rules loader: the rules in force come from the background', () => {
  it('starts the watcher with the background’s rules (bundled + content packs)', async () => {
    const rules = loader();
    rules.follow({ rules: true });
    await goIdle();
    expect(rulesInForce).toHaveBeenCalledOnce();
    expect(started[0]?.rules).toEqual(inForce('r1').rules);
  });

  it('a background that does not answer in time: the bundled copy runs, the late answer is swapped in', async () => {
    let answer!: (value: RulesInForce) => void;
    rulesInForce.mockImplementationOnce(
      () => new Promise<RulesInForce>((resolve) => (answer = resolve)),
    );
    const rules = loader(true, { rulesWaitMs: 20 });
    rules.follow({ rules: true });
    await goIdle();
    expect(started).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 40));
    // Started without rules of its own: rules.js uses the bundled ones (entrypoints/rules.ts).
    expect(started).toHaveLength(1);
    expect(started[0]?.rules).toBeUndefined();
    // Asked again once started; this answer is the one in force.
    await flush();
    expect(rulesInForce).toHaveBeenCalledTimes(2);
    expect(started[0]?.inPage.setRules).toHaveBeenCalledWith(inForce('r1').rules);
    answer(inForce('r1'));
    await flush();
    expect(started[0]?.inPage.setRules).toHaveBeenCalledOnce();
  });

  it('a failing background: the bundled copy runs, nothing is thrown on the page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    rulesInForce.mockImplementation(() => Promise.reject(new Error('no worker')));
    const rules = loader();
    rules.follow({ rules: true });
    await goIdle();
    expect(started).toHaveLength(1);
    expect(started[0]?.rules).toBeUndefined();
    expect(warn).toHaveBeenCalled();
  });

  it('bg:rulesChanged: the running watcher gets the new rules; the revision it runs changes nothing', async () => {
    const rules = loader();
    rules.follow({ rules: true });
    await goIdle();
    rules.rulesChanged('r1');
    await flush();
    expect(rulesInForce).toHaveBeenCalledOnce();
    expect(started[0]?.inPage.setRules).not.toHaveBeenCalled();

    rulesInForce.mockImplementation(() => Promise.resolve(inForce('r2')));
    rules.rulesChanged('r2');
    await flush();
    expect(started[0]?.inPage.setRules).toHaveBeenCalledWith(inForce('r2').rules);
  });

  it('bg:rulesChanged while the watcher is starting: asked again once it runs', async () => {
    let answer!: (value: RulesInForce) => void;
    rulesInForce.mockImplementationOnce(
      () => new Promise<RulesInForce>((resolve) => (answer = resolve)),
    );
    const rules = loader();
    rules.follow({ rules: true });
    await goIdle();
    rules.rulesChanged('r2');
    rulesInForce.mockImplementation(() => Promise.resolve(inForce('r2')));
    // The first answer was sent before the pack applied: it names the old revision.
    answer(inForce('r1'));
    await flush();
    expect(started[0]?.rules).toEqual(inForce('r1').rules);
    await flush();
    expect(started[0]?.inPage.setRules).toHaveBeenCalledWith(inForce('r2').rules);
  });

  it('bg:rulesChanged where no watcher runs: nothing is loaded', async () => {
    const rules = loader();
    rules.follow({});
    rules.rulesChanged('r2');
    await flush();
    expect(loadBundle).not.toHaveBeenCalled();
    expect(rulesInForce).not.toHaveBeenCalled();
  });
});
