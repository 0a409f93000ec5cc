/**
 * Author mode: the framework-free part of the element picker. While it runs, pointing at the page
 * reports the element under the pointer, a click picks it instead of acting (the page never sees
 * the click), Tab + Enter picks by keyboard, and Esc leaves. Every listener is attached to the
 * page's windows in the capturing phase, so it runs before the page's own handlers, and hangs off
 * the caller's AbortSignal: aborting restores the page completely.
 */

export interface ElementPickerOptions {
  /** The page document. Same-origin iframes in it (present now or loaded later) are followed. */
  document: Document;
  /** Abort to stop picking; every listener goes with it. */
  signal: AbortSignal;
  /**
   * Our own UI (the overlay's shadow host): never hovered or picked, and its clicks and keys are
   * left alone. Events from inside a shadow root arrive retargeted to its host.
   */
  isOwnUi?: (element: Element) => boolean;
  /** The element under the pointer or focused by keyboard; null when it leaves the page. */
  onHover?: (element: Element | null) => void;
  /** A click (or Enter / Space on the focused element) picked this element. */
  onPick: (element: Element) => void;
  /** Esc was pressed. */
  onExit?: () => void;
}

/** Pointer events that would make the page act; swallowed while picking. */
const SWALLOWED = [
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
] as const;

export function startElementPicker(options: ElementPickerOptions): void {
  const { signal } = options;
  if (signal.aborted) return;
  const isOwnUi = options.isOwnUi ?? (() => false);
  const attached = new Set<Document>();

  const pageElement = (target: EventTarget | null): Element | null => {
    if (!target || typeof (target as Node).nodeType !== 'number') return null;
    const node = target as Node;
    const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!element || isOwnUi(element)) return null;
    if (element === element.ownerDocument.documentElement) return null;
    return element;
  };

  const attach = (doc: Document): void => {
    if (attached.has(doc) || !doc.defaultView) return;
    attached.add(doc);
    const view = doc.defaultView;
    const listen = <K extends keyof WindowEventMap>(
      type: K,
      handler: (event: WindowEventMap[K]) => void,
    ): void => view.addEventListener(type, handler, { capture: true, signal });

    listen('mouseover', (event) => options.onHover?.(pageElement(event.target)));
    listen('mouseout', (event) => {
      if (!event.relatedTarget) options.onHover?.(null);
    });
    listen('focusin', (event) => {
      const element = pageElement(event.target);
      if (element) options.onHover?.(element);
    });
    for (const type of SWALLOWED) {
      listen(type, (event) => {
        const element = pageElement(event.target);
        if (!element) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        if (type === 'click') options.onPick(element);
      });
    }
    listen('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopImmediatePropagation();
        options.onExit?.();
        return;
      }
      if (event.key !== 'Enter' && event.key !== ' ') return;
      const element = pageElement(event.target);
      if (!element || element === doc.body) return;
      // Enter on a focused page button would submit or navigate: pick it instead.
      event.preventDefault();
      event.stopImmediatePropagation();
      options.onPick(element);
    });
    // Frames that load (or navigate) later get listeners too; `load` does not bubble but is seen
    // while capturing.
    doc.addEventListener(
      'load',
      (event) => {
        const target = event.target as Element | null;
        if (target && (target.localName === 'iframe' || target.localName === 'frame'))
          attachFrame(target as HTMLIFrameElement);
      },
      { capture: true, signal },
    );
    for (const frame of doc.querySelectorAll('iframe, frame'))
      attachFrame(frame as HTMLIFrameElement);
  };

  const attachFrame = (frame: HTMLIFrameElement): void => {
    let frameDocument: Document | null = null;
    try {
      frameDocument = frame.contentDocument;
    } catch (error) {
      // Cross-origin frames cannot be entered from here (older engines throw instead of
      // returning null): the content script inside that frame has to pick there.
      if (!(typeof error === 'object' && error !== null && 'name' in error)) throw error;
    }
    if (frameDocument) attach(frameDocument);
  };

  attach(options.document);
}

/**
 * An element's box in the top window's viewport (adding the offsets of the same-origin iframes
 * it sits in), for drawing the hover outline in the top document's overlay.
 */
export function viewportRect(element: Element): {
  top: number;
  left: number;
  width: number;
  height: number;
} {
  const rect = element.getBoundingClientRect();
  let top = rect.top;
  let left = rect.left;
  let frame = element.ownerDocument.defaultView?.frameElement ?? null;
  while (frame) {
    const frameRect = frame.getBoundingClientRect();
    top += frameRect.top + frame.clientTop;
    left += frameRect.left + frame.clientLeft;
    frame = frame.ownerDocument.defaultView?.frameElement ?? null;
  }
  return { top, left, width: rect.width, height: rect.height };
}
