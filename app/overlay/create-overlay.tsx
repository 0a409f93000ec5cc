import { createRoot, type Root } from 'react-dom/client';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { OverlayApi, TourChannel } from './api';
import { findSensitiveRegions } from '../../features/report/content/sensitive-regions';
import { readPreferences } from '../../lib/settings/preferences';
import { TourController } from '../../features/tour/content/controller';
import { keepOnTop } from '../../lib/overlay/top-layer';
import { OVERLAY_SHADOW_MODE } from '../../lib/overlay/shadow-mode';
import { OverlayApp, OverlayStore } from './OverlayApp';
import tipsCss from '../../features/rules/views/tips.css?inline';
import overlayCss from './overlay.css?inline';
// Progress area: exam HUD, result and survey (their own messages and styles).
import { sendMessage } from '../protocol';
import examCss from '../../features/exam/views/exam.css?inline';
import type { TourInstruction } from '../../features/tour/protocol';

/** The single element Zhiyin adds to a host page; everything else lives in its shadow root. */
export const OVERLAY_HOST_TAG = 'zhiyin-overlay';

/**
 * Creates the overlay of one frame: a shadow-root host that exists only while something is shown
 * (welcome card, tour step, resume offer, a short notice) and is removed with its React root as
 * soon as nothing is, or when the content script is invalidated.
 */
export function createOverlay(): OverlayApi {
  const store = new OverlayStore();
  let ui: ShadowRootContentScriptUi<Root> | undefined;
  let mounting: Promise<void> | undefined;
  let controller: TourController | undefined;
  let channel: TourChannel | undefined;
  let stopKeepingOnTop: (() => void) | undefined;
  // Rules area: order of setTips / setHints calls (see below).
  let tipsCall = 0;
  let hintsCall = 0;

  const unmount = () => {
    ui?.remove();
    ui = undefined;
  };

  const ensureMounted = async (ctx: ContentScriptContext) => {
    if (ui) return;
    mounting ??= (async () => {
      store.setPreferences(await readPreferences());
      const created = await createShadowRootUi<Root>(ctx, {
        name: OVERLAY_HOST_TAG,
        // Closed in production, open in the test build (lib/overlay/shadow-mode.ts).
        mode: OVERLAY_SHADOW_MODE,
        position: 'inline',
        anchor: 'body',
        append: 'last',
        css: `${overlayCss}\n${tipsCss}\n${examCss}`,
        // Keys typed into our cards must not trigger the host page's shortcuts.
        isolateEvents: ['keydown', 'keyup', 'keypress'],
        onMount(container, _shadow, host) {
          // React is mounted on a wrapper div, never on the shadow container itself.
          const wrapper = document.createElement('div');
          container.append(wrapper);
          const root = createRoot(wrapper);
          root.render(<OverlayApp store={store} />);
          // Above the page's modal dialogs and popovers too (tour engine: lib/overlay/top-layer.ts).
          stopKeepingOnTop = keepOnTop(host);
          return root;
        },
        onRemove(root) {
          stopKeepingOnTop?.();
          stopKeepingOnTop = undefined;
          root?.unmount();
        },
      });
      created.mount();
      ui = created;
      ctx.onInvalidated(() => {
        controller?.dispose();
        unmount();
      });
    })().finally(() => {
      mounting = undefined;
    });
    await mounting;
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

  const tourController = (ctx: ContentScriptContext, next: TourChannel) => {
    channel = next;
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
      await ensureMounted(ctx);
      store.setWelcome(options);
    },
    settled: () => controller?.settled() ?? Promise.resolve(),
    async runTour(ctx, instruction, next) {
      const created = tourController(ctx, next);
      track(ctx, instruction);
      created.apply(instruction);
    },
    async offerResume(ctx, offer, next) {
      await ensureMounted(ctx);
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
      await ensureMounted(ctx);
      const regions = findSensitiveRegions(document);
      store.setMasks(regions);
      // Resolve only after the covers are on screen: two frames (commit, then paint).
      await new Promise<void>((done) =>
        requestAnimationFrame(() => requestAnimationFrame(() => done())),
      );
      return regions.length;
    },
    unmaskSensitive() {
      store.setMasks([]);
    },
    // The latest call wins: a non-empty list waits for the mount, so an empty list sent just
    // after it (a field reset) must not be overwritten when that wait ends.
    async setTips(ctx, tips, respond) {
      const call = ++tipsCall;
      if (tips.length > 0) await ensureMounted(ctx);
      if (call === tipsCall) store.setTips(tips, respond);
    },
    async setHints(ctx, hints) {
      const call = ++hintsCall;
      if (hints.length > 0) await ensureMounted(ctx);
      if (call === hintsCall) store.setHints(hints);
    },
    unmount() {
      controller?.dispose();
      controller = undefined;
      unmount();
    },
  };
}
