/**
 * Only real user input may create a record (issue 10): the host page runs its own scripts, and a
 * compromised one can dispatch clicks, keys, input and change events on anything it can reach,
 * including our overlay while its shadow root is open (test build). The browser marks the events
 * it generates from the user's mouse, keyboard and touch `isTrusted`; events from
 * `dispatchEvent`, `element.click()` or `form.requestSubmit()` are not. Every listener that
 * answers a card, tip, welcome, resume offer, survey or exam, or that advances a step on the
 * learner's action, asks this first.
 */

/** A DOM event, or a React synthetic event (which carries the DOM event as `nativeEvent`). */
export type UserEventLike = Pick<Event, 'isTrusted'> | { nativeEvent: Pick<Event, 'isTrusted'> };

/** True only for an event the browser generated from the user's own input. */
export function isTrustedUserEvent(event: UserEventLike): boolean {
  const native = 'nativeEvent' in event ? event.nativeEvent : event;
  return native.isTrusted === true;
}

/**
 * Wraps a handler so it runs only for trusted user events; page-made events are dropped without
 * a word (telling a hostile script why would only help it).
 */
export function onlyTrusted<E extends UserEventLike>(
  handler: (event: E) => void,
): (event: E) => void {
  return (event) => {
    if (isTrustedUserEvent(event)) handler(event);
  };
}
