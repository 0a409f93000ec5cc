// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageProofContext, watchRouteChanges } from '../../../lib/lifetime/content-context';

/** WXT's "content script started" event name (what a page reads from the announcement). */
const STARTED = Reflect.get(ContentScriptContext, 'SCRIPT_STARTED_MESSAGE_TYPE') as string;

/** What a page script sends to pose as a newer copy of the content script. */
function spoofScriptStarted(): void {
  document.dispatchEvent(
    new CustomEvent(STARTED, { detail: { contentScriptName: 'content', messageId: 'page' } }),
  );
}

describe('PageProofContext (issue 10)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('outlives a page script posing as a newer content script, where WXT’s context ends', () => {
    const wxt = new ContentScriptContext('content');
    const ours = new PageProofContext('content');
    spoofScriptStarted();
    expect(wxt.signal.aborted).toBe(true);
    expect(ours.signal.aborted).toBe(false);
    expect(ours.isValid).toBe(true);
    ours.abort();
  });

  it('announces nothing itself (WXT’s own context already did)', () => {
    const wxt = new ContentScriptContext('content');
    const posted = vi.fn();
    window.addEventListener('message', posted);
    const ours = new PageProofContext('content');
    // A second announcement would end WXT's context (another message id) and reach the page.
    expect(wxt.signal.aborted).toBe(false);
    expect(posted).not.toHaveBeenCalled();
    window.removeEventListener('message', posted);
    ours.abort();
    wxt.abort();
  });

  it('ends when the extension is really gone (reloaded, updated, removed) and a newer copy starts', () => {
    const ours = new PageProofContext('content');
    const ended = vi.fn();
    ours.onInvalidated(ended);
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    spoofScriptStarted();
    expect(ended).toHaveBeenCalledOnce();
    expect(ours.signal.aborted).toBe(true);
  });
});

describe('watchRouteChanges (issue 10)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('follows the Navigation API, not a wxt:locationchange event the page can dispatch', () => {
    const navigation = new EventTarget();
    vi.stubGlobal('navigation', navigation);
    const ctx = new PageProofContext('content');
    const seen: string[] = [];
    watchRouteChanges(ctx, (url) => seen.push(url));

    history.pushState(null, '', '#/todo');
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(seen).toEqual([location.href]);

    // The page's own events, of any name, change nothing.
    window.dispatchEvent(new Event('wxt:locationchange'));
    window.dispatchEvent(new Event(STARTED.replace('content-script-started', 'locationchange')));
    // Nor does an entry change that left the address where it was.
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(seen).toHaveLength(1);

    ctx.abort();
    history.pushState(null, '', '#/after');
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(seen).toHaveLength(1);
  });
});
