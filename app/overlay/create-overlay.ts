import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { OverlayApi, TourChannel } from './api';
import {
  DEFAULT_PREFERENCES,
  livePreferences,
  type LivePreferences,
} from '../../lib/settings/preferences';
import { translateOverlay } from '../../lib/i18n/overlay-messages';
import { TourController } from '../../features/tour/content/controller';
import { TourLayer, type TourLayerActions } from '../../features/tour/views/tour-layer';
import { keepOnTop, overlayHome } from '../../lib/overlay/top-layer';
import { adoptStyles } from '../../lib/overlay/shadow-styles';
import { OVERLAY_SHADOW_MODE } from '../../lib/overlay/shadow-mode';
import {
  needsViews,
  OverlayStore,
  rootClassName,
  showsTourCard,
  TOAST_MS,
  type OverlayState,
} from './store';
import { registeredOverlayViews, type OverlayViews } from './views-api';
import overlayCss from './overlay.css?inline';
// Progress area: exam HUD, result and survey (their own messages and styles).
import { sendMessage } from '../protocol';
import type { TourInstruction } from '../../features/tour/protocol';

/** The single element Zhiyin adds to a host page; everything else lives in its shadow root. */
export const OVERLAY_HOST_TAG = 'zhiyin-overlay';

/** What the overlay keeps in its shadow root while it is on the page. */
interface Shell {
  container: HTMLElement;
  /** The framework-free part: tour step (spotlight, card, live region) and the notice. */
  root: HTMLDivElement;
  layer: TourLayer;
  toast: HTMLDivElement;
  /** The toast whose timer runs, and that timer. */
  toastTimer: { id: number; timer: ReturnType<typeof setTimeout> } | null;
  /** The React views, once loaded and mounted (or being loaded). */
  views: Promise<void> | null;
  unmountViews: (() => void) | null;
  unsubscribe: () => void;
  stopKeepingOnTop: () => void;
}

export interface OverlayOptions {
  /** Where the React views come from (default: the background injects entrypoints/overlay-views.ts). */
  loadViews?: () => Promise<OverlayViews>;
}

/** The React views bundle, injected into this frame once (see views-api.ts). */
async function injectViews(): Promise<OverlayViews> {
  const known = registeredOverlayViews();
  if (known) return known;
  await sendMessage('content:loadOverlay', { part: 'views' });
  const loaded = registeredOverlayViews();
  if (!loaded) throw new Error('Zhiyin overlay views did not register');
  return loaded;
}

/**
 * Creates the overlay of one frame: a shadow-root host that exists only while something is shown
 * (tour step, welcome card, resume offer, a short notice…) and is removed as soon as nothing is,
 * or when the content script is invalidated. The tour step and the notice are drawn without a
 * framework; everything else by React views loaded the first time one of them is needed (README
 * "Overlay": the first tour card must not pay for React).
 */
export function createOverlay(options: OverlayOptions = {}): OverlayApi {
  const loadViews = options.loadViews ?? injectViews;
  const store = new OverlayStore();
  let ui: ShadowRootContentScriptUi<Shell> | undefined;
  let mounting: Promise<void> | undefined;
  let controller: TourController | undefined;
  let channel: TourChannel | undefined;
  // Rules area: order of setTips / setHints calls (see below).
  let tipsCall = 0;
  let hintsCall = 0;
  // Report area: the views that measured the masks (to measure again after the capture).
  let maskViews: OverlayViews | undefined;

  const unmount = () => {
    ui?.remove();
    ui = undefined;
  };

  // The card's buttons act on the tour shown (the store holds its controller).
  const shownTour = () => store.snapshot().tour?.controller;
  const tourActions: TourLayerActions = {
    onNext: () => shownTour()?.next(),
    onBack: () => shownTour()?.back(),
    onSkip: () => shownTour()?.skip(),
    onExit: () => shownTour()?.exit(),
    onTargetLost: () => shownTour()?.relocate(),
    onReport: () => void shownTour()?.reportMissing(),
  };

  /** Loads and mounts the React views into the shell, once; resolves when they are mounted. */
  const ensureViews = (shell: Shell): Promise<void> => {
    shell.views ??= loadViews().then(
      (views) => {
        if (ui?.mounted !== shell) return;
        shell.unmountViews = views.mount(shell.container, store);
      },
      (error: unknown) => {
        shell.views = null;
        console.warn('[zhiyin] overlay views could not be loaded', error);
      },
    );
    return shell.views;
  };

  /** Draws the framework-free part, and asks for the React views when they have work. */
  const draw = (shell: Shell, state: OverlayState) => {
    const prefs = state.preferences;
    const language = prefs.language;
    const className = rootClassName(prefs);
    if (shell.root.className !== className) shell.root.className = className;
    shell.root.lang = language === 'en' ? 'en' : 'zh-CN';

    if (state.tour && showsTourCard(state)) {
      shell.layer.show(state.tour.view, language);
    } else {
      shell.layer.clear();
    }

    const toast = state.toast;
    if (toast) {
      shell.toast.textContent = translateOverlay(language, toast.key, toast.params);
      if (!shell.toast.isConnected) shell.root.append(shell.toast);
      if (shell.toastTimer?.id !== toast.id) {
        if (shell.toastTimer) clearTimeout(shell.toastTimer.timer);
        shell.toastTimer = {
          id: toast.id,
          timer: setTimeout(() => store.clearToast(toast.id), TOAST_MS),
        };
      }
    } else {
      shell.toast.remove();
      if (shell.toastTimer) clearTimeout(shell.toastTimer.timer);
      shell.toastTimer = null;
    }

    if (needsViews(state)) void ensureViews(shell);
  };

  /**
   * The shadow-root UI, created but not on the page yet: host element, shadow root and styles
   * (bench/tour: ~5 ms of the first card). Made ahead by warm() (the popup opened: a start is
   * likely), taken by the next mount. Nothing is added to the page until then.
   */
  let prepared: Promise<ShadowRootContentScriptUi<Shell>> | undefined;
  const prepare = (ctx: ContentScriptContext): Promise<ShadowRootContentScriptUi<Shell>> => {
    const made = (prepared ??= createUi(ctx));
    made.catch(() => {
      if (prepared === made) prepared = undefined;
    });
    return made;
  };
  const ensureMounted = async (ctx: ContentScriptContext) => {
    if (ui) return;
    mounting ??= (async () => {
      // Known from the watch when it started earlier (warm(): the popup opened; a tour's first
      // instruction, so the read overlaps the target's lookup): no storage round trip then
      // between the target found and the card drawn.
      const [read, created] = await Promise.all([followPreferences(ctx).ready(), prepare(ctx)]);
      prepared = undefined;
      store.setPreferences(read);
      created.mount();
      ui = created;
      if (created.mounted) draw(created.mounted, store.snapshot());
      ctx.onInvalidated(() => {
        controller?.dispose();
        unmount();
      });
    })().finally(() => {
      mounting = undefined;
    });
    await mounting;
  };

  const createUi = async (ctx: ContentScriptContext) => {
    const made = await createShadowRoot(ctx);
    // Parsed now (warm(): the popup opened), not when the host goes on the page with the card.
    adoptStyles(made.shadow, overlayCss);
    return made;
  };
  const createShadowRoot = (ctx: ContentScriptContext) =>
    createShadowRootUi<Shell>(ctx, {
      name: OVERLAY_HOST_TAG,
      // Closed in production, open in the test build (lib/overlay/shadow-mode.ts).
      mode: OVERLAY_SHADOW_MODE,
      position: 'inline',
      // <body>, or <html> on a frameset page (its body is the <frameset>, which draws only frames).
      anchor: () => overlayHome(document),
      append: 'last',
      // Keys typed into our cards must not trigger the host page's shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount(container, _shadow, host) {
        const root = document.createElement('div');
        const toast = document.createElement('div');
        toast.className = 'zy-toast';
        toast.setAttribute('role', 'status');
        container.append(root);
        const shell: Shell = {
          container,
          root,
          layer: new TourLayer(root, tourActions),
          toast,
          toastTimer: null,
          views: null,
          unmountViews: null,
          unsubscribe: () => undefined,
          // Above the page's modal dialogs and popovers too (tour engine: lib/overlay/top-layer.ts).
          stopKeepingOnTop: keepOnTop(host),
        };
        shell.unsubscribe = store.subscribe(() => draw(shell, store.snapshot()));
        return shell;
      },
      onRemove(shell) {
        if (!shell) return;
        shell.unsubscribe();
        shell.stopKeepingOnTop();
        shell.layer.clear();
        if (shell.toastTimer) clearTimeout(shell.toastTimer.timer);
        shell.unmountViews?.();
      },
    });

  /** Mounted, with the React views ready to draw (welcome, resume, masks, tips, hints…). */
  const ensureMountedWithViews = async (ctx: ContentScriptContext) => {
    await ensureMounted(ctx);
    if (ui?.mounted) await ensureViews(ui.mounted);
  };

  // Nothing left to show: take our element off the page.
  store.onEmpty(unmount);

  /** The last run ended with an exam result: no "tour finished/left" notice on top of it. */
  let quietEnd = false;
  /**
   * Progress area: every instruction passes here before the controller sees it. An exam run shows
   * the HUD (never the step card); the instruction that ends a run may carry the exam's result
   * and a survey to offer.
   */
  const track = (ctx: ContentScriptContext, instruction: TourInstruction | null) => {
    if (!instruction) return;
    const running = !['idle', 'finished', 'abandoned'].includes(instruction.status);
    if (instruction.exam && running) {
      const hud = instruction.exam;
      void ensureMounted(ctx).then(() =>
        store.setExam({
          hud,
          title: instruction.tour?.title ?? controller?.tourTitle() ?? '',
          confirming:
            store.snapshot().exam?.hud.attemptId === hud.attemptId &&
            store.snapshot().exam?.confirming === true,
          submit: () => {
            const send = channel?.send({ type: 'SUBMIT' }) ?? Promise.resolve(null);
            void send.then((reply) => {
              track(ctx, reply);
              controller?.apply(reply);
            });
          },
          exit: () => controller?.exit(),
        }),
      );
    } else if (store.snapshot().exam) {
      // The exam ended: drop the hidden step view together with the HUD, or the step card (kept
      // out of sight during an exam) flashes up until the controller has applied the end.
      if (controller) store.setTour(null, controller);
      store.setExam(null);
    }
    const outcome = instruction.outcome;
    quietEnd = Boolean(outcome?.exam);
    if (outcome && (outcome.exam || outcome.survey)) {
      void ensureMounted(ctx).then(() =>
        store.setOutcome({
          exam: outcome.exam ?? null,
          survey: outcome.survey ?? null,
          startRemedial: async () => {
            const assessmentId = outcome.exam?.assessmentId;
            if (assessmentId === undefined) return;
            const reply = await sendMessage('content:startRemedial', {
              assessmentId,
              url: location.href,
            });
            store.setOutcome(null);
            track(ctx, reply);
            controller?.apply(reply);
          },
          answer: async (rating, comment) => {
            const survey = outcome.survey;
            if (!survey) return;
            await sendMessage('content:surveyAnswer', {
              subjectKind: survey.subjectKind,
              subjectId: survey.subjectId,
              rating,
              comment,
            });
          },
        }),
      );
    }
    if (outcome?.remedial) {
      const title = outcome.remedial.title;
      void ensureMounted(ctx).then(() => store.showToast('examRemedialDone', { title }));
      quietEnd = true;
    }
  };

  /**
   * The learner changed 大字号模式 or 界面语言 in the settings while something is shown: redraw in
   * the new size at once and take the running tour's texts in the new language (the card stays on
   * its step). Watched from the first mount, warm-up or tour instruction for as long as this
   * frame's content script lives; every mount takes them from the watch.
   */
  let watchedPreferences: LivePreferences | undefined;
  const followPreferences = (ctx: ContentScriptContext): LivePreferences => {
    if (watchedPreferences) return watchedPreferences;
    const watched = livePreferences((next, previous) => {
      // Unmounted, the next mount takes them from the watch.
      if (ui) store.setPreferences(next);
      if (next.language !== (previous ?? DEFAULT_PREFERENCES).language)
        void controller?.retext(next.language);
    });
    watchedPreferences = watched;
    ctx.onInvalidated(() => watched.stop());
    return watched;
  };

  const tourController = (ctx: ContentScriptContext, next: TourChannel) => {
    channel = next;
    followPreferences(ctx);
    if (controller) return controller;
    const created = new TourController({
      document,
      send: async (event) => {
        const reply = channel ? await channel.send(event) : null;
        track(ctx, reply);
        return reply;
      },
      render: (view) => {
        if (view) void ensureMounted(ctx).then(() => store.setTour(view, created));
        else store.setTour(null, created);
      },
      report: (description) =>
        channel ? channel.report(description) : Promise.reject(new Error('no channel')),
      tourText: (run, language) => channel?.tourText(run, language) ?? Promise.resolve(null),
      showGuard: (guardId, signal) => channel?.showGuard(guardId, signal) ?? false,
      finished: ({ status, title }) => {
        if (quietEnd) {
          quietEnd = false;
          return;
        }
        void ensureMounted(ctx).then(() =>
          store.showToast(status === 'finished' ? 'tourFinished' : 'tourAbandoned', { title }),
        );
      },
    });
    controller = created;
    ctx.onInvalidated(() => created.dispose());
    return created;
  };

  return {
    async showWelcome(ctx, options) {
      await ensureMountedWithViews(ctx);
      store.setWelcome(options);
    },
    settled: () => controller?.settled() ?? Promise.resolve(),
    warm(ctx) {
      if (!ui) void prepare(ctx).catch(() => undefined);
      // The preferences watch too: its first storage listener costs the start a few ms otherwise.
      followPreferences(ctx);
    },
    async runTour(ctx, instruction, next) {
      const created = tourController(ctx, next);
      track(ctx, instruction);
      created.apply(instruction);
    },
    async offerResume(ctx, offer, next) {
      await ensureMountedWithViews(ctx);
      store.setResume({
        offer,
        choose: async (mode) => {
          store.setResume(null);
          const instruction = await next.resume(offer.tourId, mode);
          if (instruction) tourController(ctx, next).apply(instruction);
        },
      });
    },
    async maskSensitive(ctx) {
      await ensureMountedWithViews(ctx);
      const views = await loadViews();
      maskViews = views;
      const page = views.readSensitivePage(window);
      store.setMasks(page.regions);
      // The covers drawn here are for the learner's eyes (and a second layer in the capture):
      // the background draws its own into the image and checks them, so nothing depends on
      // these being painted in time. Two frames (commit, then paint) keep them on screen when
      // the capture is taken in the common case.
      await new Promise<void>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => done())),
      );
      return page;
    },
    unmaskSensitive() {
      const page = maskViews?.readSensitivePage(window) ?? null;
      store.setMasks([]);
      return page;
    },
    // The latest call wins: a non-empty list waits for the mount, so an empty list sent just
    // after it (a field reset) must not be overwritten when that wait ends.
    async setTips(ctx, tips, respond) {
      const call = ++tipsCall;
      if (tips.length > 0) await ensureMountedWithViews(ctx);
      if (call === tipsCall) store.setTips(tips, respond);
    },
    async setHints(ctx, hints) {
      const call = ++hintsCall;
      if (hints.length > 0) await ensureMountedWithViews(ctx);
      if (call === hintsCall) store.setHints(hints);
    },
    unmount() {
      controller?.dispose();
      controller = undefined;
      unmount();
    },
  };
}
