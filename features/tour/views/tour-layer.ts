import { translate, type MessageKey } from '../../../lib/i18n/messages';
import { anchorCard, revealTarget } from '../../../lib/overlay/position';
import { anchorFrameCard, revealFrameTarget } from '../../frames/content/frame-reference';
import type { Language } from '../../../lib/settings/preferences';
import type { AdvanceRejection } from '../advance';
import type { Step, Tour } from '../schema';
import type { RichNode } from '../../../components/markdown/rich';
import type { TourView } from '../content/view';
import { StepCard, type StepNotice } from './step-card';

export interface TourLayerActions {
  onNext(): void;
  onBack(): void;
  onSkip(): void;
  onExit(): void;
  /** The located target left the page (re-rendered): find it again. */
  onTargetLost(): void;
  /** 报告问题 on a step whose target is missing. */
  onReport(): void;
}

const HINTS: Partial<Record<Step['advance']['on'], MessageKey>> = {
  click: 'hintClick',
  input: 'hintInput',
  change: 'hintChange',
  navigation: 'hintNavigation',
  appear: 'hintAppear',
  disappear: 'hintAppear',
};

const REJECTIONS: Partial<Record<AdvanceRejection, MessageKey>> = {
  empty: 'rejectEmpty',
  'pattern-mismatch': 'rejectPattern',
  'validator-rejected': 'rejectValidator',
  'value-mismatch': 'rejectValue',
  'not-confirmed': 'rejectNotConfirmed',
};

/**
 * The running tour's step, framework-free: spotlight on the target, the card beside it, a live
 * announcement. Lives in `parent` (the overlay's `.zy-root`); {@link TourLayer.show} draws a
 * view, {@link TourLayer.clear} takes it all off again. The card is anchored to its target only
 * while shown (floating-ui autoUpdate, stopped on clear and when the target changes).
 */
export class TourLayer {
  private card: StepCard | null = null;
  private readonly spotlight: HTMLDivElement;
  private readonly live: HTMLDivElement;
  /** What the card is anchored to now, and how to stop that. */
  private anchored: {
    element: Element | null;
    frameTarget: TourView['frameTarget'];
    mode: TourView['mode'];
    placement: TourView['placement'];
    stop: (() => void) | undefined;
  } | null = null;

  constructor(
    private readonly parent: HTMLElement,
    private readonly actions: TourLayerActions,
  ) {
    const doc = parent.ownerDocument;
    this.spotlight = doc.createElement('div');
    this.spotlight.className = 'zy-spotlight';
    this.spotlight.setAttribute('aria-hidden', 'true');
    this.live = doc.createElement('div');
    this.live.className = 'zy-sr-only';
    this.live.setAttribute('aria-live', 'polite');
  }

  show(view: TourView, language: Language): void {
    const step = view.tour.steps[view.stepIndex];
    if (!step) {
      this.clear();
      return;
    }
    const t = (key: MessageKey, params?: Record<string, string | number>) =>
      translate(language, key, params);
    const { mode } = view;
    const hintKey = HINTS[step.advance.on];
    const rejectionKey = view.rejection ? REJECTIONS[view.rejection] : undefined;
    const notice: StepNotice | null = rejectionKey
      ? { kind: 'rejection', role: 'alert', text: view.rejectionMessage ?? t(rejectionKey) }
      : view.report === 'sent'
        ? { kind: 'hint', role: 'status', text: t('reportRecorded') }
        : view.report === 'failed'
          ? { kind: 'rejection', role: 'alert', text: t('reportFailed') }
          : mode === 'missing' && view.missingReason === 'frame-gone'
            ? { kind: 'hint', text: t('targetMissingFrameGone') }
            : null;
    const props = {
      language,
      tourId: view.tour.id,
      tourTitle: view.tour.title,
      stepIndex: view.stepIndex,
      stepCount: view.tour.steps.length,
      title: step.title,
      body: step.body,
      bodyRich: compiledBody(view.tour, step.body),
      mode,
      missingKind:
        mode === 'missing' && view.missingReason === 'ambiguous'
          ? ('ambiguous' as const)
          : ('not-found' as const),
      actionHint: hintKey ? t(hintKey) : undefined,
      nextEnabled: step.advance.on === 'next' || mode === 'missing',
      onNext: this.actions.onNext,
      onBack: this.actions.onBack,
      onSkip: this.actions.onSkip,
      onExit: this.actions.onExit,
      onReport:
        view.report === 'idle' || view.report === 'failed' ? this.actions.onReport : undefined,
      notice,
    };
    const doc = this.parent.ownerDocument;
    if (this.card) this.card.update(props);
    else this.card = new StepCard(props, doc);
    const card = this.card.element;

    // Spotlight, card, live region: in this order, as the page's overlay draws them.
    if (mode === 'located') {
      if (this.spotlight.parentNode !== this.parent)
        this.parent.insertBefore(this.spotlight, card.isConnected ? card : null);
    } else {
      this.spotlight.remove();
      this.spotlight.hidden = false;
    }
    if (card.parentNode !== this.parent)
      this.parent.insertBefore(card, this.live.isConnected ? this.live : null);
    if (this.live.parentNode !== this.parent) this.parent.append(this.live);

    // Said to screen readers whenever the step changes (the card never takes focus by itself).
    const announcement = t('stepAnnounce', {
      tour: view.tour.title,
      n: view.stepIndex + 1,
      total: view.tour.steps.length,
      title: step.title ?? '',
    });
    if (this.live.textContent !== announcement) this.live.textContent = announcement;

    this.anchor(view);
  }

  /** Takes the step off the page and stops following its target. */
  clear(): void {
    this.stopAnchor();
    this.spotlight.remove();
    this.card?.element.remove();
    this.card = null;
    this.live.remove();
    this.live.textContent = '';
  }

  private anchor(view: TourView): void {
    const { element, mode, placement } = view;
    const frameTarget = view.frameTarget;
    const now = this.anchored;
    if (
      now &&
      now.element === element &&
      now.frameTarget === frameTarget &&
      now.mode === mode &&
      now.placement === placement
    ) {
      return;
    }
    this.stopAnchor();
    const card = this.card?.element;
    const spotlight = this.spotlight;
    const arrowElement = this.card?.arrow;
    let stop: (() => void) | undefined;
    if (mode === 'located' && frameTarget && card) {
      // A target inside a cross-origin frame: anchored to what that frame reports.
      revealFrameTarget(frameTarget);
      stop = anchorFrameCard(frameTarget, card, {
        placement,
        arrowElement,
        spotlight,
        onUpdate: (state) => {
          spotlight.hidden = state.targetHidden;
        },
      });
    } else if (mode === 'located' && element && card) {
      revealTarget(element, ownHost(this.parent));
      const onTargetLost = this.actions.onTargetLost;
      stop = anchorCard(element, card, {
        placement,
        arrowElement,
        spotlight,
        onUpdate: (state) => {
          spotlight.hidden = state.targetHidden;
          this.card?.setTargetAway(state.targetAway && element.isConnected);
          if (!element.isConnected) onTargetLost();
        },
      });
    }
    this.anchored = { element, frameTarget, mode, placement, stop };
  }

  private stopAnchor(): void {
    this.anchored?.stop?.();
    this.anchored = null;
  }
}

/** The overlay's host element in the page (what the page's hit tests return for our card). */
function ownHost(node: Node): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The body as the build compiled it (features/tour/compiled.ts), or undefined without it. */
function compiledBody(tour: Tour, source: string): readonly RichNode[] | undefined {
  const markdown = tour.markdown;
  return markdown && Object.hasOwn(markdown, source) ? markdown[source] : undefined;
}
