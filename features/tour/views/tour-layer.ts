import { translateOverlay, type OverlayMessageKey } from '../../../lib/i18n/overlay-messages';
import { anchorCard, revealTarget } from '../../../lib/overlay/position';
import { anchorFrameCard, revealFrameTarget } from '../../frames/content/frame-reference';
import type { Language } from '../../../lib/settings/preferences';
import type { AdvanceRejection } from '../advance';
import type { Step, Tour } from '../schema';
import type { RichNode } from '../../../components/markdown/rich';
import type { TourView } from '../content/view';
import { StepCard, type StepNotice } from './step-card';
import { onlyTrusted } from '../../../lib/trust/user-event';

/** Moves focus between the page and the step card (aria-keyshortcuts on the card). */
export const CARD_SHORTCUT = 'Alt+Shift+G';

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

const HINTS: Partial<Record<Step['advance']['on'], OverlayMessageKey>> = {
  click: 'hintClick',
  input: 'hintInput',
  change: 'hintChange',
  navigation: 'hintNavigation',
  appear: 'hintAppear',
  disappear: 'hintAppear',
};

const REJECTIONS: Partial<Record<AdvanceRejection, OverlayMessageKey>> = {
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
  /** The step shown (`tour#index`), to tell a new step from a redraw of the same one. */
  private shownStep: string | null = null;
  /** The page's element that had focus before it went into the card: where it returns. */
  private focusReturn: HTMLElement | null = null;
  /** The last step's target, where focus goes back when the card closes with focus in it. */
  private lastTarget: Element | null = null;
  /** Focus waits on the card for this step's target to be found (then it goes there). */
  private focusAwaitsTarget = false;
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
    const t = (key: OverlayMessageKey, params?: Record<string, string | number>) =>
      translateOverlay(language, key, params);
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
    const stepKey = `${view.tour.id}#${view.stepIndex}`;
    const newStep = stepKey !== this.shownStep;
    this.shownStep = stepKey;
    // Focus before the update: in the card, nowhere (the popup just closed), or on the target the
    // learner acted on with a click or key (not typing: a field keeps its focus).
    const focusWasInCard = this.card?.hasFocus() ?? false;
    const active = doc.activeElement;
    const idle = focusIdle(doc, this.parent);
    const actedOnTarget =
      active !== null && active === this.anchored?.element && !isTextEntry(active);
    if (this.card) this.card.update(props);
    else {
      this.card = new StepCard(props, doc);
      this.card.element.setAttribute('aria-keyshortcuts', CARD_SHORTCUT);
      doc.defaultView?.addEventListener('keydown', this.onShortcut, true);
      this.card.element.addEventListener('focusin', (event) => {
        const from = event.relatedTarget as HTMLElement | null;
        if (from && typeof from.focus === 'function' && !this.card?.element.contains(from))
          this.focusReturn = from;
      });
    }
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

    this.anchor(view);
    this.lastTarget = mode === 'located' ? view.element : this.lastTarget;

    // Focus, for keyboard users, without ever taking it from a field being typed in: on a new
    // step, when focus was in the card, nowhere, or on the target just clicked with a key, it goes
    // to 下一步, or (a step that waits for the learner's action) to the target when it can take
    // focus, else to the card. A redraw of the same step only rescues focus lost in the card (a
    // button that was disabled or removed under it).
    let enteredCard = false;
    if (newStep && (focusWasInCard || idle || actedOnTarget)) {
      const keep = focusWasInCard && this.card.focusUsable() && props.nextEnabled;
      if (!keep) enteredCard = this.placeFocus(view, props.nextEnabled) && !focusWasInCard;
    } else if (focusWasInCard && !this.card.focusUsable()) {
      this.placeFocus(view, props.nextEnabled);
    } else if (this.focusAwaitsTarget && view.mode === 'located') {
      // Found now: focus goes on to it, if it still rests on the card itself.
      const root = card.getRootNode() as Document | ShadowRoot;
      const target = focusableIn(view.element);
      if (root.activeElement === card && target) target.focus({ preventScroll: true });
      if (target || root.activeElement !== card) this.focusAwaitsTarget = false;
    }

    // Said to screen readers once per step: tour, position, title and what to do. Not when focus
    // just entered the card (the reader says its name and description then: said twice).
    const hint = props.actionHint;
    const announcement = `${t('stepAnnounce', {
      tour: view.tour.title,
      n: view.stepIndex + 1,
      total: view.tour.steps.length,
      title: step.title ?? '',
    })}${hint ? ` ${hint}` : ''}`;
    if (enteredCard) this.live.textContent = '';
    else if (newStep || this.live.textContent !== announcement) {
      if (this.live.textContent !== announcement) this.live.textContent = announcement;
    }
  }

  /**
   * Alt+Shift+G (by key position, whatever the layout or input method): from the page into the
   * card (下一步, else the card), and from the card back to where the learner was.
   */
  private readonly onShortcut = onlyTrusted((event: KeyboardEvent) => {
    if (!(event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey)) return;
    if (event.code !== 'KeyG') return;
    const card = this.card;
    if (!card) return;
    event.preventDefault();
    event.stopPropagation();
    if (card.hasFocus()) {
      const back = [this.focusReturn, this.lastTarget].find(
        (element): element is HTMLElement => element !== null && canTakeFocus(element),
      );
      back?.focus({ preventScroll: true });
    } else {
      card.focusPrimary();
    }
  });

  /** Focus to 下一步, the target waiting for the learner, or the card; true when in the card. */
  private placeFocus(view: TourView, nextEnabled: boolean): boolean {
    const card = this.card;
    if (!card) return false;
    const target = view.mode === 'located' ? focusableIn(view.element) : null;
    this.focusAwaitsTarget = false;
    if (!nextEnabled && target) {
      target.focus({ preventScroll: true });
      return false;
    }
    // A step that waits for its target's action, the target not found yet: on the card for now.
    this.focusAwaitsTarget = !nextEnabled && view.mode !== 'missing' && !view.frameTarget;
    card.focusPrimary();
    return true;
  }

  /** Takes the step off the page and stops following its target. */
  clear(): void {
    const hadFocus = this.card?.hasFocus() ?? false;
    this.parent.ownerDocument.defaultView?.removeEventListener('keydown', this.onShortcut, true);
    this.stopAnchor();
    this.spotlight.remove();
    this.card?.element.remove();
    this.card = null;
    this.live.remove();
    this.live.textContent = '';
    this.shownStep = null;
    this.focusAwaitsTarget = false;
    // Focus was in the card: back to the page's own control (where it came from, else the last
    // step's target), never left on nothing.
    if (hadFocus) {
      const back = [this.focusReturn, this.lastTarget].find(
        (element): element is HTMLElement => element !== null && canTakeFocus(element),
      );
      back?.focus({ preventScroll: true });
    }
    this.focusReturn = null;
    this.lastTarget = null;
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
      const own = ownHost(this.parent);
      revealTarget(element, own);
      const onTargetLost = this.actions.onTargetLost;
      stop = anchorCard(element, card, {
        placement,
        arrowElement,
        spotlight,
        own,
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

/** Nothing has focus in the page (body), or only our own host with nothing focused inside. */
function focusIdle(doc: Document, parent: HTMLElement): boolean {
  const active = doc.activeElement;
  if (!active || active === doc.body || active === doc.documentElement) return true;
  const root = parent.getRootNode();
  if (root instanceof ShadowRoot && active === root.host) {
    const inner = root.activeElement;
    return !inner || !inner.isConnected;
  }
  return false;
}

/** A control the learner types into: focus is never taken from it. */
function isTextEntry(element: Element): boolean {
  const tag = element.localName;
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (element.getAttribute('type') ?? 'text').toLowerCase();
    return ![
      'button',
      'checkbox',
      'radio',
      'submit',
      'reset',
      'image',
      'file',
      'color',
      'range',
    ].includes(type);
  }
  return (element as HTMLElement).isContentEditable === true;
}

/** The target if it takes focus, else the first control inside it (a field's wrapper). */
function focusableIn(target: Element | null): HTMLElement | null {
  if (!target) return null;
  if (canTakeFocus(target)) return target;
  const inner = target.querySelector('input, textarea, select, button, a[href], [tabindex]');
  return inner && canTakeFocus(inner) ? inner : null;
}

/** A connected, shown, enabled element that takes focus from the keyboard. */
function canTakeFocus(element: Element): element is HTMLElement {
  const html = element as Partial<HTMLElement> & { disabled?: boolean };
  return (
    element.isConnected &&
    typeof html.focus === 'function' &&
    (html.tabIndex ?? -1) >= 0 &&
    html.disabled !== true &&
    element.getClientRects().length > 0
  );
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
