import {
  arrow,
  autoPlacement,
  autoUpdate,
  computePosition,
  flip,
  hide,
  limitShift,
  offset,
  platform,
  shift,
  type Middleware,
  type Platform,
  type Placement as FloatingPlacement,
  type VirtualElement,
} from '@floating-ui/dom';
import { besideDialog, holdingDialog } from './dialogs';
import { boxWithPopups, inPopupLayer, isLeaving, openPopups } from './popups';

export type CardPlacement = 'top' | 'bottom' | 'left' | 'right' | 'auto';

/** Where the card and the spotlight ended up, after each update. */
export interface AnchorState {
  /** The target's box in the top window's viewport (CSS px). */
  target: { x: number; y: number; width: number; height: number };
  placement: FloatingPlacement;
  /** The target is scrolled out of view or clipped away (floating-ui `hide`). */
  targetHidden: boolean;
  /**
   * The target has no box any more (display: none — a dropdown closed with Esc): the card was
   * left where it was instead of being placed against an empty box at the window's corner.
   */
  targetAway: boolean;
}

export interface AnchorOptions {
  placement: CardPlacement;
  /** The card's arrow element, positioned by floating-ui's `arrow` middleware. */
  arrowElement?: HTMLElement | undefined;
  /** The spotlight ring drawn around the target. */
  spotlight?: HTMLElement | undefined;
  /** Gap between target and card. Default 12 px. */
  gap?: number;
  /**
   * Keep the card inside the viewport even across the placement's side (floating-ui `shift`
   * crossAxis), at the cost of leaving the target: only for targets larger than the viewport.
   */
  keepOnScreen?: boolean;
  /** With `placement: 'auto'`: the sides the card may take (default: all four). */
  placements?: FloatingPlacement[];
  onUpdate?: (state: AnchorState) => void;
  /**
   * Zhiyin's own overlay host: a click or key in it (the card's buttons) opens no popup of the
   * page, so it starts no popup look.
   */
  own?: Element | null;
}

/** Padding of the spotlight ring around the target, px. */
const SPOTLIGHT_PADDING = 6;

/**
 * Keeps `card` (position: fixed, in Zhiyin's shadow root in the top frame) next to `target`,
 * which may live in a same-origin iframe, and the spotlight ring on the target.
 *
 * Runs floating-ui's `autoUpdate` only while the card is shown: call the returned function to
 * stop it (it removes every listener and observer). Updates on scroll of any overflow ancestor
 * (inside the frame and, for frames, of the frame element in the top document), on resizes, when
 * the card's size changes, and in every animation frame in which the target's box changed: a page that keeps changing its
 * layout (rows rewritten above the target) moves the target without a scroll, and the layout-shift
 * observer only reports that a frame later (bench/tour churn page: 2 px drift). One box read per
 * frame, before the frame's own layout, so no extra layout pass.
 */
export function anchorCard(target: Element, card: HTMLElement, options: AnchorOptions): () => void {
  // floating-ui adds the offsets of same-origin iframes itself when the reference lives in
  // another window than the floating element, so it gets the element; the spotlight needs the box
  // in the top viewport and gets the frame-aware reference.
  const spotlightReference = frameAwareReference(target);
  // Popups are looked for only while one may be opening or closing (after a click or key, and as
  // the step starts: the click that advanced to it may have opened one) or is open: a placement
  // in a page that keeps moving (every frame) costs no document query.
  const looking = { now: true };
  let hadPopups = false;
  // A target in a dialog (same document only: a frame's dialog is measured in another viewport).
  const dialog =
    options.placement === 'auto' && frameChain(target).length === 0 ? holdingDialog(target) : null;
  const stepPlatform = clippingCachedPlatform();
  // The target's box and the card's size at the last placement: the frame loop and the card's
  // resize observer below place again only when one of them changed since.
  const placed: Placed = {
    x: NaN,
    y: NaN,
    width: NaN,
    height: NaN,
    cardWidth: NaN,
    cardHeight: NaN,
  };
  const update = () => {
    // Read before anything is written (computePosition reads both anyway: no extra layout).
    const box = target.getBoundingClientRect();
    placed.x = box.x;
    placed.y = box.y;
    placed.width = box.width;
    placed.height = box.height;
    placed.cardWidth = card.offsetWidth;
    placed.cardHeight = card.offsetHeight;
    // An open dropdown of the target (teleported by its library) is part of the step: the card
    // goes beside both, the spotlight takes both in (lib/overlay/popups.ts).
    const popups = looking.now || hadPopups ? openPopups(target) : [];
    hadPopups = popups.length > 0;
    const reference: Element | VirtualElement = popups.length
      ? { contextElement: target, getBoundingClientRect: () => boxWithPopups(target, popups) }
      : target;
    const spotlight = popups.length
      ? frameAwareReference(target, () => boxWithPopups(target, popups))
      : spotlightReference;
    const visiblePart = oversized(spotlight);
    // Beside the dialog rather than over its content, where the viewport has room.
    const beside =
      dialog && !popups.length && !visiblePart
        ? besideDialog(
            target,
            dialog,
            { width: card.offsetWidth, height: card.offsetHeight },
            options.gap ?? 12,
          )
        : null;
    void position(
      beside?.reference ?? visiblePart ?? reference,
      spotlight,
      card,
      {
        ...options,
        ...(visiblePart ? { keepOnScreen: true } : {}),
        ...(beside ? { placements: beside.placements } : {}),
      },
      stepPlatform,
    );
  };
  // Placed now, then again on scrolls and resizes (`followScrolls`) and whenever the target's box
  // or the card's size differs from the last placement (`followTarget`). These replace
  // floating-ui's autoUpdate for the target's document: its frame loop placed the card a second
  // time in every scrolled frame, its resize observer again in the frame after the card was first
  // shown, and its set-up walks every ancestor of the target (40 levels on the bench's admin page)
  // with getComputedStyle to find the scrolling ones (bench/README.md, tour engine).
  update();
  // A scroll that left the target where it was last placed places nothing: the reveal's own
  // scroll (the browser reports it in the next frame, after the card was placed for it: a second
  // placement in the step's first frame, bench/README.md tour engine), a scroll elsewhere on the
  // page. While a popup of the target is open, every scroll places (the popup may have moved).
  const onScroll = () => {
    if (hadPopups || movedSincePlaced(target, placed)) update();
  };
  const cleanups = [
    followScrolls(target, onScroll, update),
    followTarget(target, card, placed, update),
  ];
  // A target inside iframes also moves when the top document (or an outer frame) scrolls.
  for (const frame of frameChain(target)) cleanups.push(autoUpdate(frame, card, update));
  // The placements after a click or key, while a popup may be opening or closing: with nothing
  // open before and nothing open now, the target's box and the card's size are what changed, if
  // anything, and followTarget places the card for those (each step started with six more
  // placements and each click or popup key queued seven, almost always all the same).
  const updateForPopups = () => {
    if (hadPopups || openPopups(target).length > 0) update();
  };
  cleanups.push(followPopups(target, updateForPopups, looking, options.own ?? null));
  return () => {
    for (const cleanup of cleanups) cleanup();
  };
}

/**
 * Calls `onScroll` on every scroll in the target's document and in the shadow roots around it
 * (their scroll events stay inside), and `onResize` on resizes of its window and visual viewport:
 * one capture listener each instead of one per scrolling ancestor, so nothing walks the
 * ancestors. Frames around the target are followed by the caller.
 */
function followScrolls(target: Element, onScroll: () => void, onResize: () => void): () => void {
  const options = { capture: true, passive: true } as const;
  const roots: Array<Document | ShadowRoot> = [];
  // Not `instanceof ShadowRoot`: a target in a same-origin frame has that frame's classes.
  for (let root = target.getRootNode(); isShadowRoot(root); root = root.host.getRootNode())
    roots.push(root);
  roots.push(target.ownerDocument);
  const view = target.ownerDocument.defaultView;
  const viewport = view?.visualViewport ?? null;
  for (const root of roots) root.addEventListener('scroll', onScroll, options);
  view?.addEventListener('resize', onResize, options);
  // The visual viewport's scroll (a pinch-zoomed page panned) moves no element's box, only the
  // part of the page on screen the card is kept in.
  viewport?.addEventListener('scroll', onResize, options);
  viewport?.addEventListener('resize', onResize, options);
  return () => {
    for (const root of roots) root.removeEventListener('scroll', onScroll, options);
    view?.removeEventListener('resize', onResize, options);
    viewport?.removeEventListener('scroll', onResize, options);
    viewport?.removeEventListener('resize', onResize, options);
  };
}

/** The target's box and the card's size when the card was last placed. */
interface Placed {
  x: number;
  y: number;
  width: number;
  height: number;
  cardWidth: number;
  cardHeight: number;
}

/** The target's box differs from its box at the last placement. */
function movedSincePlaced(target: Element, placed: Placed): boolean {
  const box = target.getBoundingClientRect();
  return (
    box.x !== placed.x ||
    box.y !== placed.y ||
    box.width !== placed.width ||
    box.height !== placed.height
  );
}

function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in node;
}

/**
 * Places the card again in the animation frame in which the target's box differs from its box at
 * the last placement (a page that keeps changing its layout moves the target without a scroll:
 * bench/tour churn page), and when the card's size differs from its size then (its text changed,
 * large text turned on). Returns the cleanup.
 */
function followTarget(
  target: Element,
  card: HTMLElement,
  placed: Placed,
  update: () => void,
): () => void {
  let frame = requestAnimationFrame(function follow() {
    if (movedSincePlaced(target, placed)) update();
    frame = requestAnimationFrame(follow);
  });
  const resized =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver(() => {
          if (card.offsetWidth !== placed.cardWidth || card.offsetHeight !== placed.cardHeight)
            update();
        })
      : null;
  resized?.observe(card);
  return () => {
    cancelAnimationFrame(frame);
    resized?.disconnect();
  };
}

/** Keys that open or close popups (typing into a field does not). */
const POPUP_KEYS = new Set(['Escape', 'Enter', ' ', 'ArrowDown', 'ArrowUp', 'Tab']);

/**
 * When after the learner's click or key to place the card again: a popup opens or closes within
 * a transition (Element Plus zooms in over ~300 ms).
 */
const POPUP_SETTLE_MS = [0, 50, 150, 350, 600, 1000, 1600] as const;

/**
 * Places the card again while a popup of the target may be opening or closing: after each click
 * or popup key in the target's document (a popup's opening does not move the target, so
 * autoUpdate does not see it). Returns the cleanup.
 */
function followPopups(
  target: Element,
  update: () => void,
  looking: { now: boolean },
  own: Element | null,
): () => void {
  const doc = target.ownerDocument;
  const view = doc.defaultView;
  if (!view) return () => undefined;
  const timers = new Set<number>();
  // At the start autoUpdate places the card at once (looking): no extra placement in the same
  // moment, which would land in the first card's frame.
  const burst = (start = false) => {
    looking.now = true;
    for (const delay of start ? POPUP_SETTLE_MS.slice(1) : POPUP_SETTLE_MS) {
      const timer = view.setTimeout(() => {
        timers.delete(timer);
        update();
        if (timers.size === 0) looking.now = false;
      }, delay);
      timers.add(timer);
    }
  };
  burst(true);
  // Our own card's buttons and keys: the host is on the event's path (the closed shadow root
  // shows the page nothing further in).
  const ours = (event: Event) => own !== null && event.composedPath().includes(own);
  const onKey = (event: KeyboardEvent) => {
    if (POPUP_KEYS.has(event.key) && !ours(event)) burst();
  };
  const onClick = (event: Event) => {
    if (!ours(event)) burst();
  };
  // A popup's opening or closing transition ended (late on a busy machine): place again then.
  const onTransitionEnd = (event: Event) => {
    if (inPopupLayer(event.target)) burst();
  };
  doc.addEventListener('click', onClick, { capture: true, passive: true });
  doc.addEventListener('transitionend', onTransitionEnd, { capture: true, passive: true });
  doc.addEventListener('animationend', onTransitionEnd, { capture: true, passive: true });
  doc.addEventListener('keyup', onKey, { capture: true, passive: true });
  return () => {
    doc.removeEventListener('click', onClick, { capture: true });
    doc.removeEventListener('transitionend', onTransitionEnd, { capture: true });
    doc.removeEventListener('animationend', onTransitionEnd, { capture: true });
    doc.removeEventListener('keyup', onKey, { capture: true });
    for (const timer of timers) view.clearTimeout(timer);
    timers.clear();
  };
}

/**
 * For a target taller or wider than the viewport (a whole form, a long table): the part of it on
 * screen, so the card sits beside what the learner sees instead of beyond the target's far edge,
 * off screen. Undefined when the target fits (the element itself is the better reference).
 */
function oversized(reference: VirtualElement): VirtualElement | undefined {
  const rect = reference.getBoundingClientRect();
  const width = window.innerWidth;
  const height = window.innerHeight;
  if (rect.height <= height && rect.width <= width) return undefined;
  const left = Math.max(rect.left, 0);
  const top = Math.max(rect.top, 0);
  const right = Math.min(rect.right, width);
  const bottom = Math.min(rect.bottom, height);
  if (right <= left || bottom <= top) return undefined; // scrolled away: let `hide` say so
  return {
    getBoundingClientRect: () =>
      DOMRectReadOnly.fromRect({ x: left, y: top, width: right - left, height: bottom - top }),
  };
}

/**
 * floating-ui's DOM platform, with each element's clipping ancestors worked out once for as long
 * as the platform is used (one step's anchoring) instead of once per placement.
 *
 * `hide` (and `shift`, `autoPlacement` for the card) measure against the element's clipping
 * ancestors; finding them walks every ancestor of the element reading its computed style (~40
 * for the bench's deepest target: ~1.4 ms of each placement, bench/README.md, tour engine), and
 * floating-ui keeps the result only for one `computePosition` call, in the platform's `_c` map.
 * A step's target and card keep their ancestors while the step is shown (a target that leaves
 * the page is looked up again and anchored anew, with a new platform), so the step keeps one
 * map. Should a later floating-ui stop reading `_c`, placements stay the same, only uncached.
 */
function clippingCachedPlatform(): Platform {
  const cache = new Map<Element, Element[]>();
  // What floating-ui's computePosition hands its platform methods as `this`, with a longer-lived map.
  const withCache = { ...platform, _c: cache };
  return {
    ...platform,
    getClippingRect: (args) => platform.getClippingRect.call(withCache, args),
  };
}

/** One placement of the card and the spotlight (also used for cross-origin frame targets). */
export async function position(
  reference: Element | VirtualElement,
  spotlightReference: VirtualElement,
  card: HTMLElement,
  options: AnchorOptions,
  /** floating-ui's platform; anchorCard passes one that keeps clipping ancestors for the step. */
  domPlatform: Platform = platform,
) {
  const middleware: Middleware[] = [offset(options.gap ?? 12)];
  middleware.push(
    options.placement === 'auto'
      ? autoPlacement({
          allowedPlacements: options.placements ?? ['bottom', 'top', 'right', 'left'],
        })
      : flip({ fallbackAxisSideDirection: 'start' }),
  );
  // The card is kept on screen only as far as it stays attached to its target: once the page
  // scrolls the target towards or past the window's edge, `limitShift` lets the card go with it
  // (shifting it further would push it back on screen, away from the target: the small bench
  // page's 57 px drift). crossAxis only for a target as big as the viewport (no side has room,
  // the reference is its visible part): the card then stays on screen, over that part's edge.
  middleware.push(
    options.keepOnScreen
      ? shift({ padding: 8, crossAxis: true })
      : shift({ padding: 8, limiter: limitShift() }),
  );
  if (options.arrowElement) middleware.push(arrow({ element: options.arrowElement, padding: 10 }));
  middleware.push(hide({ strategy: 'referenceHidden' }));

  // A target without a box (display: none) would put the card in the window's top-left corner:
  // once placed, the card stays where it was and the caller shows that it waits.
  const box = reference.getBoundingClientRect();
  // The element behind the reference (a virtual reference names it as its context element).
  const element: Element | undefined =
    'contextElement' in reference
      ? (reference.contextElement as Element | undefined)
      : (reference as Element);
  const leaving = element !== undefined && isLeaving(element);
  if (card.dataset.placement && ((box.width === 0 && box.height === 0) || leaving)) {
    if (options.spotlight) options.spotlight.hidden = true;
    const spot = spotlightReference.getBoundingClientRect();
    options.onUpdate?.({
      target: { x: spot.x, y: spot.y, width: spot.width, height: spot.height },
      placement: card.dataset.placement as FloatingPlacement,
      targetHidden: true,
      targetAway: true,
    });
    return;
  }
  const result = await computePosition(reference, card, {
    strategy: 'fixed',
    placement: options.placement === 'auto' ? 'bottom' : options.placement,
    middleware,
    platform: domPlatform,
  });
  // Read before the writes below: read after them, it forces a second layout of the page.
  const rect = spotlightReference.getBoundingClientRect();
  Object.assign(card.style, { left: `${result.x}px`, top: `${result.y}px` });
  card.dataset.placement = result.placement;

  const arrowData = result.middlewareData.arrow;
  if (options.arrowElement && arrowData) {
    const side = result.placement.split('-')[0] as 'top' | 'bottom' | 'left' | 'right';
    const opposite = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' }[side];
    Object.assign(options.arrowElement.style, {
      left: arrowData.x != null ? `${arrowData.x}px` : '',
      top: arrowData.y != null ? `${arrowData.y}px` : '',
      right: '',
      bottom: '',
      [opposite]: '-6px',
    });
  }

  if (options.spotlight) {
    Object.assign(options.spotlight.style, {
      left: `${rect.x - SPOTLIGHT_PADDING}px`,
      top: `${rect.y - SPOTLIGHT_PADDING}px`,
      width: `${rect.width + SPOTLIGHT_PADDING * 2}px`,
      height: `${rect.height + SPOTLIGHT_PADDING * 2}px`,
    });
  }
  const targetHidden = Boolean(result.middlewareData.hide?.referenceHidden);
  options.onUpdate?.({
    target: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
    placement: result.placement,
    targetHidden,
    targetAway: false,
  });
}

/** The iframe elements (innermost first) between `element` and the top document. */
export function frameChain(element: Element): HTMLIFrameElement[] {
  const chain: HTMLIFrameElement[] = [];
  let view = element.ownerDocument.defaultView;
  while (view && view !== view.parent) {
    const frame = safeFrameElement(view);
    if (!frame) break;
    chain.push(frame as HTMLIFrameElement);
    view = frame.ownerDocument.defaultView;
  }
  return chain;
}

function safeFrameElement(view: Window): Element | null {
  try {
    return view.frameElement;
  } catch {
    // Cross-origin parent: the content script in that frame draws its own overlay.
    return null;
  }
}

/**
 * A floating-ui reference whose box is the element's box in the *top* viewport: for an element
 * inside iframes, each frame's offset (its box plus border and padding) is added.
 */
export function frameAwareReference(
  element: Element,
  box: () => DOMRectReadOnly = () => element.getBoundingClientRect(),
): VirtualElement {
  return {
    contextElement: element,
    getBoundingClientRect() {
      const rect = box();
      let x = rect.x;
      let y = rect.y;
      for (const frame of frameChain(element)) {
        const frameRect = frame.getBoundingClientRect();
        const style = frame.ownerDocument.defaultView?.getComputedStyle(frame);
        x += frameRect.x + frame.clientLeft + parseFloat(style?.paddingLeft ?? '0');
        y += frameRect.y + frame.clientTop + parseFloat(style?.paddingTop ?? '0');
      }
      return DOMRectReadOnly.fromRect({ x, y, width: rect.width, height: rect.height });
    },
  };
}

/**
 * Brings the target into view when it is outside the viewport or covered (by a fixed or sticky
 * header, for instance): scrolls every scroll container on the way, and for a target in frames,
 * the frame elements too. Does nothing when the target is already visible and on top.
 */
export function revealTarget(target: Element, own?: Element | null): void {
  if (isUncovered(target, own)) return;
  // A target taller than the viewport cannot be centred whole: show its start (heading, first
  // field) rather than an arbitrary middle slice.
  const view = target.ownerDocument.defaultView;
  const tall = view !== null && target.getBoundingClientRect().height > view.innerHeight;
  target.scrollIntoView({
    block: tall ? 'start' : 'center',
    inline: 'nearest',
    behavior: 'instant',
  });
  for (const frame of frameChain(target)) {
    if (!isUncovered(frame, own))
      frame.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  }
}

/**
 * The element is inside its window's viewport and its centre point hits it (not a header).
 * `own` is Zhiyin's overlay host: the card of the step before may still lie over the new target
 * (it moves there next), which is no reason to scroll the page.
 */
function isUncovered(element: Element, own?: Element | null): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return true;
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return true;
  if (rect.height > view.innerHeight) {
    // Taller than the viewport: revealed when its start is on screen.
    return rect.top >= 0 && rect.top < view.innerHeight / 2;
  }
  const inViewport =
    rect.top >= 0 &&
    rect.left >= 0 &&
    rect.bottom <= view.innerHeight &&
    rect.right <= view.innerWidth;
  if (!inViewport) return false;
  const x = rect.x + rect.width / 2;
  const y = rect.y + rect.height / 2;
  let hit = element.ownerDocument.elementFromPoint(x, y);
  if (own && hit === own) {
    hit = element.ownerDocument.elementsFromPoint(x, y).find((under) => under !== own) ?? null;
  }
  return hit === null || hit === element || element.contains(hit) || hit.contains(element);
}
