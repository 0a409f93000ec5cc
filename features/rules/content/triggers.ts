import type { RuleTriggers } from '../helpers';
/**
 * The content script's own watch on a page where no page-specific rule applies (hello reply
 * `ruleTriggers`): one passive capturing `copy` and/or `click` listener and a text check for the
 * markers of every page. The first event that can matter loads the rules bundle; the event is
 * handed to its watcher ({@link PendingAction}) so the tip still shows for that very copy or
 * click. Part of content.js: no imports beyond types, nothing read or kept but the selection of a
 * copy and the target of a click (the watcher classifies them, as it does its own events).
 */

/** A user action noticed before the rules watcher was loaded, replayed by it once started. */
export type PendingAction =
  /** A copy: the selection's range and text at the moment of the copy. */
  | { kind: 'copy'; range: Range; text: string }
  /** A click on a control (button, link, menu item): its target. */
  | { kind: 'click'; target: EventTarget };

/** Page changes are checked for a marker text at most this often. */
export const MARKER_RECHECK_MS = 1000;

// Same controls as the watcher's classifyClick (features/rules/content/watcher.ts).
const CONTROL = 'button, a[href], a[download], [role="button"], [role="link"], [role="menuitem"]';

/** Whether `doc` holds one of `texts` (whitespace ignored): a superset of the marker's own check. */
export function markerTextPresent(doc: Document, texts: readonly string[]): boolean {
  if (texts.length === 0) return false;
  const all = doc.body?.textContent ?? '';
  let compact: string | undefined;
  return texts.some((text) => {
    if (all.includes(text)) return true;
    const needle = text.replace(/\s+/gu, '');
    if (!needle || !all.includes(needle.charAt(0))) return false;
    compact ??= all.replace(/\s+/gu, '');
    return compact.includes(needle);
  });
}

/**
 * Watch `win` for the global triggers. `onTrigger` gets the first action that can matter (and
 * every later one until `signal` is aborted, which the caller does once the watcher runs), or
 * `null` when a marker text is on the page (checked now, on `recheck()`, and once at idle).
 */
export function watchRuleTriggers(
  win: Window & typeof globalThis,
  triggers: RuleTriggers,
  signal: AbortSignal,
  onTrigger: (action: PendingAction | null) => void,
): { recheck(): void } {
  const doc = win.document;
  const listen = { capture: true, passive: true, signal } as const;
  if (triggers.copy) {
    doc.addEventListener(
      'copy',
      () => {
        const selection = win.getSelection();
        if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return;
        onTrigger({
          kind: 'copy',
          range: selection.getRangeAt(0).cloneRange(),
          text: selection.toString(),
        });
      },
      listen,
    );
  }
  if (triggers.click) {
    doc.addEventListener(
      'click',
      (event) => {
        const target = event.target as Node | null;
        const start =
          target?.nodeType === 1 ? (target as Element) : (target?.parentElement ?? null);
        if (target && start?.closest(CONTROL)) onTrigger({ kind: 'click', target });
      },
      listen,
    );
  }
  const recheck = (): void => {
    if (!signal.aborted && markerTextPresent(doc, triggers.markerTexts)) onTrigger(null);
  };
  if (triggers.markerTexts.length > 0) {
    recheck();
    // jsdom has no requestIdleCallback.
    const hasIdle = typeof win.requestIdleCallback === 'function';
    const idle = hasIdle ? win.requestIdleCallback(recheck) : win.setTimeout(recheck, 200);
    // A marker can also arrive later without a route change (a 403 answered after a slow
    // request). Mutations only schedule one check, at most once per MARKER_RECHECK_MS: on a page
    // that keeps rewriting itself this is a text scan a second, never work per mutation.
    let timer: number | undefined;
    const observer = new win.MutationObserver(() => {
      timer ??= win.setTimeout(() => {
        timer = undefined;
        recheck();
      }, MARKER_RECHECK_MS);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => {
      if (hasIdle) win.cancelIdleCallback(idle);
      else win.clearTimeout(idle);
      observer.disconnect();
      if (timer !== undefined) win.clearTimeout(timer);
    });
  }
  return { recheck };
}
