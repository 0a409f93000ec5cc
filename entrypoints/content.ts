import { defineContentScript } from 'wxt/utils/define-content-script';
import { createContentPage } from '../app/content/start';
import { registeredOverlay } from '../app/overlay/api';
import { onMessage } from '../app/protocol';
import { PageProofContext } from '../lib/lifetime/content-context';

/**
 * Runs on every page (and frame) of the configured hosts, so it stays small: no React, no UI.
 * It tells the background where it is and loads the overlay bundle only when there is something
 * to show (app/content/start.ts). `matches` is replaced at build time (wxt.config.ts,
 * lib/hosts/match-patterns.ts).
 */
export default defineContentScript({
  matches: ['http://localhost/*'],
  allFrames: true,
  runAt: 'document_idle',
  async main(wxtContext) {
    // WXT's context can be switched off by the host page; ours ends only with the extension
    // (lib/lifetime/content-context.ts, issue 10). Everything below hangs off ours.
    const ctx = new PageProofContext('content', wxtContext.options);
    const page = createContentPage(ctx, window === window.top);

    onMessage('bg:ping', () => ({ url: location.href, title: document.title }));
    onMessage('bg:showWelcome', async () => ({ shown: await page.showWelcome() }));
    onMessage('bg:tourInstruction', ({ data }) => page.runTour(data));
    onMessage('bg:maskSensitive', () => page.maskSensitive());
    onMessage('bg:unmaskSensitive', () =>
      window === window.top ? (registeredOverlay()?.unmaskSensitive() ?? null) : null,
    );
    onMessage('bg:warmOverlay', () => page.warmOverlay());
    onMessage('bg:rulesChanged', ({ data }) => page.rulesChanged(data.revision));
    ctx.onInvalidated(() => registeredOverlay()?.unmount());

    await page.start();
  },
});
