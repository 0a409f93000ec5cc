import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * The content script's lifetime, which the host page cannot end (issue 10).
 *
 * WXT's ContentScriptContext invalidates itself when a "content script started" CustomEvent of
 * its name arrives on `document` from another instance; it also announces itself with a
 * `window.postMessage` the page can read. A page script only has to read that announcement and
 * send the event back to switch Zhiyin off for the rest of the page's life (overlay removed,
 * route changes no longer reported). Here such an announcement ends this context only when this
 * copy of the extension is really gone: `browser.runtime.id` disappears when the extension is
 * reloaded, updated or removed, which is exactly when a newer copy takes over. This context
 * announces nothing itself (WXT's context, created before `main`, already did).
 *
 * Everything the overlay and rules bundles receive as `ctx` is this object, so every listener,
 * timer and observer still hangs off one signal.
 */
export class PageProofContext extends ContentScriptContext {
  override stopOldScripts(): void {
    // WXT's own context already announced this script; a second announcement would only tell the
    // page again.
  }

  override listenForNewerScripts(): void {
    const type = scriptStartedEventType();
    if (!type) return;
    document.addEventListener(
      type,
      () => {
        if (extensionGone()) this.notifyInvalidated();
      },
      { signal: this.signal },
    );
  }
}

/** True once this content script's extension was reloaded, updated or removed. */
export function extensionGone(): boolean {
  try {
    return browser.runtime?.id == null;
  } catch {
    return true;
  }
}

/** WXT's event name for "a content script started" (a private static of ContentScriptContext). */
function scriptStartedEventType(): string | undefined {
  const type: unknown = Reflect.get(ContentScriptContext, 'SCRIPT_STARTED_MESSAGE_TYPE');
  return typeof type === 'string' ? type : undefined;
}

/**
 * Calls `onRouteChange(url)` after each committed same-document navigation (an SPA route
 * change), read from the Navigation API directly rather than through WXT's `wxt:locationchange`,
 * a DOM event on `window` that the page can dispatch itself or stop before it reaches us.
 * Without the Navigation API (older browsers) the address is compared once a second, as WXT does.
 * Stops with `ctx`.
 */
export function watchRouteChanges(
  ctx: ContentScriptContext,
  onRouteChange: (url: string) => void,
): void {
  let last = location.href;
  const check = (): void => {
    if (location.href === last) return;
    last = location.href;
    onRouteChange(last);
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    // Fired once the new entry is current (pushState, replaceState, back/forward within the
    // document); full page loads unload this script instead and are reported by the next one.
    navigation.addEventListener('currententrychange', check, { signal: ctx.signal });
  } else {
    ctx.setInterval(check, 1000);
  }
}
