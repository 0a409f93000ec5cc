/**
 * Real user input in DOM tests. Production code acts only on trusted events
 * (lib/trust/user-event.ts, issue 10); happy-dom has no `isTrusted` at all, so everything a test
 * dispatches reads as a page script's event and is ignored. These helpers stand in for the
 * learner's own mouse and keyboard by marking the one event they dispatch as trusted — in tests
 * only; the production check stays as strict as in a real browser. Dispatch a plain event (or
 * call `element.click()`) to play a page script instead.
 */

/** Marks `event` as the user's own, as the browser marks a real click or key press. */
export function asUserEvent<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** Dispatches `event` on `target` as the user's own input. */
export function dispatchAsUser(target: EventTarget | null | undefined, event: Event): void {
  target?.dispatchEvent(asUserEvent(event));
}

/** The learner clicks `element` (a trusted click, bubbling and composed like a real one). */
export function userClick(element: Element | null | undefined): void {
  const view = element?.ownerDocument.defaultView;
  if (!element || !view) return;
  dispatchAsUser(
    element,
    new view.MouseEvent('click', { bubbles: true, cancelable: true, composed: true }),
  );
}
