import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { PageInstructions } from '../lib/messaging/protocol';
import { onMessage, sendMessage } from '../lib/messaging/protocol';
import { registeredOverlay, type OverlayApi, type TourChannel } from '../lib/overlay/api';

/**
 * Runs on every page (and frame) of the configured hosts, so it stays small: no React, no UI.
 * It tells the background where it is and loads the overlay bundle only when there is something
 * to show. `matches` is replaced at build time (wxt.config.ts, lib/hosts/match-patterns.ts).
 */
export default defineContentScript({
  matches: ['http://localhost/*'],
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    const topFrame = window === window.top;
    const channel: TourChannel = {
      send: (event) => sendMessage('content:tourEvent', event),
      resume: (tourId, mode) =>
        sendMessage('content:resumeTour', { tourId, mode, url: location.href }),
      report: (description) =>
        sendMessage('content:submitReport', {
          category: 'other',
          description,
          url: location.href,
          title: document.title,
          topFrame,
        }),
    };

    onMessage('bg:ping', () => ({ url: location.href, title: document.title }));
    onMessage('bg:showWelcome', async () => {
      if (!topFrame) return { shown: false };
      await showWelcome(ctx);
      return { shown: true };
    });
    onMessage('bg:tourInstruction', async ({ data }) => {
      if (topFrame) await (await loadOverlay()).runTour(ctx, data, channel);
    });
    onMessage('bg:maskSensitive', async () => ({
      masked: topFrame ? await (await loadOverlay()).maskSensitive(ctx) : 0,
    }));
    onMessage('bg:unmaskSensitive', () => registeredOverlay()?.unmaskSensitive());
    ctx.onInvalidated(() => registeredOverlay()?.unmount());

    const follow = async (instructions: PageInstructions) => {
      if (instructions.welcome) await showWelcome(ctx);
      if (instructions.tour) await (await loadOverlay()).runTour(ctx, instructions.tour, channel);
      else if (instructions.resume) {
        await (await loadOverlay()).offerResume(ctx, instructions.resume, channel);
      }
    };
    const hello = async () =>
      follow(
        await sendMessage('content:hello', { url: location.href, title: document.title, topFrame }),
      );

    await hello();

    // SPA route changes are page visits too (WXT dispatches this from the Navigation API).
    // The Navigation API also announces full page loads before they unload this document; those
    // are reported by the next page's own content script, so only committed same-document
    // changes count here.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => {
      // The title often changes just after the route; read it once the page has rendered.
      ctx.requestAnimationFrame(() => {
        if (location.href === event.newUrl.href) void hello();
      });
    });
  },
});

async function loadOverlay(): Promise<OverlayApi> {
  const existing = registeredOverlay();
  if (existing) return existing;
  await sendMessage('content:loadOverlay');
  const loaded = registeredOverlay();
  if (!loaded) throw new Error('Zhiyin overlay bundle did not register');
  return loaded;
}

async function showWelcome(ctx: ContentScriptContext): Promise<void> {
  const overlay = await loadOverlay();
  await overlay.showWelcome(ctx, {
    onChooseRole: async (role) => {
      await sendMessage('content:chooseRole', { role, url: location.href });
    },
    onDismiss: async () => {
      await sendMessage('content:dismissWelcome', { url: location.href });
    },
  });
}
