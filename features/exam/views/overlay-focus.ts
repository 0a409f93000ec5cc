import { useEffect, useRef, type RefObject } from 'react';
import { isTrustedUserEvent } from '../../../lib/trust/user-event';

/**
 * Keyboard focus for the exam's bar and result (issue 16), the same way as for the step card
 * (features/tour/views/tour-layer.ts): Alt+Shift+G moves focus from the page into the panel and
 * back to where the learner was; the panel never takes focus by itself while the learner works in
 * the page; when it goes away with focus in it, focus goes back to the page's own control instead
 * of being dropped on <body>.
 */
export interface OverlayFocus {
  /** Focus back to the page's element the learner was on (true when it could). */
  returnToPage(): boolean;
  /** Whether nothing has focus (the element that had it was removed). */
  focusLost(): boolean;
}

/**
 * `panel` is the element that counts as "in the panel" (focus inside it goes back to the page on
 * the shortcut); `enter()` puts focus into it. Listeners hang off the window while mounted.
 */
export function usePanelFocus(
  panel: RefObject<HTMLElement | null>,
  enter: () => void,
  { restoreOnUnmount = true }: { restoreOnUnmount?: boolean | (() => boolean) } = {},
): OverlayFocus {
  /** The last page element (outside our overlay) that had focus. */
  const pageFocus = useRef<HTMLElement | null>(null);
  const enterRef = useRef(enter);
  const restoreRef = useRef(restoreOnUnmount);
  useEffect(() => {
    enterRef.current = enter;
    restoreRef.current = restoreOnUnmount;
  });

  const focusLost = () => {
    const doc = panel.current?.ownerDocument ?? document;
    const active = doc.activeElement;
    if (active && active !== doc.body && active !== doc.documentElement) {
      // In our shadow root: lost only when nothing inside it has focus.
      return active.shadowRoot !== null && active.shadowRoot.activeElement === null;
    }
    return true;
  };

  const returnToPage = () => {
    const back = pageFocus.current;
    if (!back || !canTakeFocus(back)) return false;
    back.focus({ preventScroll: true });
    return true;
  };

  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const root = element.getRootNode();
    const host = root instanceof ShadowRoot ? root.host : null;
    const doc = element.ownerDocument;
    const win = doc.defaultView;
    if (!win) return;
    const remember = (target: EventTarget | null) => {
      if (target instanceof HTMLElement && target !== host && target !== doc.body) {
        pageFocus.current = target;
      }
    };
    remember(doc.activeElement);
    const onFocusIn = (event: FocusEvent) => remember(event.target);
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isTrustedUserEvent(event) || event.defaultPrevented) return;
      if (!(event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey)) return;
      // By key position: whatever the layout or input method, as the step card's shortcut.
      if (event.code !== 'KeyG') return;
      // A step card on the page answers the shortcut itself (tour-layer.ts).
      if (root instanceof ShadowRoot && root.querySelector('[data-zhiyin-step]')) return;
      const current = panel.current;
      if (!current) return;
      event.preventDefault();
      event.stopPropagation();
      const active = root instanceof ShadowRoot ? root.activeElement : doc.activeElement;
      if (active && current.contains(active)) returnToPage();
      else enterRef.current();
    };
    doc.addEventListener('focusin', onFocusIn, true);
    win.addEventListener('keydown', onKeyDown, true);
    return () => {
      doc.removeEventListener('focusin', onFocusIn, true);
      win.removeEventListener('keydown', onKeyDown, true);
      const restore = restoreRef.current;
      if (typeof restore === 'function' ? !restore() : !restore) return;
      // Gone with focus in it (its elements were removed): back to the page, not <body>. A
      // microtask later, so a panel that replaces this one can take the focus first.
      queueMicrotask(() => {
        const active = doc.activeElement;
        if (active && active !== doc.body) return;
        const back = pageFocus.current;
        if (back && canTakeFocus(back)) back.focus({ preventScroll: true });
      });
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return { returnToPage, focusLost };
}

/** A connected, shown, enabled element that takes focus from the keyboard. */
function canTakeFocus(element: HTMLElement): boolean {
  const field = element as HTMLElement & { disabled?: boolean };
  return (
    element.isConnected &&
    element.tabIndex >= 0 &&
    field.disabled !== true &&
    element.getClientRects().length > 0
  );
}
