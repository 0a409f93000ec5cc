import { browser } from 'wxt/browser';
import type { BackgroundPlatform } from '../../../app/background/platform';
import { sendMessage } from '../../../app/protocol';
import { injectFrameAgent } from '../../../lib/platform/inject';
import { sameFrameUrl } from '../protocol';
import { FrameDelegations, frameDelegationStore } from './routes';
import { sessionArea } from '../../../lib/platform/session-area';

/**
 * Tour targets inside cross-origin iframes: frame ids from webNavigation, the agent injected only
 * where asked to locate, updates forwarded to the frame that asked. Undefined where the browser
 * has no webNavigation (the routes then refuse).
 */
export function setupFrames(platform: BackgroundPlatform): FrameDelegations | undefined {
  const webNavigation = browser.webNavigation;
  if (!webNavigation) return undefined;
  const frames = new FrameDelegations({
    frames: async (tabId) => (await webNavigation.getAllFrames({ tabId })) ?? [],
    frameLoaded: (tabId, url, timeoutMs, signal) =>
      new Promise((resolve) => {
        const done = (frameId: number | null) => {
          clearTimeout(timer);
          webNavigation.onDOMContentLoaded.removeListener(loaded);
          signal.removeEventListener('abort', aborted);
          resolve(frameId);
        };
        const loaded = (details: { tabId: number; frameId: number; url: string }) => {
          if (details.tabId === tabId && details.frameId !== 0 && sameFrameUrl(details.url, url))
            done(details.frameId);
        };
        const aborted = () => done(null);
        const timer = setTimeout(aborted, timeoutMs);
        webNavigation.onDOMContentLoaded.addListener(loaded);
        signal.addEventListener('abort', aborted, { once: true });
      }),
    isAllowedHost: (url) => platform.isAllowedHost(url),
    injectAgent: injectFrameAgent,
    locate: (tabId, frameId, request) => sendMessage('bg:frameLocate', request, { tabId, frameId }),
    release: (tabId, frameId, id) => sendMessage('bg:frameRelease', { id }, { tabId, frameId }),
    forward: (tabId, frameId, update) => sendMessage('bg:frameUpdate', update, { tabId, frameId }),
    store: frameDelegationStore(sessionArea()),
  });
  webNavigation.onCommitted.addListener(
    ({ tabId, frameId }) => void frames.frameNavigated(tabId, frameId),
  );
  browser.tabs.onRemoved.addListener((tabId) => void frames.tabClosed(tabId));
  return frames;
}
